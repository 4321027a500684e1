"""Erasing who a person was: on a deletion request (R19) or when the guest register's period ends (R13).

One function does both, inside the caller's transaction: every live consent is withdrawn (its
templates go with it, by schema trigger), the names and signatures kept as consent evidence are
replaced, the person's name, document and birth date are cleared and their stays deleted. What
stays is the fact: consents with their dates, the checks, the request, and an audit event without
a name. The database overwrites deleted values (``secure_delete``); the caller empties the
write-ahead log afterwards, and backups taken before go when the backup window ends (R14).
"""

from datetime import datetime

from app.domain.audit import Actor, AuditAction
from app.services.security_alerts import note_deletions_outside_purge
from app.storage.unit_of_work import UnitOfWork

ERASED_BY_REQUEST = "deletion_request"
ERASED_AFTER_REGISTER_PERIOD = "guest_register_period_ended"


def erase_person(uow: UnitOfWork, person_id: int, *, at: datetime, actor: Actor, reason: str) -> int:
    """Erase a person's identity and face data; return how many face templates were deleted."""
    templates = withdraw_face_data(uow, person_id, at=at, actor=actor, reason=reason)
    uow.consents.erase_evidence_names(person_id)
    uow.people.erase(person_id, at=at)
    uow.audit(
        AuditAction.PERSON_ERASED,
        actor,
        at=at,
        subject=("person", person_id),
        details={"reason": reason, "templates_deleted": templates},
    )
    return templates


def withdraw_face_data(uow: UnitOfWork, person_id: int, *, at: datetime, actor: Actor, reason: str) -> int:
    """Withdraw every live consent of a person, each audited; return how many face templates went."""
    consents = uow.consents
    templates, withdrawn = 0, 0
    for consent in consents.consents_of(person_id):
        if not consent.live:
            continue
        under = consents.templates_under(consent.id)
        consents.withdraw(consent.id, at=at)
        uow.audit(
            AuditAction.CONSENT_WITHDRAWN,
            actor,
            at=at,
            subject=("person", person_id),
            details={"consent_id": consent.id, "templates_deleted": under, "reason": reason},
        )
        templates, withdrawn = templates + under, withdrawn + 1
    if withdrawn:
        note_deletions_outside_purge(uow, at, people=1)
    return templates
