"""Who may open the staff door when: weekly hours per person, temporary access, holidays.

Each staff member either follows the shop's opening hours (every day, a setting) or has their own
days and hours. Access can be limited to a date range (a temporary worker, a contractor), and ends
with employment. On a public holiday of the Chinese calendar the door stays shut when the shop
says it is closed on public holidays. Only coming in is limited: leaving is never refused.
A decision carries a reason in words the kiosk shows and the entry log keeps.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from app.domain.errors import InvalidInputError
from app.domain.filing import china_calendar
from app.domain.translatable import QT_TRANSLATE_NOOP

ALL_DAYS = frozenset(range(7))  # Monday 0 to Sunday 6, as date.weekday()
OPENING_DAYS: dict[str, frozenset[int]] = {
    "every_day": ALL_DAYS,
    "mon_sat": frozenset(range(6)),
    "mon_fri": frozenset(range(5)),
}


class EntryRefusal(StrEnum):
    """Why the door stayed shut."""

    OUTSIDE_HOURS = "outside_hours"
    NOT_TODAY = "not_today"
    PUBLIC_HOLIDAY = "public_holiday"
    NOT_YET = "not_yet"
    ACCESS_ENDED = "access_ended"
    EMPLOYMENT_ENDED = "employment_ended"
    UNKNOWN_FACE = "unknown_face"
    WRONG_PIN = "wrong_pin"


REFUSAL_SENTENCES: dict[EntryRefusal, str] = {
    EntryRefusal.OUTSIDE_HOURS: QT_TRANSLATE_NOOP("Entry", "Outside your hours: the door stays shut."),
    EntryRefusal.NOT_TODAY: QT_TRANSLATE_NOOP("Entry", "Today is not one of your days: the door stays shut."),
    EntryRefusal.PUBLIC_HOLIDAY: QT_TRANSLATE_NOOP("Entry", "The shop is closed on public holidays."),
    EntryRefusal.NOT_YET: QT_TRANSLATE_NOOP("Entry", "Your access has not started yet."),
    EntryRefusal.ACCESS_ENDED: QT_TRANSLATE_NOOP("Entry", "Your access has ended."),
    EntryRefusal.EMPLOYMENT_ENDED: QT_TRANSLATE_NOOP("Entry", "Your employment has ended."),
    EntryRefusal.UNKNOWN_FACE: QT_TRANSLATE_NOOP("Entry", "Face not recognised."),
    EntryRefusal.WRONG_PIN: QT_TRANSLATE_NOOP("Entry", "Wrong PIN."),
}


@dataclass(frozen=True)
class WeeklyHours:
    """Days of the week and the hours of each.

    ``end`` before ``start`` runs past midnight (a night shift); ``end`` equal to ``start`` is the
    whole day (a shop open around the clock, the default until the owner sets hours).
    """

    days: frozenset[int]
    start: time
    end: time

    def __post_init__(self) -> None:
        if not self.days:
            raise InvalidInputError("Choose at least one day.")
        if not self.days <= ALL_DAYS:
            raise InvalidInputError("Days are Monday to Sunday.")

    @property
    def all_day(self) -> bool:
        """Whether the hours are the whole day."""
        return self.start == self.end

    @property
    def overnight(self) -> bool:
        """Whether the hours run past midnight (a night shift, 22:00 to 06:00)."""
        return self.end < self.start

    def allows(self, moment: datetime) -> EntryRefusal | None:
        """None if ``moment`` (local) lies within these hours, else why not."""
        clock, weekday = moment.time(), moment.weekday()
        if self.overnight and clock < self.end:
            # the small hours belong to the shift that started the evening before
            return None if (weekday - 1) % 7 in self.days else EntryRefusal.NOT_TODAY
        if weekday not in self.days:
            return EntryRefusal.NOT_TODAY
        if self.all_day:
            return None
        if clock < self.start or (not self.overnight and clock >= self.end):
            return EntryRefusal.OUTSIDE_HOURS
        return None


@dataclass(frozen=True)
class AccessRule:
    """One staff member's access. ``hours`` None: the shop's opening hours."""

    person_id: int
    hours: WeeklyHours | None = None
    valid_from: date | None = None
    valid_until: date | None = None

    def __post_init__(self) -> None:
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise InvalidInputError("Temporary access must end on or after the day it starts.")

    @property
    def temporary(self) -> bool:
        """Whether access is limited to a date range."""
        return self.valid_from is not None or self.valid_until is not None


@dataclass(frozen=True)
class ShopHours:
    """The shop's opening days and hours, and whether it closes on public holidays."""

    opens: time
    closes: time
    closed_on_public_holidays: bool = True
    days: frozenset[int] = ALL_DAYS

    def weekly(self) -> WeeklyHours:
        """The opening hours as weekly hours."""
        return WeeklyHours(self.days, self.opens, self.closes)


def decide_entry(
    rule: AccessRule | None,
    shop: ShopHours,
    moment: datetime,
    *,
    employment_ended_on: date | None,
    public_holiday: bool,
) -> EntryRefusal | None:
    """Whether a recognised staff member may come in at ``moment`` (local time): None, or why not.

    Args:
        rule: their access rule (None: the shop's hours, no date limit).
        shop: the shop's opening hours.
        moment: the local time of the attempt.
        employment_ended_on: their last working day, if set.
        public_holiday: whether the day of the shift is a public holiday.
    """
    day = moment.date()
    if employment_ended_on is not None and day > employment_ended_on:
        return EntryRefusal.EMPLOYMENT_ENDED
    rule = rule or AccessRule(person_id=0)
    if rule.valid_from is not None and day < rule.valid_from:
        return EntryRefusal.NOT_YET
    if rule.valid_until is not None and day > rule.valid_until:
        return EntryRefusal.ACCESS_ENDED
    if public_holiday and shop.closed_on_public_holidays:
        return EntryRefusal.PUBLIC_HOLIDAY
    return (rule.hours or shop.weekly()).allows(moment)


def shift_day(moment: datetime, hours: WeeklyHours) -> date:
    """The day a moment's shift belongs to (the small hours of a night shift: the day before)."""
    if hours.overnight and moment.time() < hours.end:
        return moment.date() - timedelta(days=1)
    return moment.date()


def days_text(days: frozenset[int]) -> str:
    """Days as stored: the digits 1 (Monday) to 7 (Sunday), in order."""
    return "".join(str(day + 1) for day in sorted(days))


def parse_days(text: str) -> frozenset[int]:
    """Days from their stored digits.

    Raises:
        InvalidInputError: a character that is not a day digit.
    """
    if not text or any(ch not in "1234567" for ch in text):
        raise InvalidInputError("Days are Monday to Sunday.")
    return frozenset(int(ch) - 1 for ch in text)


def scheduled_days(
    rule: AccessRule | None,
    shop: ShopHours,
    days: list[date],
    *,
    employment_ended_on: date | None,
    public_holidays: set[date],
) -> set[date]:
    """Which of ``days`` a staff member is due at work: their days (or the shop's), within their access."""
    rule = rule or AccessRule(person_id=0)
    weekdays = (rule.hours or shop.weekly()).days
    due = set()
    for day in days:
        if day.weekday() not in weekdays:
            continue
        if employment_ended_on is not None and day > employment_ended_on:
            continue
        if (rule.valid_from and day < rule.valid_from) or (rule.valid_until and day > rule.valid_until):
            continue
        if day in public_holidays and shop.closed_on_public_holidays:
            continue
        due.add(day)
    return due


def public_holidays_between(first: date, last: date) -> set[date]:
    """The public holidays of the Chinese calendar from ``first`` to ``last`` (the calendar of issue 13)."""
    return {day for day in china_calendar(first.year, last.year) if first <= day <= last}
