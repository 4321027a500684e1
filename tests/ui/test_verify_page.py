"""Verify guest: a 1:1 live check with a clear result, the manual check one click away."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.camera.file_source import ImageSequenceSource
from app.camera.opening import configured_source
from app.domain.operators import OperatorSession
from app.services.check_in_service import GuestStay
from app.services.desk_services import DeskServices
from app.ui.desk_context import DeskContext
from app.ui.desk_pages import DeskPages
from app.ui.verify_page import VerifyPage
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import enrolled_guest
from tests.integration.services.conftest import PIA, SourceSpy, adult
from tests.ui.conftest import Camera


@pytest.fixture
def guest(
    face_ready: DeskServices, clerk: OperatorSession, register: Callable[..., GuestStay], obama_camera: SourceSpy
) -> GuestStay:
    """Li Wei in room 1208, checked in with face: consent given and templates stored."""
    stay = register()
    enrolled_guest(face_ready, clerk, stay, obama_camera)
    face_ready.check_in.complete_with_face(clerk, stay.stay_id)
    return stay


def open_page(qtbot: QtBot, ctx: DeskContext) -> VerifyPage:
    page = DeskPages(ctx).verify()
    qtbot.addWidget(page)
    page.show()
    page.enter()
    return page


def find(qtbot: QtBot, page: VerifyPage, text: str) -> None:
    qtbot.keyClicks(page.search.query, text)
    qtbot.keyClick(page.search.query, Qt.Key.Key_Return)
    assert page.search.current() is not None


def verification_results(desk: DeskServices, admin: OperatorSession, action: str) -> list[str]:
    return [
        json.loads(event.details)["result"] for event in desk.audit.recent_events(admin, 50) if event.action == action
    ]


def test_the_registered_guest_is_verified_by_face(
    qtbot: QtBot,
    face_ready: DeskServices,
    clerk: OperatorSession,
    admin: OperatorSession,
    guest: GuestStay,
    photo_camera: Camera,
    make_context: Callable[..., DeskContext],
) -> None:
    page = open_page(qtbot, make_context(face_ready, clerk, photo_camera))
    find(qtbot, page, "1208")
    assert page.face_button.isEnabled() and page.manual_button.isEnabled()
    with qtbot.waitSignal(page.verified, timeout=60_000) as verified:
        page.face_button.click()
        assert page.area.currentWidget() is page._live
    assert verified.args == ["match"]
    assert page.result.text() == "Verified by face: Li Wei (room 1208) is the registered guest."
    assert page._runner is None  # the camera was released with the decision
    assert verification_results(face_ready, admin, "verification.face") == ["match"]
    page.shutdown()


def test_someone_else_is_not_confirmed_and_the_id_check_is_offered(
    qtbot: QtBot,
    face_ready: DeskServices,
    clerk: OperatorSession,
    admin: OperatorSession,
    guest: GuestStay,
    shared_datasets: Path,
    make_context: Callable[..., DeskContext],
    clock: FakeClock,
) -> None:
    other_person = Camera(
        lambda: ImageSequenceSource.still(shared_datasets / "images" / "biden.jpg", fps=10.0, realtime=True)
    )
    page = open_page(qtbot, make_context(face_ready, clerk, other_person))
    find(qtbot, page, "Li Wei")
    with qtbot.waitSignal(page.verified, timeout=60_000) as verified:
        page.face_button.click()
    assert verified.args == ["no_match"]
    assert page.result.text() == "Not confirmed by face. Please check the ID document."
    assert page.area.currentWidget() is page._manual  # straight to the ID check, no second attempt
    assert page.matches_button.hasFocus()  # the registered document is shown: one key confirms it
    assert adult(clock).document.number[-4:] in page.document.text()
    with qtbot.waitSignal(page.verified, timeout=5000) as checked:
        qtbot.keyClick(page.matches_button, Qt.Key.Key_Return)  # Enter, as Space, answers the focused button
    assert checked.args == ["document_checked"]
    assert page.result.text() == "ID document checked: Li Wei (room 1208) is the registered guest."
    assert verification_results(face_ready, admin, "verification.face") == ["no_match"]
    assert verification_results(face_ready, admin, "verification.manual") == ["document_checked"]
    page.shutdown()


def test_the_manual_check_is_one_click_away_and_says_when_the_document_differs(
    qtbot: QtBot,
    face_ready: DeskServices,
    clerk: OperatorSession,
    admin: OperatorSession,
    guest: GuestStay,
    photo_camera: Camera,
    make_context: Callable[..., DeskContext],
) -> None:
    page = open_page(qtbot, make_context(face_ready, clerk, photo_camera))
    find(qtbot, page, "Li")
    page.manual_button.click()
    assert page.area.currentWidget() is page._manual
    assert page.document.text().startswith("Li Wei: Resident ID card ending ")
    assert photo_camera.created == 0  # the ID check never opens the camera
    with qtbot.waitSignal(page.verified, timeout=5000) as checked:
        page.mismatch_button.click()
    assert checked.args == ["document_mismatch"]
    assert page.result.text() == "The document shown does not match the one registered for Li Wei (room 1208)."
    assert verification_results(face_ready, admin, "verification.manual") == ["document_mismatch"]


def test_a_missing_camera_shows_a_message_instead_of_freezing(
    qtbot: QtBot,
    face_ready: DeskServices,
    clerk: OperatorSession,
    guest: GuestStay,
    make_context: Callable[..., DeskContext],
    expect_warnings: Callable[[str], None],
) -> None:
    expect_warnings("Camera unavailable")
    unplugged = Camera(lambda: configured_source("/dev/no-such-camera.mp4", width=1280, height=720, fps=30.0))
    page = open_page(qtbot, make_context(face_ready, clerk, unplugged))
    find(qtbot, page, "1208")
    with qtbot.waitSignal(page.camera_state, timeout=10_000, check_params_cb=lambda s, m: s == "unavailable"):
        page.face_button.click()
    assert page.preview.message == "The camera is not available. Check the ID document instead."
    page.stop_button.click()  # the way out is always there
    assert page.area.currentWidget() is page._manual
    assert page._runner is None


def test_opened_from_the_navigation_it_lists_the_guests_in_the_house(
    qtbot: QtBot,
    face_ready: DeskServices,
    clerk: OperatorSession,
    guest: GuestStay,
    register: Callable[..., GuestStay],
    photo_camera: Camera,
    make_context: Callable[..., DeskContext],
    clock: FakeClock,
) -> None:
    """Issue 15: Verify started with an empty list until the receptionist searched."""
    register(adult(clock, "Zhang San", serial="222"), room="0815")  # arriving, not in the house yet
    page = open_page(qtbot, make_context(face_ready, clerk, photo_camera))
    listed = [page.search.results.item(i).text() for i in range(page.search.results.count())]
    assert listed == ["Li Wei  ·  room 1208  ·  face data held"]
    assert page.face_button.isEnabled()  # the first guest is chosen: Verify with face is one click away
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search.query)  # typing still searches
    find(qtbot, page, "Zhang")  # a search still finds anyone
    assert page.search.current() is not None and page.search.current().name == "Zhang San"
    page.shutdown()


def test_a_verdict_appears_without_pushing_the_page_down(
    qtbot: QtBot, face_ready: DeskServices, clerk: OperatorSession, guest: GuestStay, photo_camera: Camera,
    make_context: Callable[..., DeskContext],
) -> None:  # fmt: skip
    page = open_page(qtbot, make_context(face_ready, clerk, photo_camera))
    page.resize(1100, 700)
    find(qtbot, page, "1208")
    QApplication.processEvents()  # lay the page out (posted events only; no time passes)
    before = page.search.query.mapTo(page, page.search.query.rect().topLeft())
    page.manual_button.click()
    with qtbot.waitSignal(page.verified, timeout=5000):
        page.matches_button.click()
    assert page.result.isVisible() and page.result.text()
    QApplication.processEvents()
    assert page.search.query.mapTo(page, page.search.query.rect().topLeft()) == before
    page.shutdown()


def test_a_camera_that_stops_delivering_mid_check_hands_over_to_the_id_check(
    qtbot: QtBot,
    face_ready: DeskServices,
    clerk: OperatorSession,
    admin: OperatorSession,
    guest: GuestStay,
    shared_datasets: Path,
    make_context: Callable[..., DeskContext],
) -> None:
    """With the liveness check on, two seconds of a still photo end before the first turn's time is up:
    the page must not keep showing a prompt over the last picture."""
    face_ready.settings.change(admin, "verification/liveness", True)
    face_ready.pia.record(admin, PIA)
    photo = shared_datasets / "images" / "obama2.jpg"
    short = Camera(lambda: ImageSequenceSource([photo] * 20, name="desk camera", fps=10.0, realtime=True))
    page = open_page(qtbot, make_context(face_ready, clerk, short))
    find(qtbot, page, "Li Wei")
    with qtbot.waitSignal(page.camera_state, timeout=30_000, check_params_cb=lambda s, m: s == "ended"):
        page.face_button.click()
    qtbot.waitUntil(lambda: page.area.currentWidget() is page._manual, timeout=10_000)
    assert page.result.text() == "The camera is not available. Check the ID document instead."
    assert page._runner is None  # the camera is released
