"""Rights requests, exports and incidents (R18, R19, R20)."""

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.domain.consent import TypedName
from app.domain.errors import InvalidInputError
from app.domain.operators import OperatorSession
from app.services.check_in_service import GuestStay
from app.services.desk_services import DeskServices
from app.services.incident_service import IncidentReport
from app.storage.alert_repository import AlertRepository
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import consent, enrolled_guest
from tests.integration.services.conftest import SourceSpy, adult


@pytest.mark.req("R19")
def test_an_export_holds_everything_on_one_person_and_nothing_on_anyone_else(
    face_ready: DeskServices,
    clerk: OperatorSession,
    manager: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    li = register()
    enrolled_guest(face_ready, clerk, li, obama_camera)
    zhang = register(adult(clock, "Zhang San", serial="222"), room="1302")
    consent(face_ready, clerk, zhang, affirmation=TypedName("Zhang San"))
    path = face_ready.rights.write_export(manager, li.person_id, tmp_path / "li-wei.json")
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["person"]["name"] == "Li Wei"
    assert data["person"]["id_document_number"] == adult(clock).document.number
    assert len(data["stays"]) == 1 and data["stays"][0]["room"] == "1208"
    assert len(data["consents"]) == 1 and data["consents"][0]["withdrawal_code"]
    assert data["face_data"]["templates_held"] == 3
    assert {a["action"] for a in data["activity"]} >= {"guest.registered", "consent.given", "face.enrolled"}
    assert "Zhang San" not in text and adult(clock, "Zhang San", serial="222").document.number not in text
    assert "1302" not in text
    assert path.stat().st_mode & 0o077 == 0
    with pytest.raises(InvalidInputError, match="already exists"):
        face_ready.rights.write_export(manager, li.person_id, path)


@pytest.mark.req("R19")
def test_a_refusal_cannot_be_recorded_without_a_reason(
    face_ready: DeskServices, manager: OperatorSession, register: Callable[..., GuestStay]
) -> None:
    guest = register()
    request = face_ready.rights.open_request(manager, guest.person_id, "deletion")
    with pytest.raises(InvalidInputError, match="reason"):
        face_ready.rights.refuse_request(manager, request, "  ")
    face_ready.rights.refuse_request(manager, request, "Guest registration must be kept under the hotel rules.")
    export = face_ready.rights.export_person(manager, guest.person_id)
    assert export["rights_requests"] == [
        {
            "kind": "deletion",
            "received_at": "2026-03-02T09:00:00.000Z",
            "status": "refused",
            "refusal_reason": "Guest registration must be kept under the hotel rules.",
        }
    ]


@pytest.mark.req("R19")
def test_a_name_is_corrected_on_request(
    face_ready: DeskServices, manager: OperatorSession, register: Callable[..., GuestStay]
) -> None:
    guest = register()
    face_ready.rights.correct_name(manager, guest.person_id, "Li  Weiwei")
    assert face_ready.rights.export_person(manager, guest.person_id)["person"]["name"] == "Li Weiwei"


@pytest.mark.req("R18")
def test_bulk_exports_raise_a_security_alert(
    face_ready: DeskServices,
    manager: OperatorSession,
    register: Callable[..., GuestStay],
    expect_warnings: Callable[[str], None],
) -> None:
    expect_warnings(r"Security alert: operator:\d+ exported 21 people's data within an hour")
    guest = register()
    for _ in range(20):
        face_ready.rights.export_person(manager, guest.person_id)
    with face_ready.database.snapshot() as conn:
        assert AlertRepository(conn).open_alerts() == []
    face_ready.rights.export_person(manager, guest.person_id)
    with face_ready.database.snapshot() as conn:
        [alert] = AlertRepository(conn).open_alerts()
    assert alert.kind == "bulk_export"


@pytest.mark.req("R20")
def test_an_incident_finds_the_people_whose_face_data_was_held_and_drafts_the_notice(
    face_ready: DeskServices,
    clerk: OperatorSession,
    manager: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    clock: FakeClock,
) -> None:
    held = register()
    enrolled_guest(face_ready, clerk, held, obama_camera)
    withdrawn_before = register(adult(clock, "Zhang San", serial="222"), room="1302")
    receipt = consent(face_ready, clerk, withdrawn_before, affirmation=TypedName("Zhang San"))
    face_ready.consents.withdraw(clerk, receipt.consent_id)
    clock.advance(timedelta(days=1))
    later = clock()
    register(adult(clock, "Wu Fei", serial="333"), room="1303")  # no face data at all
    number = face_ready.incidents.record(
        manager,
        IncidentReport(
            discovered_at=later + timedelta(hours=2),
            occurred_from=later,
            occurred_to=later + timedelta(hours=1),
            description="The desk computer was left signed in overnight.",
            cause="An operator forgot to lock the screen.",
            harm="Someone could have seen guest records.",
            remedies="Auto-lock shortened to 2 minutes; staff retrained.",
        ),
    )
    affected = face_ready.incidents.affected_people(manager, number)
    assert [(p.person_id, p.name) for p in affected] == [(held.person_id, "Li Wei")]
    notice = face_ready.incidents.letters(manager, number, write=lambda document: None).plain_text()
    for part in ("1. What happened", "2. What we have done", "3. Whom to contact", "Lotus Inn", "+86 10 1234 5678",
                 "一、发生了什么", "二、我们采取的补救措施", "三、联系方式"):  # fmt: skip
        assert part in notice
    number_of_li = adult(clock).document.number
    assert f"Dear Li Wei (ID document ending {number_of_li[-4:]})" in notice and number_of_li not in notice
    assert "Zhang San" not in notice and "Wu Fei" not in notice
    assert datetime(2026, 3, 3, tzinfo=UTC).strftime("%Y-%m-%d") in notice
