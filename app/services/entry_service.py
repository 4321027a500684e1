"""The staff door for Managers: access rules, the entry log, remote opening and the monthly timesheet.

A door decision (granted or refused, and why) is what is logged, never a face: no template, frame
or score (R12). The timesheet, like the weekly attendance view, never shows how anyone clocked in
(R9, R24). Access rules change who may come in when, so each change is audited.
"""

import csv
from datetime import date, datetime, time, tzinfo
from pathlib import Path

from app.config.files import output_error, write_via_new_file
from app.config.settings import (
    CLOSED_ON_PUBLIC_HOLIDAYS,
    SHOP_CLOSES_AT_HOUR,
    SHOP_OPENING_DAYS,
    SHOP_OPENS_AT_HOUR,
)
from app.domain.access_rules import (
    OPENING_DAYS,
    AccessRule,
    EntryRefusal,
    ShopHours,
    decide_entry,
    public_holidays_between,
    scheduled_days,
    shift_day,
)
from app.domain.attendance import ClockMethod
from app.domain.audit import CLI_ACTOR, AuditAction, operator_actor
from app.domain.clock import Clock
from app.domain.entry_log import EntryRecord
from app.domain.errors import NotFoundError
from app.domain.operators import OperatorSession
from app.domain.people import PersonKind
from app.domain.roles import Permission
from app.domain.timesheet import Timesheet, build_timesheet, month_days
from app.services.access_control import AccessControl
from app.services.attendance_service import csv_safe, day_bounds
from app.services.security_alerts import record_bulk_export
from app.storage.database import Database
from app.storage.unit_of_work import UnitOfWork

ENTRY_CSV_COLUMNS = (
    "entry",
    "person",
    "date",
    "time",
    "direction",
    "method",
    "result",
    "reason",
    "door",
)


def shop_hours(uow: UnitOfWork) -> ShopHours:
    """The shop's opening days and hours from the policy settings."""
    closes = uow.policy(SHOP_CLOSES_AT_HOUR)
    return ShopHours(
        opens=time(uow.policy(SHOP_OPENS_AT_HOUR)),
        closes=time(0) if closes == 24 else time(closes),
        closed_on_public_holidays=uow.policy(CLOSED_ON_PUBLIC_HOLIDAYS),
        days=OPENING_DAYS[uow.policy(SHOP_OPENING_DAYS)],
    )


def entry_refusal(uow: UnitOfWork, person_id: int, moment: datetime) -> EntryRefusal | None:
    """Whether staff member ``person_id`` may come in at ``moment`` (local time): None, or why not."""
    person = uow.people.get(person_id)
    if person is None:
        return EntryRefusal.EMPLOYMENT_ENDED
    rule = uow.entries.rule_of(person_id)
    shop = shop_hours(uow)
    holiday = False
    if shop.closed_on_public_holidays:  # the calendar loads only where it can refuse someone
        day = shift_day(moment, (rule.hours if rule and rule.hours else shop.weekly()))
        holiday = bool(public_holidays_between(day, day))
    return decide_entry(rule, shop, moment, employment_ended_on=person.employment_ended_on, public_holiday=holiday)


class EntryService:
    """Access rules, the entry log, remote opening and timesheets (Managers)."""

    def __init__(self, database: Database, access: AccessControl, clock: Clock, zone: tzinfo) -> None:
        self._db = database
        self._access = access
        self._clock = clock
        self._zone = zone

    def shop_hours(self) -> ShopHours:
        """The shop's opening hours (the access of everyone without their own hours)."""
        with self._db.reading() as uow:
            return shop_hours(uow)

    def rules(self, session: OperatorSession) -> dict[int, AccessRule]:
        """Every staff member's own rule, by person (absent: the shop's hours)."""
        self._access.require(session, Permission.VIEW_ATTENDANCE)
        with self._db.reading() as uow:
            return uow.entries.rules()

    def set_rule(self, session: OperatorSession, rule: AccessRule) -> None:
        """Store a staff member's access rule (audited; takes effect at the next kiosk session).

        Raises:
            NotFoundError: not a staff member.
        """
        manager = self._access.require(session, Permission.MANAGE_STAFF)
        now = self._clock()
        with self._db.unit() as uow:
            person = uow.people.get(rule.person_id)
            if person is None or person.kind is not PersonKind.STAFF:
                raise NotFoundError("There is no such staff member.")
            uow.entries.set_rule(rule, by_operator=manager.id, at=now)
            uow.audit(
                AuditAction.ACCESS_RULE_SET,
                operator_actor(manager.id),
                at=now,
                subject=("person", rule.person_id),
                details={"own_hours": rule.hours is not None, "temporary": rule.temporary},
            )

    def entries(
        self, session: OperatorSession, first_day: date, last_day: date, person_id: int | None = None
    ) -> list[EntryRecord]:
        """Door decisions from the start of ``first_day`` to the end of ``last_day`` (desk time), newest first."""
        self._access.require(session, Permission.VIEW_ATTENDANCE)
        start, end = self._bounds(first_day, last_day)
        with self._db.reading() as uow:
            return uow.entries.entries(start, end, person_id)

    def export_csv(
        self,
        session: OperatorSession | None,
        first_day: date,
        last_day: date,
        out: Path,
        person_id: int | None = None,
    ) -> int:
        """Write the entry log as CSV (formula-safe, like attendance); return the number of rows.

        Raises:
            InvalidInputError: the file cannot be written (nothing is left half-written).
        """
        actor = CLI_ACTOR
        if session is not None:
            actor = operator_actor(self._access.require(session, Permission.VIEW_ATTENDANCE).id)
        start, end = self._bounds(first_day, last_day)
        with self._db.reading() as uow:
            rows = uow.entries.entries(start, end, person_id)

        def write(partial: Path) -> None:
            with partial.open("w", newline="", encoding="utf-8-sig") as handle:
                writer = csv.writer(handle)
                writer.writerow(ENTRY_CSV_COLUMNS)
                for row in reversed(rows):  # oldest first, as a log reads
                    local = row.occurred_at.astimezone(self._zone)
                    writer.writerow(
                        (
                            row.id,
                            csv_safe(row.person_name or ""),
                            local.date().isoformat(),
                            local.time().isoformat(timespec="seconds"),
                            row.direction.value if row.direction else "",
                            row.method.value,
                            "granted" if row.granted else "refused",
                            row.reason.value if row.reason else "",
                            row.door_result or "",
                        )
                    )

        try:
            write_via_new_file(out, write)
        except OSError as exc:
            raise output_error(exc, out) from None
        with self._db.unit() as uow:
            record_bulk_export(
                uow,
                AuditAction.ENTRY_LOG_EXPORTED,
                actor,
                self._clock(),
                "entry_log",
                {"rows": len(rows), "from": first_day.isoformat(), "to": last_day.isoformat()},
            )
        return len(rows)

    def open_remotely(self, session: OperatorSession, *, door_configured: bool) -> int:
        """A Manager opens the door from the desk: logged and audited; returns the entry's id."""
        manager = self._access.require(session, Permission.RUN_KIOSK)
        now = self._clock()
        with self._db.unit() as uow:
            entry_id = uow.entries.add_entry(
                at=now,
                person_id=None,
                method=ClockMethod.MANAGER,
                direction=None,
                refusal=None,
                door_result=None if door_configured else "no_door",
                kiosk_session_id=None,
                operator_id=manager.id,
            )
            uow.audit(
                AuditAction.DOOR_OPENED_REMOTELY,
                operator_actor(manager.id),
                at=now,
                subject=("entry", entry_id),
                details={},
            )
        return entry_id

    def record_door_result(self, entry_id: int, *, opened: bool) -> None:
        """What the relay did for a granted entry: opened, or could not open."""
        with self._db.unit() as uow:
            uow.entries.set_door_result(entry_id, "opened" if opened else "failed")

    def timesheet(self, session: OperatorSession, person_id: int, month: date) -> Timesheet:
        """One staff member's month: days, hours, totals and days absent (no method anywhere).

        Raises:
            NotFoundError: not a staff member.
        """
        self._access.require(session, Permission.VIEW_ATTENDANCE)
        today = self._clock().astimezone(self._zone).date()
        days = month_days(month)
        start, end = self._bounds(days[0], days[-1])
        with self._db.reading() as uow:
            person = uow.people.get(person_id)
            if person is None or person.kind is not PersonKind.STAFF:
                raise NotFoundError("There is no such staff member.")
            events = [
                e for e in uow.attendance.events_between(start, end, include_voided=True) if e.person_id == person_id
            ]
            rule = uow.entries.rule_of(person_id)
            shop = shop_hours(uow)
            registered_at = uow.entries.registered_at(person_id)
        registered = registered_at.astimezone(self._zone).date() if registered_at else days[0]
        elapsed = [day for day in month_days(month, until=today) if day >= registered]
        due = (
            scheduled_days(
                rule,
                shop,
                elapsed,
                employment_ended_on=person.employment_ended_on,
                public_holidays=public_holidays_between(days[0], days[-1]),
            )
            if elapsed
            else set()
        )
        return build_timesheet(person_id, person.full_name, month, events, self._zone, due_days=due)

    def _bounds(self, first_day: date, last_day: date) -> tuple[datetime, datetime]:
        return day_bounds(first_day, last_day, self._zone)
