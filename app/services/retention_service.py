"""The retention job (R13): face data goes when its purpose ends, and never outlives three years unused.

A consent expires when its retention date passes (guests: checkout plus the grace period; staff:
the end of employment) or when none of its templates was used for three years. Expiring a
consent deletes its templates in the same transaction (schema trigger), the write-ahead log is
emptied afterwards, and the run is audited. Consents, impact assessments and the audit log are
kept: they hold no face data and are the record the law asks for. A dry run writes nothing.
"""

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from app.config.settings import GUEST_RECORD_MONTHS
from app.domain.audit import CLI_ACTOR, SYSTEM_ACTOR, Actor, AuditAction, operator_actor
from app.domain.business import Purpose
from app.domain.clock import Clock
from app.domain.operators import OperatorSession
from app.domain.retention import HARD_CAP, guest_record_kept_until, hard_cap_until
from app.domain.roles import Permission
from app.services.access_control import AccessControl
from app.services.erasure import ERASED_AFTER_REGISTER_PERIOD, erase_person
from app.storage.database import Database
from app.storage.unit_of_work import UnitOfWork

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PurgeItem:
    """One consent whose face data is due for deletion, and why."""

    consent_id: int
    person_id: int
    purpose: str
    reason: str  # "checked_out", "retention_date", "employment_ended" or "unused_three_years"
    templates: int
    due_at: datetime


@dataclass(frozen=True)
class PurgeReport:
    """What a run deleted (or, for a dry run, would delete)."""

    ran_at: datetime
    dry_run: bool
    items: tuple[PurgeItem, ...]
    registrations_erased: int = 0  # guests whose register period ended: name, document, birth date, stays

    @property
    def templates(self) -> int:
        """Templates deleted (or that would be)."""
        return sum(item.templates for item in self.items)


def purge_plan(uow: UnitOfWork, now: datetime) -> list[PurgeItem]:
    """Every live consent whose face data must go at ``now`` (one query, whatever the gallery size)."""
    items = []
    for due in uow.consents.due_for_retention(now, now - HARD_CAP):
        if due.retention_until <= now:
            if due.purpose is Purpose.STAFF_ENTRY:
                reason = "employment_ended"
            else:
                reason = "checked_out" if due.checked_out else "retention_date"
            when = due.retention_until
        else:
            assert due.last_use is not None  # noqa: S101 - selected because of it
            reason, when = "unused_three_years", hard_cap_until(due.last_use)
        items.append(PurgeItem(due.consent_id, due.person_id, due.purpose.value, reason, due.templates, when))
    return items


def registrations_due(uow: UnitOfWork, today: date) -> list[int]:
    """Guests whose register period has ended: every stay over, the last departed that long ago.

    The period is ``retention/guest_record_months`` after the last departure (a guest who never
    stayed counts from the day they were registered); with 0 months a guest's registration goes
    once their last stay is over.
    """
    months = uow.policy(GUEST_RECORD_MONTHS)
    latest = today - timedelta(days=28 * months)  # no month is shorter, so this day is not too early
    while guest_record_kept_until(latest, months) > today:
        latest -= timedelta(days=1)
    return uow.people.guest_records_past(latest + timedelta(days=1))


class RetentionService:
    """Runs the retention job: automatically (system), from the CLI, or by a Manager."""

    def __init__(self, database: Database, access: AccessControl, clock: Clock, local_zone: tzinfo) -> None:
        self._db = database
        self._access = access
        self._clock = clock
        self._zone = local_zone

    def plan(self) -> list[PurgeItem]:
        """What is due now, without changing anything."""
        with self._db.reading() as uow:
            return purge_plan(uow, self._clock())

    def purge(
        self, *, dry_run: bool = False, session: OperatorSession | None = None, actor: Actor = SYSTEM_ACTOR
    ) -> PurgeReport:
        """Delete the face data that is due; idempotent (a second run finds nothing).

        Args:
            dry_run: report only; nothing is written, not even an audit event.
            session: a Manager running it from the desk (permission-checked); ``None`` for the
                automatic job (``actor`` system) or the command line (``actor`` cli).
            actor: the audit actor when no session is given.
        """
        if session is not None:
            actor = operator_actor(self._access.require(session, Permission.RUN_PURGE).id)
        elif actor not in (SYSTEM_ACTOR, CLI_ACTOR):
            raise ValueError("the retention job runs as system, cli or a signed-in Manager")
        now = self._clock()
        today = now.astimezone(self._zone).date()
        if dry_run:
            with self._db.reading() as uow:
                return PurgeReport(now, True, tuple(purge_plan(uow, now)), len(registrations_due(uow, today)))
        with self._db.unit() as uow:
            items = purge_plan(uow, now)
            consents = uow.consents
            for item in items:
                consents.expire(item.consent_id, at=now)
                uow.audit(
                    AuditAction.CONSENT_EXPIRED,
                    actor,
                    at=now,
                    subject=("person", item.person_id),
                    details={"consent_id": item.consent_id, "reason": item.reason, "templates_deleted": item.templates},
                )
            erased = registrations_due(uow, today)  # after the expiries: their consents are no longer live
            for person_id in erased:
                erase_person(uow, person_id, at=now, actor=actor, reason=ERASED_AFTER_REGISTER_PERIOD)
            uow.audit(
                AuditAction.RETENTION_PURGED,
                actor,
                at=now,
                details={
                    "consents": len(items),
                    "templates_deleted": sum(i.templates for i in items),
                    "registrations_erased": len(erased),
                },
            )
        if items or erased:
            self._db.checkpoint()
            logger.info(
                "Retention job removed face data of %d consents and %d guest registrations.", len(items), len(erased)
            )
        return PurgeReport(now, False, tuple(items), len(erased))
