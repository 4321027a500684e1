"""The manual ID check's one record: document type and last four characters, never an image (R8).

A check says how the document was seen: looked at by the receptionist, or read from its chip by
an ID card reader (the receptionist still compares the card's printed photo with the guest).
"""

from datetime import datetime

from app.domain.audit import AuditAction, operator_actor
from app.domain.checks import CheckMethod, CheckPurpose, CheckResult, DocumentCheck
from app.domain.errors import InvalidInputError, StateError
from app.domain.id_cards import IdCardRead
from app.domain.identity_documents import normalise_number
from app.domain.people import IdDocumentType
from app.domain.records import PersonRecord, StayRecord
from app.storage.unit_of_work import UnitOfWork


def last_four(number_seen: str) -> str:
    """The last four characters of the number typed, normalised (raises when fewer were typed)."""
    seen = normalise_number(number_seen)
    if len(seen) < 4:
        raise InvalidInputError("Enter at least the last four characters of the document number.")
    return seen[-4:]


def record_confirmation(
    uow: UnitOfWork,
    operator_id: int,
    stay: StayRecord,
    person: PersonRecord,
    purpose: CheckPurpose,
    *,
    matches: bool,
    now: datetime,
) -> bool:
    """Record a matches / does not match answer about the registered document; return ``matches``."""
    if person.document is None:
        raise StateError("No ID document is registered for this guest: have a manager correct the record.")
    record_result(
        uow,
        operator_id,
        stay,
        person,
        purpose,
        CheckResult.DOCUMENT_CHECKED if matches else CheckResult.DOCUMENT_MISMATCH,
        person.document.type,
        person.document.last4 if matches else None,
        now,
    )
    return matches


EXPIRED_CARD = "This ID card has expired, so it cannot confirm who the guest is: check another valid document."
OTHER_CARD = (
    "The card on the reader is not the document registered for this guest: lay the guest's own card, "
    "or check their document by hand."
)


def record_card_check(
    uow: UnitOfWork,
    operator_id: int,
    stay: StayRecord,
    person: PersonRecord,
    purpose: CheckPurpose,
    card: IdCardRead,
    now: datetime,
) -> bool:
    """Compare a card read by the reader with the registered document and record the check.

    Only the type and the last four characters are kept, as for a document looked at.

    Raises:
        InvalidInputError: the card has expired (nothing is recorded: it is no check at all).
    """
    if card.expired(now.date()):
        raise InvalidInputError(EXPIRED_CARD)
    registered = person.document
    matches = registered is not None and registered == card.document
    result = CheckResult.DOCUMENT_CHECKED if matches else CheckResult.DOCUMENT_MISMATCH
    record_result(
        uow,
        operator_id,
        stay,
        person,
        purpose,
        result,
        card.document.type,
        card.document.last4 if matches else None,  # nothing about someone else's card
        now,
        document_check=DocumentCheck.CARD_READ,
    )
    return matches


def record_document_check(
    uow: UnitOfWork,
    operator_id: int,
    stay: StayRecord,
    person: PersonRecord,
    purpose: CheckPurpose,
    document_type: IdDocumentType,
    last4: str,
    now: datetime,
) -> bool:
    """Compare the document shown with the registered one and record the check (type and last four only)."""
    matches = person.document is not None and person.document.type is document_type and person.document.last4 == last4
    result = CheckResult.DOCUMENT_CHECKED if matches else CheckResult.DOCUMENT_MISMATCH
    record_result(uow, operator_id, stay, person, purpose, result, document_type, last4, now)
    return matches


def record_result(
    uow: UnitOfWork,
    operator_id: int,
    stay: StayRecord,
    person: PersonRecord,
    purpose: CheckPurpose,
    result: CheckResult,
    document_type: IdDocumentType,
    last4: str | None,
    now: datetime,
    *,
    document_check: DocumentCheck = DocumentCheck.LOOKED_AT,
) -> None:
    """Store one check result (type and last four at most) and audit it without names."""
    uow.consents.add_verification(
        person_id=person.id,
        stay_id=stay.id,
        purpose=purpose,
        method=CheckMethod.MANUAL,
        result=result,
        operator_id=operator_id,
        at=now,
        document_type=document_type,
        document_last4=last4,
        document_check=document_check,
    )
    uow.audit(
        AuditAction.MANUAL_CHECKED,
        operator_actor(operator_id),
        at=now,
        subject=("stay", stay.id),
        details={"result": result, "document_check": document_check},
    )
