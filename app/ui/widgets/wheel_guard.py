"""Scrolling a page never changes a setting: the wheel scrolls, it does not turn a box it passes over.

Qt lets the mouse wheel change a combo box or spin box under the pointer even when it does not
have the focus, so scrolling down the Settings page could switch the language or the relay board
without anyone noticing. Guarded boxes take the wheel only once clicked or tabbed into; otherwise
the wheel turn goes to the page's scroll bar, which scrolls.
"""

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QScrollArea, QWidget


class WheelOnlyWhenFocused(QObject):
    """Installed on each combo and spin box of a page by :func:`guard_wheel`."""

    def __init__(self, scroll: QScrollArea) -> None:
        super().__init__(scroll)
        self._scroll = scroll

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Send a wheel turn to the page's scroll bar unless the box has the keyboard focus."""
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            QCoreApplication.sendEvent(self._scroll.verticalScrollBar(), event)
            return True
        return False


def guard_wheel(scroll: QScrollArea) -> WheelOnlyWhenFocused:
    """Guard every combo and spin box inside the page ``scroll`` shows (the guard is owned by it)."""
    guard = WheelOnlyWhenFocused(scroll)
    page = scroll.widget()
    if page is None:
        return guard
    for box in (*page.findChildren(QComboBox), *page.findChildren(QAbstractSpinBox)):
        box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel turn alone does not give it the focus
        box.installEventFilter(guard)
    return guard
