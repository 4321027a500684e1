"""Time as an injectable dependency, so retention and lockout rules are testable."""

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]
"""A zero-argument callable returning the current time as an aware UTC datetime."""


def system_clock() -> datetime:
    """Return the current UTC time."""
    return datetime.now(UTC)


def to_utc_text(moment: datetime) -> str:
    """Format an aware datetime as ISO-8601 UTC with millisecond precision and a ``Z`` suffix."""
    if moment.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def from_utc_text(text: str) -> datetime:
    """Parse a timestamp written by :func:`to_utc_text`."""
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)
