"""Identity documents a receptionist checks, each number validated by its own rules.

A resident ID (居民身份证号码) is 17 digits and a check character: digits 1-6 are the region,
7-14 the date of birth (YYYYMMDD), 15-17 a sequence number, and the 18th is computed from the
first 17 with the ISO 7064 MOD 11-2 weights, ``X`` standing for 10. The Hong Kong, Macao and
Taiwan residence permits (2018) use the same layout with the region 810000, 820000 or 830000, and
so does the 2023 foreign permanent resident ID, which starts with 9. The 2017 permanent resident
ID is 15 characters: the nationality (3 letters), the issuing office (4 digits), the date of birth
(YYMMDD), one digit and an ICAO 9303 check digit over the first 14. The travel permits for Hong
Kong and Macao residents (H or M and 8 digits, 10 on newer cards) and Taiwan residents (8 digits,
10 on older ones) carry no date of birth: it is typed from the card.
"""

from dataclasses import dataclass
from datetime import date

from app.domain.errors import InvalidInputError
from app.domain.people import IdDocumentType

RESIDENT_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
RESIDENT_ID_CHECK_CODES = "10X98765432"
MIN_DOCUMENT_LENGTH = 5
MAX_DOCUMENT_LENGTH = 20


@dataclass(frozen=True)
class IdDocument:
    """A document type and its normalised number. ``repr`` shows only the last four characters."""

    type: IdDocumentType
    number: str

    @property
    def last4(self) -> str:
        """The last four characters: all a manual check ever records (R8)."""
        return self.number[-4:]

    def __repr__(self) -> str:
        return f"IdDocument({self.type.value}, ****{self.last4})"

    __str__ = __repr__


def resident_id_check_code(first17: str) -> str:
    """The 18th character for the first 17 digits."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, RESIDENT_ID_WEIGHTS, strict=True))
    return RESIDENT_ID_CHECK_CODES[total % 11]


def resident_id_birth_date(number: str) -> date:
    """The date of birth encoded in digits 7-14 of a (valid) resident ID."""
    return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


def normalise_number(number: str) -> str:
    """Upper case, without spaces or dashes, as people read numbers out."""
    return "".join(ch for ch in number.upper() if ch not in " -\t")


def icao_check_digit(characters: str) -> str:
    """The ICAO 9303 check digit: weights 7, 3, 1; digits as themselves, A-Z as 10-35, ``<`` as 0."""
    total = 0
    for position, character in enumerate(characters):
        if character.isdigit():
            value = int(character)
        elif "A" <= character <= "Z":
            value = ord(character) - ord("A") + 10
        elif character == "<":
            value = 0
        else:
            raise InvalidInputError("A machine-readable zone has only capital letters, digits and <.")
        total += value * (7, 3, 1)[position % 3]
    return str(total % 10)


def _valid_birth(birth: date, today: date) -> bool:
    return birth <= today and birth.year >= today.year - 130


def _two_digit_year_birth(yymmdd: str, today: date) -> date | None:
    """A date of birth written YYMMDD: the latest century that puts it in the past."""
    try:
        year = 2000 + int(yymmdd[:2])
        birth = date(year, int(yymmdd[2:4]), int(yymmdd[4:6]))
        if birth > today:
            birth = birth.replace(year=year - 100)
    except ValueError:
        return None
    return birth


@dataclass(frozen=True)
class _NumberMessages:
    """What to say about one kind of 18-character number (literal sentences, so they can be translated)."""

    layout: str
    birth: str
    check: str


_RESIDENT_ID_MESSAGES = _NumberMessages(
    "A resident ID number has 17 digits followed by a digit or X.",
    "This resident ID number does not contain a valid date of birth.",
    "This resident ID number is not valid: please check it for typing mistakes.",
)
_RESIDENCE_PERMIT_MESSAGES = _NumberMessages(
    "A residence permit number has 17 digits followed by a digit or X.",
    "This residence permit number does not contain a valid date of birth.",
    "This residence permit number is not valid: please check it for typing mistakes.",
)
_PERMANENT_RESIDENCE_MESSAGES = _NumberMessages(
    "A foreign permanent resident ID number has 18 digits starting with 9 (2023 card) or "
    "3 letters and 12 digits (2017 card).",
    "This permanent residence ID number does not contain a valid date of birth.",
    "This permanent residence ID number is not valid: please check it for typing mistakes.",
)


def _mod11_number(clean: str, today: date, messages: _NumberMessages) -> None:
    """The 18-character GB 11643 layout shared by resident IDs, residence permits and 2023 PR cards."""
    if len(clean) != 18 or not clean[:17].isdigit() or not (clean[17].isdigit() or clean[17] == "X"):
        raise InvalidInputError(messages.layout)
    try:
        birth = resident_id_birth_date(clean)
    except ValueError:
        raise InvalidInputError(messages.birth) from None
    if not _valid_birth(birth, today):
        raise InvalidInputError(messages.birth)
    if resident_id_check_code(clean[:17]) != clean[17]:
        raise InvalidInputError(messages.check)


HMT_PREFIXES = ("810000", "820000", "830000")  # Hong Kong, Macao, Taiwan


def _check_permanent_residence(clean: str, today: date) -> None:
    """2017 card: 3 letters, 4 digits, YYMMDD, 1 digit, ICAO check digit; 2023 card: 18 digits from 9."""
    if len(clean) == 18 and clean.startswith("9"):
        _mod11_number(clean, today, _PERMANENT_RESIDENCE_MESSAGES)
        return
    if len(clean) != 15 or not clean[:3].isalpha() or not clean[:3].isascii() or not clean[3:].isdigit():
        raise InvalidInputError(_PERMANENT_RESIDENCE_MESSAGES.layout)
    birth = _two_digit_year_birth(clean[7:13], today)
    if birth is None or not _valid_birth(birth, today):
        raise InvalidInputError(_PERMANENT_RESIDENCE_MESSAGES.birth)
    if icao_check_digit(clean[:14]) != clean[14]:
        raise InvalidInputError(_PERMANENT_RESIDENCE_MESSAGES.check)


def document_birth_date(document: IdDocument, today: date) -> date | None:
    """The date of birth a (valid) document number carries, or None when its number has none."""
    number = document.number
    if document.type in (IdDocumentType.RESIDENT_ID, IdDocumentType.HMT_RESIDENCE_PERMIT):
        return resident_id_birth_date(number)
    if document.type is IdDocumentType.FOREIGN_PERMANENT_RESIDENT_ID:
        if len(number) == 18:
            return resident_id_birth_date(number)
        return _two_digit_year_birth(number[7:13], today)
    return None


def id_document(document_type: IdDocumentType, number: str, *, today: date) -> IdDocument:
    """Validate a document number by its type's own rules.

    Raises:
        InvalidInputError: with a sentence saying what is wrong.
    """
    clean = normalise_number(number)
    if document_type is IdDocumentType.RESIDENT_ID:
        _mod11_number(clean, today, _RESIDENT_ID_MESSAGES)
    elif document_type is IdDocumentType.HMT_RESIDENCE_PERMIT:
        _mod11_number(clean, today, _RESIDENCE_PERMIT_MESSAGES)
        if not clean.startswith(HMT_PREFIXES):
            raise InvalidInputError(
                "A Hong Kong, Macao or Taiwan residence permit number starts with 810000, 820000 or 830000."
            )
    elif document_type is IdDocumentType.FOREIGN_PERMANENT_RESIDENT_ID:
        _check_permanent_residence(clean, today)
    elif document_type is IdDocumentType.HK_MACAO_PERMIT:
        if len(clean) not in (9, 11) or clean[0] not in "HM" or not clean[1:].isdigit():
            raise InvalidInputError(
                "A Hong Kong and Macao permit number is H or M followed by 8 digits (10 on newer cards)."
            )
    elif document_type is IdDocumentType.TAIWAN_PERMIT:
        if len(clean) not in (8, 10) or not clean.isdigit():
            raise InvalidInputError("A Taiwan permit number has 8 digits (10 on older permits).")
    elif not (MIN_DOCUMENT_LENGTH <= len(clean) <= MAX_DOCUMENT_LENGTH) or not clean.isalnum() or not clean.isascii():
        raise InvalidInputError(
            f"A document number has {MIN_DOCUMENT_LENGTH} to {MAX_DOCUMENT_LENGTH} letters and digits."
        )
    return IdDocument(document_type, clean)
