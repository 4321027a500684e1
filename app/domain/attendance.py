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
# An "in" stays open this long: a night shift from 22:00 to 06:00 is one shift, not two "ins".
LONGEST_SHIFT = timedelta(hours=16)


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


def next_direction(last: ClockEvent | None, now: datetime) -> ClockDirection:
    """Out if the person's last valid event is an "in" less than a shift ago; otherwise in."""
    if last is not None and last.direction is ClockDirection.IN and now - last.occurred_at < LONGEST_SHIFT:
        return ClockDirection.OUT
    return ClockDirection.IN


def check_pin(pin: str) -> str:
    """A PIN as stored: 4 to 8 digits, not one repeated digit and not a straight run like 1234.

    Raises:
        InvalidInputError: the PIN breaks one of these rules (the message says which).
    """
    text = pin.strip()
    if not text.isascii() or not text.isdigit():
        raise InvalidInputError("A PIN is made of digits only.")
    if not PIN_MIN_LENGTH <= len(text) <= PIN_MAX_LENGTH:
        raise InvalidInputError("A PIN has 4 to 8 digits.")  # PIN_MIN_LENGTH to PIN_MAX_LENGTH
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(text)}
    if steps in ({0}, {1}, {9}):
        raise InvalidInputError("Choose a PIN that is harder to guess than a repeated digit or a run like 1234.")
    return text


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


@dataclass
class _DayTally:
    """A day's figures while the events are walked through."""

    name: str
    first_in: time | None = None
    last_out: time | None = None
    worked: timedelta = timedelta()


def summarise_days(events: list[ClockEvent], zone: tzinfo) -> list[DayAttendance]:
    """One row per person and local day, from the valid events.

    Each "in" is paired with the person's next event if that is an "out" within a shift; the
    pair counts towards the day of the "in" (so a night shift is one row). The result
    deliberately has no method column: how someone clocked in is not a performance measure
    (R9, R24).
    """
    rows: dict[tuple[int, date], _DayTally] = {}
    by_person: dict[int, list[ClockEvent]] = {}
    for event in sorted((e for e in events if not e.voided), key=lambda e: (e.occurred_at, e.id)):
        by_person.setdefault(event.person_id, []).append(event)

    def row(event: ClockEvent) -> _DayTally:
        key = (event.person_id, event.occurred_at.astimezone(zone).date())
        return rows.setdefault(key, _DayTally(event.person_name))

    for person_events in by_person.values():
        for index, event in enumerate(person_events):
            local = event.occurred_at.astimezone(zone).time().replace(second=0, microsecond=0)
            if event.direction is ClockDirection.IN:
                day = row(event)
                day.first_in = day.first_in or local
                following = person_events[index + 1] if index + 1 < len(person_events) else None
                if (
                    following is not None
                    and following.direction is ClockDirection.OUT
                    and following.occurred_at - event.occurred_at < LONGEST_SHIFT
                ):
                    day.worked += following.occurred_at - event.occurred_at
                    day.last_out = following.occurred_at.astimezone(zone).time().replace(second=0, microsecond=0)
            else:
                previous = person_events[index - 1] if index > 0 else None
                paired = (
                    previous is not None
                    and previous.direction is ClockDirection.IN
                    and event.occurred_at - previous.occurred_at < LONGEST_SHIFT
                )
                if not paired:
                    row(event).last_out = local
    return [
        DayAttendance(
            person_id=person_id,
            person_name=values.name,
            day=day,
            first_in=values.first_in,
            last_out=values.last_out,
            worked=values.worked,
        )
        for (person_id, day), values in sorted(rows.items(), key=lambda item: (item[0][1], item[1].name))
    ]
