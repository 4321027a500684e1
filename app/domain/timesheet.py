"""The monthly timesheet: each day's first in, last out and hours, the totals, the days absent.

It is built from the valid clock events (a manager's correction counts, the event it replaced
does not) and the days the person was due at work. Like the weekly view it never shows or counts
how anyone clocked in: face and PIN are equal ways in (R9, R24).
"""

import calendar
from dataclasses import dataclass
from datetime import date, time, timedelta, tzinfo

from app.domain.attendance import ClockEvent, ClockMethod, summarise_days


@dataclass(frozen=True)
class TimesheetDay:
    """One day of the month for one person."""

    day: date
    first_in: time | None
    last_out: time | None
    worked: timedelta
    due: bool  # a day they were due at work
    corrected: bool  # a manager corrected or added an event of this day

    @property
    def absent(self) -> bool:
        """Due at work, and no event at all that day."""
        return self.due and self.first_in is None and self.last_out is None


@dataclass(frozen=True)
class Timesheet:
    """One person's month."""

    person_id: int
    person_name: str
    month: date  # the first day of the month
    days: tuple[TimesheetDay, ...]

    @property
    def total_worked(self) -> timedelta:
        """Hours worked in the month (paired in and out events)."""
        return sum((day.worked for day in self.days), timedelta())

    @property
    def days_worked(self) -> int:
        """Days with any event."""
        return sum(1 for day in self.days if day.first_in is not None or day.last_out is not None)

    @property
    def days_absent(self) -> int:
        """Days due at work without any event."""
        return sum(1 for day in self.days if day.absent)

    def __repr__(self) -> str:
        return f"Timesheet(person_id={self.person_id}, month={self.month:%Y-%m})"

    __str__ = __repr__


def month_days(month: date, *, until: date | None = None) -> list[date]:
    """Every day of ``month``'s month, stopping after ``until`` (today: later days are not absences yet)."""
    first = month.replace(day=1)
    count = calendar.monthrange(first.year, first.month)[1]
    days = [first + timedelta(days=offset) for offset in range(count)]
    return [day for day in days if until is None or day <= until]


def build_timesheet(
    person_id: int,
    person_name: str,
    month: date,
    events: list[ClockEvent],
    zone: tzinfo,
    *,
    due_days: set[date],
) -> Timesheet:
    """The month's timesheet from the person's events (voided ones included: they mark corrections)."""
    mine = [event for event in events if event.person_id == person_id]
    summary = {row.day: row for row in summarise_days(mine, zone)}
    corrected = {
        event.occurred_at.astimezone(zone).date()
        for event in mine
        if event.method is ClockMethod.MANAGER or event.voided
    }
    rows = []
    for day in month_days(month):
        row = summary.get(day)
        rows.append(
            TimesheetDay(
                day=day,
                first_in=row.first_in if row else None,
                last_out=row.last_out if row else None,
                worked=row.worked if row else timedelta(),
                due=day in due_days,
                corrected=day in corrected,
            )
        )
    return Timesheet(person_id, person_name, month.replace(day=1), tuple(rows))
