"""The ID card reader where the receptionist fills or checks a document: its state, and the card read."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.card_reader_state import CardReaderState
from app.domain.id_cards import CARD_DOCUMENT_TYPES, IdCardRead
from app.domain.people import IdDocumentType
from app.ui.labels import set_state
from app.ui.messages import user_message
from app.ui.names import document_type_names


class CardReaderStatusLabel(QLabel):
    """Hidden until a reader reports; then its state in plain words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReaderStatus")
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("ID card reader"))
        self.state: CardReaderState | None = None
        self._document: IdDocumentType | None = None
        self.hide()

    def expect(self, document_type: IdDocumentType | None) -> None:
        """The document the guest registered with (None: not known yet, a new guest is being entered)."""
        self._document = document_type
        if self.state is not None:
            self.show_state(self.state.value)

    def show_state(self, state: str, message: str = "") -> None:
        """Word a :class:`CardReaderState` (and, for a refused card, why)."""
        self.state = CardReaderState(state)
        readable = self._document is None or self._document in CARD_DOCUMENT_TYPES
        text = {
            CardReaderState.WAITING: self.tr("ID card reader ready: lay the guest's ID card on it.")
            if readable
            else self.tr(
                "The ID card reader reads ID cards only. This guest's document (%1) is checked by hand."
            ).replace("%1", document_type_names()[self._document or IdDocumentType.OTHER]),
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
        problem = self.state in (CardReaderState.READ_FAILED, CardReaderState.UNPLUGGED)
        set_state(self, "attention" if problem else "ok" if self.state is CardReaderState.READ else "")
        self.show()

    def clear_state(self) -> None:
        """No reader is in use."""
        self.state = None
        self.hide()


class CardCheckBox(QFrame):
    """A card read for the person being checked: what it is, and one button once the photo was compared.

    Signals:
        confirmed(object): the receptionist compared the photo on the card (an IdCardRead) with the person.
    """

    confirmed = Signal(object)

    def __init__(self, button_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CardCheck")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.button = QPushButton(button_text)
        self.button.setObjectName("Primary")
        self.button.setAutoDefault(True)  # Enter presses it, as Space does
        self.button.setMinimumHeight(40)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.button)
        layout.addLayout(row)
        self.card: IdCardRead | None = None
        self.button.clicked.connect(self._confirmed)
        self.hide()

    def show_card(self, card: IdCardRead | None) -> None:
        """Show ``card`` (None hides the box)."""
        self.card = card
        self.setVisible(card is not None)
        if card is None:
            return
        self.text.setText(
            self.tr("ID card read: %1 ending %2. Compare the photo on the card with the guest.")
            .replace("%1", document_type_names()[card.document.type])
            .replace("%2", card.document.last4)
        )
        self.button.setFocus()

    def _confirmed(self) -> None:
        if self.card is not None:
            self.confirmed.emit(self.card)
