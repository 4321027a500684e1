"""Step 2 (guest-facing): face or ID document, as equals (R8, R9).

Both buttons are built by the same function: same class, size policy, minimum size, object name
and style. Neither is the default button, and neither has the focus when the step appears (the
step itself does), so nothing is pre-selected, not even for the Enter key.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from app.domain.check_in import CheckInMethod
from app.ui.check_in import guest_text as text
from app.ui.guest_language import GuestLanguage

CHOICE_SIZE = (320, 140)


def choice_button() -> QPushButton:
    """One of the two equal choices."""
    button = QPushButton()
    button.setObjectName("GuestChoice")
    button.setAutoDefault(False)
    button.setDefault(False)
    button.setMinimumSize(*CHOICE_SIZE)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return button


class MethodChoiceStep(QWidget):
    """The guest chooses.

    Signals:
        chosen(str): a :class:`CheckInMethod` value.
    """

    chosen = Signal(str)

    def __init__(self, guest: GuestLanguage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._guest = guest
        self.setObjectName("GuestScreen")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = QLabel()
        self.title.setObjectName("GuestTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("GuestText")
        self.subtitle.setWordWrap(True)
        self.face_button = choice_button()
        self.manual_button = choice_button()
        self.face_detail = QLabel()
        self.manual_detail = QLabel()
        for detail in (self.face_detail, self.manual_detail):
            detail.setObjectName("GuestText")
            detail.setWordWrap(True)
            detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        grid = self._grid = QGridLayout()
        grid.setHorizontalSpacing(32)
        grid.addWidget(self.face_button, 0, 0)
        grid.addWidget(self.manual_button, 0, 1)
        grid.addWidget(self.face_detail, 1, 0)
        grid.addWidget(self.manual_detail, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(24)
        layout.addLayout(grid)
        layout.addStretch()
        self.face_button.clicked.connect(lambda: self.chosen.emit(CheckInMethod.FACE.value))
        self.manual_button.clicked.connect(lambda: self.chosen.emit(CheckInMethod.MANUAL.value))
        guest.on_change(self._retranslate)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Give both choices exactly the same width (a grid would hand an odd pixel to one of them)."""
        super().resizeEvent(event)
        margins = self.layout().contentsMargins()
        available = self.width() - margins.left() - margins.right() - self._grid.horizontalSpacing()
        width = max(CHOICE_SIZE[0], available // 2)
        for button in (self.face_button, self.manual_button):
            button.setFixedWidth(width)

    def prepare(self) -> None:
        """Called when the step is shown: the focus goes to the step, not to a choice."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _retranslate(self) -> None:
        t = self._guest.text
        self.title.setText(t(text.CHOOSE_TITLE))
        self.setAccessibleName(t(text.CHOOSE_TITLE))  # the step itself has the focus first (R8)
        self.subtitle.setText(t(text.CHOOSE_SUBTITLE))
        self.face_button.setText(t(text.FACE_CHOICE))
        self.manual_button.setText(t(text.MANUAL_CHOICE))
        self.face_button.setAccessibleName(t(text.FACE_CHOICE))
        self.manual_button.setAccessibleName(t(text.MANUAL_CHOICE))
        self.face_detail.setText(t(text.FACE_CHOICE_DETAIL))
        self.manual_detail.setText(t(text.MANUAL_CHOICE_DETAIL))
