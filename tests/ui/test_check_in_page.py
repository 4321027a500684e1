"""The Check in page driven like a receptionist and a guest would (R3, R4, R8, R9)."""

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from app.domain.business import Purpose
from app.domain.check_in import CheckInMethod
from app.domain.operators import OperatorSession
from app.services.desk_services import DeskServices
from app.storage.consent_repository import ConsentRepository
from app.ui.check_in.page import CheckInPage
from app.ui.desk_context import DeskContext
from tests.helpers.clock import FakeClock
from tests.integration.services.conftest import adult
from tests.ui.conftest import Camera

GUEST = adult(FakeClock())


def fill_details(qtbot: QtBot, page: CheckInPage, room: str = "1208") -> None:
    details = page.details
    qtbot.keyClicks(details.name, GUEST.full_name)
    qtbot.keyClicks(details.document_number, GUEST.document.number)
    qtbot.keyClicks(details.room, room)
    details.departure.setDate(details.departure.date().addDays(1))
    details.continue_button.click()


@pytest.fixture
def page(
    qtbot: QtBot,
    face_ready: DeskServices,
    clerk: OperatorSession,
    photo_camera: Camera,
    make_context: Callable[..., DeskContext],
    clock: FakeClock,
) -> CheckInPage:
    widget = CheckInPage(make_context(face_ready, clerk, photo_camera))
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.shutdown()


def test_a_face_check_in_with_consent(
    qtbot: QtBot, page: CheckInPage, face_ready: DeskServices, photo_camera: Camera
) -> None:
    fill_details(qtbot, page)
    assert page.stack.currentWidget() is page.guest_slot
    assert page.guest_steps.currentWidget() is page.method
    assert photo_camera.created == 0
    page.method.face_button.click()
    consent = page.consent
    assert not consent.consent_box.isChecked()
    assert not consent.agree_button.isEnabled()
    assert "Lotus Inn" in consent.notice.toPlainText()
    consent.consent_box.setChecked(True)
    qtbot.keyClicks(consent.typed_name, GUEST.full_name)
    assert photo_camera.created == 0  # still nothing before consent is given
    with qtbot.waitSignal(page.checked_in, timeout=60_000) as done:
        consent.agree_button.click()
        qtbot.waitUntil(lambda: page.guest_steps.currentWidget() is page.receipt, timeout=60_000)
        assert page.receipt.code.text() in page.receipt.body.toPlainText()
        page.receipt.done_button.click()
    assert done.args[0].method is CheckInMethod.FACE
    assert photo_camera.created == 1
    with face_ready.database.snapshot() as conn:
        assert ConsentRepository(conn).template_count() == 3
        assert ConsentRepository(conn).live_consent(done.args[0].person_id, Purpose.GUEST_VERIFICATION)
    assert "checked in to room 1208" in page.done_title.text()


def test_a_declined_check_in_is_completed_by_the_manual_check(
    qtbot: QtBot, page: CheckInPage, face_ready: DeskServices, clerk: OperatorSession, photo_camera: Camera
) -> None:
    fill_details(qtbot, page)
    page.method.face_button.click()
    page.consent.decline_button.click()  # declining on the notice goes straight to the manual check
    assert page.stack.currentWidget() is page.manual
    qtbot.keyClicks(page.manual.number, GUEST.document.number[-4:])
    with qtbot.waitSignal(page.checked_in, timeout=10_000) as done:
        page.manual.confirm_button.click()
    assert done.args[0].method is CheckInMethod.MANUAL
    assert photo_camera.created == 0
    stay = face_ready.check_in.stay(clerk, done.args[0].stay_id)
    assert stay.checked_in and stay.face_declined_at is not None
    with face_ready.database.snapshot() as conn:
        assert ConsentRepository(conn).template_count() == 0


def test_stopping_during_capture_keeps_nothing_and_goes_to_the_manual_check(
    qtbot: QtBot, page: CheckInPage, face_ready: DeskServices
) -> None:
    fill_details(qtbot, page)
    page.method.face_button.click()
    page.consent.consent_box.setChecked(True)
    qtbot.keyClicks(page.consent.typed_name, GUEST.full_name)
    page.consent.agree_button.click()
    assert page.guest_steps.currentWidget() is page.capture
    page.capture.stop_button.click()
    assert page.stack.currentWidget() is page.manual
    with face_ready.database.snapshot() as conn:
        assert ConsentRepository(conn).template_count() == 0
        [consent] = conn.execute("SELECT withdrawn_at FROM consents").fetchall()
    assert consent[0] is not None  # the unused consent was ended at once


@pytest.mark.req("R8")
@pytest.mark.req("R9")
def test_the_two_choices_are_equal_and_neither_is_preselected(qtbot: QtBot, page: CheckInPage) -> None:
    fill_details(qtbot, page)
    face, manual = page.method.face_button, page.method.manual_button
    qtbot.waitUntil(lambda: face.isVisible())
    assert face.size() == manual.size()
    assert face.objectName() == manual.objectName() == "GuestChoice"
    assert face.sizePolicy() == manual.sizePolicy()
    assert face.minimumSize() == manual.minimumSize()
    assert face.styleSheet() == manual.styleSheet() == ""
    assert face.font() == manual.font()
    assert not face.isDefault() and not manual.isDefault()
    assert not face.autoDefault() and not manual.autoDefault()
    assert not face.hasFocus() and not manual.hasFocus()
    for word in ("recommend", "required", "faster", "easier", "推荐", "必须"):
        assert word not in (face.text() + manual.text() + page.method.subtitle.text()).lower()
