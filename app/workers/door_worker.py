"""The door relay thread: owns the relay's port from open to release, like the camera thread.

It runs :class:`app.door.controller.DoorRelayLoop` on its own ``QThread``. The GUI thread asks
for an opening with :meth:`DoorRelayThread.open_door`, which returns at once; the answer (opened,
or could not open) arrives as a signal within about a second, so the kiosk never waits on the
relay. Stopping is cooperative: a flag, then ``wait`` with a timeout; the thread is never terminated.
"""

import itertools
import logging
import threading

from PySide6.QtCore import QThread, Signal

from app.domain.door import DoorOpenResult, DoorReport, DoorState
from app.door.configuration import DoorConfiguration
from app.door.controller import DoorRelayLoop

logger = logging.getLogger(__name__)

STOP_TIMEOUT_MS = 3000  # a lock on the way out may take one command's deadlines


class DoorRelayThread(QThread):
    """Drives one door relay on its own thread.

    Signals:
        reported(object): a :class:`DoorReport` (frozen): each state change, and the answer to
            each :meth:`open_door` request (its ``request_id`` and ``result``).
    """

    reported = Signal(object)

    def __init__(self, configuration: DoorConfiguration) -> None:
        super().__init__()
        self.configuration = configuration
        self._stop = threading.Event()
        self._ids = itertools.count(1)
        self._loop = DoorRelayLoop(
            configuration.port, configuration.profile, configuration.fail_mode, self.reported.emit
        )
        self.setObjectName("door-relay")

    def open_door(self) -> int:
        """Ask for the door to open for its configured seconds; return the request's id.

        A relay that was stopped (Settings chose another while a kiosk still holds this one) answers
        at once that the door could not be opened, rather than never.
        """
        request_id = next(self._ids)
        if self._stop.is_set():
            self.reported.emit(DoorReport(DoorState.UNPLUGGED, request_id, DoorOpenResult.FAILED))
        else:
            self._loop.request_open(request_id, self.configuration.open_seconds)
        return request_id

    def run(self) -> None:
        """The thread body: the relay loop, until stopped."""
        self._loop.run(self._stop)
        logger.info("Door relay released.")

    def stop(self) -> bool:
        """Ask the loop to end (locking first), release the port, and wait; return whether it stopped in time."""
        self._stop.set()
        self.quit()
        stopped = self.wait(STOP_TIMEOUT_MS)
        if not stopped:
            logger.error("The door relay thread did not stop within %d ms.", STOP_TIMEOUT_MS)
        return stopped
