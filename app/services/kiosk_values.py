"""What the kiosk shows and confirms: immutable values passed from the session to the screen."""

from dataclasses import dataclass
from datetime import time
from enum import StrEnum

from app.domain.access_rules import EntryRefusal
from app.domain.attendance import ClockDirection, ClockMethod
from app.domain.faces import FaceBox, TurnSide


class KioskPhase(StrEnum):
    """What the kiosk screen shows."""

    READY = "ready"  # waiting for someone (or showing a plain hint)
    TURN_HEAD = "turn_head"  # recognised: the liveness challenge is running
    CLOCKED = "clocked"  # an event was recorded
    ALREADY_CLOCKED = "already_clocked"  # same person again within the repeat interval: no new event
    UNKNOWN = "unknown"  # nobody enrolled was clearly recognised: use the PIN
    USE_PIN = "use_pin"  # the liveness check did not pass: use the PIN
    REFUSED = "refused"  # recognised, but outside their access: the door stays shut, nothing is clocked


@dataclass(frozen=True)
class ClockOutcome:
    """A recorded (or repeated) clock event, or a refused entry, as the kiosk confirms it.

    Attributes:
        event_id: the clock event (None: refused, nothing was clocked).
        entry_id: the entry log row of this door decision.
        refusal: why the door stays shut (None: granted; open the door).
    """

    event_id: int | None
    person_id: int
    person_name: str
    direction: ClockDirection
    method: ClockMethod
    local_time: time
    local_hour: int
    entry_id: int | None = None
    refusal: EntryRefusal | None = None

    def __repr__(self) -> str:
        refused = f", refused={self.refusal.value}" if self.refusal else ""
        return f"ClockOutcome(event_id={self.event_id}, {self.direction.value}, {self.method.value}{refused})"

    __str__ = __repr__


@dataclass(frozen=True)
class KioskProgress:
    """After each frame: the phase, a plain hint, where the face is, and any outcome."""

    phase: KioskPhase
    hint: str = ""
    face: FaceBox | None = None
    frame_size: tuple[int, int] = (0, 0)
    outcome: ClockOutcome | None = None
    turn_side: TurnSide | None = None
    prompt: int = 0  # while TURN_HEAD: which prompt of ``prompts`` is shown (from 1)
    prompts: int = 0


@dataclass(frozen=True)
class StaffEntry:
    """A name on the kiosk's PIN list."""

    person_id: int
    name: str

    def __repr__(self) -> str:
        return f"StaffEntry(person_id={self.person_id})"

    __str__ = __repr__
