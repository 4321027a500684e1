"""Who may open the staff door when: hours, days, night shifts, date ranges, holidays, employment."""

from datetime import date, datetime, time

import pytest

from app.domain.access_rules import (
    ALL_DAYS,
    AccessRule,
    EntryRefusal,
    ShopHours,
    WeeklyHours,
    days_text,
    decide_entry,
    parse_days,
    public_holidays_between,
    scheduled_days,
    shift_day,
)
from app.domain.errors import InvalidInputError

WEEKDAYS = frozenset(range(5))
NINE_TO_SIX = WeeklyHours(WEEKDAYS, time(9), time(18))
SHOP = ShopHours(opens=time(8), closes=time(22))
MONDAY = date(2026, 3, 2)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


def decide(rule: AccessRule | None, moment: datetime, **kwargs: object) -> EntryRefusal | None:
    options: dict[str, object] = {"employment_ended_on": None, "public_holiday": False, **kwargs}
    return decide_entry(rule, SHOP, moment, **options)  # type: ignore[arg-type]


def test_inside_their_hours_a_staff_member_may_come_in() -> None:
    rule = AccessRule(1, NINE_TO_SIX)
    assert decide(rule, at(MONDAY, 9)) is None
    assert decide(rule, at(MONDAY, 17, 59)) is None


@pytest.mark.parametrize(("moment", "refusal"), [
    (at(MONDAY, 8, 59), EntryRefusal.OUTSIDE_HOURS),
    (at(MONDAY, 18), EntryRefusal.OUTSIDE_HOURS),
    (at(date(2026, 3, 7), 10), EntryRefusal.NOT_TODAY),  # a Saturday
])  # fmt: skip
def test_outside_their_hours_or_days_the_door_stays_shut_and_says_why(moment: datetime, refusal: EntryRefusal) -> None:
    assert decide(AccessRule(1, NINE_TO_SIX), moment) is refusal


def test_without_their_own_hours_the_shops_opening_hours_apply() -> None:
    assert decide(None, at(MONDAY, 8)) is None
    assert decide(None, at(MONDAY, 7, 59)) is EntryRefusal.OUTSIDE_HOURS
    assert decide(AccessRule(1), at(MONDAY, 22)) is EntryRefusal.OUTSIDE_HOURS


def test_a_night_shift_belongs_to_the_evening_it_started() -> None:
    nights = WeeklyHours(frozenset({0}), time(22), time(6))  # Monday night
    rule = AccessRule(1, nights)
    assert decide(rule, at(MONDAY, 23)) is None
    assert decide(rule, at(date(2026, 3, 3), 5, 30)) is None, "Tuesday 05:30 is still Monday's shift"
    assert decide(rule, at(date(2026, 3, 3), 23)) is EntryRefusal.NOT_TODAY
    assert decide(rule, at(date(2026, 3, 4), 1)) is EntryRefusal.NOT_TODAY, "Wednesday 01:00 is Tuesday's night"
    assert shift_day(at(date(2026, 3, 3), 5), nights) == MONDAY


def test_equal_start_and_end_is_the_whole_day() -> None:
    around_the_clock = WeeklyHours(ALL_DAYS, time(0), time(0))
    assert around_the_clock.all_day
    assert decide(AccessRule(1, around_the_clock), at(MONDAY, 3)) is None


def test_temporary_access_holds_only_inside_its_dates() -> None:
    rule = AccessRule(1, NINE_TO_SIX, valid_from=date(2026, 3, 3), valid_until=date(2026, 3, 5))
    assert decide(rule, at(MONDAY, 10)) is EntryRefusal.NOT_YET
    assert decide(rule, at(date(2026, 3, 3), 10)) is None
    assert decide(rule, at(date(2026, 3, 5), 10)) is None
    assert decide(rule, at(date(2026, 3, 6), 10)) is EntryRefusal.ACCESS_ENDED
    with pytest.raises(InvalidInputError, match="end on or after"):
        AccessRule(1, valid_from=date(2026, 3, 5), valid_until=date(2026, 3, 3))


def test_access_ends_with_employment() -> None:
    assert decide(AccessRule(1, NINE_TO_SIX), at(MONDAY, 10), employment_ended_on=date(2026, 2, 28)) is (
        EntryRefusal.EMPLOYMENT_ENDED
    )
    assert decide(AccessRule(1, NINE_TO_SIX), at(MONDAY, 10), employment_ended_on=MONDAY) is None, "the last day"


def test_public_holidays_close_the_door_only_when_the_shop_closes_on_them() -> None:
    national_day = date(2026, 10, 1)
    assert national_day in public_holidays_between(date(2026, 10, 1), date(2026, 10, 7))
    assert MONDAY not in public_holidays_between(MONDAY, MONDAY)
    assert decide(None, at(national_day, 10), public_holiday=True) is EntryRefusal.PUBLIC_HOLIDAY
    open_shop = ShopHours(opens=time(8), closes=time(22), closed_on_public_holidays=False)
    assert decide_entry(None, open_shop, at(national_day, 10), employment_ended_on=None, public_holiday=True) is None


def test_days_are_stored_as_digits_and_bad_ones_are_refused() -> None:
    assert days_text(WEEKDAYS) == "12345"
    assert parse_days("67") == frozenset({5, 6})
    for text in ("", "08", "1a"):
        with pytest.raises(InvalidInputError, match="Monday to Sunday"):
            parse_days(text)
    with pytest.raises(InvalidInputError, match="at least one day"):
        WeeklyHours(frozenset(), time(9), time(17))


def test_scheduled_days_leave_out_days_off_holidays_and_days_outside_access() -> None:
    days = [date(2026, 9, 28 + offset) if offset < 3 else date(2026, 10, offset - 2) for offset in range(11)]
    rule = AccessRule(1, NINE_TO_SIX, valid_until=date(2026, 10, 8))
    closed = ShopHours(opens=time(8), closes=time(22), closed_on_public_holidays=True)
    holidays = public_holidays_between(days[0], days[-1])
    due = scheduled_days(rule, closed, days, employment_ended_on=None, public_holidays=holidays)
    assert sorted(due) == [date(2026, 9, 28), date(2026, 9, 29), date(2026, 9, 30), date(2026, 10, 8)]
