"""Security alerts (R18): raised in the same transaction as what caused them, and audited.

Alerts stay on the Compliance page until a manager marks them read. What raises one: an account
locked after repeated failed sign-ins; many people's data exported by one operator within an hour;
face data of many people deleted outside the retention purge within an hour (withdrawals, declined
notices, a purpose switched off); and every bulk export of records (attendance, filing data).
"""

import logging
from datetime import datetime, timedelta

from app.domain.audit import SYSTEM_ACTOR, Actor, AuditAction, DetailValue
from app.storage.unit_of_work import UnitOfWork

logger = logging.getLogger(__name__)

MASS_DELETION_LIMIT = 10  # people's face data deleted outside the purge within an hour before an alert
ALERT_WINDOW = timedelta(hours=1)


def raise_security_alert(
    uow: UnitOfWork, kind: str, at: datetime, *, subject_id: int | None = None, details: dict[str, DetailValue]
) -> int:
    """Record an alert of ``kind`` and audit it (no names, no numbers that identify a guest)."""
    alert_id = uow.alerts.raise_alert(kind, at=at, subject_id=subject_id, details=details)
    uow.audit(AuditAction.SECURITY_ALERT, SYSTEM_ACTOR, at=at, details={"alert": kind, "alert_id": alert_id})
    logger.info("Security alert raised: %s (shown on the Compliance page until a manager marks it read).", kind)
    return alert_id


def record_bulk_export(
    uow: UnitOfWork, action: AuditAction, actor: Actor, at: datetime, export: str, details: dict[str, DetailValue]
) -> None:
    """Audit a bulk export of records and raise its alert, in one transaction: every one is shown (R18)."""
    uow.audit(action, actor, at=at, details=details)
    raise_security_alert(uow, "bulk_export", at, subject_id=actor.id, details={"export": export})


def note_deletions_outside_purge(uow: UnitOfWork, at: datetime, people: int) -> None:
    """Alert once when the people whose face data was deleted this hour (purge aside) pass the limit.

    Call after the deletion's own audit event is written, with how many people it deleted.
    """
    since = at - ALERT_WINDOW
    deleted = uow.audit_log.count_action_since(AuditAction.CONSENT_WITHDRAWN.value, since)
    deleted += uow.audit_log.sum_detail_since(AuditAction.BUSINESS_UPDATED.value, "consents_ended", since)
    if deleted > MASS_DELETION_LIMIT >= deleted - people:
        raise_security_alert(uow, "mass_deletion", at, details={"people_last_hour": deleted})
