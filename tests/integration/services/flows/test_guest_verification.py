"""The guest verification flow without Qt: decisions, renewal, the ID check, and every way out."""

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest

from app.camera.frames import Frame
from app.domain.consent import TypedName
from app.domain.errors import FaceDeskError, StateError
from app.domain.flows import AbandonReason
from app.domain.operators import OperatorSession
from app.services.check_in_service import GuestStay
from app.services.desk_services import DeskServices
from app.services.flows.guest_verification import GuestVerificationFlow, VerificationFlowServices, VerificationState
from app.services.verification_session import (
    VERIFICATION_FRAME_LIMIT,
    RenewalRequired,
    VerificationResult,
    VerificationSession,
)
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import enrolled_guest
from tests.helpers.sweeps import ABANDON_REASONS
from tests.integration.services.conftest import SourceSpy, adult
from tests.integration.services.flows.conftest import assert_face_data_consistent, person_state

VERIFIED, ENDED = "verification.face", "face.capture_ended"


@pytest.fixture
def guest(face_ready: DeskServices, clerk: OperatorSession, register, obama_camera: SourceSpy) -> GuestStay:
    stay = register()
    enrolled_guest(face_ready, clerk, stay, obama_camera)
    return stay


@pytest.fixture
def start(
    face_ready: DeskServices, clerk: OperatorSession, guest: GuestStay, obama_camera: SourceSpy
) -> Callable[[], GuestVerificationFlow]:
    services = VerificationFlowServices(face_ready.faces, face_ready.consents, face_ready.check_in, obama_camera)
    return lambda: GuestVerificationFlow(services, clerk, guest.person_id, guest.stay_id)


def run_live(session: VerificationSession | RenewalRequired, frames: list[Frame]) -> VerificationResult:
    assert isinstance(session, VerificationSession)
    session.open_source()  # the page's camera worker creates the source; the photos stand in here
    for frame in itertools.islice(itertools.cycle(frames), VERIFICATION_FRAME_LIMIT):  # a camera repeats them
        progress = session.submit(frame)
        if progress.result is not None:
            return progress.result
    raise AssertionError("no decision")


def new_notice_version(notices_dir: Path) -> None:
    for language in ("en", "zh_CN"):
        path = notices_dir / language / "guest_verification.txt"
        path.write_text(
            path.read_text(encoding="utf-8").replace("version: 2026.2", "version: 2026.3"), encoding="utf-8"
        )


def test_a_match_is_one_recorded_decision(
    start, face_ready: DeskServices, admin: OperatorSession, guest: GuestStay, photo_frames
) -> None:
    flow = start()
    session = flow.start_face()
    assert flow.state is VerificationState.LIVE
    flow.decided(run_live(session, photo_frames("obama2.jpg")))
    assert flow.state is VerificationState.DONE and flow.result is VerificationResult.MATCH
    state = person_state(face_ready, admin, guest.person_id)
    assert state.actions.count(VERIFIED) == 1 and ENDED not in state.actions
    with pytest.raises(StateError):
        flow.start_face()  # one attempt, one decision


def test_no_match_goes_to_the_id_check_never_to_another_face_attempt(
    start, face_ready: DeskServices, admin: OperatorSession, guest: GuestStay, photo_frames, clock: FakeClock
) -> None:
    flow = start()
    flow.decided(run_live(flow.start_face(), photo_frames("biden.jpg")))
    assert flow.state is VerificationState.MANUAL_CHECK and flow.result is VerificationResult.NO_MATCH
    with pytest.raises(StateError):
        flow.start_face()
    assert flow.check_document(adult(clock).document.type, adult(clock).document.number[-4:])
    assert flow.state is VerificationState.DONE
    actions = person_state(face_ready, admin, guest.person_id, (guest.stay_id,)).actions
    assert actions[-2:] == (VERIFIED, "verification.manual")


def test_stopping_the_wait_records_uncertain_and_offers_the_id_check(
    start, face_ready: DeskServices, admin: OperatorSession, guest: GuestStay
) -> None:
    flow = start()
    flow.start_face()
    flow.to_manual()
    assert flow.state is VerificationState.MANUAL_CHECK and flow.result is VerificationResult.UNCERTAIN
    assert person_state(face_ready, admin, guest.person_id).actions.count(VERIFIED) == 1


@pytest.mark.req("R6")
def test_a_new_notice_is_renewed_before_the_camera_opens(
    start, face_ready: DeskServices, guest: GuestStay, notices_dir: Path, obama_camera: SourceSpy, photo_frames
) -> None:
    new_notice_version(notices_dir)
    flow = start()
    created = obama_camera.created
    outcome = flow.start_face()
    assert isinstance(outcome, RenewalRequired) and flow.state is VerificationState.RENEWAL
    assert obama_camera.created == created
    with pytest.raises(FaceDeskError):
        flow.renew(TypedName("Somebody Else"))
    assert flow.state is VerificationState.RENEWAL
    flow.renew(TypedName("Li Wei"))
    assert flow.state is VerificationState.READY
    flow.decided(run_live(flow.start_face(), photo_frames("obama2.jpg")))
    assert flow.result is VerificationResult.MATCH


@pytest.mark.req("R6")
@pytest.mark.req("R10")
def test_declining_the_new_notice_deletes_the_face_data_and_goes_to_the_id_check(
    start, face_ready: DeskServices, admin: OperatorSession, guest: GuestStay, notices_dir: Path
) -> None:
    new_notice_version(notices_dir)
    flow = start()
    flow.start_face()
    receipt = flow.decline_renewal()
    assert flow.state is VerificationState.MANUAL_CHECK and receipt.withdrawal_code
    state = person_state(face_ready, admin, guest.person_id)
    assert (state.live_consents, state.templates) == (0, 0)


@pytest.mark.parametrize("reason", ABANDON_REASONS)
@pytest.mark.parametrize(
    "at", [VerificationState.READY, VerificationState.RENEWAL, VerificationState.LIVE, VerificationState.MANUAL_CHECK]
)
def test_abandoning_anywhere_records_no_decision_and_keeps_the_face_data_as_it_was(
    start,
    face_ready: DeskServices,
    admin: OperatorSession,
    guest: GuestStay,
    notices_dir: Path,
    at: VerificationState,
    reason: AbandonReason,
) -> None:
    if at is VerificationState.RENEWAL:
        new_notice_version(notices_dir)
    flow = start()
    if at is not VerificationState.READY:
        session = flow.start_face()
        if at is VerificationState.LIVE:
            assert isinstance(session, VerificationSession)
            session.open_source()  # the camera is open, no decision yet
        if at is VerificationState.MANUAL_CHECK:
            flow.to_manual()
    before = person_state(face_ready, admin, guest.person_id).actions
    flow.abandon(reason)
    flow.abandon(reason)
    assert flow.state is VerificationState.ABANDONED and flow.abandoned_because is reason
    state = person_state(face_ready, admin, guest.person_id)
    assert_face_data_consistent(state)
    assert (state.live_consents, state.templates) == (1, 3)  # abandoning deletes nothing and renews nothing
    added = state.actions[len(before) :]
    assert added == ((ENDED,) if at is VerificationState.LIVE else ())
    with pytest.raises(StateError):
        flow.start_face()
