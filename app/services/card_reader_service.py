"""ID card readers for Settings and ``facedesk doctor``: which ports there are, and does a reader answer."""

from dataclasses import dataclass
from enum import StrEnum

from app.card_reader.ports import SerialPort, serial_ports
from app.card_reader.reader import CardReaderPort, ReaderGoneError, ReadFailedError


class ReaderTestOutcome(StrEnum):
    """What one test of a reader found."""

    READY = "ready"  # it answered: no card on it
    CARD_ON_READER = "card_on_reader"  # it answered: a card lies on it
    NO_ANSWER = "no_answer"  # the port opened, but nothing answered like a reader
    CANNOT_OPEN = "cannot_open"  # no such port, unplugged, or held by another program


@dataclass(frozen=True)
class ReaderTest:
    """The outcome of testing one port."""

    port: str
    outcome: ReaderTestOutcome

    @property
    def ok(self) -> bool:
        """Whether a reader answered on the port."""
        return self.outcome in (ReaderTestOutcome.READY, ReaderTestOutcome.CARD_ON_READER)


def available_readers() -> list[SerialPort]:
    """The serial and USB-CDC ports a reader could be on."""
    return serial_ports()


def test_reader(port: str) -> ReaderTest:
    """Open ``port``, ask for a card once, release it (at most about a second)."""
    try:
        with CardReaderPort(port) as reader:
            present = reader.card_present()
    except ReaderGoneError:
        return ReaderTest(port, ReaderTestOutcome.CANNOT_OPEN)
    except ReadFailedError:
        return ReaderTest(port, ReaderTestOutcome.NO_ANSWER)
    return ReaderTest(port, ReaderTestOutcome.CARD_ON_READER if present else ReaderTestOutcome.READY)
