"""The Front desk page: today's lists, and verify / check out / change a stay from a row (issue 15)."""

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.domain.operators import OperatorSession
from app.services.check_in_service import GuestStay
from app.services.desk_services import DeskServices
from app.ui.desk_context import DeskContext
from app.ui.desk_window import DeskWindow
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import enrolled_guest, template_rows
from tests.integration.services.conftest import PIA, SourceSpy, adult
from tests.ui.conftest import Camera


@pytest.fixture
def hotel(
    face_ready: DeskServices,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    clock: FakeClock,
) -> dict[str, GuestStay]:
    """Li Wei in 1208 checked in with face, Zhang San arriving for 0815."""
    face = register(room="1208")
    enrolled_guest(face_ready, clerk, face, obama_camera)
    face_ready.check_in.complete_with_face(clerk, face.stay_id)
    arriving = register(adult(clock, "Zhang San", serial="222"), room="0815")
    return {"face": face, "arriving": arriving}


@pytest.fixture
def window(
    qtbot: QtBot,
    face_ready: DeskServices,
    clerk: OperatorSession,
    photo_camera: Camera,
    make_context: Callable[..., DeskContext],
    hotel: dict[str, GuestStay],
) -> DeskWindow:
    desk = DeskWindow(make_context(face_ready, clerk, photo_camera), "USB camera 0")
    qtbot.addWidget(desk)
    desk.show()
    yield desk
    desk.shutdown()


def cells(window: DeskWindow) -> list[list[str]]:
    model = window.front_desk.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_the_front_desk_is_the_home_page_and_lists_the_day(qtbot: QtBot, qtmodeltester, window: DeskWindow) -> None:
    page = window.front_desk
    assert window.current_page == "front_desk"
    assert page.in_house_button.isChecked() and page.in_house_button.text() == "In house (1)"
    assert page.arrivals_button.text() == "Arriving (1)" and page.departures_button.text() == "Leaving today (0)"
    [row] = cells(window)
    assert row[:2] == ["1208", "Li Wei"] and row[4] == "Face" and row[5] != "No face data"
    qtmodeltester.check(page.model)
    page.arrivals_button.click()
    assert [[*r[:2], r[4]] for r in cells(window)] == [["0815", "Zhang San", "Not checked in"]]
    assert not page.verify_button.isEnabled() and not page.checkout_button.isEnabled()
    qtbot.keyClicks(page.search, "zzz")
    assert cells(window) == []


def test_an_in_house_guest_is_verified_in_three_actions_without_typing(
    qtbot: QtBot, window: DeskWindow, face_ready: DeskServices
) -> None:
    """Acceptance 2: select the row, Verify, Verify with face — no typing."""
    page = window.front_desk
    actions = 0
    rect = page.table.visualRect(page.model.index(0, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    actions += 1
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    actions += 1
    assert window.current_page == "verify"
    verify = window.verify
    assert verify.face_button.isEnabled() and verify.face_button.hasFocus()
    assert verify.search.results.currentItem().text().startswith("Li Wei")  # whom it checks is on screen
    with qtbot.waitSignal(verify.verified, timeout=60_000) as verified:
        qtbot.mouseClick(verify.face_button, Qt.MouseButton.LeftButton)
        actions += 1
    assert actions == 3 and verified.args == ["match"]
    assert verify.result.text() == "Verified by face: Li Wei (room 1208) is the registered guest."


def test_checkout_from_the_front_desk_deletes_the_face_data_and_updates_the_lists(
    qtbot: QtBot, window: DeskWindow, face_ready: DeskServices, hotel: dict[str, GuestStay]
) -> None:
    page = window.front_desk
    page.table.selectRow(0)
    page.checkout_button.click()
    box = page.confirmation
    assert "Check out Li Wei from room 1208?" in box.text() and "deleted at checkout" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert page.status.text() == "Li Wei checked out of room 1208. 3 face templates deleted."
    assert template_rows(face_ready) == 0
    receipts = page.receipts_dialog  # the same deletion receipt as a withdrawal, if the guest wants one
    assert receipts is not None and receipts.isVisible()
    assert "You checked out" in receipts.text.toPlainText() and receipts.print_button.isEnabled()
    receipts.reject()
    assert page.in_house_button.text() == "In house (0)" and cells(window) == []


def test_the_departure_and_the_room_change_from_a_row(
    window: DeskWindow, face_ready: DeskServices, hotel: dict[str, GuestStay]
) -> None:
    page = window.front_desk
    page.table.selectRow(0)
    before = cells(window)[0]
    page.dates_button.click()
    dialog = page.date_dialog
    dialog.date.setDate(dialog.date.date().addDays(2))
    dialog.accept()
    assert page.status.text().startswith("Li Wei: departure moved to ")
    after = cells(window)[0]
    assert after[3] > before[3] and after[5] > before[5]  # the face data now goes at the new checkout
    page.table.selectRow(0)
    page.room_button.click()
    page.room_dialog.setTextValue("2001")
    page.room_dialog.accept()
    assert page.status.text() == "Li Wei moved to room 2001."
    assert cells(window)[0][:2] == ["2001", "Li Wei"]
    page.table.selectRow(0)
    page.room_button.click()
    page.room_dialog.setTextValue("   ")
    page.room_dialog.accept()
    assert page.error.text() and cells(window)[0][0] == "2001"  # a bad room is explained, nothing changed


def test_withdraw_from_a_row_opens_withdraw_with_the_guest_chosen(window: DeskWindow) -> None:
    page = window.front_desk
    page.table.selectRow(0)
    page.withdraw_button.click()
    assert window.current_page == "withdraw"
    assert window.withdraw.search.results.currentItem().text().startswith("Li Wei")
    assert window.withdraw.withdraw_button.isEnabled()  # one more click (and a confirmation) withdraws


def test_an_arrival_continues_its_check_in_from_its_row(qtbot: QtBot, window: DeskWindow) -> None:
    page = window.front_desk
    page.arrivals_button.click()
    page.table.selectRow(0)
    assert page.check_in_button.isEnabled() and not page.verify_button.isEnabled()
    page.check_in_button.click()
    check_in = window.check_in
    assert window.current_page == "check_in"
    assert check_in.guest_steps.currentWidget() is check_in.method and check_in.flow.room == "0815"
    check_in.method.manual_button.click()
    assert check_in.manual.document.text().startswith("Zhang San: Resident ID card ending ")
    with qtbot.waitSignal(check_in.checked_in, timeout=10_000):
        check_in.manual.matches_button.click()
    window.show_page("front_desk")
    assert page.arrivals_button.text() == "Arriving (0)" and page.in_house_button.text() == "In house (2)"


@pytest.mark.req("R6")
def test_closing_the_longer_stay_notice_without_an_answer_changes_nothing(
    window: DeskWindow, face_ready: DeskServices, admin: OperatorSession
) -> None:
    face_ready.settings.change(admin, "retention/guest_grace_hours", 2)
    face_ready.pia.record(admin, PIA)
    page = window.front_desk
    page.table.selectRow(0)
    before = cells(window)[0]
    page.dates_button.click()
    page.date_dialog.date.setDate(page.date_dialog.date.date().addDays(2))
    page.date_dialog.accept()
    dialog = page.reconfirmation.dialog
    assert dialog is not None and "2 hours after you check out" in dialog.text.toPlainText()
    dialog.reject()  # Escape or the window's close button: not an answer
    assert page.reconfirmation.dialog is None and page.receipts_dialog is None
    assert page.status.text() == "Li Wei did not answer: their face data still goes on the date they agreed to."
    after = cells(window)[0]
    assert after[3] > before[3] and after[4:] == before[4:]  # the stay is longer; the face data date is as agreed
    assert template_rows(face_ready) == 3


def test_the_up_key_in_the_departure_dialog_adds_a_night(qtbot: QtBot, window: DeskWindow) -> None:
    page = window.front_desk
    page.table.selectRow(0)
    page.dates_button.click()
    dialog = page.date_dialog
    before = dialog.departure()
    qtbot.keyClick(dialog.date, Qt.Key.Key_Up)
    assert (dialog.departure() - before).days == 1  # not a year: the day is what a receptionist changes
    dialog.reject()
