"""One ID card reader on a serial or USB-CDC port: find, select and read a card, with deadlines.

Each exchange has a deadline, and waiting for bytes also watches the stop flag, so a silent,
slow or half-answering reader costs at most :data:`EXCHANGE_SECONDS` and never blocks a stop.
The photo block of the answer is cut off here and never returned, decoded, kept or logged (R12).
"""

import logging
import threading
import time
from types import TracebackType

try:
    from termios import error as TermiosError  # noqa: N812 - pyserial lets it through on POSIX
except ImportError:  # Windows: pyserial raises SerialException only
    TermiosError = OSError  # type: ignore[misc,assignment]  # the same name, bound to another class

import serial

from app.card_reader.protocol import (
    FIND_CARD,
    READ_BASE_MESSAGE,
    SELECT_CARD,
    STATUS_CARD_FOUND,
    STATUS_NO_CARD,
    STATUS_OK,
    Answer,
    FrameError,
    FrameReader,
    request,
)
from app.domain.id_cards import TEXT_LENGTH

logger = logging.getLogger(__name__)

BAUD_RATE = 115200  # the usual rate of these readers; USB-CDC ignores it
EXCHANGE_SECONDS = 1.0
READ_SLICE_SECONDS = 0.05


class ReaderGoneError(Exception):
    """The port cannot be opened, or it went away (unplugged)."""


class ReadFailedError(Exception):
    """The reader did not answer in time, answered garbage, or the card left mid-read."""


# what a port that went away raises: pyserial's own error, the OS error, or termios' on a hung-up tty
PORT_ERRORS: tuple[type[Exception], ...] = (serial.SerialException, OSError, TermiosError)
OPEN_ERRORS: tuple[type[Exception], ...] = (*PORT_ERRORS, ValueError)  # ValueError: a malformed port name


class CardReaderPort:
    """An open reader port. Use as a context manager; every method may raise the two errors above."""

    def __init__(self, path: str, stop: threading.Event | None = None) -> None:
        self.path = path
        self._stop = stop or threading.Event()
        self._serial: serial.Serial | None = None

    def __enter__(self) -> "CardReaderPort":
        try:
            self._serial = serial.Serial(
                self.path, BAUD_RATE, timeout=READ_SLICE_SECONDS, write_timeout=EXCHANGE_SECONDS, exclusive=True
            )
        except OPEN_ERRORS as exc:
            raise ReaderGoneError(f"cannot open {self.path}: {_kind(exc)}") from None
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        port, self._serial = self._serial, None
        if port is not None:
            try:
                port.close()
            except PORT_ERRORS:
                logger.info("The card reader port was already gone when it was closed.")

    def exchange(self, command: tuple[int, int]) -> Answer:
        """Send one request and wait for its answer (at most :data:`EXCHANGE_SECONDS`)."""
        port = self._serial
        if port is None:
            raise ReaderGoneError("the port is not open")
        frames = FrameReader()
        deadline = time.monotonic() + EXCHANGE_SECONDS
        try:
            port.reset_input_buffer()  # an answer that came too late for the previous request
            port.write(request(command))
            while time.monotonic() < deadline and not self._stop.is_set():
                chunk = port.read(max(1, port.in_waiting))
                if not chunk:
                    continue
                answer = frames.feed(chunk)
                if answer is not None:
                    return answer
        except FrameError as exc:
            raise ReadFailedError(str(exc)) from None
        except PORT_ERRORS as exc:
            raise ReaderGoneError(f"the port went away: {_kind(exc)}") from None
        raise ReadFailedError("no complete answer in time" if frames.pending else "no answer in time")

    def card_present(self) -> bool:
        """Whether a card lies on the reader."""
        answer = self.exchange(FIND_CARD)
        if answer.status == STATUS_CARD_FOUND:
            return True
        if answer.status == STATUS_NO_CARD:
            return False
        raise ReadFailedError(f"find card answered status {answer.status:#04x}")

    def read_text(self) -> bytes:
        """Select the card and read its base message; return the 256-byte text block only."""
        selected = self.exchange(SELECT_CARD)
        if selected.status != STATUS_OK:
            raise ReadFailedError(f"select card answered status {selected.status:#04x}")
        message = self.exchange(READ_BASE_MESSAGE)
        if message.status != STATUS_OK or len(message.data) < 4:
            raise ReadFailedError(f"read answered status {message.status:#04x}")
        text_length = int.from_bytes(message.data[0:2], "big")
        photo_length = int.from_bytes(message.data[2:4], "big")
        if text_length != TEXT_LENGTH or len(message.data) != 4 + text_length + photo_length:
            raise ReadFailedError("the base message has the wrong length")
        # the photo block (message.data[4 + text_length:]) is deliberately left unread
        return bytes(message.data[4 : 4 + text_length])


def _kind(error: BaseException) -> str:
    """What went wrong, without the message (which may hold a path, never a secret, but adds nothing)."""
    kind = type(error)
    return f"{kind.__module__}.{kind.__name__}" if kind.__module__ != "builtins" else kind.__name__
