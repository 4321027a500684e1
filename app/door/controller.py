"""The door relay's loop: connect, lock, open on request for some seconds, survive unplugging.

It runs on the relay worker's thread (app/workers/door_worker.py) and reports each change as an
immutable :class:`DoorReport`. Each connection starts by locking the door (a crash in the middle
of an opening must not leave it open). A request to open is answered within about a second:
opened, or failed because the board is unplugged, silent or talking nonsense, and a failed
opening never leaves the door open. Locking that the board did not confirm is retried every
:data:`RETRY_SECONDS` until it is. When the port goes away the loop says so and opens it again
every :data:`RETRY_SECONDS`, so a replugged board is back by itself.
"""

import logging
import queue
import threading
import time
from collections.abc import Callable

from app.domain.door import DoorFailMode, DoorOpenResult, DoorReport, DoorState
from app.door.protocol import RelayProfile
from app.door.relay import RelayFaultError, RelayGoneError, RelayPort

logger = logging.getLogger(__name__)

RETRY_SECONDS = 0.5
IDLE_CHECK_SECONDS = 0.25


class DoorRelayLoop:
    """Drives one door relay until stopped; :meth:`request_open` may be called from any thread."""

    def __init__(
        self, path: str, profile: RelayProfile, fail_mode: DoorFailMode, on_report: Callable[[DoorReport], None]
    ) -> None:
        self._path = path
        self._profile = profile
        self._open_relay = fail_mode.relay_on_when_open()
        self._on_report = on_report
        self._requests: queue.Queue[tuple[int, float]] = queue.Queue()
        self._state: DoorState | None = None

    def request_open(self, request_id: int, seconds: float) -> None:
        """Ask for the door to open for ``seconds``; the answer comes as a report with ``request_id``."""
        self._requests.put((request_id, seconds))

    def run(self, stop: threading.Event) -> None:
        """Drive the relay until ``stop`` is set; the port is closed on every way out."""
        self._report(DoorState.CONNECTING)
        while not stop.is_set():
            try:
                with RelayPort(self._path, self._profile) as port:
                    self._serve(port, stop)
            except RelayGoneError as exc:
                if self._state is not DoorState.UNPLUGGED:
                    logger.info("Door relay unavailable (%s); retrying.", exc)
                self._report(DoorState.UNPLUGGED)
                self._refuse_requests_for(RETRY_SECONDS, stop)

    def _serve(self, port: RelayPort, stop: threading.Event) -> None:
        lock_due: float | None = time.monotonic()  # lock first, on every connection
        while not stop.is_set():
            if lock_due is not None and time.monotonic() >= lock_due:
                lock_due = None if self._lock(port) else time.monotonic() + RETRY_SECONDS
            wait = (
                IDLE_CHECK_SECONDS
                if lock_due is None
                else max(0.0, min(IDLE_CHECK_SECONDS, lock_due - time.monotonic()))
            )
            try:
                request_id, seconds = self._requests.get(timeout=wait)
            except queue.Empty:
                port.check()
                continue
            opened = self._open(port, request_id)
            lock_due = time.monotonic() + (seconds if opened else 0.0)  # a half-done opening is undone at once
        if lock_due is not None:
            self._lock(port)  # stopping in the middle of an opening: lock before letting go

    def _open(self, port: RelayPort, request_id: int) -> bool:
        try:
            port.switch(self._open_relay)
        except RelayFaultError as exc:
            logger.warning("The door relay did not open (%s).", exc)
            self._report(DoorState.FAULT, request_id, DoorOpenResult.FAILED)
            return False
        except RelayGoneError:
            self._report(DoorState.UNPLUGGED, request_id, DoorOpenResult.FAILED)
            raise
        self._report(DoorState.OPEN, request_id, DoorOpenResult.OPENED)
        return True

    def _lock(self, port: RelayPort) -> bool:
        try:
            port.switch(not self._open_relay)
        except RelayFaultError as exc:
            logger.warning("The door relay did not confirm locking (%s); retrying.", exc)
            self._report(DoorState.FAULT)
            return False
        self._report(DoorState.LOCKED)
        return True

    def _refuse_requests_for(self, seconds: float, stop: threading.Event) -> None:
        """While the board is gone, answer each request at once: the door cannot open."""
        deadline = time.monotonic() + seconds
        while not stop.is_set() and (remaining := deadline - time.monotonic()) > 0:
            try:
                request_id, _seconds = self._requests.get(timeout=min(remaining, 0.05))
            except queue.Empty:
                continue
            self._report(DoorState.UNPLUGGED, request_id, DoorOpenResult.FAILED)

    def _report(self, state: DoorState, request_id: int | None = None, result: DoorOpenResult | None = None) -> None:
        if result is not None or state is not self._state:
            self._state = state
            self._on_report(DoorReport(state, request_id, result))
