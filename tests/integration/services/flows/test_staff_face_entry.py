"""The staff face-entry flow without Qt: what each ending stores, and what the screen may say."""

from collections.abc import Callable

import pytest

from app.domain.consent import TypedName
from app.domain.errors import StateError
from app.domain.flows import AbandonReason
from app.domain.guests import guest_details
from app.domain.operators import OperatorSession
from app.domain.people import IdDocumentType
from app.services.desk_services import DeskServices
from app.services.flows.staff_face_entry import StaffFaceEntryFlow, StaffFaceEntryServices, StaffFaceEntryState
from tests.helpers.clock import FakeClock
from tests.helpers.sweeps import ABANDON_REASONS
from tests.integration.services.conftest import SourceSpy
from tests.integration.services.flows.conftest import assert_face_data_consistent, capture, person_state
from tests.unit.domain.test_identity_documents import make_resident_id

NAME = "Barack Obama"


@pytest.fixture
def staff_id(face_ready: DeskServices, manager: OperatorSession, clock: FakeClock) -> int:
    from datetime import date

    number = make_resident_id("310104", date(1961, 8, 4), "111")
    details = guest_details(NAME, IdDocumentType.RESIDENT_ID, number, None, today=clock().date())
    return face_ready.staff.register(manager, details)


@pytest.fixture
def start(
    face_ready: DeskServices, manager: OperatorSession, obama_camera: SourceSpy, staff_id: int
) -> Callable[[], StaffFaceEntryFlow]:
    services = StaffFaceEntryServices(face_ready.consents, face_ready.faces, obama_camera)
    return lambda: StaffFaceEntryFlow(services, manager, staff_id)


def actions_after_registration(face_ready: DeskServices, admin: OperatorSession, staff_id: int) -> tuple[str, ...]:
    return tuple(a for a in person_state(face_ready, admin, staff_id).actions if a != "staff.registered")


def test_face_entry_stores_the_consent_and_templates_together(
    start, face_ready: DeskServices, admin: OperatorSession, manager: OperatorSession, staff_id: int
) -> None:
    flow = start()
    session = flow.consent(flow.notice("en"), TypedName(NAME))
    assert flow.state is StaffFaceEntryState.CAPTURE
    assert face_ready.consents.consents_of(manager, staff_id) == []
    capture(session)
    assert flow.complete() == 3 and flow.state is StaffFaceEntryState.ENROLLED
    state = person_state(face_ready, admin, staff_id)
    assert (state.live_consents, state.templates) == (1, 3)
    assert actions_after_registration(face_ready, admin, staff_id) == ("consent.given", "face.enrolled")
    assert face_ready.staff.members(manager)[0].face_entry


def test_no_thanks_on_the_notice_records_nothing_at_all(
    start, face_ready: DeskServices, admin: OperatorSession, staff_id: int
) -> None:
    """The screen then says "Nothing was recorded."; this is what makes that true."""
    flow = start()
    flow.notice("en")
    flow.decline()
    assert flow.state is StaffFaceEntryState.DECLINED and flow.ended
    state = person_state(face_ready, admin, staff_id)
    assert (state.consents, state.templates) == (0, 0)
    assert actions_after_registration(face_ready, admin, staff_id) == ()


def test_stop_i_will_use_my_pin_keeps_no_face_data_and_no_consent(
    start, face_ready: DeskServices, admin: OperatorSession, manager: OperatorSession, staff_id: int
) -> None:
    """The case seen by a new user: "Stop, I will use my PIN instead" after consenting.

    Before, the dialog said "Nothing was recorded" while the log said "Consent given" then
    "Consent withdrawn" and People listed the person as "Withdrawn". Now no consent is stored,
    the audit log holds one "capture stopped, nothing kept", and the screen says exactly that
    no face data was kept (the NOT_SET_UP state).
    """
    flow = start()
    session = flow.consent(flow.notice("en"), TypedName(NAME))
    capture(session, until=1)
    flow.stop()
    assert flow.state is StaffFaceEntryState.NOT_SET_UP
    state = person_state(face_ready, admin, staff_id)
    assert (state.consents, state.templates) == (0, 0)
    assert actions_after_registration(face_ready, admin, staff_id) == ("face.capture_ended",)
    row = face_ready.directory.row(manager, staff_id)
    assert row is not None and row.consent_state == "none"  # not "withdrawn"
    assert not face_ready.staff.members(manager)[0].face_entry


@pytest.mark.req("R5")
@pytest.mark.parametrize("reason", ABANDON_REASONS)
@pytest.mark.parametrize("at", [StaffFaceEntryState.NOTICE, StaffFaceEntryState.CAPTURE, StaffFaceEntryState.ENROLLED])
def test_abandoning_anywhere_leaves_no_consent_without_face_data(
    start,
    face_ready: DeskServices,
    admin: OperatorSession,
    staff_id: int,
    at: StaffFaceEntryState,
    reason: AbandonReason,
) -> None:
    flow = start()
    if at is not StaffFaceEntryState.NOTICE:
        session = flow.consent(flow.notice("en"), TypedName(NAME))
        capture(session, until=None if at is StaffFaceEntryState.ENROLLED else 1)
        if at is StaffFaceEntryState.ENROLLED:
            flow.complete()
    flow.abandon(reason)
    flow.abandon(reason)
    state = person_state(face_ready, admin, staff_id)
    assert_face_data_consistent(state)
    actions = actions_after_registration(face_ready, admin, staff_id)
    if at is StaffFaceEntryState.ENROLLED:
        assert flow.state is StaffFaceEntryState.ENROLLED and state.templates == 3
    else:
        assert flow.state is StaffFaceEntryState.ABANDONED and flow.abandoned_because is reason
        assert (state.consents, state.templates) == (0, 0)
        assert actions == (("face.capture_ended",) if at is StaffFaceEntryState.CAPTURE else ())
    with pytest.raises(StateError):
        flow.consent(flow.notice("en"), TypedName(NAME))


def test_a_capture_abandoned_while_the_final_write_is_due_stores_nothing(
    start, face_ready: DeskServices, admin: OperatorSession, staff_id: int
) -> None:
    """Lock arrives after the last good frame but before the write: the write is refused."""
    flow = start()
    session = flow.consent(flow.notice("en"), TypedName(NAME))
    capture(session)
    flow.abandon(AbandonReason.LOCKED)
    with pytest.raises(StateError):
        flow.complete()
    with pytest.raises(StateError):
        session.commit()
    state = person_state(face_ready, admin, staff_id)
    assert (state.consents, state.templates) == (0, 0)
