"""Driving flows without Qt: real photos through the session's own camera source, real dlib."""

from dataclasses import dataclass

from app.domain.audit import AuditRecord
from app.domain.operators import OperatorSession
from app.services.desk_services import DeskServices
from app.services.enrolment_session import CaptureProgress, EnrolmentSession
from tests.integration.services.conftest import (  # noqa: F401 - fixtures shared with the service tests
    admin,
    clerk,
    face_ready,
    manager,
    obama_camera,
    register,
)


def capture(session: EnrolmentSession, *, until: int | None = None, max_frames: int = 60) -> CaptureProgress:
    """Play the session's own camera source into it until ``until`` good frames (default: complete)."""
    source = session.open_source()
    source.open()
    progress: CaptureProgress | None = None
    try:
        for _ in range(max_frames):
            frame = source.read()
            assert frame is not None, "the photo camera ran dry"
            progress = session.submit(frame)
            if progress.complete or (until is not None and progress.collected >= until):
                return progress
    finally:
        source.close()
    raise AssertionError(f"only {progress.collected if progress else 0} good frames in {max_frames}")


@dataclass(frozen=True)
class PersonState:
    """What the database holds about one person's face data, read through the services."""

    consents: int
    live_consents: int
    templates: int
    actions: tuple[str, ...]  # audit actions about this person (or their stays), oldest first


def person_state(
    desk: DeskServices, viewer: OperatorSession, person_id: int, stay_ids: tuple[int, ...] = ()
) -> PersonState:
    consents = desk.consents.consents_of(viewer, person_id)
    row = desk.directory.row(viewer, person_id)
    assert row is not None
    events: list[AuditRecord] = sorted(desk.audit.recent_events(viewer, limit=1000), key=lambda e: e.id)
    actions = tuple(
        e.action
        for e in events
        if (e.subject_type == "person" and e.subject_id == person_id)
        or (e.subject_type == "stay" and e.subject_id in stay_ids)
    )
    return PersonState(len(consents), sum(1 for c in consents if c.live), row.templates, actions)


def assert_face_data_consistent(state: PersonState) -> None:
    """No live consent without face data, no face data without a live consent."""
    assert (state.live_consents > 0) == (state.templates > 0), state
