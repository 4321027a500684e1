"""The reader's polling loop: open the port, wait for a card, read it once, survive unplugging.

It runs on the card reader worker's thread (app/workers/card_reader_worker.py) and reports through
two callbacks: each state change, and each card read as an immutable :class:`IdCardRead`. A card
lying on the reader is read once; lifting it and laying it down again reads it again. When the
port goes away the loop says so and tries to open it again every :data:`REOPEN_SECONDS`, so a
replugged reader is back by itself.
"""

import logging
import threading
from collections.abc import Callable
from datetime import date

from app.card_reader.reader import CardReaderPort, ReaderGoneError, ReadFailedError
from app.domain.card_reader_state import CardReaderState
from app.domain.errors import InvalidInputError
from app.domain.id_cards import IdCardRead, parse_card_text

logger = logging.getLogger(__name__)

POLL_SECONDS = 0.25
REOPEN_SECONDS = 0.5

StateReport = Callable[[CardReaderState, str], None]


class CardReaderLoop:
    """Polls one reader until stopped."""

    def __init__(
        self,
        path: str,
        on_card: Callable[[IdCardRead], None],
        on_state: StateReport,
        today: Callable[[], date],
    ) -> None:
        self._path = path
        self._on_card = on_card
        self._on_state = on_state
        self._today = today
        self._state: tuple[CardReaderState, str] | None = None

    def run(self, stop: threading.Event) -> None:
        """Poll until ``stop`` is set; the port is closed on every way out."""
        while not stop.is_set():
            try:
                with CardReaderPort(self._path, stop) as port:
                    self._report(CardReaderState.WAITING)
                    self._poll(port, stop)
            except ReaderGoneError as exc:
                if self._state is None or self._state[0] is not CardReaderState.UNPLUGGED:
                    logger.info("ID card reader unavailable (%s); retrying.", exc)
                self._report(CardReaderState.UNPLUGGED)
                stop.wait(REOPEN_SECONDS)

    def _poll(self, port: CardReaderPort, stop: threading.Event) -> None:
        handled = False  # the card lying on the reader was already read (or refused)
        while not stop.is_set():
            try:
                present = port.card_present()
            except ReadFailedError as exc:
                logger.info("The ID card reader did not answer a card search (%s).", exc)
                self._report(CardReaderState.READ_FAILED)
                stop.wait(POLL_SECONDS)
                continue
            if not present:
                if handled or self._state is None or self._state[0] is not CardReaderState.WAITING:
                    self._report(CardReaderState.WAITING)
                handled = False
            elif not handled:
                handled = self._read(port)
            stop.wait(POLL_SECONDS)

    def _read(self, port: CardReaderPort) -> bool:
        """Read the card on the reader; whether it was dealt with (read, or refused for what it says)."""
        if self._state is None or self._state[0] is not CardReaderState.READ_FAILED:
            self._report(CardReaderState.READING)  # while retrying, "try again" stays up: no flicker
        try:
            text = port.read_text()
        except ReadFailedError as exc:
            logger.info("Reading the ID card failed (%s).", exc)
            self._report(CardReaderState.READ_FAILED)
            return False  # lifted mid-read or misread: the next search tries again
        try:
            card = parse_card_text(text, today=self._today())
        except InvalidInputError as exc:
            logger.info("The ID card's data was refused.")
            self._report(CardReaderState.READ_FAILED, str(exc))
            return True  # the same card would say the same again: wait until it is lifted
        self._report(CardReaderState.READ)
        self._on_card(card)
        return True

    def _report(self, state: CardReaderState, message: str = "") -> None:
        if self._state != (state, message):
            self._state = (state, message)
            self._on_state(state, message)
