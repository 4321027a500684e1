"""Return presses the focused button in the desk's windows, as Space does (R23: the desk by keyboard).

Seen by a receptionist working by keyboard: after a check-in, "Next guest" had the focus and Return
did nothing; outside dialogs Qt leaves Return to each button, and most ignored it.
"""

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.domain.check_in import CheckInMethod
from app.domain.operators import OperatorSession
from app.services.desk_services import DeskServices
from app.ui.desk_window import DeskWindow
from app.ui.login_window import LoginWindow
from app.ui.widgets.return_key import ReturnPressesFocusedButton
from tests.ui.conftest import Camera
from tests.ui.test_check_in_page import GUEST


def press_return_on(qtbot: QtBot, widget: QWidget) -> None:
    """Focus ``widget`` as a Tab would, in the active window, and press Return on it."""
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=5000)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


@pytest.mark.req("R23")
def test_a_check_in_from_the_form_to_the_next_guest_by_return_alone(
    qtbot: QtBot,
    open_desk: Callable[[OperatorSession], DeskWindow],
    clerk: OperatorSession,
) -> None:
    window = open_desk(clerk)
    window.show_page("check_in")
    page = window.check_in
    qtbot.keyClicks(page.details.name, GUEST.full_name)
    qtbot.keyClicks(page.details.document_number, GUEST.document.number)
    qtbot.keyClicks(page.details.room, "1208")
    qtbot.keyClick(page.details.room, Qt.Key.Key_Return)  # Enter sends the form
    assert page.guest_steps.currentWidget() is page.method
    press_return_on(qtbot, page.method.manual_button)
    assert page.stack.currentWidget() is page.manual
    with qtbot.waitSignal(page.checked_in, timeout=10_000) as done:
        press_return_on(qtbot, page.manual.matches_button)
    assert done.args[0].method is CheckInMethod.MANUAL
    press_return_on(qtbot, page.next_button)  # "Next guest": Return did nothing here
    assert page.stack.currentWidget() is page.details
    assert page.details.name.text() == ""


@pytest.mark.req("R23")
def test_return_that_sends_the_form_does_not_also_answer_the_id_check(
    qtbot: QtBot, desk: DeskServices, clerk: OperatorSession, photo_camera: Camera, make_context
) -> None:
    """Seen at the desk: one Return in the Room field sent the form and checked the guest in.

    Without face verification the form leads straight to the ID check, whose "Matches: check in"
    takes the focus; the receptionist has not compared the document yet.
    """
    window = DeskWindow(make_context(desk, clerk, photo_camera), "desk camera")
    qtbot.addWidget(window)
    window.show()
    try:
        window.show_page("check_in")
        page = window.check_in
        qtbot.keyClicks(page.details.name, GUEST.full_name)
        qtbot.keyClicks(page.details.document_number, GUEST.document.number)
        qtbot.keyClicks(page.details.room, "1208")
        checked_in: list[object] = []
        page.checked_in.connect(checked_in.append)
        press_return_on(qtbot, page.details.room)  # Enter in the last field sends the form
        assert page.stack.currentWidget() is page.manual
        assert QApplication.focusWidget() is page.manual.matches_button
        assert checked_in == []  # the ID check waits for its own answer
        with qtbot.waitSignal(page.checked_in, timeout=10_000):
            press_return_on(qtbot, page.manual.matches_button)
    finally:
        window.shutdown()


def test_the_front_desk_lists_are_chosen_by_return(
    qtbot: QtBot,
    open_desk: Callable[[OperatorSession], DeskWindow],
    clerk: OperatorSession,
) -> None:
    window = open_desk(clerk)
    desk = window.front_desk
    press_return_on(qtbot, desk.departures_button)
    assert desk.departures_button.isChecked() and not desk.in_house_button.isChecked()
    press_return_on(qtbot, desk.arrivals_button)
    assert desk.arrivals_button.isChecked() and not desk.departures_button.isChecked()


def test_return_in_a_text_field_presses_no_button_and_each_button_once(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    ReturnPressesFocusedButton(window)
    field, plain, own = QLineEdit(), QPushButton("Plain"), QPushButton("Takes Return itself")
    own.setAutoDefault(True)
    layout = QVBoxLayout(window)
    for widget in (field, plain, own):
        layout.addWidget(widget)
    window.show()
    pressed: list[str] = []
    plain.clicked.connect(lambda: pressed.append("plain"))
    own.clicked.connect(lambda: pressed.append("own"))
    press_return_on(qtbot, field)
    assert pressed == []  # the field's Return is the field's: no button is pressed for it
    press_return_on(qtbot, plain)
    press_return_on(qtbot, own)
    assert pressed == ["plain", "own"]
    qtbot.keyClick(plain, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert pressed == ["plain", "own"]  # Ctrl+Return is not a press


def test_the_sign_in_screens_language_button_is_pressed_by_return(qtbot: QtBot, face_ready: DeskServices) -> None:
    login = LoginWindow(face_ready.operators, "Lotus Inn")
    qtbot.addWidget(login)
    login.show()
    with qtbot.waitSignal(login.language_requested, timeout=5000) as switched:
        press_return_on(qtbot, login.language_button)
    assert switched.args == ["zh_CN"]
