"""Managers' attendance views and audited corrections (R9, R16, R17)."""

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from app.domain.attendance import ClockDirection, ClockMethod, CorrectionReason
from app.domain.errors import InvalidInputError, PermissionDeniedError, StateError
from app.domain.operators import OperatorSession
from app.services.desk_services import DeskServices
from app.storage.audit_repository import AuditRepository
from tests.helpers.clock import FakeClock
from tests.helpers.staff import clip_camera, register_staff


@pytest.fixture
def pin_day(face_ready: DeskServices, manager: OperatorSession, clock: FakeClock, shared_datasets: Path) -> int:
    """Zhang Min clocks in, then (by mistake) in again a minute later as "out"."""
    person_id = register_staff(face_ready, manager, clock, "Zhang Min", "333")
    face_ready.staff.set_pin(manager, person_id, "4071")
    kiosk = face_ready.kiosk.start(manager, clip_camera(shared_datasets))
    kiosk.clock_with_pin(person_id, "4071")
    clock.advance(timedelta(hours=2))
    kiosk.clock_with_pin(person_id, "4071")
    kiosk.end(manager, face_ready.access)
    return person_id


@pytest.mark.req("R17")
def test_a_correction_keeps_the_wrong_event_voids_it_and_is_audited(
    face_ready: DeskServices, manager: OperatorSession, pin_day: int, clock: FakeClock
) -> None:
    today = face_ready.today()
    wrong = face_ready.attendance.events(manager, today, today)[-1]
    replacement = face_ready.attendance.correct(
        manager, wrong.id, CorrectionReason.WRONG_TIME, (clock() - timedelta(minutes=45), ClockDirection.OUT)
    )
    valid = face_ready.attendance.events(manager, today, today)
    everything = face_ready.attendance.events(manager, today, today, include_voided=True)
    assert [e.method for e in valid] == [ClockMethod.PIN, ClockMethod.MANAGER]
    assert valid[-1].id == replacement and valid[-1].correction_of == wrong.id
    assert [e.id for e in everything if e.voided] == [wrong.id]
    (day,) = face_ready.attendance.days(manager, today, today)
    assert day.worked == timedelta(hours=1, minutes=15)
    with face_ready.database.snapshot() as conn:
        last = list(AuditRepository(conn).iter_all())[-1]
    assert (last.action, last.subject_id) == ("attendance.corrected", wrong.id)
    assert '"reason":"wrong_time"' in last.details and "Zhang" not in last.details
    with pytest.raises(StateError):
        face_ready.attendance.correct(manager, wrong.id, CorrectionReason.DUPLICATE)
    with pytest.raises(InvalidInputError, match="future"):
        face_ready.attendance.add_missing(manager, pin_day, clock() + timedelta(hours=1), ClockDirection.IN)
    assert face_ready.audit.verify_chain().intact


@pytest.mark.req("R16")
def test_desk_staff_cannot_see_or_correct_attendance(
    face_ready: DeskServices, clerk: OperatorSession, pin_day: int, expect_warnings: Callable[[str], None]
) -> None:
    expect_warnings("was refused")
    today = face_ready.today()
    with pytest.raises(PermissionDeniedError):
        face_ready.attendance.events(clerk, today, today)
    with pytest.raises(PermissionDeniedError):
        face_ready.attendance.correct(clerk, 1, CorrectionReason.DUPLICATE)
    with pytest.raises(PermissionDeniedError):
        face_ready.staff.set_pin(clerk, pin_day, "4071")
