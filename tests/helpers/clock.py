"""A clock tests can move forward."""

from datetime import UTC, datetime, timedelta


class FakeClock:
    """Returns a fixed UTC time until told to advance."""

    def __init__(self, start: datetime = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta
