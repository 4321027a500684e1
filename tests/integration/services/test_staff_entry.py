"""Staff entry on real footage: kiosk identification with liveness, "unknown", PINs, one event per walk-up."""

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from app.domain.attendance import ClockDirection, ClockMethod
from app.domain.errors import AuthenticationError, PermissionDeniedError, StateError
from app.domain.operators import OperatorSession
from app.services.desk_services import DeskServices
from app.services.kiosk_service import KioskPhase
from app.storage.attendance_repository import AttendanceRepository
from app.storage.audit_repository import AuditRepository
from tests.helpers.clock import FakeClock
from tests.helpers.staff import answer_with_the_clip, clip_camera, enrol_staff, register_staff, still_camera, walk_up
from tests.integration.services.conftest import PIA

SPEAKER = "Lin Manuel"
IMPOSTOR = Path("lfw-dev") / "Abdullah_Gul" / "Abdullah_Gul_0001.jpg"


def audit_actions(desk: DeskServices) -> list[str]:
    with desk.database.snapshot() as conn:
        return [record.action for record in AuditRepository(conn).iter_all()]


def verification_results(desk: DeskServices) -> list[tuple[int | None, str]]:
    with desk.database.snapshot() as conn:
        return list(
            conn.execute("SELECT person_id, result FROM verifications WHERE purpose = 'staff_entry' ORDER BY id")
        )


@pytest.fixture
def speaker(
    face_ready: DeskServices, manager: OperatorSession, admin: OperatorSession, clock: FakeClock, shared_datasets: Path
) -> int:
    """The speaker of the real clip, enrolled from the clip with consent, and given a PIN.

    The kiosk asks for one head turn, which the clip answers (see ``answer_with_the_clip``).
    """
    answer_with_the_clip(face_ready, admin)
    person_id = register_staff(face_ready, manager, clock, SPEAKER, "111")
    assert enrol_staff(face_ready, manager, person_id, clip_camera(shared_datasets), SPEAKER) == 3
    face_ready.staff.set_pin(manager, person_id, "2580")
    return person_id


@pytest.mark.req("R22")
@pytest.mark.req("R24")
def test_an_enrolled_staff_member_who_turns_their_head_is_clocked_in(
    face_ready: DeskServices, manager: OperatorSession, speaker: int, shared_datasets: Path
) -> None:
    kiosk = face_ready.kiosk.start(manager, clip_camera(shared_datasets))
    assert kiosk.face_enabled
    result, seen = walk_up(kiosk)
    assert result.phase is KioskPhase.CLOCKED
    assert KioskPhase.TURN_HEAD in {progress.phase for progress in seen}  # liveness ran before the event
    assert result.outcome is not None
    assert (result.outcome.person_name, result.outcome.direction, result.outcome.method) == (
        SPEAKER,
        ClockDirection.IN,
        ClockMethod.FACE,
    )
    events = face_ready.attendance.events(manager, face_ready.today(), face_ready.today())
    assert [(e.person_id, e.direction, e.method) for e in events] == [(speaker, ClockDirection.IN, ClockMethod.FACE)]
    assert verification_results(face_ready) == [(speaker, "match")]
    kiosk.end(manager, face_ready.access)
    assert audit_actions(face_ready)[-3:] == ["kiosk.started", "attendance.clocked", "kiosk.ended"]
    with pytest.raises(StateError):
        kiosk.open_source()  # the camera cannot be opened once the session has ended (R22)


@pytest.mark.req("R24")
def test_a_stranger_from_lfw_is_unknown_never_the_nearest_staff_member(
    face_ready: DeskServices, manager: OperatorSession, speaker: int, shared_datasets: Path
) -> None:
    kiosk = face_ready.kiosk.start(manager, still_camera(shared_datasets / IMPOSTOR))
    result, seen = walk_up(kiosk)
    assert result.phase is KioskPhase.UNKNOWN
    assert result.outcome is None
    assert all(progress.outcome is None for progress in seen)
    assert face_ready.attendance.events(manager, face_ready.today(), face_ready.today()) == []
    assert verification_results(face_ready) == [(None, "no_match")]


@pytest.mark.req("R8")
def test_a_photo_of_an_enrolled_person_fails_liveness_and_is_offered_the_pin_once(
    face_ready: DeskServices, manager: OperatorSession, clock: FakeClock, shared_datasets: Path
) -> None:
    """Obama is enrolled from real photos; then one of those photos is held up to the kiosk."""
    person_id = register_staff(face_ready, manager, clock, "Barack Obama", "222")
    photos = [shared_datasets / "images" / name for name in ("obama.jpg", "obama-1080p.jpg", "obama-720p.jpg")]
    camera = lambda: __import__("app.camera.file_source", fromlist=["x"]).ImageSequenceSource(  # noqa: E731
        photos, name="photos", fps=4.0, realtime=False, loop=True
    )
    enrol_staff(face_ready, manager, person_id, camera, "Barack Obama")
    kiosk = face_ready.kiosk.start(manager, still_camera(shared_datasets / "images" / "obama2.jpg"))
    result, seen = walk_up(kiosk)
    assert result.phase is KioskPhase.USE_PIN
    assert seen[0].phase is not KioskPhase.USE_PIN and KioskPhase.TURN_HEAD in {p.phase for p in seen}
    # Held up again right away: straight to the PIN, no second challenge (never a loop).
    again, seen_again = walk_up(kiosk, max_frames=30 * 15)
    assert again.phase is KioskPhase.USE_PIN
    assert KioskPhase.TURN_HEAD not in {p.phase for p in seen_again}
    assert face_ready.attendance.events(manager, face_ready.today(), face_ready.today()) == []
    assert (person_id, "uncertain") in verification_results(face_ready)


@pytest.mark.req("R8")
@pytest.mark.req("R9")
def test_staff_who_declined_face_entry_clock_in_and_out_with_their_pin(
    face_ready: DeskServices, manager: OperatorSession, clock: FakeClock, shared_datasets: Path
) -> None:
    person_id = register_staff(face_ready, manager, clock, "Zhang Min", "333")  # no face consent at all
    face_ready.staff.set_pin(manager, person_id, "4071")
    kiosk = face_ready.kiosk.start(manager, clip_camera(shared_datasets))
    assert [entry.name for entry in kiosk.roster()] == ["Zhang Min"]
    first = kiosk.clock_with_pin(person_id, "4071")
    assert (first.direction, first.method) == (ClockDirection.IN, ClockMethod.PIN)
    clock.advance(timedelta(hours=8))  # past midnight at the desk: still the same shift
    second = kiosk.clock_with_pin(person_id, "4071")
    assert second.direction is ClockDirection.OUT
    yesterday = face_ready.today() - timedelta(days=1)
    events = face_ready.attendance.events(manager, yesterday, face_ready.today())
    assert [(e.direction, e.method) for e in events] == [
        (ClockDirection.IN, ClockMethod.PIN),
        (ClockDirection.OUT, ClockMethod.PIN),
    ]
    (day,) = face_ready.attendance.days(manager, yesterday, face_ready.today())
    assert (day.person_name, day.day, day.worked) == ("Zhang Min", yesterday, timedelta(hours=8))


def test_one_walk_up_is_one_event(
    face_ready: DeskServices, manager: OperatorSession, speaker: int, clock: FakeClock, shared_datasets: Path
) -> None:
    kiosk = face_ready.kiosk.start(manager, clip_camera(shared_datasets))
    first, _ = walk_up(kiosk)
    assert first.phase is KioskPhase.CLOCKED
    clock.advance(timedelta(seconds=20))  # still standing there, or typing the PIN as well
    again, _ = walk_up(kiosk)
    assert again.phase is KioskPhase.ALREADY_CLOCKED and again.outcome == first.outcome
    assert first.outcome is not None
    by_pin = kiosk.clock_with_pin(speaker, "2580")  # the same walk-up: the same clock event
    assert (by_pin.event_id, by_pin.direction) == (first.outcome.event_id, first.outcome.direction)
    assert by_pin.entry_id != first.outcome.entry_id, "typing the PIN opens the door again, logged as such"
    assert len(face_ready.attendance.events(manager, face_ready.today(), face_ready.today())) == 1
    clock.advance(timedelta(minutes=5))  # back later: this is the next event, clocking out
    later = kiosk.clock_with_pin(speaker, "2580")
    assert later.direction is ClockDirection.OUT


@pytest.mark.req("R18")
def test_wrong_pins_are_refused_and_five_in_a_row_pause_the_pin(
    face_ready: DeskServices, manager: OperatorSession, speaker: int, clock: FakeClock, shared_datasets: Path
) -> None:
    kiosk = face_ready.kiosk.start(manager, clip_camera(shared_datasets))
    for _ in range(5):
        with pytest.raises(AuthenticationError, match="not right"):
            kiosk.clock_with_pin(speaker, "0000")
    with pytest.raises(AuthenticationError, match="Too many wrong PINs"):
        kiosk.clock_with_pin(speaker, "2580")  # even the right PIN waits
    assert "staff.pin_paused" in audit_actions(face_ready)
    clock.advance(timedelta(minutes=16))
    assert kiosk.clock_with_pin(speaker, "2580").method is ClockMethod.PIN
    with face_ready.database.snapshot() as conn:
        assert AttendanceRepository(conn).pin_of(speaker).failed_attempts == 0  # type: ignore[union-attr]


@pytest.mark.req("R22")
def test_without_the_staff_entry_purpose_the_kiosk_is_pin_only_and_never_opens_the_camera(
    desk: DeskServices, manager: OperatorSession, clock: FakeClock, shared_datasets: Path
) -> None:
    person_id = register_staff(desk, manager, clock, "Zhang Min", "333")
    desk.staff.set_pin(manager, person_id, "4071")
    opened: list[int] = []

    def camera() -> object:
        opened.append(1)
        return clip_camera(shared_datasets)()

    kiosk = desk.kiosk.start(manager, camera)  # type: ignore[arg-type]
    assert not kiosk.face_enabled
    with pytest.raises(StateError):
        kiosk.open_source()
    assert kiosk.clock_with_pin(person_id, "4071").direction is ClockDirection.IN
    assert opened == []


@pytest.mark.req("R16")
def test_only_managers_start_a_kiosk(
    face_ready: DeskServices, clerk: OperatorSession, expect_warnings: Callable[[str], None]
) -> None:
    expect_warnings("was refused run_kiosk")
    with pytest.raises(PermissionDeniedError):
        face_ready.kiosk.start(clerk, lambda: None)  # type: ignore[arg-type, return-value]


@pytest.mark.req("R13")
def test_staff_whose_employment_ended_leave_the_kiosk_and_their_face_data_goes(
    face_ready: DeskServices, manager: OperatorSession, speaker: int, clock: FakeClock, shared_datasets: Path
) -> None:
    face_ready.staff.end_employment(manager, speaker, face_ready.today())
    clock.advance(timedelta(days=1))
    face_ready.retention.purge(session=manager)
    member = next(m for m in face_ready.staff.members(manager) if m.person_id == speaker)
    assert not member.face_entry
    kiosk = face_ready.kiosk.start(manager, clip_camera(shared_datasets))
    assert kiosk.roster() == []
    with pytest.raises(Exception, match="no such staff member"):
        kiosk.clock_with_pin(speaker, "2580")


@pytest.mark.req("R12")
def test_a_kiosk_day_stores_no_image_and_no_biometric_value_outside_the_templates(
    face_ready: DeskServices, manager: OperatorSession, speaker: int, shared_datasets: Path
) -> None:
    kiosk = face_ready.kiosk.start(manager, clip_camera(shared_datasets))
    assert walk_up(kiosk)[0].phase is KioskPhase.CLOCKED
    kiosk.clock_with_pin(speaker, "2580")
    kiosk.end(manager, face_ready.access)
    with face_ready.database.snapshot() as conn:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        blobs = []
        for table in tables:
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
            for column in columns:
                count = conn.execute(f"SELECT count(*) FROM {table} WHERE typeof({column}) = 'blob'").fetchone()[0]
                if count:
                    blobs.append(f"{table}.{column}")
        staff_rows = list(conn.execute("SELECT * FROM clock_events")) + list(
            conn.execute("SELECT * FROM kiosk_sessions")
        )
    assert blobs == ["face_templates.embedding"]
    assert all(not isinstance(value, float) or value.is_integer() for row in staff_rows for value in row)  # no scores


def test_a_recording_of_a_staff_member_held_up_to_the_kiosk_cannot_answer_its_prompts(
    face_ready: DeskServices, manager: OperatorSession, admin: OperatorSession, speaker: int, shared_datasets: Path
) -> None:
    """With the default challenge (a random sequence of three turns), the clip of the speaker is what a
    colleague would hold up for "buddy punching": recognised, prompted, refused, PIN offered."""
    face_ready.settings.change(admin, "kiosk/liveness_challenge", "prompt_sequence")
    face_ready.pia.record(admin, PIA)
    kiosk = face_ready.kiosk.start(manager, clip_camera(shared_datasets))
    result, seen = walk_up(kiosk)
    prompts = [p for p in seen if p.phase is KioskPhase.TURN_HEAD]
    assert prompts and {p.prompts for p in prompts} == {3} and prompts[0].prompt == 1
    assert result.phase is KioskPhase.USE_PIN
    assert face_ready.attendance.events(manager, face_ready.today(), face_ready.today()) == []
    assert verification_results(face_ready) == [(speaker, "uncertain")]
