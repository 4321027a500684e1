"""The live preview: the face box sits on the face in the mirrored picture, and a stale box is not drawn.

The box is checked against the picture as the guest sees it: the preview is grabbed, the
picture un-mirrored, and the face found in it again by the real detector.
"""

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from app.camera.frames import load_image
from app.recognition.analyzer import FaceAnalyzer
from app.ui.widgets.preview import STALE_AFTER_FRAMES, PreviewWidget

BOX_GREEN = (0x3F, 0xB2, 0x7F)


def as_qimage(image: np.ndarray) -> QImage:
    height, width = image.shape[:2]
    return QImage(image.data, width, height, image.strides[0], QImage.Format.Format_BGR888).copy()


def drawn_box(grab: QImage) -> tuple[float, float]:
    """The centre of the green face box drawn on the grabbed preview."""
    rgb = grab.convertToFormat(QImage.Format.Format_RGB888)
    pixels = np.frombuffer(rgb.constBits(), np.uint8).reshape(rgb.height(), rgb.bytesPerLine())
    pixels = pixels[:, : rgb.width() * 3].reshape(rgb.height(), rgb.width(), 3).astype(int)
    green = np.all(np.abs(pixels - np.array(BOX_GREEN)) < 12, axis=2)
    ys, xs = np.nonzero(green)
    assert xs.size > 50, "no face box drawn"
    return (xs.min() + xs.max()) / 2, (ys.min() + ys.max()) / 2


# Wide, tall and square previews: the picture is letterboxed differently in each.
@pytest.mark.parametrize("size", [(1100, 450), (700, 900), (800, 600)])
def test_the_box_is_drawn_on_the_face_of_the_mirrored_picture(
    qtbot: QtBot, analyzer: FaceAnalyzer, shared_datasets: Path, size: tuple[int, int]
) -> None:
    photo = load_image(shared_datasets / "images" / "obama-720p.jpg")
    # cropped so the face is well off the middle: a box drawn unmirrored would miss it
    frame = np.ascontiguousarray(photo[:, 380:])
    analysis = analyzer.analyse(frame)
    assert analysis.faces
    preview = PreviewWidget()
    qtbot.addWidget(preview)
    preview.resize(*size)
    preview.show()
    preview.show_frame(as_qimage(frame))
    preview.show_face(analysis.faces[0], True, analysis.frame_size)
    grab = preview.grab().toImage()
    box_x, box_y = drawn_box(grab)
    # Where the face is in the picture on screen, found again by the detector on what was drawn
    scale = min(size[0] / frame.shape[1], size[1] / frame.shape[0])
    shown_w, shown_h = round(frame.shape[1] * scale), round(frame.shape[0] * scale)
    left, top = (size[0] - shown_w) // 2, (size[1] - shown_h) // 2
    picture = grab.copy(left, top, shown_w, shown_h).convertToFormat(QImage.Format.Format_BGR888)
    shown = np.frombuffer(picture.constBits(), np.uint8).reshape(shown_h, picture.bytesPerLine())
    shown = np.ascontiguousarray(shown[:, : shown_w * 3].reshape(shown_h, shown_w, 3)[:, ::-1])  # un-mirrored
    again = analyzer.analyse(shown)
    assert again.faces, "the face is no longer findable in the drawn picture"
    face = again.faces[0]
    face_x = left + shown_w - (face.left + face.right) / 2  # mirrored back to screen coordinates
    face_y = top + (face.top + face.bottom) / 2
    tolerance = face.width * 0.25
    assert abs(box_x - face_x) < tolerance and abs(box_y - face_y) < tolerance


def test_a_box_not_refreshed_for_several_frames_is_no_longer_drawn(
    qtbot: QtBot, analyzer: FaceAnalyzer, shared_datasets: Path
) -> None:
    frame = load_image(shared_datasets / "images" / "obama-720p.jpg")
    analysis = analyzer.analyse(frame)
    preview = PreviewWidget()
    qtbot.addWidget(preview)
    preview.resize(640, 480)
    preview.show()
    image = as_qimage(frame)
    preview.show_frame(image)
    preview.show_face(analysis.faces[0], True, analysis.frame_size)
    for _ in range(STALE_AFTER_FRAMES):
        preview.show_frame(image)  # recognition fell behind: newer pictures, no newer analysis
    assert preview.face_shown
    drawn_box(preview.grab().toImage())
    preview.show_frame(image)
    assert not preview.face_shown
    with pytest.raises(AssertionError, match="no face box drawn"):
        drawn_box(preview.grab().toImage())
    preview.show_face(analysis.faces[0], True, analysis.frame_size)  # a fresh analysis brings it back
    assert preview.face_shown
    drawn_box(preview.grab().toImage())
