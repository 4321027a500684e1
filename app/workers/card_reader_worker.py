"""The ID card reader thread: owns the reader's port from open to release, like the camera thread.

It runs :class:`app.card_reader.polling.CardReaderLoop` on its own ``QThread`` and hands each card
read to the GUI thread as an immutable :class:`app.domain.id_cards.IdCardRead`. Stopping is
cooperative: a flag, then ``wait`` with a timeout; the thread is never terminated.
"""

import logging
import threading
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QThread, Signal

from app.card_reader.polling import CardReaderLoop
from app.domain.card_reader_state import CardReaderState
from app.domain.id_cards import IdCardRead

logger = logging.getLogger(__name__)

STOP_TIMEOUT_MS = 2000


class CardReaderThread(QThread):
    """Polls one reader on its own thread.

    Signals:
        card_read(object): an :class:`IdCardRead` (frozen), once per card laid on the reader.
        state_changed(str, str): a :class:`CardReaderState` value and, for a refused card, why.
    """

    card_read = Signal(object)
    state_changed = Signal(str, str)

    def __init__(self, port: str, today: Callable[[], date]) -> None:
        super().__init__()
        self.port = port
        self._today = today
        self._stop = threading.Event()
        self.setObjectName("card-reader")

    def run(self) -> None:
        """The thread body: the polling loop, until stopped."""
        CardReaderLoop(self.port, self._deliver, self._report, self._today).run(self._stop)
        logger.info("ID card reader released.")

    def stop(self) -> bool:
        """Ask the loop to end, release the port, and wait; return whether it stopped in time."""
        self._stop.set()
        self.quit()
        stopped = self.wait(STOP_TIMEOUT_MS)
        if not stopped:
            logger.error("The card reader thread did not stop within %d ms.", STOP_TIMEOUT_MS)
        return stopped

    def _deliver(self, card: IdCardRead) -> None:
        self.card_read.emit(card)

    def _report(self, state: CardReaderState, message: str) -> None:
        self.state_changed.emit(state.value, message)
