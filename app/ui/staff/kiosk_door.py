"""The kiosk's side of the door: ask the relay thread to open for a granted entry, note what it did."""

from PySide6.QtCore import QObject, Signal

from app.domain.door import DoorOpenResult, DoorReport
from app.services.kiosk_service import KioskSession
from app.workers.door_worker import DoorRelayThread


class KioskDoor(QObject):
    """Opens the door for granted entries and records the relay's answer in the entry log.

    Signals:
        opened(): the relay opened the door (it locks again by itself after its seconds).
        failed(): the door could not be opened (unplugged, silent or garbled board).
    """

    opened = Signal()
    failed = Signal()

    def __init__(self, relay: DoorRelayThread | None, kiosk: KioskSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = relay
        self._kiosk = kiosk
        self._pending: dict[int, int] = {}  # relay request id -> entry log id
        if relay is not None:
            relay.reported.connect(self._reported)

    @property
    def present(self) -> bool:
        """Whether this kiosk drives a door."""
        return self._relay is not None

    def open_for(self, entry_id: int) -> None:
        """Open the door for a granted entry (returns at once; the answer comes as a signal)."""
        if self._relay is not None:
            self._pending[self._relay.open_door()] = entry_id

    def _reported(self, report: object) -> None:
        assert isinstance(report, DoorReport)  # noqa: S101 - what the relay thread emits
        if report.request_id is None or report.request_id not in self._pending:
            return
        entry_id = self._pending.pop(report.request_id)
        opened = report.result is DoorOpenResult.OPENED
        self._kiosk.record_door_result(entry_id, opened=opened)
        (self.opened if opened else self.failed).emit()
