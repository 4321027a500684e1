"""Locking the desk or closing a dialog in the middle of a capture, through the real windows.

The state afterwards must be exactly what the Qt-free flow tests assert
(tests/integration/services/flows): no consent stored, no face data, one "capture stopped,
nothing kept" in the audit log with the reason, and the camera released.
"""

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.application import OpenDesk
from app.camera.file_source import ImageSequenceSource
from app.domain.business import Purpose
from app.domain.flows import AbandonReason
from app.domain.guests import guest_details
from app.domain.people import IdDocumentType
from app.services.flows.guest_check_in import CheckInState
from app.services.flows.staff_face_entry import StaffFaceEntryState
from app.services.installation_service import InstallationService
from app.ui.desk_context import DeskEnvironment
from app.ui.desk_window import DeskWindow
from app.ui.login_window import LoginWindow
from app.ui.startup_flow import StartupFlow
from tests.conftest import ADMIN_PASSWORD, ADMIN_USER, STANDARD_SETUP
from tests.helpers.clock import FakeClock
from tests.integration.services.conftest import PIA, adult, two_nights
from tests.integration.services.flows.conftest import assert_face_data_consistent, person_state
from tests.ui.conftest import Camera
from tests.unit.domain.test_identity_documents import make_resident_id

TIMEOUT_MS = 60_000
STAFF_NAME = "Barack Obama"


@pytest.fixture
def face_ready_installation(installation: InstallationService) -> InstallationService:
    """A set-up installation with face recognition on for guests and staff, closed again."""
    desk, _ = installation.create_desk(STANDARD_SETUP, passphrase=None)
    boss = desk.operators.sign_in(ADMIN_USER, ADMIN_PASSWORD)
    desk.business.update(boss, purposes=frozenset({Purpose.GUEST_VERIFICATION, Purpose.STAFF_ENTRY}))
    desk.pia.record(boss, PIA)
    desk.operators.sign_out(boss)
    desk.close()
    return installation


@pytest.fixture
def flow(
    face_ready_installation: InstallationService, desk_env: DeskEnvironment, owner: OpenDesk
) -> Iterator[StartupFlow]:
    """The desk app's own start-up on that installation, at the sign-in screen."""
    startup = StartupFlow(face_ready_installation, passphrase=None, env=desk_env, owner=owner)
    startup.start()
    yield startup
    startup.shutdown()


def sign_in(qtbot: QtBot, flow: StartupFlow) -> DeskWindow:
    login = flow.window
    assert isinstance(login, LoginWindow)
    login.username.setText(ADMIN_USER)
    qtbot.keyClicks(login.password, ADMIN_PASSWORD)
    with qtbot.waitSignal(login.signed_in, timeout=5000):
        qtbot.keyClick(login.password, Qt.Key.Key_Return)
    assert isinstance(flow.window, DeskWindow)
    return flow.window


def start_staff_capture(qtbot: QtBot, flow: StartupFlow, desk: DeskWindow, clock: FakeClock):
    services, session = flow.desk, flow.session
    assert services is not None and session is not None
    number = make_resident_id("310104", date(1961, 8, 4), "111")
    staff_id = services.staff.register(
        session, guest_details(STAFF_NAME, IdDocumentType.RESIDENT_ID, number, None, today=clock().date())
    )
    desk.show_page("staff")
    assert desk.staff is not None
    desk.staff.refresh()
    desk.staff.select(staff_id)
    desk.staff.face_button.click()
    dialog = desk.staff.enrolment
    dialog.consent.consent_box.setChecked(True)
    qtbot.keyClicks(dialog.consent.typed_name, STAFF_NAME)
    dialog.consent.agree_button.click()
    assert dialog.flow.state is StaffFaceEntryState.CAPTURE
    qtbot.waitUntil(lambda: dialog.capture.ring.done >= 1, timeout=TIMEOUT_MS)  # mid-capture
    return staff_id, dialog


def assert_nothing_kept(flow: StartupFlow, person_id: int, stay_ids: tuple[int, ...], reason: AbandonReason) -> None:
    services = flow.desk
    assert services is not None
    viewer = services.operators.sign_in(ADMIN_USER, ADMIN_PASSWORD)
    state = person_state(services, viewer, person_id, stay_ids)
    assert_face_data_consistent(state)
    assert (state.consents, state.templates) == (0, 0)
    assert "consent.given" not in state.actions and "consent.withdrawn" not in state.actions
    assert state.actions.count("face.capture_ended") == 1
    [event] = [e for e in services.audit.recent_events(viewer) if e.action == "face.capture_ended"]
    assert f'"reason":"{reason.value}"' in event.details


def test_locking_the_desk_mid_capture_closes_staff_face_entry_and_keeps_nothing(
    qtbot: QtBot, flow: StartupFlow, clock: FakeClock
) -> None:
    desk = sign_in(qtbot, flow)
    staff_id, dialog = start_staff_capture(qtbot, flow, desk, clock)
    desk.lock_button.click()
    assert isinstance(flow.window, LoginWindow)
    assert not dialog.isVisible()
    assert dialog.flow.state is StaffFaceEntryState.ABANDONED
    assert dialog.flow.abandoned_because is AbandonReason.LOCKED
    assert not dialog.capture.running  # the camera is released
    assert_nothing_kept(flow, staff_id, (), AbandonReason.LOCKED)


def test_closing_the_staff_face_entry_dialog_mid_capture_keeps_nothing(
    qtbot: QtBot, flow: StartupFlow, clock: FakeClock
) -> None:
    desk = sign_in(qtbot, flow)
    staff_id, dialog = start_staff_capture(qtbot, flow, desk, clock)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.flow.state is StaffFaceEntryState.ABANDONED
    assert dialog.flow.abandoned_because is AbandonReason.CLOSED
    assert not dialog.capture.running
    assert_nothing_kept(flow, staff_id, (), AbandonReason.CLOSED)
    assert isinstance(flow.window, DeskWindow)  # the desk stays signed in


def test_the_idle_lock_during_a_guest_capture_keeps_no_face_data(
    qtbot: QtBot, flow: StartupFlow, clock: FakeClock
) -> None:
    desk = sign_in(qtbot, flow)
    page = desk.check_in
    guest = adult(clock)
    qtbot.keyClicks(page.details.name, guest.full_name)
    qtbot.keyClicks(page.details.document_number, guest.document.number)
    qtbot.keyClicks(page.details.room, "1208")
    page.details.departure.setDate(page.details.departure.date().addDays(1))
    page.details.continue_button.click()
    page.method.face_button.click()
    page.consent.consent_box.setChecked(True)
    qtbot.keyClicks(page.consent.typed_name, guest.full_name)
    page.consent.agree_button.click()
    check_in = page.flow
    assert check_in.state is CheckInState.CAPTURE
    qtbot.waitUntil(lambda: page.capture.ring.done >= 1, timeout=TIMEOUT_MS)
    flow.idle_lock.timer.timeout.emit()  # the idle minutes ran out
    assert isinstance(flow.window, LoginWindow)
    assert check_in.state is CheckInState.ABANDONED
    assert check_in.abandoned_because is AbandonReason.IDLE_LOCK
    assert not page.capture.running
    assert check_in.stay is not None
    assert_nothing_kept(flow, check_in.stay.person_id, (check_in.stay.stay_id,), AbandonReason.IDLE_LOCK)


def test_locking_during_a_live_verification_records_no_decision(
    qtbot: QtBot,
    face_ready_installation: InstallationService,
    desk_env: DeskEnvironment,
    clock: FakeClock,
    obama_camera,
    shared_datasets: Path,
    owner: OpenDesk,
) -> None:
    from app.services.flows.guest_verification import VerificationState
    from tests.helpers.enrolment import enrolled_guest

    # Two people in front of the camera: no single face to decide on, so the check stays open.
    crowd = Camera(lambda: ImageSequenceSource([shared_datasets / "images" / "two_people.jpg"], name="desk", loop=True))
    flow = StartupFlow(face_ready_installation, passphrase=None, env=replace(desk_env, open_camera=crowd), owner=owner)
    flow.start()
    try:
        desk = sign_in(qtbot, flow)
        services, session = flow.desk, flow.session
        assert services is not None and session is not None
        stay = services.check_in.register(session, adult(clock), two_nights(clock))
        enrolled_guest(services, session, stay, obama_camera)
        desk.show_page("verify")
        page = desk.verify
        qtbot.keyClicks(page.search.query, "Li Wei")
        page.search.search_button.click()  # the first result is selected
        page.face_button.click()
        check = page.flow
        assert check is not None and check.state is VerificationState.LIVE
        qtbot.waitUntil(lambda: page.preview.painted > 0, timeout=TIMEOUT_MS)  # the camera is on
        desk.lock_button.click()
        assert isinstance(flow.window, LoginWindow)
        assert check.state is VerificationState.ABANDONED and check.abandoned_because is AbandonReason.LOCKED
        viewer = services.operators.sign_in(ADMIN_USER, ADMIN_PASSWORD)
        state = person_state(services, viewer, stay.person_id)
        assert "verification.face" not in state.actions  # no decision was made up
        assert state.actions.count("face.capture_ended") == 1
        assert (state.live_consents, state.templates) == (1, 3)
    finally:
        flow.shutdown()


def ending_camera(shared_datasets: Path) -> Camera:
    """A camera that delivers one picture and then nothing more (unplugged for good)."""
    photo = shared_datasets / "images" / "two_people.jpg"
    return Camera(lambda: ImageSequenceSource([photo], name="desk", fps=10.0, realtime=True, loop=False))


def test_a_camera_that_stops_for_good_ends_staff_face_entry_with_a_message(
    qtbot: QtBot, face_ready, manager, make_context, shared_datasets: Path, clock: FakeClock
) -> None:
    from app.ui.desk_pages import DeskPages

    number = make_resident_id("310104", date(1961, 8, 4), "111")
    staff_id = face_ready.staff.register(
        manager, guest_details(STAFF_NAME, IdDocumentType.RESIDENT_ID, number, None, today=clock().date())
    )
    page = DeskPages(make_context(face_ready, manager, ending_camera(shared_datasets))).staff()
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.select(staff_id)
    page.face_button.click()
    dialog = page.enrolment
    dialog.consent.consent_box.setChecked(True)
    qtbot.keyClicks(dialog.consent.typed_name, STAFF_NAME)
    dialog.consent.agree_button.click()
    qtbot.waitUntil(lambda: dialog.flow.state is StaffFaceEntryState.NOT_SET_UP, timeout=TIMEOUT_MS)
    assert dialog.done_title.text() == "Face entry could not be set up."
    assert "camera stopped" in dialog.done_detail.text()
    assert not dialog.capture.running
    state = person_state(face_ready, manager, staff_id)
    assert (state.consents, state.templates) == (0, 0)
    [event] = [e for e in face_ready.audit.recent_events(manager) if e.action == "face.capture_ended"]
    assert '"reason":"camera_lost"' in event.details
    dialog.close()


def test_a_camera_that_stops_for_good_sends_the_guest_to_the_id_check(
    qtbot: QtBot, face_ready, clerk, manager, make_context, shared_datasets: Path
) -> None:
    from app.ui.desk_pages import DeskPages
    from tests.ui.test_check_in_page import GUEST, fill_details

    page = DeskPages(make_context(face_ready, clerk, ending_camera(shared_datasets))).check_in()
    qtbot.addWidget(page)
    page.show()
    fill_details(qtbot, page)
    page.method.face_button.click()
    page.consent.consent_box.setChecked(True)
    qtbot.keyClicks(page.consent.typed_name, GUEST.full_name)
    page.consent.agree_button.click()
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.manual, timeout=TIMEOUT_MS)
    assert page.flow.state is CheckInState.MANUAL_CHECK
    assert "camera stopped" in page.manual.reason.text()
    assert page.flow.stay is not None
    state = person_state(face_ready, manager, page.flow.stay.person_id, (page.flow.stay.stay_id,))
    assert (state.consents, state.templates) == (0, 0) and "face.declined" not in state.actions
    page.shutdown()


@pytest.mark.parametrize("how", ["no_thanks", "stop_during_capture"])
def test_what_the_staff_dialog_says_is_what_the_database_holds(
    qtbot: QtBot, face_ready, manager, make_context, shared_datasets: Path, clock: FakeClock, how: str
) -> None:
    """The case seen by a new user: "Nothing was recorded" while the log said consent given, then withdrawn."""
    from app.ui.desk_pages import DeskPages

    number = make_resident_id("310104", date(1961, 8, 4), "111")
    staff_id = face_ready.staff.register(
        manager, guest_details(STAFF_NAME, IdDocumentType.RESIDENT_ID, number, None, today=clock().date())
    )
    camera = Camera(lambda: ImageSequenceSource([shared_datasets / "images" / "two_people.jpg"], name="d", loop=True))
    page = DeskPages(make_context(face_ready, manager, camera)).staff()
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.select(staff_id)
    page.face_button.click()
    dialog = page.enrolment
    if how == "no_thanks":
        dialog.consent.decline_button.click()
    else:
        dialog.consent.consent_box.setChecked(True)
        qtbot.keyClicks(dialog.consent.typed_name, STAFF_NAME)
        dialog.consent.agree_button.click()
        qtbot.waitUntil(lambda: dialog.capture.preview.painted > 0, timeout=TIMEOUT_MS)  # the camera is on
        dialog.capture.stop_button.click()
    state = person_state(face_ready, manager, staff_id)
    after_registration = tuple(a for a in state.actions if a != "staff.registered")
    assert (state.consents, state.templates) == (0, 0)
    row = face_ready.directory.row(manager, staff_id)
    assert row is not None and row.consent_state == "none"  # People never says "Withdrawn"
    if how == "no_thanks":
        assert dialog.done_title.text() == "Nothing was recorded."
        assert after_registration == ()  # literally nothing
    else:
        assert dialog.done_title.text() == "No face data was kept."
        assert after_registration == ("face.capture_ended",)  # a capture ran and kept nothing
    dialog.close()
