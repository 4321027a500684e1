"""Save dialogs: FaceDesk's icons drawn on the tool buttons, the name column readable, Documents first."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFileDialog, QHeaderView, QToolButton, QTreeView, QWidget
from pytestqt.qtbot import QtBot

from app.config.paths import resource_path
from app.ui.file_dialogs import ask_where_to_save
from app.ui.style import stylesheet

TOOL_BUTTONS = {
    "backButton": "back",
    "forwardButton": "forward",
    "toParentButton": "up",
    "newFolderButton": "new-folder",
    "listModeButton": "list-view",
    "detailModeButton": "detail-view",
}


@pytest.fixture
def dialog(qtbot: QtBot, qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[QFileDialog]:
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(documents))
    (documents / "a-rather-long-file-name-for-the-consent-receipt-of-a-guest.pdf").write_bytes(b"%PDF")
    page = QWidget()
    page.setStyleSheet(stylesheet())  # the desk's own style, whose button padding once hid these icons
    qtbot.addWidget(page)
    page.show()
    saving = ask_where_to_save(page, "Save receipt as PDF", "consent-receipt.pdf")
    qtbot.waitExposed(saving)
    yield saving  # the page, its parent, lives as long as the test
    saving.reject()


def icon_pixels_in_the_middle(button: QToolButton) -> int:
    """Drawn (not background) pixels in the middle of the button, where an icon-only button puts its icon.

    The frame is at the edges; a disabled button draws its icon grey, so any darker pixel counts.
    """
    image = button.grab().toImage()
    centre_x, centre_y = image.width() // 2, image.height() // 2
    strokes = 0
    for x in range(centre_x - 8, centre_x + 8):
        for y in range(centre_y - 8, centre_y + 8):
            strokes += image.pixelColor(x, y).lightness() < 200
    return strokes


def test_every_tool_button_shows_a_facedesk_icon(dialog: QFileDialog) -> None:
    for name, icon in TOOL_BUTTONS.items():
        button = dialog.findChild(QToolButton, name)
        assert button is not None, name
        ours = QIcon(str(resource_path("icons", f"{icon}.svg"))).pixmap(16).toImage()
        assert button.icon().pixmap(16).toImage() == ours, f"{name}: not FaceDesk's {icon} icon"
        assert icon_pixels_in_the_middle(button) > 4, f"{name}: no icon drawn where it belongs"


def test_it_opens_in_documents_with_the_suggested_name(dialog: QFileDialog, tmp_path: Path) -> None:
    assert Path(dialog.directory().absolutePath()) == tmp_path / "Documents"
    assert Path.cwd() != tmp_path / "Documents"
    assert dialog.selectedFiles()[0].endswith("consent-receipt.pdf")


def test_the_name_column_takes_the_room_and_the_others_fit_their_text(dialog: QFileDialog) -> None:
    details = dialog.findChild(QTreeView, "treeView")
    assert details is not None
    header = details.header()
    assert header.sectionResizeMode(0) is QHeaderView.ResizeMode.Stretch
    assert all(
        header.sectionResizeMode(column) is QHeaderView.ResizeMode.ResizeToContents
        for column in range(1, header.count())
    )
