"""The door as this desk's settings describe it: port, board, relay, lock type and seconds open."""

from collections.abc import Callable
from dataclasses import dataclass

from app.domain.door import DoorFailMode
from app.door.protocol import RelayProfile, RelayProfileKind, generic_profile, lcus_profile

SettingsValue = Callable[[str], object]


@dataclass(frozen=True)
class DoorConfiguration:
    """Everything the relay worker needs to drive the door."""

    port: str
    profile: RelayProfile
    fail_mode: DoorFailMode
    open_seconds: int


def door_configuration(value: SettingsValue) -> DoorConfiguration | None:
    """The configured door, or None when no relay port is chosen.

    Args:
        value: reads a device setting by key (``door/port``, ``door/board`` ...).

    Raises:
        InvalidInputError: the generic board's bytes are not valid hexadecimal pairs.
    """
    port = str(value("door/port"))
    if not port:
        return None
    kind = RelayProfileKind(str(value("door/board")))
    channel = int(str(value("door/channel")))
    if kind is RelayProfileKind.GENERIC:
        profile = generic_profile(str(value("door/open_bytes")), str(value("door/close_bytes")))
    else:
        profile = lcus_profile(channel, answers_status=kind is RelayProfileKind.LCUS_STATUS)
    return DoorConfiguration(
        port=port,
        profile=profile,
        fail_mode=DoorFailMode(str(value("door/lock_type"))),
        open_seconds=int(str(value("door/open_seconds"))),
    )
