"""What an ID card reader reads from a card's chip: the 256-byte text block, and what the desk keeps of it.

Second-generation resident ID cards, Hong Kong / Macao / Taiwan residence permits and 2017
foreign permanent resident ID cards carry their printed details as 256 bytes of UCS-2 (UTF-16LE)
text in fixed fields; the card type is the character at byte 248 (a space on resident ID cards,
``J`` on residence permits, ``I`` on permanent resident cards). The chip also holds a 1024-byte
compressed photo: the reader code drops it unread (R12), so it never reaches this module.

Only what the desk needs leaves the parser: the name, the document, the date of birth and the
validity dates. Sex, ethnicity (sensitive personal information) and the address are read past,
never kept (PIPL Art. 6 and 28: the minimum necessary).
"""

from dataclasses import dataclass
from datetime import date

from app.domain.errors import InvalidInputError
from app.domain.guests import clean_name
from app.domain.identity_documents import IdDocument, document_birth_date, id_document
from app.domain.people import IdDocumentType

TEXT_LENGTH = 256
PHOTO_LENGTH = 1024
CARD_TYPE_OFFSET = 248
LONG_TERM = "长期"  # a card valid without end (issued to people over 46)

UNREADABLE = "The card could not be read correctly: lay it on the reader again."
NOT_SUPPORTED = "This kind of card cannot be read here yet: enter its details by hand."
BIRTH_MISMATCH = "The card's date of birth does not match its number: check the card by hand."


@dataclass(frozen=True)
class IdCardRead:
    """A card read from the reader, validated. ``repr`` shows the document type and last four only."""

    document: IdDocument
    full_name: str
    date_of_birth: date
    valid_from: date
    valid_until: date | None  # None: valid long-term

    def expired(self, today: date) -> bool:
        """Whether the card's validity ended before ``today``."""
        return self.valid_until is not None and self.valid_until < today

    def __repr__(self) -> str:
        return f"IdCardRead({self.document!r})"

    __str__ = __repr__


# (start, length) in bytes, per card type
_RESIDENT_FIELDS = {"name": (0, 30), "birth": (36, 16), "number": (122, 36), "from": (188, 16), "until": (204, 16)}
_PERMANENT_FIELDS = {
    "name": (0, 120),  # the English name; the Chinese name (if any) follows the nationality
    "number": (122, 30),
    "from": (188, 16),
    "until": (204, 16),
    "birth": (220, 16),
}
_CARD_TYPES = {
    " ": (IdDocumentType.RESIDENT_ID, _RESIDENT_FIELDS),
    "J": (IdDocumentType.HMT_RESIDENCE_PERMIT, _RESIDENT_FIELDS),
    "I": (IdDocumentType.FOREIGN_PERMANENT_RESIDENT_ID, _PERMANENT_FIELDS),
}


# The documents an ID card reader can read: those with the chip it speaks to. A passport, a
# travel permit or anything else is checked by hand (or its MRZ typed or scanned).
CARD_DOCUMENT_TYPES = frozenset(document_type for document_type, _ in _CARD_TYPES.values())


def _field(text: bytes, span: tuple[int, int]) -> str:
    start, length = span
    try:
        value = text[start : start + length].decode("utf-16-le")
    except UnicodeDecodeError:
        raise InvalidInputError(UNREADABLE) from None
    return value.replace("\x00", "").strip()


def _card_date(value: str) -> date:
    if len(value) != 8 or not value.isdigit():
        raise InvalidInputError(UNREADABLE)
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        raise InvalidInputError(UNREADABLE) from None


def parse_card_text(text: bytes, *, today: date) -> IdCardRead:
    """Validate a card's 256-byte text block and keep what the desk needs.

    Raises:
        InvalidInputError: the block is damaged, of an unknown card type, or its number's checksum
            or date of birth do not hold.
    """
    if len(text) != TEXT_LENGTH:
        raise InvalidInputError(UNREADABLE)
    card_type = _field(text, (CARD_TYPE_OFFSET, 2)) or " "
    if card_type not in _CARD_TYPES:
        raise InvalidInputError(NOT_SUPPORTED)
    document_type, fields = _CARD_TYPES[card_type]
    document = id_document(document_type, _field(text, fields["number"]), today=today)
    birth = _card_date(_field(text, fields["birth"]))
    if document_birth_date(document, today) != birth:
        raise InvalidInputError(BIRTH_MISMATCH)
    until_text = _field(text, fields["until"])
    return IdCardRead(
        document=document,
        full_name=clean_name(_field(text, fields["name"])),
        date_of_birth=birth,
        valid_from=_card_date(_field(text, fields["from"])),
        valid_until=None if until_text == LONG_TERM else _card_date(until_text),
    )
