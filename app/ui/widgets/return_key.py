"""Return presses the focused button in the desk's windows, as Space does.

Qt gives buttons that behaviour only inside dialogs, or one by one (``autoDefault``); outside a
dialog a focused button ignores Return, and a receptionist working by keyboard presses a key that
does nothing (seen on "Next guest" after a check-in). One watcher per window covers every button in
it, those added later too.
"""

from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

_RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class ReturnPressesFocusedButton(QObject):
    """Watches the buttons of one top-level window: Return on the focused one presses it.

    Only a Return delivered to the button itself counts. A Return typed in a text field is that
    field's: when the field's Return sends a form and the next step puts the focus on a button (the
    ID check's "Matches: check in"), the same key press must not go on to press that button, which
    a filter on the window itself would do as the unhandled key travels up to it. Buttons that take
    Return themselves (``autoDefault``) and dialogs, which are windows of their own, are left as
    they are.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        application = cast(QApplication, QApplication.instance())
        application.focusChanged.connect(self._focus_moved)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QPushButton) and new.window() is self._window:
            new.removeEventFilter(self)  # installed once, whatever the number of visits
            new.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Press the watched button when Return (or keypad Enter) is pressed on it."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QPushButton) or watched.autoDefault():
            return False
        if event.key() not in _RETURN_KEYS or event.modifiers() not in _PLAIN or event.isAutoRepeat():
            return False
        if not (watched.hasFocus() and watched.isEnabled() and watched.isVisible()):
            return False
        watched.click()
        return True
