"""Attendance for Managers: events, the day-by-day view, CSV export and audited corrections.

Nothing here holds biometric data. The day view shows first in, last out and time worked; it
does not count or show how anyone clocked in, because using the PIN instead of the face is an
equal choice, not a performance signal (R9, R24).
"""

import csv
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

from app.config.files import output_error, write_via_new_file
from app.domain.attendance import (
    ClockDirection,
    ClockEvent,
    ClockMethod,
    CorrectionReason,
    DayAttendance,
    summarise_days,
)
from app.domain.audit import CLI_ACTOR, AuditAction, operator_actor
from app.domain.clock import Clock
from app.domain.errors import InvalidInputError, NotFoundError, StateError
from app.domain.operators import OperatorSession
from app.domain.people import PersonKind
from app.domain.roles import Permission
from app.services.access_control import AccessControl
from app.services.security_alerts import record_bulk_export
from app.storage.database import Database

CSV_COLUMNS = ("event", "person", "date", "time", "direction", "method")
MAX_RANGE_DAYS = 3 * 366
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(text: str) -> str:
    """A cell a spreadsheet will not run as a formula (names are typed by people)."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def day_bounds(first_day: date, last_day: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """From the start of ``first_day`` to the start of the day after ``last_day``, desk time.

    Raises:
        InvalidInputError: the range is backwards or longer than three years.
    """
    if last_day < first_day:
        raise InvalidInputError("The end date is before the start date.")
    if (last_day - first_day).days > MAX_RANGE_DAYS:
        raise InvalidInputError("Choose at most three years at a time.")
    start = datetime.combine(first_day, datetime.min.time(), tzinfo=zone)
    end = datetime.combine(last_day + timedelta(days=1), datetime.min.time(), tzinfo=zone)
    return start, end


class AttendanceService:
    """Clock events as Managers see and correct them."""

    def __init__(self, database: Database, access: AccessControl, clock: Clock, zone: tzinfo) -> None:
        self._db = database
        self._access = access
        self._clock = clock
        self._zone = zone

    def events(
        self, session: OperatorSession, first_day: date, last_day: date, *, include_voided: bool = False
    ) -> list[ClockEvent]:
        """Events from the start of ``first_day`` to the end of ``last_day`` (desk time), oldest first."""
        self._access.require(session, Permission.VIEW_ATTENDANCE)
        start, end = self._bounds(first_day, last_day)
        with self._db.reading() as uow:
            return uow.attendance.events_between(start, end, include_voided=include_voided)

    def days(self, session: OperatorSession, first_day: date, last_day: date) -> list[DayAttendance]:
        """One row per person and day: first in, last out, time worked."""
        return summarise_days(self.events(session, first_day, last_day), self._zone)

    def export_csv(self, session: OperatorSession | None, first_day: date, last_day: date, out: Path) -> int:
        """Write one row per valid event (no biometric data); return the number of rows.

        Args:
            session: a Manager at the desk; ``None`` for the command line, which the holder of
                the database key runs (audited as ``cli``).
            first_day: first local day included.
            last_day: last local day included.
            out: the CSV file to write.

        Raises:
            InvalidInputError: the file cannot be written (nothing is left half-written).
        """
        actor = CLI_ACTOR
        if session is not None:
            actor = operator_actor(self._access.require(session, Permission.VIEW_ATTENDANCE).id)
        start, end = self._bounds(first_day, last_day)
        with self._db.reading() as uow:
            events = uow.attendance.events_between(start, end)

        def write(partial: Path) -> None:
            with partial.open("w", newline="", encoding="utf-8-sig") as handle:
                writer = csv.writer(handle)
                writer.writerow(CSV_COLUMNS)
                for event in events:
                    local = event.occurred_at.astimezone(self._zone)
                    writer.writerow(
                        (
                            event.id,
                            csv_safe(event.person_name),
                            local.date().isoformat(),
                            local.time().isoformat(timespec="minutes"),
                            event.direction.value,
                            event.method.value,
                        )
                    )

        try:
            write_via_new_file(out, write)
        except OSError as exc:
            raise output_error(exc, out) from None
        with self._db.unit() as uow:
            record_bulk_export(
                uow,
                AuditAction.ATTENDANCE_EXPORTED,
                actor,
                self._clock(),
                "attendance",
                {"rows": len(events), "from": first_day.isoformat(), "to": last_day.isoformat()},
            )
        return len(events)

    def correct(
        self,
        session: OperatorSession,
        event_id: int,
        reason: CorrectionReason,
        replacement: tuple[datetime, ClockDirection] | None = None,
    ) -> int | None:
        """Void a wrong event and, if given, record what really happened; return the new event's id.

        Raises:
            NotFoundError: no such event. StateError: it was already corrected.
            InvalidInputError: the replacement lies in the future.
        """
        manager = self._access.require(session, Permission.CORRECT_ATTENDANCE)
        now = self._clock()
        if replacement is not None and replacement[0] > now:
            raise InvalidInputError("A corrected time cannot be in the future.")
        with self._db.unit() as uow:
            attendance = uow.attendance
            event = attendance.get_event(event_id)
            if event is None:
                raise NotFoundError("There is no such clock event.")
            if event.voided:
                raise StateError("This event was already corrected.")
            attendance.void_event(event_id, reason, by_operator=manager.id, at=now)
            new_id = None
            if replacement is not None:
                new_id = attendance.add_event(
                    person_id=event.person_id,
                    at=replacement[0],
                    direction=replacement[1],
                    method=ClockMethod.MANAGER,
                    kiosk_session_id=None,
                    recorded_by=manager.id,
                    correction_of=event_id,
                )
            uow.audit(
                AuditAction.ATTENDANCE_CORRECTED,
                operator_actor(manager.id),
                at=now,
                subject=("clock_event", event_id),
                details={"reason": reason.value, "replacement_event": new_id},
            )
        return new_id

    def add_missing(self, session: OperatorSession, person_id: int, at: datetime, direction: ClockDirection) -> int:
        """Record an event the kiosk missed (someone forgot to clock); audited as a correction."""
        manager = self._access.require(session, Permission.CORRECT_ATTENDANCE)
        now = self._clock()
        if at > now:
            raise InvalidInputError("A corrected time cannot be in the future.")
        with self._db.unit() as uow:
            person = uow.people.get(person_id)
            if person is None or person.kind is not PersonKind.STAFF:
                raise NotFoundError("There is no such staff member.")
            new_id = uow.attendance.add_event(
                person_id=person_id,
                at=at,
                direction=direction,
                method=ClockMethod.MANAGER,
                kiosk_session_id=None,
                recorded_by=manager.id,
            )
            uow.audit(
                AuditAction.ATTENDANCE_CORRECTED,
                operator_actor(manager.id),
                at=now,
                subject=("clock_event", new_id),
                details={"reason": CorrectionReason.MISSING.value, "replacement_event": new_id},
            )
        return new_id

    def _bounds(self, first_day: date, last_day: date) -> tuple[datetime, datetime]:
        return day_bounds(first_day, last_day, self._zone)
