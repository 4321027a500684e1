"""The application's look: Qt's Fusion style plus the FaceDesk stylesheet."""

import logging

from PySide6.QtWidgets import QApplication

from app.config.paths import resource_path

logger = logging.getLogger(__name__)


def apply_style(app: QApplication) -> None:
    """Use Fusion (the same on every platform) and the stylesheet from resources/styles."""
    app.setStyle("Fusion")
    sheet = resource_path("styles", "facedesk.qss")
    try:
        app.setStyleSheet(sheet.read_text(encoding="utf-8"))
    except OSError:
        logger.warning("Stylesheet %s not found; using the plain Fusion style.", sheet.name)
