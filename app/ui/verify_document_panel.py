"""Verify guest, the ID check: the registered document, the card read by the reader, and the answers."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.id_cards import IdCardRead
from app.ui.card_reader_status import CardCheckBox, CardReaderStatusLabel
from app.ui.labels import hint


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
        self.card_check = CardCheckBox(self.tr("Photo matches: confirm with the card"))
        self.card_button = self.card_check.button
        self.matches_button = QPushButton(self.tr("Matches"))
        self.matches_button.setObjectName("Primary")
        self.mismatch_button = QPushButton(self.tr("Does not match"))
        for button in (self.matches_button, self.mismatch_button):
            button.setAutoDefault(True)  # Enter presses the focused answer, as Space does
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint(self.tr("Compare the guest's ID document and its photo with the registered one.")))
        layout.addWidget(self.document)
        layout.addWidget(self.reader_status)
        layout.addWidget(self.card_check)
        answers = QHBoxLayout()
        answers.addStretch()
        answers.addWidget(self.mismatch_button)
        answers.addWidget(self.matches_button)
        layout.addLayout(answers)
        layout.addStretch()
        self.matches_button.clicked.connect(lambda: self.answered.emit(True))
        self.mismatch_button.clicked.connect(lambda: self.answered.emit(False))
        self.card_check.confirmed.connect(self.card_confirmed)

    def show_card(self, card: IdCardRead | None) -> None:
        """A card read by the reader (None: none, or it was used)."""
        self.card_check.show_card(card)
        self.reader_status.setVisible(card is None and self.reader_status.state is not None)
        # one primary action at a time: with a card read, it is the card
        self.matches_button.setObjectName("" if card is not None else "Primary")
        self.matches_button.style().polish(self.matches_button)
