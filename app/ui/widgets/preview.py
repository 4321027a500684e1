"""The mirrored live preview: camera picture, an oval guide, the face box, and camera-state text.

Frames arrive as ``QImage`` copies from the camera thread and are painted directly (no pixmaps
are made off the GUI thread). The picture is mirrored so guests see themselves as in a mirror.
"""

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.domain.faces import FaceBox

# The face box belongs to the frame recognition last analysed; the picture moves on without
# waiting for it. After this many newer frames with no new analysis the box is no longer where
# the face is (the person moved, or recognition fell behind), so it is not drawn at all.
STALE_AFTER_FRAMES = 6


class PreviewWidget(QWidget):
    """Shows the newest frame; counts how many were painted (for the preview benchmark)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self._face: FaceBox | None = None
        self._face_frame = (0, 0)
        self._face_ok = False
        self._frames_since_face = 0
        self._message = ""
        self.painted = 0
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Camera picture"))

    def show_frame(self, image: QImage) -> None:
        """Slot: a new frame from the camera thread."""
        self._image = image
        self._message = ""
        self._frames_since_face += 1
        self.update()

    def show_face(self, face: FaceBox | None, acceptable: bool, frame_size: tuple[int, int] = (0, 0)) -> None:
        """Slot: where the face is, in the pixels of a frame of ``frame_size``, and whether it was good.

        The box is scaled from the analysed frame to the picture on show, so it stays on the face
        even if the camera changed resolution between the two.
        """
        self._face, self._face_ok, self._face_frame = face, acceptable, frame_size
        self._frames_since_face = 0
        self.update()

    @property
    def face_shown(self) -> bool:
        """Whether a face box is drawn over the picture now."""
        return self._face is not None and self._frames_since_face <= STALE_AFTER_FRAMES

    def show_message(self, message: str) -> None:
        """Show a camera message (lost, unavailable) over a dimmed picture."""
        self._message = message
        self.update()

    @property
    def message(self) -> str:
        """The camera message on show ("" while the picture is live)."""
        return self._message

    def paintEvent(self, event: object) -> None:
        """Draw picture, oval guide, face box and message."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#1d2733"))
        target = QRectF(self.rect())
        if self._image is not None and not self._image.isNull():
            scale = min(self.width() / self._image.width(), self.height() / self._image.height())
            size = QRectF(0, 0, self._image.width() * scale, self._image.height() * scale)
            size.moveCenter(QRectF(self.rect()).center())
            target = size
            painter.save()
            painter.translate(target.right(), target.top())
            painter.scale(-1, 1)  # mirror
            painter.drawImage(QRectF(0, 0, target.width(), target.height()), self._image)
            painter.restore()
            if self.face_shown:
                self._draw_face(painter, target, scale)
            self.painted += 1
        oval = QRectF(0, 0, target.height() * 0.48, target.height() * 0.66)
        oval.moveCenter(target.center())
        painter.setPen(QPen(QColor(255, 255, 255, 200), 3, Qt.PenStyle.DashLine))
        painter.drawEllipse(oval)
        if self._message:
            painter.fillRect(self.rect(), QColor(0, 0, 0, 160))
            painter.setPen(QColor("white"))
            font = painter.font()
            font.setPointSize(16)
            painter.setFont(font)
            painter.drawText(
                self.rect().adjusted(24, 24, -24, -24),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self._message,
            )
        painter.end()

    def _draw_face(self, painter: QPainter, target: QRectF, scale: float) -> None:
        assert self._image is not None and self._face is not None  # noqa: S101 - checked by caller
        frame_width, frame_height = self._face_frame
        x_scale = target.width() / frame_width if frame_width else scale
        y_scale = target.height() / frame_height if frame_height else scale
        left = target.right() - self._face.right * x_scale  # mirrored x
        box = QRectF(
            left, target.top() + self._face.top * y_scale, self._face.width * x_scale, self._face.height * y_scale
        )
        painter.setPen(QPen(QColor("#3fb27f") if self._face_ok else QColor("#e0a030"), 3))
        painter.drawRoundedRect(box, 8, 8)
