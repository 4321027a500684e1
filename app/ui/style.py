"""The application's look: Qt's Fusion style, the FaceDesk stylesheet and its two accessibility overlays."""

import logging

from PySide6.QtWidgets import QApplication

from app.config.paths import resource_path

logger = logging.getLogger(__name__)


def stylesheet(*, large_font: bool = False, high_contrast: bool = False) -> str:
    """The base stylesheet, with the large-text and high-contrast overlays when asked for (R23)."""
    names = ["facedesk.qss"]
    if large_font:
        names.append("large.qss")
    if high_contrast:
        names.append("contrast.qss")
    parts = []
    for name in names:
        sheet = resource_path("styles", name)
        try:
            parts.append(sheet.read_text(encoding="utf-8"))
        except OSError:
            logger.warning("Stylesheet %s not found; the desk looks plainer but works.", name)
    # url() in a stylesheet resolves against the working directory: point it at the icons folder
    icons = resource_path("icons").as_posix()
    return "\n".join(parts).replace("@ICONS@", icons)


def use_fusion(app: QApplication) -> None:
    """Use Qt's Fusion style, the same on every platform; once, at start-up, before any window."""
    app.setStyle("Fusion")


def apply_style(app: QApplication, *, large_font: bool = False, high_contrast: bool = False) -> None:
    """Apply the stylesheets from resources/styles (again after a display-mode change).

    Only the stylesheet changes here: replacing the QStyle itself, or holding on to the
    stylesheet's internal style object, under live widgets is unsafe.
    """
    app.setStyleSheet(stylesheet(large_font=large_font, high_contrast=high_contrast))
