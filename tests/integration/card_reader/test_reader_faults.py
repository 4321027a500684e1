"""The real reader code against a simulated reader device on a pseudo-terminal, fault by fault.

The device answers the real protocol bytes through the real serial port API (pyserial on a pty);
nothing of the reader, the frame parser or the polling loop is replaced. Every fault ends in a
state the desk can word (waiting for a card, read failed / try again, unplugged), never in a
hang or a crash, and the loop recovers by itself when the fault goes away.
"""

import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.card_reader.polling import CardReaderLoop
from app.card_reader.reader import CardReaderPort, ReadFailedError
from app.domain.card_reader_state import CardReaderState
from app.domain.id_cards import IdCardRead
from tests.helpers.card_reader_sim import CARD_NUMBER, Faults, SimulatedCardReader

WAIT = 10.0  # generous: the reader's own deadlines are 1 s per exchange; a busy machine is slower


class Recorder:
    """States and cards reported by the loop, with a way to wait for the next one."""

    def __init__(self) -> None:
        self.states: list[CardReaderState] = []
        self.messages: list[str] = []
        self.cards: list[IdCardRead] = []
        self._changed = threading.Condition()

    def state(self, state: CardReaderState, message: str) -> None:
        with self._changed:
            self.states.append(state)
            self.messages.append(message)
            self._changed.notify_all()

    def card(self, card: IdCardRead) -> None:
        with self._changed:
            self.cards.append(card)
            self._changed.notify_all()

    def wait_for(self, state: CardReaderState, *, after: int = 0) -> int:
        """Wait until ``state`` is reported at index ``after`` or later; return its index."""
        with self._changed:
            found = self._changed.wait_for(lambda: state in self.states[after:], timeout=WAIT)
            assert found, f"no {state.value} after {self.states[after:]}"
            return self.states.index(state, after)

    def wait_for_cards(self, count: int) -> None:
        with self._changed:
            assert self._changed.wait_for(lambda: len(self.cards) >= count, timeout=WAIT), self.states


@pytest.fixture
def polling(card_reader: SimulatedCardReader) -> Iterator[Recorder]:
    recorder = Recorder()
    stop = threading.Event()
    loop = CardReaderLoop(str(card_reader.path), recorder.card, recorder.state, lambda: date(2026, 12, 2))
    thread = threading.Thread(target=loop.run, args=(stop,), daemon=True)
    thread.start()
    recorder.wait_for(CardReaderState.WAITING)
    yield recorder
    stop.set()
    thread.join(timeout=WAIT)
    assert not thread.is_alive(), "the polling loop did not stop"


def test_a_card_laid_down_is_read_once_and_again_after_it_was_lifted(
    card_reader: SimulatedCardReader, polling: Recorder
) -> None:
    card_reader.lay()
    polling.wait_for_cards(1)
    assert polling.cards[0].document.number == CARD_NUMBER
    read = polling.wait_for(CardReaderState.READ)
    card_reader.lift()
    polling.wait_for(CardReaderState.WAITING, after=read)
    assert card_reader.reads == 1, "a card lying on the reader is read once"
    card_reader.lay()
    polling.wait_for_cards(2)


def test_answers_arriving_in_pieces_are_put_together(card_reader: SimulatedCardReader, polling: Recorder) -> None:
    card_reader.faults = Faults(chunk=64)
    card_reader.lay()
    polling.wait_for_cards(1)


def test_a_bad_checksum_says_try_again_and_the_card_is_read_once_the_line_is_clean(
    card_reader: SimulatedCardReader, polling: Recorder
) -> None:
    card_reader.faults = Faults(bad_checksum=True)
    card_reader.lay()
    failed = polling.wait_for(CardReaderState.READ_FAILED)
    assert polling.cards == []
    card_reader.faults = Faults()
    polling.wait_for(CardReaderState.READ, after=failed)
    assert len(polling.cards) == 1


def test_a_card_lifted_mid_read_says_try_again_then_waits_for_the_next_card(
    card_reader: SimulatedCardReader, polling: Recorder
) -> None:
    card_reader.faults = Faults(lift_mid_read=True)
    card_reader.lay()
    failed = polling.wait_for(CardReaderState.READ_FAILED)
    polling.wait_for(CardReaderState.WAITING, after=failed)
    assert polling.cards == []
    card_reader.faults = Faults()
    card_reader.lay()
    polling.wait_for_cards(1)


def test_a_slow_reader_within_the_deadline_still_reads(card_reader: SimulatedCardReader, polling: Recorder) -> None:
    card_reader.faults = Faults(delay=0.2)
    card_reader.lay()
    polling.wait_for_cards(1)


@pytest.mark.parametrize("fault", [Faults(delay=3.0), Faults(silent=True), Faults(garbage=True)])
def test_a_reader_too_slow_silent_or_talking_garbage_says_try_again_and_recovers(
    card_reader: SimulatedCardReader, polling: Recorder, fault: Faults
) -> None:
    card_reader.faults = fault
    card_reader.lay()
    failed = polling.wait_for(CardReaderState.READ_FAILED)
    assert polling.cards == []
    card_reader.faults = Faults()
    polling.wait_for_cards(1)
    assert polling.states.index(CardReaderState.READ, failed) > failed


def test_a_card_that_cannot_be_selected_says_try_again(card_reader: SimulatedCardReader, polling: Recorder) -> None:
    card_reader.faults = Faults(refuse_select=True)
    card_reader.lay()
    polling.wait_for(CardReaderState.READ_FAILED)
    assert polling.cards == []


def test_unplugging_says_so_and_replugging_recovers_by_itself(
    card_reader: SimulatedCardReader, polling: Recorder
) -> None:
    card_reader.unplug()
    gone = polling.wait_for(CardReaderState.UNPLUGGED)
    card_reader.plug()
    back = polling.wait_for(CardReaderState.WAITING, after=gone)
    card_reader.lay()
    polling.wait_for_cards(1)
    assert polling.states.index(CardReaderState.READ, back) > back


def test_unplugging_mid_read_is_a_clean_unplugged_state(card_reader: SimulatedCardReader, polling: Recorder) -> None:
    card_reader.faults = Faults(delay=0.5)
    card_reader.lay()
    polling.wait_for(CardReaderState.READING)
    card_reader.unplug()
    polling.wait_for(CardReaderState.UNPLUGGED)
    assert polling.cards == []


def test_a_port_that_does_not_exist_is_unplugged_not_an_error(tmp_path: Path) -> None:
    recorder = Recorder()
    stop = threading.Event()
    loop = CardReaderLoop(str(tmp_path / "no-such-port"), recorder.card, recorder.state, date.today)
    thread = threading.Thread(target=loop.run, args=(stop,), daemon=True)
    thread.start()
    recorder.wait_for(CardReaderState.UNPLUGGED)
    stop.set()
    thread.join(timeout=WAIT)
    assert not thread.is_alive()


def test_a_silent_reader_does_not_hold_up_a_stop(card_reader: SimulatedCardReader) -> None:
    card_reader.faults = Faults(silent=True)
    stop = threading.Event()
    outcome: list[BaseException | bool] = []

    def search() -> None:
        with CardReaderPort(str(card_reader.path), stop) as port:
            try:
                outcome.append(port.card_present())
            except ReadFailedError as exc:
                outcome.append(exc)

    thread = threading.Thread(target=search, daemon=True)
    thread.start()
    stop.set()  # the exchange watches the flag between reads: it ends without waiting out its deadline
    thread.join(timeout=WAIT)
    assert not thread.is_alive()
    assert isinstance(outcome[0], ReadFailedError)
