"""Attendance rules: PINs, which way the next event goes, and the day view without method columns."""

import dataclasses
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.domain.attendance import (
    ClockDirection,
    ClockEvent,
    ClockMethod,
    DayAttendance,
    check_pin,
    next_direction,
    summarise_days,
)
from app.domain.errors import InvalidInputError

SHANGHAI = ZoneInfo("Asia/Shanghai")


def event(event_id: int, hour: float, direction: ClockDirection, *, person: int = 1, **extra: object) -> ClockEvent:
    moment = datetime(2026, 3, 2, 0, 0, tzinfo=SHANGHAI) + timedelta(hours=hour)
    return ClockEvent(
        id=event_id,
        person_id=person,
        person_name=f"Person {person}",
        occurred_at=moment.astimezone(UTC),
        direction=direction,
        method=extra.pop("method", ClockMethod.FACE),  # type: ignore[arg-type]
        **extra,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("pin", ["4071", "20260", "98765431", " 4071 "])
def test_good_pins_are_kept(pin: str) -> None:
    assert check_pin(pin) == pin.strip()


@pytest.mark.parametrize(
    ("pin", "problem"),
    [
        ("123", "4 to 8 digits"),
        ("123456789", "4 to 8 digits"),
        ("12a4", "digits only"),
        ("١٢٣٤", "digits only"),  # Arabic-Indic digits are digits to Python, not on the PIN pad
        ("0000", "harder to guess"),
        ("1234", "harder to guess"),
        ("9876", "harder to guess"),
        ("7890", "harder to guess"),
    ],
)
def test_weak_or_malformed_pins_are_refused_with_the_reason(pin: str, problem: str) -> None:
    with pytest.raises(InvalidInputError, match=problem):
        check_pin(pin)


def test_the_next_event_is_out_only_while_a_shift_is_open() -> None:
    opened = event(1, 22, ClockDirection.IN)
    assert next_direction(None, opened.occurred_at) is ClockDirection.IN
    assert next_direction(opened, opened.occurred_at + timedelta(hours=8)) is ClockDirection.OUT  # night shift
    assert next_direction(opened, opened.occurred_at + timedelta(hours=17)) is ClockDirection.IN  # forgot to clock out
    closed = event(2, 30, ClockDirection.OUT)
    assert next_direction(closed, closed.occurred_at + timedelta(minutes=5)) is ClockDirection.IN


def test_days_pair_ins_and_outs_and_skip_voided_events() -> None:
    events = [
        event(1, 8.5, ClockDirection.IN, method=ClockMethod.PIN),
        event(2, 12, ClockDirection.OUT),
        event(3, 13, ClockDirection.IN),
        event(4, 17.5, ClockDirection.OUT, method=ClockMethod.PIN),
        event(5, 17.6, ClockDirection.IN, voided=True),
        event(6, 22, ClockDirection.IN, person=2),
        event(7, 30, ClockDirection.OUT, person=2),  # 06:00 the next morning
    ]
    days = summarise_days(events, SHANGHAI)
    assert [(d.person_name, d.day, d.first_in, d.last_out, d.worked) for d in days] == [
        ("Person 1", date(2026, 3, 2), time(8, 30), time(17, 30), timedelta(hours=8)),
        ("Person 2", date(2026, 3, 2), time(22, 0), time(6, 0), timedelta(hours=8)),
    ]


@pytest.mark.req("R9")
@pytest.mark.req("R24")
def test_the_day_view_has_no_place_for_how_anyone_clocked_in() -> None:
    fields = {field.name for field in dataclasses.fields(DayAttendance)}
    assert fields == {"person_id", "person_name", "day", "first_in", "last_out", "worked"}
    assert not any(word in name for name in fields for word in ("method", "pin", "face", "decline", "score"))


def test_clock_events_do_not_show_names_in_logs() -> None:
    assert "Person" not in repr(event(1, 9, ClockDirection.IN))
