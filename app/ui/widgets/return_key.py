"""Return presses the focused button in the desk's windows, as Space does.

Qt gives buttons that behaviour only inside dialogs, or one by one (``autoDefault``); outside a
dialog a focused button ignores Return, and a receptionist working by keyboard presses a key that
does nothing (seen on "Next guest" after a check-in). One filter per window covers every button in
it, those added later too.
"""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QWidget

_RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ReturnPressesFocusedButton(QObject):
    """Watches one top-level window: a Return that no widget took presses the focused push button.

    Only a focused button is ever pressed: Return in a text field stays that field's (a form may
    send itself on Return) and never becomes a press of some other button. Buttons that take
    Return themselves (``autoDefault``) and dialogs, which are windows of their own, are left as
    they are.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Press the focused button when Return (or keypad Enter) reaches the window unhandled."""
        if watched is not self._window or not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return False
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if event.key() not in _RETURN_KEYS or not plain or event.isAutoRepeat():
            return False
        button = self._window.focusWidget()
        if not isinstance(button, QPushButton) or button.window() is not self._window:
            return False
        if not (button.isEnabled() and button.isVisible()):
            return False
        button.click()
        return True
