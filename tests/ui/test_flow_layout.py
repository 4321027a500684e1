"""A row of actions that continues on the next line instead of widening the page."""

from itertools import pairwise

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.ui.widgets.flow_layout import FlowLayout

LABELS = ("Check in…", "Verify", "Check out…", "Change departure…", "Change room…", "Withdraw consent…")


PAGES: list[QWidget] = []  # the pages live until the end of the run, as the desk's do


def buttons_in(qtbot: QtBot, width: int) -> list[QPushButton]:
    page = QWidget()
    PAGES.append(page)
    qtbot.addWidget(page)
    outer = QVBoxLayout(page)
    row = FlowLayout()
    buttons = [QPushButton(label) for label in LABELS]
    for button in buttons:
        row.addWidget(button)
    outer.addLayout(row)
    outer.addStretch()
    page.resize(width, 400)
    page.show()
    qtbot.waitExposed(page)
    return buttons


def test_with_room_the_actions_stay_on_one_line(qtbot: QtBot) -> None:
    buttons = buttons_in(qtbot, 4000)
    assert len({button.y() for button in buttons}) == 1


def test_on_a_narrow_page_the_actions_wrap_whole_and_never_overlap(qtbot: QtBot) -> None:
    widest = max(QPushButton(label).sizeHint().width() for label in LABELS)  # measured, not assumed
    buttons = buttons_in(qtbot, widest * 2 + 40)
    assert len({button.y() for button in buttons}) >= 3  # two a line at most
    page = buttons[0].parentWidget()
    for button in buttons:
        assert button.size() == button.sizeHint()  # nothing squeezed or cut
        assert button.geometry().right() <= page.width()
    for first, second in pairwise(buttons):
        assert not first.geometry().intersects(second.geometry())
    assert page.minimumSizeHint().width() <= widest + 40  # the page may be as narrow as one button
