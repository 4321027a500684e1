"""The signed-in desk: pages by role, accessible names everywhere, the guest view, the camera in the status bar."""

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.domain.operators import OperatorSession
from app.services.desk_services import DeskServices
from app.ui.desk_window import DeskWindow
from app.ui.style import apply_style
from tests.ui.conftest import unnamed_controls
from tests.ui.test_check_in_page import GUEST, fill_details


@pytest.mark.req("R16")
def test_each_role_sees_only_its_pages(
    open_desk: Callable[[OperatorSession], DeskWindow],
    clerk: OperatorSession,
    manager: OperatorSession,
    admin: OperatorSession,
) -> None:
    desk_pages = ["front_desk", "check_in", "verify", "withdraw", "people"]
    assert [page.key for page in open_desk(clerk).pages] == desk_pages
    manager_pages = [*desk_pages, "audit", "staff", "attendance", "door", "compliance", "rights", "incidents"]
    assert [page.key for page in open_desk(manager).pages] == manager_pages
    admin_window = open_desk(admin)
    assert [page.key for page in admin_window.pages] == [*manager_pages, "settings"]
    labels = [admin_window.navigation.item(row).text() for row in range(admin_window.navigation.count())]
    assert labels == [
        "Front desk",
        "Check in",
        "Verify guest",
        "Withdraw / opt out",
        "People",
        "Audit log",
        "Staff",
        "Staff entry",
        "Staff door",
        "Compliance",
        "Rights requests",
        "Incidents",
        "Settings",
    ]


@pytest.mark.req("R23")
def test_every_control_has_an_accessible_name(
    open_desk: Callable[[OperatorSession], DeskWindow], admin: OperatorSession
) -> None:
    window = open_desk(admin)
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)  # every page built and shown once
    assert len([w for w in window.findChildren(QWidget) if w.focusPolicy().value]) > 60
    unnamed = unnamed_controls(window)
    assert unnamed == [], "\n".join(unnamed)


@pytest.mark.req("R9")
def test_the_guest_sees_only_their_step_and_the_desk_comes_back_afterwards(
    qtbot: QtBot, open_desk: Callable[[OperatorSession], DeskWindow], clerk: OperatorSession
) -> None:
    window = open_desk(clerk)
    fill_details(qtbot, window.check_in)
    assert window.check_in.guest_steps.currentWidget() is window.check_in.method
    assert not window.navigation.isVisible()  # no operator menu while the guest chooses
    assert not window.switch_button.isEnabled()
    window.check_in.method.manual_button.click()
    assert window.check_in.stack.currentWidget() is window.check_in.manual
    assert window.navigation.isVisible()
    assert window.switch_button.isEnabled()


def test_the_status_bar_shows_the_camera_only_while_it_is_on(
    qtbot: QtBot, open_desk: Callable[[OperatorSession], DeskWindow], clerk: OperatorSession
) -> None:
    window = open_desk(clerk)
    assert window.camera_label.text() == "Camera: desk camera (off)"
    page = window.check_in
    fill_details(qtbot, page)
    page.method.face_button.click()
    page.consent.consent_box.setChecked(True)
    qtbot.keyClicks(page.consent.typed_name, GUEST.full_name)
    with qtbot.waitSignal(page.camera_state, timeout=10_000, check_params_cb=lambda state, _: state == "live"):
        page.consent.agree_button.click()
    assert window.camera_label.text() == "Camera: desk camera (on)"
    with qtbot.waitSignal(page.camera_state, timeout=60_000, check_params_cb=lambda state, _: state == "stopped"):
        pass  # capture completes by itself and releases the camera
    assert window.camera_label.text() == "Camera: desk camera (off)"


def test_visiting_other_pages_never_leaves_check_in_stuck(
    qtbot: QtBot, open_desk: Callable[[OperatorSession], DeskWindow], clerk: OperatorSession
) -> None:
    """Seen by a new user: after a look at People, Check in refused with "not available now"."""
    window = open_desk(clerk)
    window.show_page("people")
    window.show_page("check_in")
    fill_details(qtbot, window.check_in)  # the details step works after coming back
    assert window.check_in.details.error.isHidden()
    assert window.check_in.guest_steps.currentWidget() is window.check_in.method
    window.check_in.method.manual_button.click()
    assert window.check_in.stack.currentWidget() is window.check_in.manual
    window.show_page("people")  # the receptionist looks something up mid-way through the ID check
    window.show_page("check_in")
    assert window.check_in.stack.currentWidget() is window.check_in.manual
    with qtbot.waitSignal(window.check_in.checked_in, timeout=10_000):
        window.check_in.manual.matches_button.click()


def test_visiting_other_pages_never_leaves_verify_stuck(
    qtbot: QtBot,
    open_desk: Callable[[OperatorSession], DeskWindow],
    clerk: OperatorSession,
    face_ready: DeskServices,
    register,
) -> None:
    window = open_desk(clerk)
    register()
    window.show_page("verify")
    qtbot.keyClicks(window.verify.search.query, "Li Wei")
    window.verify.search.search_button.click()
    window.verify.manual_button.click()
    window.show_page("people")
    window.show_page("verify")
    window.verify.manual_button.click()
    with qtbot.waitSignal(window.verify.verified, timeout=10_000) as verdict:
        window.verify.matches_button.click()
    assert verdict.args == ["document_checked"]


def test_large_text_widens_the_page_list_instead_of_scrolling_it_sideways(
    qtbot: QtBot, open_desk: Callable[[OperatorSession], DeskWindow], admin: OperatorSession, qapp
) -> None:
    window = open_desk(admin)
    navigation = window.navigation
    normal = navigation.width()
    apply_style(qapp, large_font=True)
    qtbot.waitUntil(lambda: navigation.width() > normal, timeout=5000)
    assert navigation.width() >= navigation.sizeHintForColumn(0) + 40  # every page name fits
    assert navigation.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_dialog_buttons_carry_no_stock_icons(qtbot: QtBot, open_desk, admin: OperatorSession) -> None:
    window = open_desk(admin)
    box = QMessageBox(
        QMessageBox.Icon.Question, "Withdraw", "Delete now?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, window,
    )  # fmt: skip
    qtbot.addWidget(box)
    box.show()
    assert box.button(QMessageBox.StandardButton.Yes).icon().isNull()
    assert box.button(QMessageBox.StandardButton.Cancel).icon().isNull()
