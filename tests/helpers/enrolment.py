"""Enrolling and verifying through the real services, shared by service, CLI and UI tests."""

import itertools
import threading

from app.camera.feed import CameraFeed, FeedState
from app.camera.frames import Frame
from app.domain.business import Purpose
from app.domain.consent import TypedName
from app.domain.operators import OperatorSession
from app.services.check_in_service import GuestStay
from app.services.desk_services import DeskServices
from app.services.enrolment_session import EnrolmentSession
from app.services.verification_session import (
    VERIFICATION_FRAME_LIMIT,
    RenewalRequired,
    VerificationResult,
    VerificationSession,
)
from app.storage.consent_repository import ConsentRepository
from tests.integration.services.conftest import SourceSpy


def enrol_through_the_camera(session: EnrolmentSession) -> int:
    """Run the session's camera (a real photo source) until enough good frames are collected, then store them."""
    capture_through_the_camera(session)
    return session.finish()


def capture_through_the_camera(session: EnrolmentSession) -> None:
    """Run the session's camera (a real photo source) until enough good frames are collected."""
    done = threading.Event()

    def on_frame(frame: Frame) -> None:
        if not done.is_set() and session.submit(frame).complete:
            done.set()

    def on_state(state: FeedState, message: str) -> None:
        if state is FeedState.ENDED:
            done.set()

    feed = CameraFeed(session.open_source, on_frame=on_frame, on_state=on_state)
    feed.run(done)


def consent(desk: DeskServices, clerk: OperatorSession, guest: GuestStay, language: str = "en", **extra: object):
    return desk.consents.give(
        clerk,
        person_id=guest.person_id,
        stay_id=guest.stay_id,
        purpose=Purpose.GUEST_VERIFICATION,
        notice=desk.consents.notice(Purpose.GUEST_VERIFICATION, language),
        affirmation=extra.pop("affirmation", TypedName("Li Wei")),
        **extra,
    )


def enrolled_guest(
    desk: DeskServices, clerk: OperatorSession, guest: GuestStay, camera: SourceSpy, name: str = "Li Wei"
) -> None:
    consent(desk, clerk, guest, affirmation=TypedName(name))
    enrol_through_the_camera(
        desk.faces.begin_enrolment(
            clerk, person_id=guest.person_id, purpose=Purpose.GUEST_VERIFICATION, source_factory=camera
        )
    )


def checked_in_with_face(
    desk: DeskServices, clerk: OperatorSession, guest: GuestStay, camera: SourceSpy, name: str = "Li Wei"
) -> GuestStay:
    """Consent, templates from ``camera`` and the completed check-in of a registered guest."""
    enrolled_guest(desk, clerk, guest, camera, name)
    desk.check_in.complete_with_face(clerk, guest.stay_id)
    return guest


def verify(session: VerificationSession | RenewalRequired, frames: list[Frame]) -> VerificationResult | None:
    """Feed ``frames`` over and over, as a camera keeps delivering them, until the session decides."""
    assert isinstance(session, VerificationSession)
    for frame in itertools.islice(itertools.cycle(frames), VERIFICATION_FRAME_LIMIT):
        progress = session.submit(frame)
        if progress.result is not None:
            return progress.result
    return None


def template_rows(desk: DeskServices, person_id: int | None = None) -> int:
    with desk.database.snapshot() as conn:
        return ConsentRepository(conn).template_count(person_id)
