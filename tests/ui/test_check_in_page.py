"""The Check in page driven like a receptionist and a guest would (R3, R4, R8, R9)."""

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.domain.business import Purpose
from app.domain.check_in import CheckInMethod
from app.domain.operators import OperatorSession
from app.domain.people import IdDocumentType
from app.services.desk_services import DeskServices
from app.ui.check_in.page import CheckInPage
from app.ui.desk_context import DeskContext
from app.ui.desk_pages import DeskPages
from app.ui.style import apply_style
from tests.helpers.clock import FakeClock
from tests.integration.services.conftest import PIA, adult, child
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
    ctx = make_context(face_ready, clerk, photo_camera)
    widget = DeskPages(ctx).check_in()
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.shutdown()


def test_a_face_check_in_with_consent(
    qtbot: QtBot, page: CheckInPage, face_ready: DeskServices, clerk: OperatorSession, photo_camera: Camera
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
    guest = face_ready.directory.row(clerk, done.args[0].person_id)
    assert guest is not None and guest.checked_in and guest.room == "1208"
    assert (guest.consent_state, guest.templates) == ("live", 3)
    [consent] = face_ready.consents.consents_of(clerk, guest.person_id)
    assert consent.purpose is Purpose.GUEST_VERIFICATION and consent.live
    assert "checked in to room 1208" in page.done_title.text()
    assert page.done_detail.text().startswith("Face enrolled")  # nothing was compared yet: not "verified"


def test_a_declined_check_in_is_completed_by_the_manual_check(
    qtbot: QtBot, page: CheckInPage, face_ready: DeskServices, clerk: OperatorSession, photo_camera: Camera
) -> None:
    fill_details(qtbot, page)
    page.method.face_button.click()
    page.consent.decline_button.click()  # declining on the notice goes straight to the manual check
    assert page.stack.currentWidget() is page.manual
    # the document entered at registration is shown, never typed again (issue 15)
    assert page.manual.document.text() == f"Li Wei: Resident ID card ending {GUEST.document.number[-4:]}"
    with qtbot.waitSignal(page.checked_in, timeout=10_000) as done:
        page.manual.matches_button.click()
    assert done.args[0].method is CheckInMethod.MANUAL
    assert photo_camera.created == 0
    stay = face_ready.check_in.stay(clerk, done.args[0].stay_id)
    assert stay.checked_in and stay.face_declined_at is not None
    guest = face_ready.directory.row(clerk, done.args[0].person_id)
    assert guest is not None and (guest.consent_state, guest.templates) == ("none", 0)
    assert face_ready.consents.consents_of(clerk, guest.person_id) == []


def test_stopping_during_capture_keeps_nothing_and_goes_to_the_manual_check(
    qtbot: QtBot, page: CheckInPage, face_ready: DeskServices, clerk: OperatorSession
) -> None:
    fill_details(qtbot, page)
    page.method.face_button.click()
    page.consent.consent_box.setChecked(True)
    qtbot.keyClicks(page.consent.typed_name, GUEST.full_name)
    page.consent.agree_button.click()
    assert page.guest_steps.currentWidget() is page.capture
    page.capture.stop_button.click()
    assert page.stack.currentWidget() is page.manual
    [guest] = face_ready.directory.search(clerk, GUEST.full_name)
    assert (guest.templates, guest.consent_state) == (0, "none")
    # As if face had never been chosen: no consent was stored, so none is left "withdrawn".
    assert face_ready.consents.consents_of(clerk, guest.person_id) == []


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
        assert word not in (face.wording() + manual.wording() + page.method.subtitle.text()).lower()


def render(button: QPushButton) -> QImage:
    return button.grab().toImage()


@pytest.mark.req("R8")
@pytest.mark.req("R9")
@pytest.mark.parametrize("large_font", [False, True])
@pytest.mark.parametrize("high_contrast", [False, True])
def test_the_two_choices_look_the_same_on_screen(
    qtbot: QtBot, page: CheckInPage, qapp: QApplication, large_font: bool, high_contrast: bool
) -> None:
    apply_style(qapp, large_font=large_font, high_contrast=high_contrast)
    page.resize(1181, 700)  # an odd width: the spare pixel must not go to one of the choices
    fill_details(qtbot, page)
    face, manual = page.method.face_button, page.method.manual_button
    qtbot.waitUntil(lambda: face.isVisible() and manual.isVisible())
    QApplication.processEvents()  # let the layout settle, as it has by the time anyone sees it
    assert face.size() == manual.size()
    assert face.width() >= 320
    face_image, manual_image = render(face), render(manual)
    assert face_image.size() == manual_image.size()
    # background, border and text colour are sampled where no text is drawn
    for x, y in ((4, face_image.height() // 2), (face_image.width() // 2, 4), (12, 12)):
        assert face_image.pixelColor(x, y) == manual_image.pixelColor(x, y)
    assert face.label.font() == manual.label.font()
    assert face.label.palette().color(face.label.foregroundRole()) == manual.label.palette().color(
        manual.label.foregroundRole()
    )
    for button in (face, manual):  # the wording wraps inside the button rather than being cut off
        assert button.label.heightForWidth(button.label.width()) <= button.label.height()


def focus_on(qtbot: QtBot, target: QWidget, limit: int = 15) -> None:
    """Press Tab until ``target`` has the keyboard focus, as a keyboard user would."""
    for _ in range(limit):
        if QApplication.focusWidget() is target:
            return
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is target, f"{target!r} cannot be reached with Tab"


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def press(qtbot: QtBot, key: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key)


@pytest.mark.req("R23")
def test_a_whole_face_check_in_by_keyboard_alone(
    qtbot: QtBot, page: CheckInPage, face_ready: DeskServices, clerk: OperatorSession
) -> None:
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.details.name)
    type_text(qtbot, GUEST.full_name)
    focus_on(qtbot, page.details.document_number)
    type_text(qtbot, GUEST.document.number)
    focus_on(qtbot, page.details.room)
    type_text(qtbot, "1208")
    press(qtbot, Qt.Key.Key_Return)  # Enter sends the form

    assert page.guest_steps.currentWidget() is page.method
    assert QApplication.focusWidget() is page.method  # nothing pre-selected, not even by focus
    focus_on(qtbot, page.method.face_button)
    press(qtbot, Qt.Key.Key_Space)

    assert page.guest_steps.currentWidget() is page.consent
    focus_on(qtbot, page.consent.consent_box)
    press(qtbot, Qt.Key.Key_Space)
    assert page.consent.consent_box.isChecked()
    focus_on(qtbot, page.consent.typed_name)
    type_text(qtbot, GUEST.full_name)
    with qtbot.waitSignal(page.checked_in, timeout=60_000) as done:
        press(qtbot, Qt.Key.Key_Return)  # Enter in the name field agrees
        qtbot.waitUntil(lambda: page.guest_steps.currentWidget() is page.receipt, timeout=60_000)
        assert QApplication.focusWidget() is page.receipt.done_button
        press(qtbot, Qt.Key.Key_Space)
    assert done.args[0].method is CheckInMethod.FACE
    assert face_ready.check_in.stay(clerk, done.args[0].stay_id).checked_in
    assert QApplication.focusWidget() is page.next_button  # ready for the next guest by keyboard too
    press(qtbot, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is page.details.name


@pytest.mark.req("R23")
def test_a_declined_check_in_by_keyboard_alone(
    qtbot: QtBot, page: CheckInPage, face_ready: DeskServices, clerk: OperatorSession
) -> None:
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.details.name)
    type_text(qtbot, GUEST.full_name)
    focus_on(qtbot, page.details.document_number)
    type_text(qtbot, GUEST.document.number)
    focus_on(qtbot, page.details.room)
    type_text(qtbot, "1208")
    press(qtbot, Qt.Key.Key_Return)
    focus_on(qtbot, page.method.manual_button)
    press(qtbot, Qt.Key.Key_Space)
    assert page.stack.currentWidget() is page.manual
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.manual.matches_button)
    with qtbot.waitSignal(page.checked_in, timeout=10_000) as done:
        press(qtbot, Qt.Key.Key_Return)  # Enter answers the focused "Matches: check in", as Space does
    assert done.args[0].method is CheckInMethod.MANUAL
    assert face_ready.check_in.stay(clerk, done.args[0].stay_id).checked_in


def test_the_date_of_birth_is_read_from_a_resident_id_as_it_is_typed(
    qtbot: QtBot, page: CheckInPage, clock: FakeClock
) -> None:
    identity = page.details.identity
    number = adult(clock).document.number  # born 1988-06-15
    qtbot.keyClicks(identity.document_number, number[:-1])
    assert identity.birth_date.text() == ""  # not a whole, valid number yet
    qtbot.keyClicks(identity.document_number, number[-1])
    assert identity.birth_date.text() == "1988-06-15"
    identity.document_type.setCurrentIndex(identity.document_type.findData(IdDocumentType.PASSPORT.value))
    assert identity.birth_date.text() == ""  # a passport carries no date in its number
    qtbot.keyClicks(identity.birth_date, "1979-02-03")
    identity.document_type.setCurrentIndex(identity.document_type.findData(IdDocumentType.RESIDENT_ID.value))
    assert identity.birth_date.text() == "1979-02-03"  # a date typed by hand is never overwritten


@pytest.fixture
def crowded_page(
    qtbot: QtBot,
    face_ready: DeskServices,
    clerk: OperatorSession,
    make_context: Callable[..., DeskContext],
    shared_datasets,
) -> CheckInPage:
    """The check-in page with a camera that always sees two people (a capture that never completes)."""
    from app.camera.file_source import ImageSequenceSource

    camera = Camera(lambda: ImageSequenceSource.still(shared_datasets / "images" / "two_people.jpg", fps=10.0))
    widget = DeskPages(make_context(face_ready, clerk, camera)).check_in()
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.shutdown()


@pytest.mark.req("R9")
@pytest.mark.parametrize("via", ["escape", "back"])
@pytest.mark.parametrize("step", ["choice", "notice", "capture", "id_check"])
def test_escape_or_back_on_every_guest_step_returns_to_the_desk_and_keeps_no_face_data(
    qtbot: QtBot, crowded_page: CheckInPage, face_ready: DeskServices, clerk: OperatorSession, step: str, via: str
) -> None:
    """Issue 15: once the guest screen was open the receptionist could not back out (Escape did nothing,
    the ID check had no Back button)."""
    page = crowded_page
    views: list[bool] = []
    page.guest_view_changed.connect(views.append)
    fill_details(qtbot, page)
    if step in ("notice", "capture"):
        page.method.face_button.click()
    if step == "capture":
        page.consent.consent_box.setChecked(True)
        qtbot.keyClicks(page.consent.typed_name, GUEST.full_name)
        page.consent.agree_button.click()
        qtbot.waitUntil(lambda: page.guest_steps.currentWidget() is page.capture, timeout=10_000)
    if step == "id_check":
        page.method.manual_button.click()
        assert page.stack.currentWidget() is page.manual
        page.manual.cancel_button.click()
    elif via == "back":
        assert page.guest_view_active and page.guest_slot.back_button.isVisible()
        page.guest_slot.back_button.click()
    else:
        assert page.guest_view_active
        qtbot.keyClick(page.window(), Qt.Key.Key_Escape)
    assert page.stack.currentWidget() is page.details and not page.guest_view_active
    assert views[-1] is False  # the operator's navigation and buttons are back at once
    day = face_ready.front_desk.day(clerk)
    assert [row.name for row in day.arrivals] == [GUEST.full_name]  # still expected today, not checked in
    person = day.arrivals[0].stay.person_id
    row = face_ready.directory.row(clerk, person)
    assert row is not None and (row.consent_state, row.templates) == ("none", 0)


@pytest.mark.req("R7")
def test_escape_on_the_guardian_step_returns_to_the_desk_and_keeps_no_face_data(
    qtbot: QtBot, crowded_page: CheckInPage, face_ready: DeskServices, admin: OperatorSession, clerk: OperatorSession,
    clock: FakeClock,
) -> None:  # fmt: skip
    face_ready.settings.change(admin, "consent/guardian_flow_enabled", True)
    face_ready.pia.record(admin, PIA)
    page = crowded_page
    kid = child(clock)
    qtbot.keyClicks(page.details.name, kid.full_name)
    qtbot.keyClicks(page.details.document_number, kid.document.number)
    qtbot.keyClicks(page.details.room, "1208")
    page.details.continue_button.click()
    page.method.face_button.click()
    assert page.guest_steps.currentWidget() is page.guardian and page.guest_view_active
    qtbot.keyClick(page.window(), Qt.Key.Key_Escape)
    assert page.stack.currentWidget() is page.details and not page.guest_view_active
    day = face_ready.front_desk.day(clerk)
    assert [row.name for row in day.arrivals] == [kid.full_name]
    assert face_ready.consents.consents_of(clerk, day.arrivals[0].stay.person_id) == []


@pytest.mark.req("R9")
def test_a_guest_who_said_no_earlier_today_is_not_offered_face_but_can_ask_for_it(
    qtbot: QtBot, page: CheckInPage, face_ready: DeskServices, clerk: OperatorSession
) -> None:
    fill_details(qtbot, page)
    page.method.manual_button.click()
    with qtbot.waitSignal(page.checked_in, timeout=10_000):
        page.manual.matches_button.click()
    page.next_button.click()
    fill_details(qtbot, page, room="0815")  # the same guest, another stay, the same day
    assert page.stack.currentWidget() is page.manual  # no choice screen pressing them again
    assert "said no to face verification recently" in page.manual.reason.text()
    assert page.manual.ask_face_button.isVisible()
    page.manual.ask_face_button.click()  # they ask for it themselves
    assert page.guest_steps.currentWidget() is page.consent and page.guest_view_active
