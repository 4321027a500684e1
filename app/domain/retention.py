"""How long face templates may be kept (Measures Art. 8, PIPL 19 and 47, R13).

There is no minimum: templates go as soon as their purpose ends. Guests' templates go at
checkout plus a grace period (0 hours by default), staff templates when employment ends, and
nobody's template outlives three years after it was last used (the BIPA cap). Impact assessments
and processing records are different: they are kept at least three years (R2).
"""

from datetime import date, datetime, time, timedelta, tzinfo

HARD_CAP = timedelta(days=3 * 365)
RECORD_KEEPING = timedelta(days=3 * 365)
PLANNED_CHECKOUT_TIME = time(12, 0)  # hotels' usual checkout time, for stays not yet checked out


def planned_checkout(departure: date, local_zone: tzinfo) -> datetime:
    """Noon on the departure day, local time."""
    return datetime.combine(departure, PLANNED_CHECKOUT_TIME, tzinfo=local_zone)


def guest_retention_until(checkout: datetime, grace_hours: int) -> datetime:
    """When a guest's templates must be gone: checkout plus the grace period."""
    return checkout + timedelta(hours=grace_hours)


def staff_retention_until(employment_ends: date, local_zone: tzinfo) -> datetime:
    """When a staff member's templates must be gone: the end of their last day."""
    return datetime.combine(employment_ends + timedelta(days=1), time(0, 0), tzinfo=local_zone)


def hard_cap_until(last_used: datetime) -> datetime:
    """Three years after a template was last used."""
    return last_used + HARD_CAP


def guest_record_kept_until(last_departure: date, months: int) -> date:
    """The first day a guest's registration (name, document, birth date, stays) may be erased.

    Hotels must keep their guest register for a period set by the public-security rules where they
    are (``retention/guest_record_months``); the period runs from the guest's last departure. A
    day that does not exist in the target month (31 August + 6 months) becomes that month's last day.
    """
    month_index = last_departure.month - 1 + months
    year, month = last_departure.year + month_index // 12, month_index % 12 + 1
    for day in range(last_departure.day, 0, -1):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("every month has a first day")  # pragma: no cover
