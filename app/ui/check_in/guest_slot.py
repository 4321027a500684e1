"""Where the guest-facing steps show: in the desk window, or full-screen on a second monitor.

With a second monitor connected (and the setting on), the guest steps move to a frameless
full-screen window there, and the desk window shows only "The guest is using the guest screen" with
a way for the receptionist to stop; closing puts the steps back into the desk window. Above the
steps, a small "Back to the desk" link (and Escape) stops the check-in at any guest step.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from app.ui.labels import hint
from app.ui.widgets.return_key import ReturnPressesFocusedButton


class GuestSlot(QWidget):
    """The guest steps' place in the desk window, and the second screen when there is one."""

    def __init__(self, steps: QStackedWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.steps = steps
        self._external: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.back_button = QPushButton(self.tr("‹ Back to the desk (Esc)"))
        self.back_button.setObjectName("BackLink")
        self.back_button.setFlat(True)
        self.back_button.setAutoDefault(False)
        self.back_button.setAccessibleName(self.tr("Stop this check-in and go back to the desk"))
        back_row = QHBoxLayout()  # a row with a stretch, not an aligned item: it follows font changes
        back_row.addWidget(self.back_button)
        back_row.addStretch()
        self._layout.addLayout(back_row)
        self._layout.addWidget(steps)
        self.on_guest_screen = QWidget()
        waiting = QVBoxLayout(self.on_guest_screen)
        waiting.addStretch()
        waiting.addWidget(
            hint(self.tr("The guest is using the guest screen.")), alignment=Qt.AlignmentFlag.AlignHCenter
        )
        self.operator_stop = QPushButton(self.tr("Stop and check the ID document instead"))
        waiting.addWidget(self.operator_stop, alignment=Qt.AlignmentFlag.AlignHCenter)
        waiting.addStretch()
        self._layout.addWidget(self.on_guest_screen)
        self.on_guest_screen.hide()

    def show_step(self, step: QWidget, *, second_screen_wanted: bool) -> None:
        """Show ``step``; on the second monitor when one is connected and wanted."""
        self.steps.setCurrentWidget(step)
        screens = QGuiApplication.screens()
        if len(screens) > 1 and second_screen_wanted:
            if self._external is None:
                self._external = QWidget(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
                self._external.setWindowTitle(self.tr("FaceDesk guest screen"))
                ReturnPressesFocusedButton(self._external)
                QVBoxLayout(self._external).addWidget(self.steps)
                self.on_guest_screen.show()
            self._external.setScreen(screens[1])
            self._external.showFullScreen()

    def close_guest_screen(self) -> None:
        """Bring the guest steps back into the desk window (the guest part is over)."""
        if self._external is not None:
            self._layout.insertWidget(1, self.steps)
            self.on_guest_screen.hide()
            self._external.close()
            self._external.deleteLater()
            self._external = None
