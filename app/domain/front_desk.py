"""The front desk's view of the day: who arrives, who is in the house, who leaves today."""

from dataclasses import dataclass
from datetime import date, datetime

from app.domain.records import StayRecord


@dataclass(frozen=True)
class DeskStay:
    """One open stay as the front desk lists it (never a score or a template)."""

    stay: StayRecord
    name: str
    face_data_until: datetime | None  # when this stay's face data goes; None when none is held

    @property
    def checked_in(self) -> bool:
        """Whether the guest is in the house."""
        return self.stay.checked_in


@dataclass(frozen=True)
class FrontDeskDay:
    """Today's arrivals (registered, not checked in), in-house guests, and today's departures."""

    on: date
    arrivals: tuple[DeskStay, ...]
    in_house: tuple[DeskStay, ...]
    grace_hours: int = 0  # face data goes this long after checkout

    @property
    def departures(self) -> tuple[DeskStay, ...]:
        """In-house guests whose departure is today or already past."""
        return tuple(row for row in self.in_house if row.stay.departure <= self.on)
