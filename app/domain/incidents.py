"""An incident in the register (PIPL 57, R20), as the services and pages see it."""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class IncidentRecord:
    """A security incident in the register."""

    id: int
    discovered_at: datetime
    occurred_from: datetime
    occurred_to: datetime
    description: str
    cause: str
    harm: str
    remedies: str
    recorded_at: datetime
    data_kinds: tuple[str, ...] = ("face_templates",)
    people_notified_at: datetime | None = None
