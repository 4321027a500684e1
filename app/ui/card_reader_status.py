"""One line saying what the ID card reader is doing, shown where the receptionist fills or checks a document."""

from PySide6.QtWidgets import QLabel, QWidget

from app.domain.card_reader_state import CardReaderState
from app.ui.messages import user_message


class CardReaderStatusLabel(QLabel):
    """Hidden until a reader reports; then its state in plain words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Hint")
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("ID card reader"))
        self.state: CardReaderState | None = None
        self.hide()

    def show_state(self, state: str, message: str = "") -> None:
        """Word a :class:`CardReaderState` (and, for a refused card, why)."""
        self.state = CardReaderState(state)
        text = {
            CardReaderState.WAITING: self.tr("ID card reader ready: lay the guest's ID card on it."),
            CardReaderState.READING: self.tr("Reading the ID card…"),
            CardReaderState.READ: self.tr("ID card read."),
            CardReaderState.READ_FAILED: self.tr("The card could not be read: lift it and lay it down again."),
            CardReaderState.UNPLUGGED: self.tr(
                "The ID card reader is not connected: check its cable. The details can be typed meanwhile."
            ),
        }[self.state]
        if message:
            text = user_message(message)
        self.setText(text)
        self.show()

    def clear_state(self) -> None:
        """No reader is in use."""
        self.state = None
        self.hide()
