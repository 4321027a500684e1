"""The staff door: how its lock is wired, what state the relay is in, and what an opening did.

Fail-secure and fail-safe are the two ways a lock can be wired, and the owner chooses by the lock
they bought:

- **Fail-secure** (an electric strike on the relay's normally-open contact): the door is locked
  while the relay is off and opens while it is on. If the PC crashes, the relay board is unplugged
  or the power fails, the door stays **locked** (people inside still leave by the handle).
- **Fail-safe** (a magnetic lock on the normally-closed contact, or held by the relay): the door
  is locked while the relay is on and opens while it is off. If the PC crashes or the board is
  unplugged, the door **opens** and stays open until FaceDesk locks it again (fire codes often
  require this for doors on an escape route).

Either way FaceDesk sends the locked state each time it (re)connects to the board, so a door left
open by a crash in the middle of an opening is locked again as soon as the desk is back.
"""

from dataclasses import dataclass
from enum import StrEnum

OPEN_SECONDS_DEFAULT = 5
OPEN_SECONDS_RANGE = (1, 30)


class DoorFailMode(StrEnum):
    """What the door does without power: stay locked (secure) or open (safe)."""

    FAIL_SECURE = "fail_secure"
    FAIL_SAFE = "fail_safe"

    def relay_on_when_open(self) -> bool:
        """Whether the relay is on while the door is open (fail-secure) or off (fail-safe)."""
        return self is DoorFailMode.FAIL_SECURE


class DoorState(StrEnum):
    """The relay as the desk sees it."""

    NOT_CONFIGURED = "not_configured"  # no port chosen: no door is driven
    CONNECTING = "connecting"  # the port is being opened
    LOCKED = "locked"  # connected, door locked
    OPEN = "open"  # connected, door open for its seconds
    UNPLUGGED = "unplugged"  # the port is gone (retrying by itself)
    FAULT = "fault"  # the board did not confirm a command, or answered garbage


class DoorOpenResult(StrEnum):
    """What a request to open the door came to."""

    OPENED = "opened"  # opened, and locked again after its seconds
    FAILED = "failed"  # the door could not be opened (unplugged, no or wrong confirmation)


@dataclass(frozen=True)
class DoorReport:
    """One change the relay worker reports: the state, and for an opening request its result."""

    state: DoorState
    request_id: int | None = None
    result: DoorOpenResult | None = None
