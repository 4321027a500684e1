"""Security alerts for mass deletion outside the purge and for every bulk export (issue 16, R18)."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from app.domain.business import Purpose
from app.domain.operators import OperatorSession
from app.services.check_in_service import GuestStay
from app.services.desk_services import DeskServices
from app.services.security_alerts import MASS_DELETION_LIMIT
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import consent
from tests.integration.services.conftest import adult


def open_alerts(desk: DeskServices, manager: OperatorSession) -> list[tuple[str, dict]]:
    return [(a.kind, json.loads(a.details)) for a in desk.dashboard.open_alerts(manager)]


@pytest.mark.req("R18")
def test_withdrawals_of_many_people_within_an_hour_raise_one_alert(
    face_ready: DeskServices,
    manager: OperatorSession,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    clock: FakeClock,
) -> None:
    """No alert for mass withdrawal or deletion outside the purge job."""
    codes = []
    for number in range(MASS_DELETION_LIMIT + 2):
        guest = register(adult(clock, f"Guest {chr(65 + number)}", serial=f"{100 + number}"), room=f"{1000 + number}")
        codes.append(consent(face_ready, clerk, guest, affirmation=_name(number)).consent_id)
    for consent_id in codes[:MASS_DELETION_LIMIT]:
        face_ready.consents.withdraw(clerk, consent_id)
    assert open_alerts(face_ready, manager) == []  # up to the limit: ordinary work
    face_ready.consents.withdraw(clerk, codes[MASS_DELETION_LIMIT])
    face_ready.consents.withdraw(clerk, codes[MASS_DELETION_LIMIT + 1])
    assert open_alerts(face_ready, manager) == [("mass_deletion", {"people_last_hour": MASS_DELETION_LIMIT + 1})]


@pytest.mark.req("R18")
def test_every_bulk_export_raises_an_alert_a_manager_marks_read(
    face_ready: DeskServices, manager: OperatorSession, admin: OperatorSession, clock: FakeClock, tmp_path: Path
) -> None:
    """None for the attendance CSV export."""
    today = clock().date()
    face_ready.attendance.export_csv(manager, today, today, tmp_path / "attendance.csv")
    face_ready.documents.filing_data(admin, write=lambda *_: None)
    assert [(kind, details["export"]) for kind, details in open_alerts(face_ready, manager)] == [
        ("bulk_export", "filing"),
        ("bulk_export", "attendance"),
    ]
    assert face_ready.dashboard.dashboard(manager).status_of("R18").met is False
    assert face_ready.dashboard.acknowledge_alerts(manager) == 2
    assert face_ready.dashboard.dashboard(manager).status_of("R18").met is True


@pytest.mark.req("R18")
def test_switching_a_purpose_off_for_many_people_raises_the_mass_deletion_alert(
    face_ready: DeskServices, manager: OperatorSession, admin: OperatorSession, clerk: OperatorSession,
    register: Callable[..., GuestStay], clock: FakeClock,
) -> None:  # fmt: skip
    for number in range(MASS_DELETION_LIMIT + 1):
        guest = register(adult(clock, f"Guest {chr(65 + number)}", serial=f"{100 + number}"), room=f"{1000 + number}")
        consent(face_ready, clerk, guest, affirmation=_name(number))
    face_ready.business.update(admin, purposes=frozenset({Purpose.STAFF_ENTRY}))
    assert [kind for kind, _ in open_alerts(face_ready, manager)] == ["mass_deletion"]


def _name(number: int):
    from app.domain.consent import TypedName

    return TypedName(f"Guest {chr(65 + number)}")
