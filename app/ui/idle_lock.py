"""Locks the desk after a period without keyboard, mouse or touch input (R16).

The watcher filters the application's input events while a session is open and restarts a
single-shot timer on each one; when the timer runs out it asks for the lock. It only observes
events, never consumes them.
"""

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)


class IdleLock(QObject):
    """Emits ``idle`` after ``minutes`` without input.

    Signals:
        idle(): nobody touched the desk for the configured time.
    """

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, minutes) * 60 * 1000)
        self.timer.timeout.connect(self.idle)
        self._watched: QObject | None = None

    def start(self, watched: QObject) -> None:
        """Watch ``watched``'s events (the application, so every window counts) and start counting."""
        self.stop()
        self._watched = watched
        watched.installEventFilter(self)
        self.timer.start()

    def stop(self) -> None:
        """Stop watching (the session ended)."""
        self.timer.stop()
        if self._watched is not None:
            self._watched.removeEventFilter(self)
            self._watched = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Any input restarts the count; the event goes on unchanged."""
        if event.type() in INPUT_EVENTS:
            self.timer.start()
        return False
