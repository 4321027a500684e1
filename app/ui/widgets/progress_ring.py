"""A ring that fills as good frames are captured: "2 of 3"."""

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget


class ProgressRing(QWidget):
    """Shows ``done`` of ``total``; readable by screen readers through its accessible description."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.done, self.total = 0, 3
        self.setFixedSize(96, 96)
        self.setAccessibleName(self.tr("Capture progress"))

    def set_progress(self, done: int, total: int) -> None:
        """Update the ring."""
        self.done, self.total = done, total
        self.setAccessibleDescription(self.tr("%1 of %2").replace("%1", str(done)).replace("%2", str(total)))
        self.update()

    def paintEvent(self, event: object) -> None:
        """Draw the ring and the count."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ring = QRectF(self.rect()).adjusted(8, 8, -8, -8)
        painter.setPen(QPen(QColor("#d5dbe1"), 8))
        painter.drawEllipse(ring)
        if self.total:
            painter.setPen(QPen(QColor("#1f6f8b"), 8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawArc(ring, 90 * 16, -int(360 * 16 * self.done / self.total))
        painter.setPen(QColor("#1d2733"))
        font = painter.font()
        font.setPointSize(16)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, f"{self.done}/{self.total}")
        painter.end()
