"""The frame protocol of resident ID card readers (the SAM module interface of GA 467).

Every frame starts with the preamble ``AA AA AA 96 69`` and two length bytes (big-endian) that
count what follows them, checksum included. A request then carries a command and a parameter
byte; an answer carries three status bytes (SW1 SW2 SW3) and its data. The last byte is the XOR
of the length bytes and everything after them. The desk uses three exchanges: find a card
(``20 01``, answered ``9F`` when a card is there), select it (``20 02``), and read its base
message (``30 01``: two length words, the 256-byte text block and the 1024-byte photo block).
"""

from dataclasses import dataclass
from functools import reduce

PREAMBLE = bytes.fromhex("AAAAAA9669")
FIND_CARD = (0x20, 0x01)
SELECT_CARD = (0x20, 0x02)
READ_BASE_MESSAGE = (0x30, 0x01)

STATUS_OK = 0x90
STATUS_CARD_FOUND = 0x9F
STATUS_NO_CARD = 0x80
STATUS_SELECT_FAILED = 0x81
STATUS_READ_FAILED = 0x41
MAX_FRAME_BODY = 4096  # the longest answer (base message with fingerprints) is under 2.5 KiB


class FrameError(Exception):
    """Bytes that are not a valid frame (bad checksum, impossible length)."""


def checksum(body: bytes) -> int:
    """XOR of every byte of ``body`` (length bytes onwards)."""
    return reduce(lambda acc, byte: acc ^ byte, body, 0)


def request(command: tuple[int, int], data: bytes = b"") -> bytes:
    """The frame that sends ``command`` (command, parameter) with ``data``."""
    payload = bytes(command) + data
    body = (len(payload) + 1).to_bytes(2, "big") + payload
    return PREAMBLE + body + bytes([checksum(body)])


def answer(sw3: int, data: bytes = b"", *, sw1: int = 0x00, sw2: int = 0x00) -> bytes:
    """The frame a reader answers with (used by the simulated device and the tests)."""
    payload = bytes([sw1, sw2, sw3]) + data
    body = (len(payload) + 1).to_bytes(2, "big") + payload
    return PREAMBLE + body + bytes([checksum(body)])


@dataclass(frozen=True)
class Answer:
    """A reader's answer: its status byte and data."""

    status: int
    data: bytes


class FrameReader:
    """Reassembles answers from bytes arriving in any pieces; skips noise before a preamble."""

    def __init__(self) -> None:
        self._buffer = bytearray()

    def feed(self, chunk: bytes) -> Answer | None:
        """Add bytes; return the answer once a whole frame has arrived.

        Raises:
            FrameError: a complete frame whose checksum or length is wrong.
        """
        self._buffer += chunk
        start = self._buffer.find(PREAMBLE)
        if start < 0:
            # keep a possible partial preamble at the end, drop the noise before it
            del self._buffer[: max(0, len(self._buffer) - len(PREAMBLE) + 1)]
            return None
        del self._buffer[:start]
        header = len(PREAMBLE) + 2
        if len(self._buffer) < header:
            return None
        length = int.from_bytes(self._buffer[len(PREAMBLE) : header], "big")
        if not 4 <= length <= MAX_FRAME_BODY:
            self._buffer.clear()
            raise FrameError("impossible frame length")
        if len(self._buffer) < header + length:
            return None
        body = bytes(self._buffer[len(PREAMBLE) : header + length])
        self._buffer.clear()
        if checksum(body[:-1]) != body[-1]:
            raise FrameError("checksum mismatch")
        return Answer(status=body[4], data=body[5:-1])

    @property
    def pending(self) -> int:
        """How many bytes of an incomplete frame are held."""
        return len(self._buffer)
