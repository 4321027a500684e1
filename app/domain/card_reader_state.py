"""What the ID card reader is doing, as the desk shows it."""

from enum import StrEnum


class CardReaderState(StrEnum):
    """One state at a time; the desk words each for the receptionist."""

    WAITING = "waiting"  # ready: lay a card on it
    READING = "reading"
    READ = "read"  # a card was read and handed to the desk
    READ_FAILED = "read_failed"  # try again (lift the card and lay it down)
    UNPLUGGED = "unplugged"  # the port is gone or cannot be opened; retried by itself
