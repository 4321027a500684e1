"""Scrolling the Settings page with the mouse wheel scrolls it and never changes a setting."""

from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from app.domain.operators import OperatorSession
from app.services.desk_services import DeskServices
from app.ui.desk_context import DeskContext
from app.ui.desk_pages import DeskPages
from tests.ui.conftest import Camera


def turn_wheel(widget: QWidget, notches: int) -> None:
    """One wheel turn over the middle of ``widget`` (negative: towards the user, scrolling down)."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(QPoint(int(centre.x()), int(centre.y())))),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_a_wheel_turn_over_a_box_scrolls_the_page_and_changes_nothing(
    qtbot: QtBot, desk: DeskServices, admin: OperatorSession, make_context: Callable[..., DeskContext],
    photo_camera: Camera,
) -> None:  # fmt: skip
    settings = DeskPages(make_context(desk, admin, photo_camera)).settings()
    qtbot.addWidget(settings)
    settings.resize(1000, 500)
    settings.show()
    settings.refresh()
    board = settings.door.board
    language = settings.language
    before = (board.currentIndex(), language.currentIndex())
    bar = settings.scroll_area.verticalScrollBar()
    assert bar.value() == 0 and bar.maximum() > 0
    for box in (language, board):
        turn_wheel(box, -1)
    assert (board.currentIndex(), language.currentIndex()) == before, "no setting turned under the pointer"
    assert bar.value() > 0, "the page scrolled instead"
    board.setFocus()
    qtbot.waitUntil(board.hasFocus, timeout=5000)
    turn_wheel(board, -1)
    assert board.currentIndex() != before[0], "a box the user chose still takes the wheel"
    assert all(isinstance(box, QComboBox) for box in (board, language))
