"""A signature pad: strokes drawn with a finger, pen or mouse, kept as points (never an image)."""

import itertools

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


class SignaturePad(QWidget):
    """Collects strokes.

    Signals:
        changed(): a stroke was added or the pad was cleared.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[list[tuple[float, float]]] = []
        self.setMinimumHeight(140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Signature pad"))
        self.setCursor(Qt.CursorShape.CrossCursor)

    @property
    def strokes(self) -> tuple[tuple[tuple[float, float], ...], ...]:
        """The strokes drawn so far."""
        return tuple(tuple(stroke) for stroke in self._strokes)

    def clear(self) -> None:
        """Remove every stroke."""
        self._strokes.clear()
        self.changed.emit()
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Start a stroke."""
        self._strokes.append([(event.position().x(), event.position().y())])
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Extend the stroke."""
        if self._strokes and event.buttons():
            self._strokes[-1].append((event.position().x(), event.position().y()))
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Finish the stroke."""
        self.changed.emit()

    def paintEvent(self, event: object) -> None:
        """Draw the strokes on a white card with a baseline."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#c9d1da"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.drawLine(16, self.height() - 32, self.width() - 16, self.height() - 32)
        painter.setPen(QPen(QColor("#1d2733"), 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        for stroke in self._strokes:
            points = [QPointF(x, y) for x, y in stroke]
            for start, end in itertools.pairwise(points):
                painter.drawLine(start, end)
        painter.end()
