"""A simulated USB relay board on a pseudo-terminal, speaking the LCUS command set.

The desk's relay code opens ``path`` (a symlink to the pty's device, as udev links a USB board
under /dev/serial/by-id) with pyserial and writes real commands to this device: nothing of the
relay class is replaced. The board records every command it receives with the time it arrived, keeps
the relay's state like a real board, and acts out the faults of a cheap board: noise instead of an
answer, a slow answer, and unplugging (the pty closes and the link disappears) and replugging.

Run it by hand for a walkthrough of the real app::

    uv run python -m tests.helpers.relay_sim /tmp/ttyRELAY
    # then type: unplug | plug | garbage | slow | good | quit
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
from pathlib import Path

from app.door.protocol import LCUS_START, LCUS_STATUS_QUERY


@dataclass(frozen=True)
class RelayCommand:
    """One command the board received: relay ``channel`` switched ``on`` or off, at ``at`` (monotonic)."""

    channel: int
    on: bool
    at: float


@dataclass
class RelayFaults:
    """What the board does wrong (all off: a good board)."""

    garbage: bool = False  # answer with noise (and, when silent, send noise after each command)
    delay: float = 0.0  # seconds before each answer (a slow board)


@dataclass
class SimulatedRelay:
    """An LCUS-type relay board on a pty, reachable at ``path`` while plugged in.

    Attributes:
        answers_status: whether the firmware answers the status query ``FF`` (``CH1:ON``).
    """

    path: Path
    answers_status: bool = True
    faults: RelayFaults = field(default_factory=RelayFaults)
    commands: list[RelayCommand] = field(default_factory=list)
    relays: dict[int, bool] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._fds: tuple[int, int] | None = None
        self._received = threading.Condition()

    def plug(self) -> "SimulatedRelay":
        """Connect the board: a new pty, linked at ``path``; its relays start off (power-up)."""
        master, slave = os.openpty()
        tty.setraw(slave)
        self._fds = (master, slave)
        self.relays = {}
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self.path.symlink_to(os.ttyname(slave))
        self._stop.clear()
        self._thread = threading.Thread(target=self._serve, args=(master,), name="simulated-relay", daemon=True)
        self._thread.start()
        return self

    def unplug(self) -> None:
        """Pull the cable: the pty closes (the desk's writes fail) and the link disappears."""
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

    def switched(self) -> list[bool]:
        """The states relay 1 was switched to, in order (True: on)."""
        return [command.on for command in self.commands if command.channel == 1]

    def wait_for_commands(self, count: int, timeout: float) -> bool:
        """Wait until at least ``count`` commands arrived; whether they did within ``timeout`` seconds."""
        with self._received:
            return self._received.wait_for(lambda: len(self.commands) >= count, timeout)

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
            self._handle(master, buffer)

    def _handle(self, master: int, buffer: bytearray) -> None:
        while buffer:
            if buffer[0] == LCUS_STATUS_QUERY[0]:
                del buffer[:1]
                if self.answers_status:
                    status = "".join(f"CH{channel}:{'ON' if on else 'OFF'}\r\n" for channel, on in self._status())
                    self._send(master, status.encode("ascii"))
                continue
            if buffer[0] != LCUS_START:
                del buffer[:1]  # not a command: a real board ignores it
                continue
            if len(buffer) < 4:
                return
            frame = bytes(buffer[:4])
            del buffer[:4]
            if (frame[0] + frame[1] + frame[2]) & 0xFF != frame[3]:
                continue  # a wrong checksum: ignored, as the boards do
            channel, on = frame[1], frame[2] == 1
            self.relays[channel] = on
            with self._received:
                self.commands.append(RelayCommand(channel, on, time.monotonic()))
                self._received.notify_all()
            if self.faults.garbage and not self.answers_status:
                self._send(master, b"\x00\x13garbage\xfe")

    def _status(self) -> list[tuple[int, bool]]:
        return [(channel, self.relays.get(channel, False)) for channel in (1, 2)]

    def _send(self, master: int, reply: bytes) -> None:
        if self.faults.delay and self._stop.wait(self.faults.delay):
            return
        if self.faults.garbage:
            reply = random.Random(len(self.commands)).randbytes(24)  # noqa: S311 - test noise
        with contextlib.suppress(OSError):
            os.write(master, reply)


def main() -> None:
    """A board for a walkthrough: commands on standard input."""
    relay = SimulatedRelay(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/ttyRELAY")).plug()  # noqa: S108
    print(f"Simulated relay board at {relay.path}. Commands: unplug, plug, garbage, slow, good, quit.", flush=True)
    for line in sys.stdin:
        command = line.strip()
        if command == "unplug":
            relay.unplug()
        elif command == "plug":
            relay.plug()
        elif command == "garbage":
            relay.faults = RelayFaults(garbage=True)
        elif command == "slow":
            relay.faults = RelayFaults(delay=3.0)
        elif command == "good":
            relay.faults = RelayFaults()
        elif command == "quit":
            break
        print(f"{command}: done; relay 1 switched {relay.switched()}", flush=True)
    relay.unplug()


if __name__ == "__main__":
    main()
