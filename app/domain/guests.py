"""Who is checking in and for how long: validated guest and stay details, and the age rules (R7)."""

import unicodedata
from dataclasses import dataclass
from datetime import date

from app.domain.errors import InvalidInputError
from app.domain.identity_documents import IdDocument, document_birth_date, id_document
from app.domain.people import IdDocumentType

MINOR_AGE = 14  # under 14: guardian consent and special rules (Measures Art. 7, PIPL 31)
MAX_NAME_LENGTH = 100
MAX_ROOM_LENGTH = 20
MAX_STAY_NIGHTS = 366


def age_on(birth: date, day: date) -> int:
    """Completed years of age on ``day``."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def is_minor(birth: date, day: date) -> bool:
    """Whether someone born on ``birth`` is under 14 on ``day``."""
    return age_on(birth, day) < MINOR_AGE


def clean_name(name: str) -> str:
    """A person's name with outer and repeated spaces removed; refuses empty and control characters."""
    text = " ".join(unicodedata.normalize("NFC", name).split())
    if not text:
        raise InvalidInputError("Enter the name as it is written on the ID document.")
    if len(text) > MAX_NAME_LENGTH:
        raise InvalidInputError(f"A name has at most {MAX_NAME_LENGTH} characters.")
    if not text.isprintable():
        raise InvalidInputError("A name cannot contain invisible characters.")
    return text


def same_name(first: str, second: str) -> bool:
    """Whether two typed names are the same name (case, width and spacing aside)."""

    def key(name: str) -> str:
        return "".join(unicodedata.normalize("NFKC", name).casefold().split())

    return key(first) == key(second)


@dataclass(frozen=True)
class GuestDetails:
    """A guest's identity as checked at the desk. ``repr`` hides everything personal."""

    full_name: str
    document: IdDocument
    date_of_birth: date

    def __repr__(self) -> str:
        return f"GuestDetails({self.document!r})"

    __str__ = __repr__


def guest_details(
    full_name: str,
    document_type: IdDocumentType,
    document_number: str,
    date_of_birth: date | None,
    *,
    today: date,
) -> GuestDetails:
    """Validate a guest's details; a document whose number carries the date of birth supplies it.

    Raises:
        InvalidInputError: naming the first problem.
    """
    name = clean_name(full_name)
    document = id_document(document_type, document_number, today=today)
    derived = document_birth_date(document, today)
    if derived is not None:
        if date_of_birth is not None and date_of_birth != derived:
            if document_type is IdDocumentType.RESIDENT_ID:
                raise InvalidInputError("The date of birth does not match the one in the resident ID number.")
            raise InvalidInputError("The date of birth does not match the one in the document number.")
        date_of_birth = derived
    if date_of_birth is None:
        raise InvalidInputError("Enter the date of birth shown on the document.")
    if date_of_birth > today or date_of_birth.year < today.year - 130:
        raise InvalidInputError("The date of birth is not possible.")
    return GuestDetails(name, document, date_of_birth)


@dataclass(frozen=True)
class StayDetails:
    """Room and dates of a stay."""

    room: str
    arrival: date
    departure: date


def stay_details(room: str, arrival: date, departure: date, *, today: date) -> StayDetails:
    """Validate a stay.

    Raises:
        InvalidInputError: naming the first problem.
    """
    clean_room = " ".join(room.split())
    if not clean_room or len(clean_room) > MAX_ROOM_LENGTH:
        raise InvalidInputError(f"Enter a room of 1 to {MAX_ROOM_LENGTH} characters.")
    if departure < arrival:
        raise InvalidInputError("The departure date cannot be before the arrival date.")
    if (departure - arrival).days > MAX_STAY_NIGHTS:
        raise InvalidInputError("A stay can last at most one year.")
    if departure < today:
        raise InvalidInputError("The departure date has already passed.")
    return StayDetails(clean_room, arrival, departure)
