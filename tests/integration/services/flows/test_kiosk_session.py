"""The kiosk session flow without Qt: it runs, it ends, and however it stops the camera stays shut."""

from collections.abc import Callable
from pathlib import Path

import pytest

from app.domain.attendance import ClockDirection
from app.domain.errors import StateError
from app.domain.flows import AbandonReason
from app.domain.operators import OperatorSession
from app.services.desk_services import DeskServices
from app.services.flows.kiosk_session import ENDED_BY_MANAGER, KioskFlowServices, KioskSessionFlow, KioskState
from tests.helpers.clock import FakeClock
from tests.helpers.staff import clip_camera, register_staff


@pytest.fixture
def start(face_ready: DeskServices, manager: OperatorSession, shared_datasets: Path) -> Callable[[], KioskSessionFlow]:
    services = KioskFlowServices(face_ready.kiosk, face_ready.access, clip_camera(shared_datasets))
    return lambda: KioskSessionFlow(services, manager)


def kiosk_ends(face_ready: DeskServices, admin: OperatorSession) -> list[str]:
    return [e.details for e in face_ready.audit.recent_events(admin) if e.action == "kiosk.ended"]


@pytest.fixture
def pin_staff(face_ready: DeskServices, manager: OperatorSession, clock: FakeClock) -> int:
    person_id = register_staff(face_ready, manager, clock, "Zhang Min", "333")
    face_ready.staff.set_pin(manager, person_id, "4071")
    return person_id


def test_a_session_runs_clocks_staff_and_the_manager_ends_it(
    start, face_ready: DeskServices, admin: OperatorSession, pin_staff: int
) -> None:
    flow = start()
    assert flow.state is KioskState.NOT_STARTED
    kiosk = flow.start()
    assert flow.running and kiosk.face_enabled
    assert kiosk.clock_with_pin(pin_staff, "4071").direction is ClockDirection.IN
    flow.end()
    assert flow.state is KioskState.ENDED and kiosk.closed
    with pytest.raises(StateError):
        kiosk.open_source()  # R22: no camera outside a running session
    assert kiosk_ends(face_ready, admin) == [f'{{"reason":"{ENDED_BY_MANAGER}"}}']
    with pytest.raises(StateError):
        flow.start()


@pytest.mark.req("R22")
@pytest.mark.parametrize("reason", list(AbandonReason))
def test_however_a_running_session_is_left_it_ends_and_the_camera_stays_shut(
    start, face_ready: DeskServices, admin: OperatorSession, pin_staff: int, reason: AbandonReason
) -> None:
    flow = start()
    kiosk = flow.start()
    kiosk.clock_with_pin(pin_staff, "4071")
    flow.abandon(reason)
    flow.abandon(reason)
    assert flow.state is KioskState.ABANDONED and flow.abandoned_because is reason and kiosk.closed
    with pytest.raises(StateError):
        kiosk.open_source()
    with pytest.raises(StateError):
        flow.end()
    assert kiosk_ends(face_ready, admin) == [f'{{"reason":"{reason.value}"}}']
    events = face_ready.attendance.events(admin, face_ready.today(), face_ready.today())
    assert len(events) == 1  # what was clocked stays clocked


def test_abandoning_before_the_start_records_nothing(start, face_ready: DeskServices, admin: OperatorSession) -> None:
    flow = start()
    flow.abandon(AbandonReason.CLOSED)
    assert flow.state is KioskState.ABANDONED and flow.kiosk is None
    assert kiosk_ends(face_ready, admin) == []
    with pytest.raises(StateError):
        flow.start()
