"""The monthly timesheet: days, hours, totals, days absent; never how anyone clocked in."""

import dataclasses
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.domain.attendance import ClockDirection, ClockEvent, ClockMethod
from app.domain.timesheet import Timesheet, TimesheetDay, build_timesheet, month_days

SHANGHAI = ZoneInfo("Asia/Shanghai")


def event(event_id: int, local: datetime, direction: ClockDirection, method: ClockMethod, **kw: object) -> ClockEvent:
    return ClockEvent(event_id, 1, "Zhou Min", local.replace(tzinfo=SHANGHAI).astimezone(UTC), direction, method, **kw)  # type: ignore[arg-type]


def test_month_days_stop_at_today() -> None:
    assert len(month_days(date(2026, 2, 10))) == 28
    assert month_days(date(2026, 3, 1), until=date(2026, 3, 3)) == [
        date(2026, 3, 1),
        date(2026, 3, 2),
        date(2026, 3, 3),
    ]


def test_hours_totals_absence_and_correction() -> None:
    events = [
        event(1, datetime(2026, 3, 2, 9, 0), ClockDirection.IN, ClockMethod.FACE),
        event(2, datetime(2026, 3, 2, 17, 30), ClockDirection.OUT, ClockMethod.PIN),
        # the 3rd: the kiosk took the evening "out" for an "in"; the manager voided it and added the out
        event(3, datetime(2026, 3, 3, 8, 45), ClockDirection.IN, ClockMethod.PIN),
        event(4, datetime(2026, 3, 3, 18, 0), ClockDirection.IN, ClockMethod.FACE, voided=True),
        event(5, datetime(2026, 3, 3, 18, 0), ClockDirection.OUT, ClockMethod.MANAGER, correction_of=4),
    ]
    due = {date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 4)}
    sheet = build_timesheet(1, "Zhou Min", date(2026, 3, 15), events, SHANGHAI, due_days=due)
    assert sheet.month == date(2026, 3, 1)
    assert len(sheet.days) == 31
    by_day = {day.day: day for day in sheet.days}
    assert (by_day[date(2026, 3, 2)].first_in, by_day[date(2026, 3, 2)].last_out) == (time(9), time(17, 30))
    assert by_day[date(2026, 3, 3)].worked == timedelta(hours=9, minutes=15)
    assert by_day[date(2026, 3, 3)].corrected and not by_day[date(2026, 3, 2)].corrected
    assert by_day[date(2026, 3, 4)].absent
    assert not by_day[date(2026, 3, 5)].absent, "not due that day"
    assert sheet.total_worked == timedelta(hours=17, minutes=45)
    assert (sheet.days_worked, sheet.days_absent) == (2, 1)


@pytest.mark.req("R9")
@pytest.mark.req("R24")
def test_nothing_in_a_timesheet_says_face_or_pin() -> None:
    fields = {field.name for cls in (Timesheet, TimesheetDay) for field in dataclasses.fields(cls)}
    assert not fields & {"method", "methods", "face", "pin"}
