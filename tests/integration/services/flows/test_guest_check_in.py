"""The guest check-in flow without Qt: every state, every way out, and the database afterwards."""

from collections.abc import Callable

import pytest

from app.domain.check_in import CheckInMethod, FaceUnavailableReason
from app.domain.consent import TypedName
from app.domain.errors import InvalidInputError, StateError
from app.domain.flows import AbandonReason
from app.domain.operators import OperatorSession
from app.services.desk_services import DeskServices
from app.services.flows.guest_check_in import (
    CaptureProblem,
    CheckInFlowServices,
    CheckInState,
    GuestCheckInFlow,
)
from tests.helpers.clock import FakeClock
from tests.helpers.sweeps import ABANDON_REASONS
from tests.integration.services.conftest import SourceSpy, adult, child, two_nights
from tests.integration.services.flows.conftest import assert_face_data_consistent, capture, person_state

CONSENT, TEMPLATES, CHECKED_IN = "consent.given", "face.enrolled", "check_in.completed"
CAPTURE_ENDED, DECLINED = "face.capture_ended", "face.declined"


@pytest.fixture
def start(face_ready: DeskServices, clerk: OperatorSession, obama_camera: SourceSpy) -> Callable[[], GuestCheckInFlow]:
    services = CheckInFlowServices(
        check_in=face_ready.check_in,
        consents=face_ready.consents,
        faces=lambda: face_ready.faces,
        open_camera=obama_camera,
    )
    return lambda: GuestCheckInFlow(services, clerk)


def to_state(flow: GuestCheckInFlow, target: CheckInState, clock: FakeClock) -> None:
    """Drive a fresh flow to ``target`` the way a guest would."""
    flow.register(adult(clock), two_nights(clock))
    if target is CheckInState.METHOD_CHOICE:
        return
    if target is CheckInState.MANUAL_CHECK:
        flow.decline()
        return
    notice = flow.choose_face("en")
    if target is CheckInState.NOTICE:
        return
    session = flow.consent(notice, TypedName("Li Wei"))
    capture(session, until=1)  # the camera is open and one good frame is collected
    if target is CheckInState.CAPTURE:
        return
    capture(session)
    flow.complete()
    assert target is CheckInState.RECEIPT


def test_a_face_check_in_is_one_story_consent_templates_and_check_in_together(
    start, face_ready: DeskServices, admin: OperatorSession, clerk: OperatorSession, clock: FakeClock, obama_camera
) -> None:
    flow = start()
    assert flow.state is CheckInState.DETAILS
    flow.register(adult(clock), two_nights(clock))
    assert flow.state is CheckInState.METHOD_CHOICE and flow.guest_facing
    notice = flow.choose_face("en")
    assert flow.state is CheckInState.NOTICE and "Lotus Inn" in notice.text
    assert obama_camera.created == 0
    session = flow.consent(notice, TypedName("Li Wei"))
    assert flow.state is CheckInState.CAPTURE
    stay = flow.stay
    assert stay is not None
    # Consent given on screen, camera about to run: nothing about face data is stored yet.
    assert face_ready.consents.consents_of(clerk, stay.person_id) == []
    capture(session)
    receipt = flow.complete()
    assert flow.state is CheckInState.RECEIPT and receipt.withdrawal_code in receipt.text
    result = flow.finish_receipt()
    assert flow.state is CheckInState.DONE and result.method is CheckInMethod.FACE
    state = person_state(face_ready, admin, stay.person_id, (stay.stay_id,))
    assert (state.consents, state.live_consents, state.templates) == (1, 1, 3)
    assert state.actions[-3:] == (CONSENT, TEMPLATES, CHECKED_IN)  # one transaction, in story order
    assert face_ready.check_in.stay(clerk, stay.stay_id).checked_in


def test_declining_at_the_choice_is_recorded_once_and_the_id_check_completes_it(
    start, face_ready: DeskServices, admin: OperatorSession, clerk: OperatorSession, clock: FakeClock
) -> None:
    flow = start()
    to_state(flow, CheckInState.MANUAL_CHECK, clock)
    assert flow.manual_reason is FaceUnavailableReason.DECLINED_THIS_STAY
    assert not flow.guest_facing
    result = flow.check_document(adult(clock).document.type, adult(clock).document.number[-4:])
    assert result.method is CheckInMethod.MANUAL and flow.state is CheckInState.DONE
    stay = flow.stay
    assert stay is not None
    state = person_state(face_ready, admin, stay.person_id, (stay.stay_id,))
    assert (state.consents, state.templates) == (0, 0)
    assert state.actions.count(DECLINED) == 1 and CONSENT not in state.actions
    # R9: the same stay is never offered face again.
    assert face_ready.check_in.method_offer(clerk, stay.stay_id).face_unavailable is (
        FaceUnavailableReason.DECLINED_THIS_STAY
    )


def test_stopping_during_the_capture_keeps_nothing_and_says_so_in_the_audit_log(
    start, face_ready: DeskServices, admin: OperatorSession, clock: FakeClock
) -> None:
    flow = start()
    to_state(flow, CheckInState.CAPTURE, clock)
    flow.decline()
    assert flow.state is CheckInState.MANUAL_CHECK
    stay = flow.stay
    assert stay is not None
    state = person_state(face_ready, admin, stay.person_id, (stay.stay_id,))
    assert (state.consents, state.templates) == (0, 0)  # as if face had never been chosen
    assert CONSENT not in state.actions and "consent.withdrawn" not in state.actions
    assert state.actions.count(CAPTURE_ENDED) == 1 and state.actions.count(DECLINED) == 1


def test_a_failed_capture_keeps_nothing_and_is_not_a_decline(
    start, face_ready: DeskServices, admin: OperatorSession, clerk: OperatorSession, clock: FakeClock
) -> None:
    flow = start()
    to_state(flow, CheckInState.CAPTURE, clock)
    flow.capture_failed("the camera stopped")
    assert flow.state is CheckInState.MANUAL_CHECK
    assert flow.manual_reason == CaptureProblem("the camera stopped")
    stay = flow.stay
    assert stay is not None
    state = person_state(face_ready, admin, stay.person_id, (stay.stay_id,))
    assert (state.consents, state.templates) == (0, 0)
    assert DECLINED not in state.actions and state.actions.count(CAPTURE_ENDED) == 1
    assert face_ready.check_in.method_offer(clerk, stay.stay_id).face_unavailable is None


ABANDON_POINTS = [
    CheckInState.METHOD_CHOICE,
    CheckInState.NOTICE,
    CheckInState.CAPTURE,
    CheckInState.RECEIPT,
    CheckInState.MANUAL_CHECK,
]


@pytest.mark.req("R5")
@pytest.mark.req("R10")
@pytest.mark.parametrize("reason", ABANDON_REASONS)
@pytest.mark.parametrize("at", ABANDON_POINTS)
def test_abandoning_at_any_step_leaves_no_consent_without_face_data(
    start,
    face_ready: DeskServices,
    admin: OperatorSession,
    clerk: OperatorSession,
    clock: FakeClock,
    at: CheckInState,
    reason: AbandonReason,
) -> None:
    flow = start()
    to_state(flow, at, clock)
    flow.abandon(reason)
    flow.abandon(reason)  # a second close, lock or quit changes nothing
    stay = flow.stay
    assert stay is not None
    state = person_state(face_ready, admin, stay.person_id, (stay.stay_id,))
    assert_face_data_consistent(state)
    checked_in = face_ready.check_in.stay(clerk, stay.stay_id).checked_in
    if at is CheckInState.RECEIPT:
        # Everything was stored together before the receipt showed: the check-in stands.
        assert flow.state is CheckInState.DONE or flow.state is CheckInState.ABANDONED
        assert (state.live_consents, state.templates, checked_in) == (1, 3, True)
        assert CAPTURE_ENDED not in state.actions
    else:
        assert flow.state is CheckInState.ABANDONED and flow.abandoned_because is reason
        assert (state.consents, state.templates, checked_in) == (0, 0, False)
        assert CONSENT not in state.actions
        # The audit log tells what happened: a capture that ran and kept nothing, and why.
        assert state.actions.count(CAPTURE_ENDED) == (1 if at is CheckInState.CAPTURE else 0)
        # An abandon is not the guest's decline: face stays on offer for this stay.
        assert (DECLINED in state.actions) == (at is CheckInState.MANUAL_CHECK)
    with pytest.raises(StateError):
        flow.decline()


def test_steps_out_of_order_are_refused_and_change_nothing(
    start, face_ready: DeskServices, clerk: OperatorSession, clock: FakeClock
) -> None:
    flow = start()
    with pytest.raises(StateError):
        flow.choose_face("en")
    to_state(flow, CheckInState.METHOD_CHOICE, clock)
    notice = flow.notice("en")
    with pytest.raises(StateError):
        flow.consent(notice, TypedName("Li Wei"))  # the guest has not chosen face
    with pytest.raises(StateError):
        flow.complete()
    with pytest.raises(StateError):
        flow.check_document(adult(clock).document.type, "1234")
    assert flow.state is CheckInState.METHOD_CHOICE
    stay = flow.stay
    assert stay is not None
    assert face_ready.consents.consents_of(clerk, stay.person_id) == []


def test_a_refused_consent_keeps_the_flow_at_the_notice(
    start, face_ready: DeskServices, clerk: OperatorSession, clock: FakeClock, obama_camera: SourceSpy
) -> None:
    flow = start()
    to_state(flow, CheckInState.NOTICE, clock)
    notice = flow.notice("en")
    with pytest.raises(InvalidInputError):
        flow.consent(notice, TypedName("Somebody Else"))  # the typed name must be the guest's
    assert flow.state is CheckInState.NOTICE and obama_camera.created == 0
    session = flow.consent(notice, TypedName("Li Wei"))
    assert flow.state is CheckInState.CAPTURE and flow.stay is not None
    assert session.person_id == flow.stay.person_id
    assert face_ready.consents.consents_of(clerk, session.person_id) == []


@pytest.mark.req("R7")
def test_a_child_is_sent_to_the_id_check_without_touching_face_data(
    start, face_ready: DeskServices, clock: FakeClock
) -> None:
    flow = start()
    flow.register(child(clock), two_nights(clock))
    assert flow.state is CheckInState.MANUAL_CHECK
    assert flow.manual_reason is FaceUnavailableReason.UNDER_14
    assert flow.offer is not None and CheckInMethod.MANUAL in flow.offer.options
