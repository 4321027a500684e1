"""The 100,000-person filing counter (Measures Art. 15, R21)."""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

FILING_THRESHOLD = 100_000
WARNING_LEVELS = (50_000, 90_000)
MILESTONES = (*WARNING_LEVELS, FILING_THRESHOLD)
FILING_WORKING_DAYS = 30


def china_calendar(first_year: int, last_year: int) -> Any:
    """The Chinese public holidays and adjusted working days of the ``holidays`` package for these years."""
    # imported here, by name: the calendar takes about half a second to load, which start-up must
    # not pay; naming the module lets the installer find and bundle it
    from holidays.countries.china import China

    return China(years=range(first_year, last_year + 1))  # type: ignore[no-untyped-call]  # untyped library


def filing_deadline(reached: date, working_days: int = FILING_WORKING_DAYS) -> date:
    """The day a filing is due: ``working_days`` Chinese working days after ``reached``."""
    return add_working_days(reached, working_days)


def add_working_days(start: date, working_days: int) -> date:
    """The day ``working_days`` Chinese working days after ``start``.

    Working days come from the maintained calendar of the ``holidays`` package: Monday to Friday,
    less the public holidays, plus the weekend days the State Council declares working days
    (for example Saturday 2026-10-10 after the National Day week). For a year whose schedule is not
    published yet, the fixed-date holidays still count and no weekend day is a working day.
    """
    calendar = china_calendar(start.year, start.year + 1)
    day, remaining = start, working_days
    while remaining:
        day += timedelta(days=1)
        if calendar.is_working_day(day):
            remaining -= 1
    return day


@dataclass(frozen=True)
class FilingStatus:
    """How close the installation is to the filing threshold."""

    people_with_face_data: int

    @property
    def level(self) -> str:
        """``below``, ``warning_50k``, ``warning_90k`` or ``filing_required``."""
        count = self.people_with_face_data
        if count >= FILING_THRESHOLD:
            return "filing_required"
        if count >= WARNING_LEVELS[1]:
            return "warning_90k"
        if count >= WARNING_LEVELS[0]:
            return "warning_50k"
        return "below"


FILING_KINDS = ("filing", "change", "cancellation")


@dataclass(frozen=True)
class FilingTask:
    """A filing owed to the authority: the first one, a change, or a cancellation (Measures Art. 15)."""

    id: int
    kind: str  # "filing", "change" or "cancellation"
    reason: str  # "threshold_reached", "purposes_changed", "switched_off", "details_changed"
    arose_on: date
    deadline: date
    filed_on: date | None

    @property
    def open(self) -> bool:
        """Not submitted yet."""
        return self.filed_on is None
