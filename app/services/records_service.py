"""Processing records: what was done each month, as counts, kept three years (R2, R17).

A month is recorded once it has ended (at start-up and by the hourly job, idempotently). The
counts come from the audit log and the clock events; they name nobody and hold no face data.
"""

from datetime import date, datetime, time, tzinfo

from app.domain.audit import SYSTEM_ACTOR, AuditAction
from app.domain.clock import Clock
from app.domain.operators import OperatorSession
from app.domain.retention import RECORD_KEEPING
from app.domain.roles import Permission
from app.services.access_control import AccessControl
from app.storage.database import Database
from app.storage.records_repository import ProcessingRecord
from app.storage.unit_of_work import UnitOfWork

COUNTED_ACTIONS = {
    "enrolments": AuditAction.FACE_ENROLLED,
    "consents_given": AuditAction.CONSENT_GIVEN,
    "face_declined": AuditAction.FACE_DECLINED,
    "face_verifications": AuditAction.FACE_VERIFIED,
    "manual_id_checks": AuditAction.MANUAL_CHECKED,
    "withdrawals": AuditAction.CONSENT_WITHDRAWN,
    "checkouts": AuditAction.CHECKED_OUT,
    "consents_expired": AuditAction.CONSENT_EXPIRED,
    "purge_runs": AuditAction.RETENTION_PURGED,
    "rights_requests": AuditAction.RIGHTS_REQUEST_OPENED,
    "incidents": AuditAction.INCIDENT_RECORDED,
}
COUNT_NAMES = (*COUNTED_ACTIONS, "templates_purged", "face_clock_events", "pin_clock_events")


def month_start(day: date) -> date:
    """The first day of ``day``'s month."""
    return day.replace(day=1)


def next_month(day: date) -> date:
    """The first day of the month after ``day``'s."""
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def period_counts(uow: UnitOfWork, start: datetime, end: datetime) -> dict[str, int]:
    """The counts of one period (every name in COUNT_NAMES, zero when nothing happened)."""
    records = uow.records
    actions = records.actions_between(start, end)
    counts = {name: actions.get(action.value, 0) for name, action in COUNTED_ACTIONS.items()}
    methods = records.clock_methods_between(start, end)
    counts["templates_purged"] = records.templates_purged_between(start, end)
    counts["face_clock_events"] = methods.get("face", 0)
    counts["pin_clock_events"] = methods.get("pin", 0)
    return counts


class ProcessingRecordService:
    """Keeps and shows the monthly processing records."""

    def __init__(self, database: Database, access: AccessControl, clock: Clock, zone: tzinfo) -> None:
        self._db = database
        self._access = access
        self._clock = clock
        self._zone = zone

    def record_closed_months(self) -> list[date]:
        """Record every ended month not yet recorded; return their first days (idempotent)."""
        now = self._clock()
        this_month = month_start(now.astimezone(self._zone).date())
        added: list[date] = []
        with self._db.unit() as uow:
            records = uow.records
            first = records.first_event_at()
            if first is None:
                return []
            month = month_start(first.astimezone(self._zone).date())
            while month < this_month:
                start, end = self._bounds(month)
                record = ProcessingRecord(start, end, period_counts(uow, start, end), now, now + RECORD_KEEPING)
                if records.add(record):
                    added.append(month)
                    uow.audit(
                        AuditAction.PROCESSING_RECORD_KEPT,
                        SYSTEM_ACTOR,
                        at=now,
                        details={"period": month.isoformat()[:7]},
                    )
                month = next_month(month)
        return added

    def records(self, session: OperatorSession | None = None) -> list[ProcessingRecord]:
        """Every kept record, oldest first (Managers at the desk; the key holder on the command line)."""
        if session is not None:
            self._access.require(session, Permission.VIEW_COMPLIANCE)
        with self._db.reading() as uow:
            return uow.records.all()

    def current_month(self) -> dict[str, int]:
        """The counts of the month so far."""
        month = month_start(self._clock().astimezone(self._zone).date())
        start, end = self._bounds(month)
        with self._db.reading() as uow:
            return period_counts(uow, start, end)

    def _bounds(self, month: date) -> tuple[datetime, datetime]:
        start = datetime.combine(month, time(0), tzinfo=self._zone)
        return start, datetime.combine(next_month(month), time(0), tzinfo=self._zone)
