"""One relay board on a serial or USB-CDC port: switch the door relay on or off, with a deadline.

A command counts as done only when the board's profile is satisfied: a board that confirms must
say the expected words within :data:`CONFIRM_SECONDS`; a silent board must stay silent for
:data:`QUIET_SECONDS` (a "silent" board that talks is not our relay: a card reader, a modem, or a
broken line). So a slow, garbled or vanished board costs at most about half a second per command
and is reported, never waited for.
"""

import logging
import os
import time
from types import TracebackType

try:
    from termios import error as TermiosError  # noqa: N812 - pyserial lets it through on POSIX
except ImportError:  # Windows: pyserial raises SerialException only
    TermiosError = OSError  # type: ignore[misc,assignment]  # the same name, bound to another class

import serial

from app.door.protocol import RelayProfile

logger = logging.getLogger(__name__)

BAUD_RATE = 9600  # LCUS boards and their copies; USB-CDC boards ignore it
CONFIRM_SECONDS = 0.5
QUIET_SECONDS = 0.15
WRITE_SECONDS = 0.5
READ_SLICE_SECONDS = 0.03
MAX_ANSWER_BYTES = 256

PORT_ERRORS: tuple[type[Exception], ...] = (serial.SerialException, OSError, TermiosError)
OPEN_ERRORS: tuple[type[Exception], ...] = (*PORT_ERRORS, ValueError)  # ValueError: a malformed port name


class RelayGoneError(Exception):
    """The port cannot be opened, or it went away (unplugged)."""


class RelayFaultError(Exception):
    """The board did not confirm a command in time, or answered something else."""


class RelayPort:
    """An open relay port. Use as a context manager; :meth:`switch` may raise the two errors above."""

    def __init__(self, path: str, profile: RelayProfile) -> None:
        self.path = path
        self.profile = profile
        self._serial: serial.Serial | None = None
        self._device: int | None = None

    def __enter__(self) -> "RelayPort":
        try:
            self._serial = serial.Serial(
                self.path, BAUD_RATE, timeout=READ_SLICE_SECONDS, write_timeout=WRITE_SECONDS, exclusive=True
            )
            self._device = os.stat(self.path).st_rdev
        except OPEN_ERRORS as exc:
            raise RelayGoneError(f"cannot open the relay port: {_kind(exc)}") from None
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        port, self._serial = self._serial, None
        if port is not None:
            try:
                port.close()
            except PORT_ERRORS:
                logger.info("The relay port was already gone when it was closed.")

    def check(self) -> None:
        """Raise :class:`RelayGoneError` when the board went away while idle (or another took its name).

        An idle port sees no error of its own: the device node is looked up again (a replugged
        board is a new device behind the same name) and its input queue is asked for.
        """
        port = self._serial
        if port is None:
            raise RelayGoneError("the port is not open")
        try:
            if os.stat(self.path).st_rdev != self._device:
                raise RelayGoneError("the port now names another device")
            stray = port.in_waiting
            if stray:
                port.read(stray)  # noise on an idle line: the next command starts clean anyway
        except PORT_ERRORS as exc:
            raise RelayGoneError(f"the port went away: {_kind(exc)}") from None

    def switch(self, on: bool) -> None:
        """Switch the relay on or off and check the board's answer (or its silence).

        A stop request does not cut a command short: its wait is bounded by its own deadline, and a
        lock sent on the way out must be confirmed like any other.
        """
        port = self._serial
        if port is None:
            raise RelayGoneError("the port is not open")
        expected = self.profile.answer(on)
        try:
            port.reset_input_buffer()  # an answer that came too late for the previous command
            port.write(self.profile.command(on))
            if self.profile.query:
                port.write(self.profile.query)
            if expected:
                self._await_answer(port, expected)
            else:
                self._await_quiet(port)
        except serial.SerialTimeoutException:
            raise RelayFaultError("the board did not take the command in time") from None
        except PORT_ERRORS as exc:
            raise RelayGoneError(f"the port went away: {_kind(exc)}") from None

    @staticmethod
    def _await_answer(port: serial.Serial, expected: bytes) -> None:
        received = b""
        deadline = time.monotonic() + CONFIRM_SECONDS
        while time.monotonic() < deadline:
            received += port.read(max(1, port.in_waiting))
            if expected in received:
                return
            if len(received) > MAX_ANSWER_BYTES:
                break
        if received:
            raise RelayFaultError(f"the board answered {len(received)} unexpected bytes")
        raise RelayFaultError("the board did not confirm in time")

    @staticmethod
    def _await_quiet(port: serial.Serial) -> None:
        deadline = time.monotonic() + QUIET_SECONDS
        while time.monotonic() < deadline:
            noise = port.read(max(1, port.in_waiting))
            if noise:
                raise RelayFaultError(f"a silent board sent {len(noise)} bytes")


def _kind(error: BaseException) -> str:
    """What went wrong, without the message (the path adds nothing to a log line)."""
    kind = type(error)
    return f"{kind.__module__}.{kind.__name__}" if kind.__module__ != "builtins" else kind.__name__
