"""Verify guest, the ID check: the registered document, the card read by the reader, and the answers."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.id_cards import IdCardRead
from app.ui.card_reader_status import CardReaderStatusLabel
from app.ui.labels import hint
from app.ui.names import document_type_names


class DocumentCheckPanel(QWidget):
    """Matches / does not match, or, with a card on the reader, the card read.

    Signals:
        answered(bool): the receptionist compared the document shown with the registered one.
        card_confirmed(object): the receptionist compared the photo on the card read (an IdCardRead).
    """

    answered = Signal(bool)
    card_confirmed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QLabel()
        self.document.setObjectName("DocumentToCheck")
        self.document.setWordWrap(True)
        self.document.setAccessibleName(self.tr("Registered document"))
        self.reader_status = CardReaderStatusLabel()
        self.card = QLabel()
        self.card.setObjectName("DocumentToCheck")
        self.card.setWordWrap(True)
        self.card_button = QPushButton(self.tr("Photo matches: confirm with the card"))
        self.matches_button = QPushButton(self.tr("Matches"))
        self.matches_button.setObjectName("Primary")
        self.mismatch_button = QPushButton(self.tr("Does not match"))
        self._card: IdCardRead | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint(self.tr("Compare the guest's ID document and its photo with the registered one.")))
        layout.addWidget(self.document)
        layout.addWidget(self.reader_status)
        layout.addWidget(self.card)
        layout.addWidget(self.card_button, alignment=Qt.AlignmentFlag.AlignRight)
        answers = QHBoxLayout()
        answers.addStretch()
        answers.addWidget(self.mismatch_button)
        answers.addWidget(self.matches_button)
        layout.addLayout(answers)
        layout.addStretch()
        self.matches_button.clicked.connect(lambda: self.answered.emit(True))
        self.mismatch_button.clicked.connect(lambda: self.answered.emit(False))
        self.card_button.clicked.connect(self._card_confirmed)
        self.show_card(None)

    def show_card(self, card: IdCardRead | None) -> None:
        """A card read by the reader (None: none, or it was used)."""
        self._card = card
        self.card.setVisible(card is not None)
        self.card_button.setVisible(card is not None)
        if card is not None:
            self.card.setText(
                self.tr("ID card read: %1 ending %2. Compare the photo on the card with the guest.")
                .replace("%1", document_type_names()[card.document.type])
                .replace("%2", card.document.last4)
            )
            self.card_button.setFocus()

    def _card_confirmed(self) -> None:
        if self._card is not None:
            self.card_confirmed.emit(self._card)
