"""Filings owed to the authority (Measures Art. 15, R21): the first one, changes, and the cancellation.

A business that reaches 100,000 people with face data files within 30 working days. From then
on, when what it filed changes (its purposes, name, contact or where the camera is) it owes a
change filing, and when it switches face recognition off altogether a cancellation filing, each
within 30 working days as well. Each is a task on the Compliance page until someone records the
day it was submitted (audited).
"""

import logging
from datetime import date, datetime, tzinfo

from app.domain.audit import Actor, AuditAction, operator_actor
from app.domain.business import BusinessProfile
from app.domain.clock import Clock
from app.domain.errors import NotFoundError, StateError
from app.domain.filing import FilingTask, filing_deadline
from app.domain.operators import OperatorSession
from app.domain.roles import Permission
from app.services.access_control import AccessControl
from app.storage.database import Database
from app.storage.unit_of_work import UnitOfWork

logger = logging.getLogger(__name__)
FILED_DETAILS = ("processor_name", "contact", "location_type")


def owe_initial_filing(uow: UnitOfWork, reached_on: date, deadline: date) -> None:
    """The 100,000-person threshold was reached: the filing is owed (once)."""
    if not any(task.kind == "filing" for task in uow.compliance.filing_tasks()):
        uow.compliance.add_filing_task("filing", "threshold_reached", reached_on, deadline)


def note_profile_change(
    uow: UnitOfWork, actor: Actor, at: datetime, on: date, before: BusinessProfile, after: BusinessProfile
) -> str | None:
    """After a filing was owed, a change to what was filed owes a change or cancellation filing.

    Returns:
        The kind of filing now owed ("change" or "cancellation"), or ``None``.
    """
    if not any(task.kind == "filing" for task in uow.compliance.filing_tasks()):
        return None  # nothing was ever filed, so nothing to change or cancel
    if before.purposes and not after.purposes:
        kind, reason = "cancellation", "switched_off"
    elif before.purposes != after.purposes:
        kind, reason = "change", "purposes_changed"
    elif any(getattr(before, name) != getattr(after, name) for name in FILED_DETAILS):
        kind, reason = "change", "details_changed"
    else:
        return None
    deadline = filing_deadline(on)
    uow.compliance.add_filing_task(kind, reason, on, deadline)
    uow.audit(
        AuditAction.FILING_TASK_OPENED, actor, at=at, details={"filing": kind, "reason": reason,
                                                               "deadline": deadline.isoformat()}
    )  # fmt: skip
    logger.info("A %s filing is now owed (see the Compliance page).", kind)
    return kind


class FilingService:
    """The filing tasks, and recording that one was submitted."""

    def __init__(self, database: Database, access: AccessControl, clock: Clock, local_zone: tzinfo) -> None:
        self._db = database
        self._access = access
        self._clock = clock
        self._zone = local_zone

    def tasks(self, session: OperatorSession) -> list[FilingTask]:
        """Every filing owed or submitted, open ones first."""
        self._access.require(session, Permission.VIEW_COMPLIANCE)
        with self._db.reading() as uow:
            return uow.compliance.filing_tasks()

    def mark_filed(self, session: OperatorSession, task_id: int) -> FilingTask:
        """Record that the filing was submitted today (Admins: they hold the business's filing account)."""
        admin = self._access.require(session, Permission.EDIT_BUSINESS_PROFILE)
        now: datetime = self._clock()
        today = now.astimezone(self._zone).date()
        with self._db.unit() as uow:
            task = next((t for t in uow.compliance.filing_tasks() if t.id == task_id), None)
            if task is None:
                raise NotFoundError("There is no such filing.")
            if not uow.compliance.mark_filing_task_filed(task_id, on=today, by_operator=admin.id):
                raise StateError("This filing was already recorded as submitted.")
            uow.audit(
                AuditAction.FILING_SUBMITTED,
                operator_actor(admin.id),
                at=now,
                details={"filing": task.kind, "reason": task.reason, "deadline": task.deadline.isoformat()},
            )
            return next(t for t in uow.compliance.filing_tasks() if t.id == task_id)
