"""Identity documents a receptionist checks, and the 18-digit resident ID's own rules.

A resident ID (居民身份证号码) is 17 digits and a check character: digits 1-6 are the region,
7-14 the date of birth (YYYYMMDD), 15-17 a sequence number, and the 18th is computed from the
first 17 with the ISO 7064 MOD 11-2 weights, ``X`` standing for 10.
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


def id_document(document_type: IdDocumentType, number: str, *, today: date) -> IdDocument:
    """Validate a document number for its type.

    Raises:
        InvalidInputError: with a sentence saying what is wrong.
    """
    clean = normalise_number(number)
    if document_type is IdDocumentType.RESIDENT_ID:
        if len(clean) != 18 or not clean[:17].isdigit() or not (clean[17].isdigit() or clean[17] == "X"):
            raise InvalidInputError("A resident ID number has 17 digits followed by a digit or X.")
        try:
            birth = resident_id_birth_date(clean)
        except ValueError:
            raise InvalidInputError("This resident ID number does not contain a valid date of birth.") from None
        if birth > today or birth.year < today.year - 130:
            raise InvalidInputError("This resident ID number does not contain a valid date of birth.")
        if resident_id_check_code(clean[:17]) != clean[17]:
            raise InvalidInputError("This resident ID number is not valid: please check it for typing mistakes.")
        return IdDocument(document_type, clean)
    if not (MIN_DOCUMENT_LENGTH <= len(clean) <= MAX_DOCUMENT_LENGTH) or not clean.isalnum() or not clean.isascii():
        raise InvalidInputError(
            f"A document number has {MIN_DOCUMENT_LENGTH} to {MAX_DOCUMENT_LENGTH} letters and digits."
        )
    return IdDocument(document_type, clean)
