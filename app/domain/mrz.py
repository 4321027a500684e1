"""Machine-readable zones (ICAO 9303): passports (TD3, 2 lines of 44) and ID cards (TD1, 3 of 30).

An MRZ is typed from the document or arrives from an MRZ reader acting as a keyboard, one line
and a Return at a time. Every check digit is verified, and a wrong one is reported by the field
it protects, so the receptionist knows what to look at again.
"""

from dataclasses import dataclass
from datetime import date

from app.domain.errors import InvalidInputError
from app.domain.identity_documents import IdDocument, icao_check_digit
from app.domain.people import IdDocumentType

TD3_LINE = 44
TD1_LINE = 30
MRZ_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")

# One literal sentence per protected field, so each can be translated (app/ui/messages.py).
WRONG_NUMBER = "The machine-readable zone has a wrong check digit for the document number."
WRONG_BIRTH = "The machine-readable zone has a wrong check digit for the date of birth."
WRONG_EXPIRY = "The machine-readable zone has a wrong check digit for the expiry date."
WRONG_PERSONAL_NUMBER = "The machine-readable zone has a wrong check digit for the personal number."
WRONG_COMPOSITE = "The machine-readable zone has a wrong final check digit: a character is misread somewhere."
NOT_AN_MRZ = (
    "This is not a complete machine-readable zone: a passport has 2 lines of 44 characters, an ID card 3 lines of 30."
)
BAD_DATE = "The machine-readable zone has an impossible date."


@dataclass(frozen=True)
class MrzDocument:
    """What a machine-readable zone says. ``repr`` hides everything personal."""

    document: IdDocument
    surname: str
    given_names: str
    nationality: str
    date_of_birth: date
    expiry_date: date

    @property
    def full_name(self) -> str:
        """The name as printed in the zone: surname, then given names."""
        return " ".join(part for part in (self.surname, self.given_names) if part)

    def __repr__(self) -> str:
        return f"MrzDocument({self.document!r})"

    __str__ = __repr__


def mrz_lines(text: str) -> list[str]:
    """The zone's lines from typed or pasted text (spaces and line breaks between lines allowed)."""
    return [line for line in text.upper().split() if line]


def looks_like_mrz_line(text: str) -> bool:
    """Whether ``text`` is one line of a zone (what an MRZ reader types before its Return)."""
    line = text.strip().upper()
    return len(line) in (TD1_LINE, TD3_LINE) and "<" in line and set(line) <= MRZ_ALPHABET


def _check(field: str, digit: str, message: str) -> None:
    # an empty optional field may carry "<" as its check digit
    if field.strip("<") == "" and digit in "<0":
        return
    if icao_check_digit(field) != digit:
        raise InvalidInputError(message)


def _date(yymmdd: str, today: date, *, past: bool) -> date:
    try:
        year = 2000 + int(yymmdd[:2])
        month, day = int(yymmdd[2:4]), int(yymmdd[4:6])
        value = date(year, month, day)
        # a birth date is in the past; an expiry date at most a few decades ahead
        if (past and value > today) or (not past and value.year > today.year + 50):
            value = date(year - 100, month, day)
    except ValueError:
        raise InvalidInputError(BAD_DATE) from None
    return value


def _names(field: str) -> tuple[str, str]:
    surname, _, given = field.strip("<").partition("<<")
    return surname.replace("<", " ").strip(), given.replace("<", " ").strip()


def _document_type(code: str) -> IdDocumentType:
    return IdDocumentType.PASSPORT if code.startswith("P") else IdDocumentType.OTHER


def parse_mrz(text: str, *, today: date) -> MrzDocument:
    """Read and check a TD3 (passport) or TD1 (ID card) machine-readable zone.

    Raises:
        InvalidInputError: not a zone, or naming the field whose check digit is wrong.
    """
    lines = mrz_lines(text)
    if not all(set(line) <= MRZ_ALPHABET for line in lines):
        raise InvalidInputError(NOT_AN_MRZ)
    if len(lines) == 2 and all(len(line) == TD3_LINE for line in lines):
        return _parse_td3(lines[0], lines[1], today)
    if len(lines) == 3 and all(len(line) == TD1_LINE for line in lines):
        return _parse_td1(lines[0], lines[1], lines[2], today)
    raise InvalidInputError(NOT_AN_MRZ)


def _parse_td3(first: str, second: str, today: date) -> MrzDocument:
    number, birth, expiry, personal = second[0:9], second[13:19], second[21:27], second[28:42]
    _check(number, second[9], WRONG_NUMBER)
    _check(birth, second[19], WRONG_BIRTH)
    _check(expiry, second[27], WRONG_EXPIRY)
    _check(personal, second[42], WRONG_PERSONAL_NUMBER)
    _check(second[0:10] + second[13:20] + second[21:43], second[43], WRONG_COMPOSITE)
    surname, given = _names(first[5:44])
    return _document(first[0:2], number, surname, given, second[10:13], birth, expiry, today)


def _parse_td1(first: str, second: str, third: str, today: date) -> MrzDocument:
    number, birth, expiry = first[5:14], second[0:6], second[8:14]
    _check(number, first[14], WRONG_NUMBER)
    _check(birth, second[6], WRONG_BIRTH)
    _check(expiry, second[14], WRONG_EXPIRY)
    _check(first[5:30] + second[0:7] + second[8:15] + second[18:29], second[29], WRONG_COMPOSITE)
    surname, given = _names(third)
    return _document(first[0:2], number, surname, given, second[15:18], birth, expiry, today)


def _document(
    code: str, number: str, surname: str, given: str, nationality: str, birth: str, expiry: str, today: date
) -> MrzDocument:
    clean_number = number.replace("<", "")
    if not clean_number:
        raise InvalidInputError(NOT_AN_MRZ)
    return MrzDocument(
        IdDocument(_document_type(code), clean_number),
        surname,
        given,
        nationality.replace("<", ""),
        _date(birth, today, past=True),
        _date(expiry, today, past=False),
    )
