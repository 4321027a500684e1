"""Staff entry through the real services: registering, consenting, enrolling and kiosk walk-ups."""

from collections.abc import Callable
from pathlib import Path

from app.camera.file_source import ImageSequenceSource, VideoFileSource
from app.domain.business import Purpose
from app.domain.consent import TypedName
from app.domain.operators import OperatorSession
from app.services.desk_services import DeskServices
from app.services.kiosk_service import KioskPhase, KioskProgress, KioskSession
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import enrol_through_the_camera
from tests.integration.services.conftest import PIA, adult

CLIP = Path("clips") / "short_hamilton_clip.mp4"
FINAL_PHASES = frozenset({KioskPhase.CLOCKED, KioskPhase.ALREADY_CLOCKED, KioskPhase.UNKNOWN, KioskPhase.USE_PIN})


def clip_camera(shared_datasets: Path) -> Callable[[], VideoFileSource]:
    """The real clip as the kiosk camera, frames as fast as they decode (timestamps stay real)."""
    return lambda: VideoFileSource(shared_datasets / CLIP, realtime=False)


def still_camera(photo: Path) -> Callable[[], ImageSequenceSource]:
    """One photo held in front of the camera: the same image, 30 frames a second."""
    return lambda: ImageSequenceSource.still(photo, fps=30.0, realtime=False)


def register_staff(desk: DeskServices, manager: OperatorSession, clock: FakeClock, name: str, serial: str) -> int:
    """A staff member with a valid resident ID."""
    return desk.staff.register(manager, adult(clock, name, serial=serial))


def enrol_staff(
    desk: DeskServices, manager: OperatorSession, person_id: int, camera: Callable[[], object], name: str
) -> int:
    """Notice, separate consent (typed name), then the enrolment capture; returns templates stored."""
    desk.consents.give(
        manager,
        person_id=person_id,
        stay_id=None,
        purpose=Purpose.STAFF_ENTRY,
        notice=desk.consents.notice(Purpose.STAFF_ENTRY, "en"),
        affirmation=TypedName(name),
    )
    session = desk.faces.begin_enrolment(
        manager,
        person_id=person_id,
        purpose=Purpose.STAFF_ENTRY,
        source_factory=camera,  # type: ignore[arg-type]
    )
    return enrol_through_the_camera(session)


def walk_up(kiosk: KioskSession, *, max_frames: int = 400) -> tuple[KioskProgress, list[KioskProgress]]:
    """Play the kiosk's camera until a result shows (or the frames run out); return it and all progress."""
    source = kiosk.open_source()
    source.open()
    seen: list[KioskProgress] = []
    try:
        for _ in range(max_frames):
            frame = source.read()
            if frame is None:
                break
            progress = kiosk.submit(frame)
            seen.append(progress)
            if progress.phase in FINAL_PHASES:
                return progress, seen
    finally:
        source.close()
    return seen[-1], seen


def answer_with_the_clip(desk: DeskServices, admin: OperatorSession) -> None:
    """Let the shared clip's speaker pass the kiosk's liveness check as a live person would.

    The clip is a recording: its speaker turns right twice and can never answer the kiosk's random
    sequence of prompts (that refusal is tested on its own). Tests that need a real walk-up to end
    in a clock event therefore use the policy's single-turn challenge, which the clip's real turn
    satisfies. The impact assessment is recorded again, as an Admin must after such a change.
    """
    desk.settings.change(admin, "kiosk/liveness_challenge", "head_turn")
    desk.pia.record(admin, PIA)
