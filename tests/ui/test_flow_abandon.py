"""Locking the desk or closing a dialog in the middle of a capture, through the real windows.

The state afterwards must be exactly what the Qt-free flow tests assert
(tests/integration/services/flows): no consent stored, no face data, one "capture stopped,
nothing kept" in the audit log with the reason, and the camera released.
"""

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

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
from tests.integration.services.conftest import PIA, adult
from tests.integration.services.flows.conftest import assert_face_data_consistent, person_state
from tests.unit.domain.test_identity_documents import make_resident_id

TIMEOUT_MS = 60_000
STAFF_NAME = "Barack Obama"


@pytest.fixture
def flow(qtbot: QtBot, installation: InstallationService, desk_env: DeskEnvironment) -> Iterator[StartupFlow]:
    """A face-ready installation opened by the desk app's own start-up, at the sign-in screen."""
    desk, _ = installation.create_desk(STANDARD_SETUP, passphrase=None)
    boss = desk.operators.sign_in(ADMIN_USER, ADMIN_PASSWORD)
    desk.business.update(boss, purposes=frozenset({Purpose.GUEST_VERIFICATION, Purpose.STAFF_ENTRY}))
    desk.pia.record(boss, PIA)
    desk.operators.sign_out(boss)
    desk.close()
    startup = StartupFlow(installation, passphrase=None, env=desk_env)
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
