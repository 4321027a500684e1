"""Step 2 (guest-facing): face or ID document, as equals (R8, R9).

Both buttons are built by the same function: same class, size policy, minimum size, object name
and style. Neither is the default button, and neither has the focus when the step appears (the
step itself does), so nothing is pre-selected, not even for the Enter key.
"""

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from app.domain.check_in import CheckInMethod
from app.ui.check_in import guest_text as text
from app.ui.guest_language import GuestLanguage
from app.ui.labels import guest_label

CHOICE_SIZE = (320, 140)
GUEST_MARGIN = 48


class ChoiceButton(QPushButton):
    """A large choice whose wording wraps onto a second line instead of being cut off.

    The wording lives in a child label (QPushButton cannot wrap text); clicks, keyboard and
    focus are the button's own, and the wording is also its accessible name.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("GuestChoice")
        self.setAutoDefault(False)
        self.setDefault(False)
        self.setMinimumSize(*CHOICE_SIZE)
        # Ignored: the width comes from the layout's equal stretch, never from the (different) texts
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.label = QLabel()
        self.label.setObjectName("GuestChoiceText")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        inner = QVBoxLayout(self)
        # The wording must never widen its button: both buttons get their width from the step alone.
        inner.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        inner.setContentsMargins(16, 12, 16, 12)
        inner.addWidget(self.label)

    def set_wording(self, wording: str) -> None:
        """What the choice says (shown, and read out by screen readers)."""
        self.label.setText(wording)
        self.setAccessibleName(wording)

    def wording(self) -> str:
        """What the choice says."""
        return self.label.text()


class EqualColumns(QWidget):
    """Two columns of exactly the same width whatever their contents (R8); a spare pixel stays unused.

    A grid layout with equal stretch can hand an odd pixel to one column; this widget places the
    columns itself, so the two choices can never differ in size.
    """

    def __init__(self, left: QWidget, right: QWidget, spacing: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns = (left, right)
        self._spacing = spacing
        for column in self._columns:
            column.setParent(self)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def column_width(self, width: int) -> int:
        """The width each column gets inside ``width``."""
        return max(0, (width - self._spacing) // 2)

    def hasHeightForWidth(self) -> bool:
        """The wrapped wording needs more height when narrower."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The taller column's height at this width."""
        inner = self.column_width(width)
        return max(
            column.heightForWidth(inner) if column.hasHeightForWidth() else column.sizeHint().height()
            for column in self._columns
        )

    def sizeHint(self) -> QSize:
        """Room for two equal columns."""
        width = 2 * max(column.sizeHint().width() for column in self._columns) + self._spacing
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        """Two minimum-size choices side by side."""
        width = 2 * CHOICE_SIZE[0] + self._spacing
        return QSize(width, self.heightForWidth(width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Place both columns at the same width."""
        super().resizeEvent(event)
        width = self.column_width(self.width())
        left, right = self._columns
        left.setGeometry(0, 0, width, self.height())
        right.setGeometry(width + self._spacing, 0, width, self.height())


def choice_column(button: "ChoiceButton", detail: QLabel) -> QWidget:
    """A choice with its explanation underneath."""
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(button)
    layout.addWidget(detail)
    layout.addStretch()
    return column


def choice_button() -> ChoiceButton:
    """One of the two equal choices: both are made here, identically."""
    return ChoiceButton()


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
        self.title = guest_label("GuestTitle")
        self.subtitle = guest_label()
        self.face_button = choice_button()
        self.manual_button = choice_button()
        self.face_detail = QLabel()
        self.manual_detail = QLabel()
        for detail in (self.face_detail, self.manual_detail):
            detail.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            detail.setObjectName("GuestText")
            detail.setWordWrap(True)
            detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.choices = EqualColumns(
            choice_column(self.face_button, self.face_detail),
            choice_column(self.manual_button, self.manual_detail),
            spacing=32,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(GUEST_MARGIN, 32, GUEST_MARGIN, 32)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(24)
        layout.addWidget(self.choices)
        layout.addStretch()
        self.face_button.clicked.connect(lambda: self.chosen.emit(CheckInMethod.FACE.value))
        self.manual_button.clicked.connect(lambda: self.chosen.emit(CheckInMethod.MANUAL.value))
        guest.on_change(self._retranslate)

    def prepare(self) -> None:
        """Called when the step is shown: the focus goes to the step, not to a choice."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _retranslate(self) -> None:
        t = self._guest.text
        self.title.setText(t(text.CHOOSE_TITLE))
        self.setAccessibleName(t(text.CHOOSE_TITLE))  # the step itself has the focus first (R8)
        self.subtitle.setText(t(text.CHOOSE_SUBTITLE))
        self.face_button.set_wording(t(text.FACE_CHOICE))
        self.manual_button.set_wording(t(text.MANUAL_CHOICE))
        self.face_detail.setText(t(text.FACE_CHOICE_DETAIL))
        self.manual_detail.setText(t(text.MANUAL_CHOICE_DETAIL))
