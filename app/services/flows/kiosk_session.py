"""One staff-entry kiosk session as a plain-Python state machine (R16, R22, R24).

States::

    NOT_STARTED --start--> RUNNING --end (the Manager, after their password)--> ENDED
         |                    |
         +----abandon---------+--abandon(reason)--> ABANDONED

While RUNNING the kiosk clocks staff in and out (face with liveness, or PIN); 1:N search happens
only here. However it stops, the camera cannot be opened again for this session, the in-memory
gallery is wiped, and the audit log records why it ended.
"""

import threading
from dataclasses import dataclass
from enum import StrEnum

from app.domain.errors import StateError
from app.domain.flows import AbandonReason
from app.domain.operators import OperatorSession
from app.services.access_control import AccessControl
from app.services.capture_session import SourceFactory
from app.services.kiosk_service import KioskService, KioskSession

ENDED_BY_MANAGER = "ended_by_manager"


class KioskState(StrEnum):
    """Where a kiosk session stands."""

    NOT_STARTED = "not_started"
    RUNNING = "running"
    ENDED = "ended"
    ABANDONED = "abandoned"


@dataclass(frozen=True)
class KioskFlowServices:
    """What a kiosk flow calls."""

    kiosk: KioskService
    access: AccessControl
    open_camera: SourceFactory


class KioskSessionFlow:
    """A Manager's kiosk session; see the module docstring."""

    def __init__(self, services: KioskFlowServices, session: OperatorSession) -> None:
        self._services = services
        self._session = session
        self._lock = threading.RLock()
        self.state = KioskState.NOT_STARTED
        self.kiosk: KioskSession | None = None
        self.abandoned_because: AbandonReason | None = None

    def start(self, *, door_configured: bool = False) -> KioskSession:
        """Open the session (face entry only where purpose, assessment and engine allow it).

        Args:
            door_configured: a door relay opens for granted entries (the entry log waits for its answer).

        Raises:
            FaceDeskError: not allowed (the flow stays NOT_STARTED).
        """
        with self._lock:
            self._require(KioskState.NOT_STARTED)
            self.kiosk = self._services.kiosk.start(
                self._session, self._services.open_camera, door_configured=door_configured
            )
            self.state = KioskState.RUNNING
            return self.kiosk

    def end(self) -> None:
        """The Manager ends the session (their password was confirmed by the window)."""
        with self._lock:
            self._require(KioskState.RUNNING)
            self._running().end(self._session, self._services.access, reason=ENDED_BY_MANAGER)
            self.state = KioskState.ENDED

    def abandon(self, reason: AbandonReason) -> None:
        """The window closed, the desk locked or the app is quitting: end the session now; idempotent."""
        with self._lock:
            if self.state in (KioskState.ENDED, KioskState.ABANDONED):
                return
            if self.kiosk is not None and not self.kiosk.closed:
                self.kiosk.end(self._session, self._services.access, reason=reason.value)
            self.abandoned_because = reason
            self.state = KioskState.ABANDONED

    @property
    def running(self) -> bool:
        """Whether staff can clock in now."""
        return self.state is KioskState.RUNNING

    def _running(self) -> KioskSession:
        if self.kiosk is None:
            raise StateError("The kiosk has not started.")
        return self.kiosk

    def _require(self, *states: KioskState) -> None:
        if self.state not in states:
            raise StateError("This kiosk step is not available now.")
