"""Staff attendance: clock events, which way the next one goes, PIN rules and the weekly view.

A clock event holds who, when, which direction and how (face, PIN, or a manager's correction);
never a template, a frame or a score. Declining face entry and using the PIN are equal ways in:
the summaries a manager reads (days and hours) never count or show the method (R9, R24).
"""

import itertools
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum

from app.domain.errors import InvalidInputError

PIN_MIN_LENGTH = 4
PIN_MAX_LENGTH = 8
PIN_ATTEMPTS_BEFORE_PAUSE = 5
PIN_PAUSE = timedelta(minutes=15)


class ClockDirection(StrEnum):
    """In at the start of work, out at the end."""

    IN = "in"
    OUT = "out"


class ClockMethod(StrEnum):
    """How an event was recorded. Face and PIN are equal ways in (R8)."""

    FACE = "face"
    PIN = "pin"
    MANAGER = "manager"  # added by a manager's correction


class CorrectionReason(StrEnum):
    """Why a manager corrected an event (a fixed list: audit details carry no free text)."""

    WRONG_PERSON = "wrong_person"
    WRONG_DIRECTION = "wrong_direction"
    WRONG_TIME = "wrong_time"
    DUPLICATE = "duplicate"
    MISSING = "missing"


@dataclass(frozen=True)
class ClockEvent:
    """One stored clock event (no biometric data of any kind)."""

    id: int
    person_id: int
    person_name: str
    occurred_at: datetime  # UTC
    direction: ClockDirection
    method: ClockMethod
    voided: bool = False
    correction_of: int | None = None

    def __repr__(self) -> str:
        return f"ClockEvent(id={self.id}, person_id={self.person_id}, {self.direction.value}, {self.method.value})"

    __str__ = __repr__


@dataclass(frozen=True)
class DayAttendance:
    """One person's working day: first in, last out, and the time between paired events."""

    person_id: int
    person_name: str
    day: date
    first_in: time | None
    last_out: time | None
    worked: timedelta


def next_direction(last_today: ClockDirection | None) -> ClockDirection:
    """The direction of the next event: in, unless the person's last event today was in."""
    return ClockDirection.OUT if last_today is ClockDirection.IN else ClockDirection.IN


def check_pin(pin: str) -> str:
    """A PIN as stored: 4 to 8 digits, not one repeated digit and not a straight run like 1234.

    Raises:
        InvalidInputError: the PIN breaks one of these rules (the message says which).
    """
    text = pin.strip()
    if not text.isascii() or not text.isdigit():
        raise InvalidInputError("A PIN is made of digits only.")
    if not PIN_MIN_LENGTH <= len(text) <= PIN_MAX_LENGTH:
        raise InvalidInputError(f"A PIN has {PIN_MIN_LENGTH} to {PIN_MAX_LENGTH} digits.")
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(text)}
    if steps in ({0}, {1}, {9}):
        raise InvalidInputError("Choose a PIN that is harder to guess than a repeated digit or a run like 1234.")
    return text


def local_day_bounds(day: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """The start of ``day`` and of the next day at the desk, as aware datetimes."""
    start = datetime.combine(day, time(0), tzinfo=zone)
    return start, datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def summarise_days(events: list[ClockEvent], zone: tzinfo) -> list[DayAttendance]:
    """Group valid events by person and local day; pair each in with the next out that day.

    The result deliberately has no method column: how someone clocked in is not a performance
    measure (R9, R24).
    """
    groups: dict[tuple[int, date], list[ClockEvent]] = {}
    names: dict[int, str] = {}
    for event in sorted(events, key=lambda item: item.occurred_at):
        if event.voided:
            continue
        local = event.occurred_at.astimezone(zone)
        groups.setdefault((event.person_id, local.date()), []).append(event)
        names[event.person_id] = event.person_name
    days: list[DayAttendance] = []
    for (person_id, day), day_events in sorted(groups.items(), key=lambda item: (item[0][1], names[item[0][0]])):
        worked = timedelta()
        opened: datetime | None = None
        for event in day_events:
            if event.direction is ClockDirection.IN:
                opened = opened or event.occurred_at
            elif opened is not None:
                worked += event.occurred_at - opened
                opened = None
        ins = [e.occurred_at.astimezone(zone).time() for e in day_events if e.direction is ClockDirection.IN]
        outs = [e.occurred_at.astimezone(zone).time() for e in day_events if e.direction is ClockDirection.OUT]
        days.append(
            DayAttendance(
                person_id=person_id,
                person_name=names[person_id],
                day=day,
                first_in=min(ins) if ins else None,
                last_out=max(outs) if outs else None,
                worked=worked,
            )
        )
    return days
