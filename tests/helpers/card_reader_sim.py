"""A simulated resident ID card reader on a pseudo-terminal, speaking the real frame protocol.

The desk's reader code opens ``path`` (a symlink to the pty's device, as udev links a USB reader
under /dev/serial/by-id) with pyserial and exchanges real frames with this device: nothing of the
reader class is replaced. The device can hold a card or none, and act out each fault a counter
reader shows: answers split into pieces, a bad checksum, a card lifted mid-read, a slow or silent
reader, garbage, and unplugging (the pty closes and the link disappears) and replugging.

Run it by hand for a walkthrough of the real app::

    uv run python -m tests.helpers.card_reader_sim /tmp/ttyIDREADER
    # then type: lay | lift | unplug | plug | quit
"""

import contextlib
import os
import random
import select
import sys
import threading
import time
import tty
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.card_reader.protocol import (
    FIND_CARD,
    PREAMBLE,
    READ_BASE_MESSAGE,
    SELECT_CARD,
    STATUS_CARD_FOUND,
    STATUS_NO_CARD,
    STATUS_OK,
    STATUS_READ_FAILED,
    STATUS_SELECT_FAILED,
    answer,
    checksum,
)

LONG_TERM = "长期"


def card_text(
    *,
    name: str,
    number: str,
    birth: date,
    valid_from: date,
    valid_until: date | None,
    sex: str = "2",
    ethnicity: str = "01",
    address: str = "上海市黄浦区中山东一路1号",
    authority: str = "上海市公安局黄浦分局",
    card_type: str = " ",
) -> bytes:
    """The 256-byte UCS-2 text block of a resident ID card (or, with ``card_type="J"``, a residence permit)."""

    def pad(value: str, length: int) -> bytes:
        encoded = value.encode("utf-16-le")[:length]
        return encoded + " ".encode("utf-16-le") * ((length - len(encoded)) // 2)

    def day(value: date) -> str:
        return value.strftime("%Y%m%d")

    block = (
        pad(name, 30)
        + pad(sex, 2)
        + pad(ethnicity, 4)
        + pad(day(birth), 16)
        + pad(address, 70)
        + pad(number, 36)
        + pad(authority, 30)
        + pad(day(valid_from), 16)
        + pad(LONG_TERM if valid_until is None else day(valid_until), 16)
        + pad("", 28)
        + pad(card_type, 2)
        + pad("", 6)
    )
    assert len(block) == 256
    return block


def photo_block(seed: int = 2026) -> bytes:
    """1024 bytes standing in for the chip's compressed photo: recognisable, so a leak can be searched for."""
    return b"WLT-PHOTO-BLOCK:" + random.Random(seed).randbytes(1024 - 16)  # noqa: S311 - test data


# A valid resident ID (checksum right), a card valid until 2031
CARD_NUMBER = "310104199005062468"
CARD_NAME = "林晓燕"
CARD_BIRTH = date(1990, 5, 6)


def default_card(*, valid_until: date | None = date(2031, 3, 1)) -> bytes:
    """The text block of the card the tests lay on the reader."""
    return card_text(
        name=CARD_NAME, number=CARD_NUMBER, birth=CARD_BIRTH, valid_from=date(2021, 3, 1), valid_until=valid_until
    )


@dataclass
class Faults:
    """What the device does wrong (all off: a good reader)."""

    chunk: int = 0  # send answers in pieces of this many bytes (partial frames)
    delay: float = 0.0  # seconds before each answer (a slow reader)
    silent: bool = False  # never answer
    bad_checksum: bool = False  # the base message's checksum byte is wrong
    lift_mid_read: bool = False  # the card leaves halfway through sending the base message
    garbage: bool = False  # answer with noise instead of frames
    refuse_select: bool = False  # the card is found but cannot be selected


@dataclass
class SimulatedCardReader:
    """A reader device on a pty, reachable at ``path`` while plugged in."""

    path: Path
    card: bytes | None = None
    photo: bytes = field(default_factory=photo_block)
    faults: Faults = field(default_factory=Faults)
    requests: list[tuple[int, int]] = field(default_factory=list)
    reads: int = 0  # base messages sent in full

    def __post_init__(self) -> None:
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._fds: tuple[int, int] | None = None

    # -- the device's life -------------------------------------------------------------------

    def plug(self) -> "SimulatedCardReader":
        """Connect the device: a new pty, linked at ``path``."""
        master, slave = os.openpty()
        tty.setraw(slave)
        self._fds = (master, slave)
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self.path.symlink_to(os.ttyname(slave))
        self._stop.clear()
        self._thread = threading.Thread(target=self._serve, args=(master,), name="simulated-card-reader", daemon=True)
        self._thread.start()
        return self

    def unplug(self) -> None:
        """Pull the cable: the pty closes (the desk's reads fail) and the link disappears."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        if self._fds is not None:
            for fd in self._fds:
                os.close(fd)
            self._fds = None
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def lay(self, card: bytes | None = None) -> None:
        """Lay a card on the reader."""
        self.card = card if card is not None else default_card()

    def lift(self) -> None:
        """Take the card off."""
        self.card = None

    # -- the protocol ------------------------------------------------------------------------

    def _serve(self, master: int) -> None:
        buffer = bytearray()
        while not self._stop.is_set():
            ready, _, _ = select.select([master], [], [], 0.02)
            if not ready:
                continue
            try:
                buffer += os.read(master, 4096)
            except OSError:
                return
            while (command := self._take_request(buffer)) is not None:
                self.requests.append(command)
                reply = self._reply(command)
                if reply and not self.faults.silent:
                    self._send(master, reply)

    @staticmethod
    def _take_request(buffer: bytearray) -> tuple[int, int] | None:
        start = buffer.find(PREAMBLE)
        if start < 0:
            return None
        del buffer[:start]
        if len(buffer) < 7:
            return None
        length = int.from_bytes(buffer[5:7], "big")
        if len(buffer) < 7 + length:
            return None
        body = bytes(buffer[5 : 7 + length])
        del buffer[: 7 + length]
        if checksum(body[:-1]) != body[-1]:
            return (0, 0)  # answered with the checksum error status below
        return (body[2], body[3])

    def _reply(self, command: tuple[int, int]) -> bytes:
        faults = self.faults
        if faults.garbage:
            return bytes(random.Random(len(self.requests)).randbytes(40))  # noqa: S311 - test noise
        card = self.card
        if command == FIND_CARD:
            return answer(STATUS_CARD_FOUND, b"\x00" * 4) if card is not None else answer(STATUS_NO_CARD)
        if command == SELECT_CARD:
            if card is None or faults.refuse_select:
                return answer(STATUS_SELECT_FAILED)
            return answer(STATUS_OK, b"\x00" * 8)
        if command == READ_BASE_MESSAGE:
            if card is None:
                return answer(STATUS_READ_FAILED)
            data = len(card).to_bytes(2, "big") + len(self.photo).to_bytes(2, "big") + card + self.photo
            frame = bytearray(answer(STATUS_OK, data))
            if faults.bad_checksum:
                frame[-1] ^= 0xFF
            if faults.lift_mid_read:
                self.card = None
                return bytes(frame[: len(frame) // 2])
            self.reads += 1
            return bytes(frame)
        if command == (0, 0):
            return answer(0x10)  # checksum error in the request
        return answer(0x21)  # unknown command

    def _send(self, master: int, reply: bytes) -> None:
        if self.faults.delay and self._stop.wait(self.faults.delay):
            return
        size = self.faults.chunk or len(reply)
        for start in range(0, len(reply), size):
            try:
                os.write(master, reply[start : start + size])
            except OSError:
                return
            if self.faults.chunk:
                time.sleep(0.005)  # the pieces arrive apart, as USB packets do


def main() -> None:
    """A reader for a walkthrough: commands on standard input."""
    reader = SimulatedCardReader(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/ttyIDREADER")).plug()  # noqa: S108
    print(f"Simulated ID card reader at {reader.path}. Commands: lay, lift, unplug, plug, quit.", flush=True)
    for line in sys.stdin:
        command = line.strip()
        if command == "lay":
            reader.lay()
        elif command == "lift":
            reader.lift()
        elif command == "unplug":
            reader.unplug()
        elif command == "plug":
            reader.plug()
        elif command == "quit":
            break
        print(f"{command}: done", flush=True)
    reader.unplug()


if __name__ == "__main__":
    main()
