"""The entry log: each door decision, as stored and shown (never a template, frame or score)."""

from dataclasses import dataclass
from datetime import datetime

from app.domain.access_rules import EntryRefusal
from app.domain.attendance import ClockDirection, ClockMethod


@dataclass(frozen=True)
class EntryRecord:
    """One door decision as the entry log shows it (no template, frame or score)."""

    id: int
    occurred_at: datetime  # UTC
    person_id: int | None
    person_name: str | None
    method: ClockMethod
    direction: ClockDirection | None
    granted: bool
    reason: EntryRefusal | None
    door_result: str | None  # "opened", "failed", "no_door", or None (refused: nothing sent)
    operator_name: str | None = None  # the manager who opened the door from the desk

    def __repr__(self) -> str:
        return f"EntryRecord(id={self.id}, person_id={self.person_id}, granted={self.granted})"

    __str__ = __repr__
