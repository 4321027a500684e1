"""Processing records: each ended month's counts, kept three years, with no personal data (R2, R17)."""

import json
from collections.abc import Callable
from datetime import timedelta

import pytest

from app.domain.operators import OperatorSession
from app.services.check_in_service import GuestStay
from app.services.desk_services import DeskServices
from app.services.records_service import COUNT_NAMES
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import enrolled_guest
from tests.integration.services.conftest import SourceSpy


@pytest.mark.req("R17")
def test_an_ended_month_is_recorded_once_with_counts_and_nothing_personal(
    face_ready: DeskServices,
    clerk: OperatorSession,
    manager: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    clock: FakeClock,
) -> None:
    guest = register()
    enrolled_guest(face_ready, clerk, guest, obama_camera)
    face_ready.check_in.complete_with_face(clerk, guest.stay_id)
    other = register(room="1210")
    face_ready.check_in.decline_face(clerk, other.stay_id)
    face_ready.check_in.check_out(clerk, guest.stay_id)  # early: the face data goes now
    assert face_ready.records.record_closed_months() == []  # March 2026 has not ended yet
    so_far = face_ready.records.current_month()
    assert (so_far["enrolments"], so_far["face_declined"], so_far["consents_given"]) == (1, 1, 1)

    clock.advance(timedelta(days=31))  # into April
    added = face_ready.records.record_closed_months()
    assert [month.isoformat() for month in added] == ["2026-03-01"]
    assert face_ready.records.record_closed_months() == []  # idempotent
    (record,) = face_ready.records.records(manager)
    assert set(record.counts) == set(COUNT_NAMES)
    assert record.counts["enrolments"] == 1 and record.counts["face_declined"] == 1
    assert record.counts["checkouts"] == 1
    assert record.keep_until - record.recorded_at >= timedelta(days=3 * 365)
    stored = json.dumps(record.counts)
    assert "Li Wei" not in stored and "1208" not in stored
    assert face_ready.audit.verify_chain().intact
