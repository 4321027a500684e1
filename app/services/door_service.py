"""The staff door for the desk, Settings and ``facedesk doctor``: which relay is configured, does it answer."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from app.domain.errors import InvalidInputError
from app.door.configuration import DoorConfiguration, door_configuration
from app.door.relay import RelayFaultError, RelayGoneError, RelayPort

logger = logging.getLogger(__name__)

__all__ = ["DoorConfiguration", "RelayCheck", "RelayCheckOutcome", "check_relay", "configured_door"]


class RelayCheckOutcome(StrEnum):
    """What one check of the relay found."""

    READY = "ready"  # the board took the "lock" command (and confirmed it, where it can)
    NO_ANSWER = "no_answer"  # the port opened, but the board did not confirm, or sent something else
    CANNOT_OPEN = "cannot_open"  # no such port, unplugged, or held by another program
    NOT_CONFIGURED = "not_configured"  # no relay port chosen
    INVALID = "invalid"  # the generic board's bytes are not valid


@dataclass(frozen=True)
class RelayCheck:
    """The outcome of checking the configured relay."""

    port: str
    outcome: RelayCheckOutcome

    @property
    def ok(self) -> bool:
        """Whether the relay answered (or no door is configured, which is fine)."""
        return self.outcome in (RelayCheckOutcome.READY, RelayCheckOutcome.NOT_CONFIGURED)


def configured_door(value: Callable[[str], object]) -> DoorConfiguration | None:
    """The door configured in the device settings, or None (no port, or bytes that are not valid)."""
    try:
        return door_configuration(value)
    except InvalidInputError:  # Settings refuses such bytes when they are typed; a hand-edited file may not
        logger.warning("The door relay's bytes in the settings are not valid: no door is driven.")
        return None


def check_relay(value: Callable[[str], object]) -> RelayCheck:
    """Open the configured relay's port, send "lock" once, release it (at most about a second).

    Locking is the one command that is always safe to send: it never opens the door.
    """
    port = str(value("door/port"))
    if not port:
        return RelayCheck("", RelayCheckOutcome.NOT_CONFIGURED)
    try:
        configuration = door_configuration(value)
    except InvalidInputError:
        return RelayCheck(port, RelayCheckOutcome.INVALID)
    assert configuration is not None  # noqa: S101 - a port is set
    try:
        with RelayPort(configuration.port, configuration.profile) as relay:
            relay.switch(not configuration.fail_mode.relay_on_when_open())
    except RelayGoneError:
        return RelayCheck(port, RelayCheckOutcome.CANNOT_OPEN)
    except RelayFaultError:
        return RelayCheck(port, RelayCheckOutcome.NO_ANSWER)
    return RelayCheck(port, RelayCheckOutcome.READY)


def validate_door(values: dict[str, object]) -> None:
    """Check a door set-up before it is saved.

    Raises:
        InvalidInputError: the generic board's bytes are not valid hexadecimal pairs, or "on" equals "off".
    """
    door_configuration(lambda key: values[key])
