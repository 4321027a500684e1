"""The last step: who is checked in to which room, how, and the next guest (or the next of the party)."""

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.domain.check_in import CheckInMethod
from app.domain.checks import DocumentCheck
from app.services.check_in_service import CheckInResult
from app.ui.labels import hint, page_title


class CheckedInStep(QWidget):
    """The confirmation, and the buttons for the next guest."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = page_title("")
        self.detail = hint("")
        self.next_button = QPushButton(self.tr("Next guest"))
        self.next_button.setObjectName("Primary")
        self.same_room_button = QPushButton(self.tr("Another guest in this room"))
        self.same_room_button.setAccessibleName(self.tr("Check in another guest to the same room"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        buttons = QHBoxLayout()
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.same_room_button)
        buttons.addStretch()
        layout.addLayout(buttons)
        layout.addStretch()

    def show_result(self, name: str, room: str, result: CheckInResult) -> None:
        """Say who is checked in where, and how."""
        self.title.setText(self.tr("%1 is checked in to room %2.").replace("%1", name).replace("%2", room))
        if result.method is CheckInMethod.FACE:
            detail = self.tr("Face enrolled: the guest can be verified by face during the stay.")
        elif result.document_check is DocumentCheck.CARD_READ:
            detail = self.tr("ID card read and checked.")
        else:
            detail = self.tr("ID document checked.")
        self.detail.setText(detail)
        self.same_room_button.setText(self.tr("Another guest in room %1").replace("%1", room))
