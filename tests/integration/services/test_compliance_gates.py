"""Gates before any face processing, roles, and the audit trail (R1, R2, R8, R9, R16, R17, R22)."""

import inspect
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from app.camera.frames import Frame
from app.config.settings import SETTINGS
from app.domain.business import LocationType, Purpose
from app.domain.check_in import CheckInMethod, FaceUnavailableReason, MethodOffer
from app.domain.consent import TypedName
from app.domain.errors import ComplianceBlockedError, InvalidInputError, PermissionDeniedError
from app.domain.faces import QualityIssue
from app.domain.operators import OperatorSession
from app.domain.people import IdDocumentType
from app.services.check_in_service import GuestStay
from app.services.desk_services import DeskServices
from app.services.incident_service import IncidentReport
from app.services.statistics_service import StatisticsService
from app.storage.audit_repository import AuditRepository
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import consent, enrolled_guest
from tests.integration.services.conftest import PIA, SourceSpy, adult


@pytest.mark.req("R1")
def test_without_a_recorded_purpose_face_is_neither_offered_nor_possible(
    desk: DeskServices,
    admin: OperatorSession,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
) -> None:
    desk.pia.record(admin, PIA)
    guest = register()
    assert desk.check_in.method_offer(clerk, guest.stay_id) == MethodOffer.manual_only(
        FaceUnavailableReason.PURPOSE_NOT_ENABLED
    )
    with pytest.raises(ComplianceBlockedError, match="not enabled"):
        consent(desk, clerk, guest)
    with pytest.raises(ComplianceBlockedError):
        desk.faces.begin_enrolment(
            clerk, person_id=guest.person_id, purpose=Purpose.GUEST_VERIFICATION, source_factory=obama_camera
        )
    assert obama_camera.created == 0


@pytest.mark.req("R2")
def test_without_an_impact_assessment_face_enrolment_is_refused(
    desk: DeskServices, admin: OperatorSession, clerk: OperatorSession, register: Callable[..., GuestStay]
) -> None:
    desk.business.update(admin, purposes=frozenset({Purpose.GUEST_VERIFICATION}))
    guest = register()
    assert (
        desk.check_in.method_offer(clerk, guest.stay_id).face_unavailable
        is FaceUnavailableReason.IMPACT_ASSESSMENT_MISSING
    )
    with pytest.raises(ComplianceBlockedError, match="impact assessment"):
        consent(desk, clerk, guest)
    desk.pia.record(admin, PIA)
    assert desk.check_in.method_offer(clerk, guest.stay_id) == MethodOffer.both()


@pytest.mark.req("R2")
@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d, s: d.settings.change(s, "retention/guest_grace_hours", 24), "retention/guest_grace_hours changed"),
        (lambda d, s: d.settings.change(s, "retention/backup_days", 3), "retention/backup_days changed"),
        (lambda d, s: d.business.update(s, purposes=frozenset({Purpose.GUEST_VERIFICATION})), "purposes changed"),
        (lambda d, s: d.business.update(s, location_type=LocationType.SHOP_COUNTER), "location_type changed"),
    ],
)
def test_changing_purpose_retention_or_storage_makes_the_assessment_stale(
    face_ready: DeskServices, admin: OperatorSession, change: Callable, reason: str
) -> None:
    assert face_ready.pia.status().current
    change(face_ready, admin)
    status = face_ready.pia.status()
    assert not status.current
    assert status.stale_reasons == (reason,)
    face_ready.pia.record(admin, PIA)
    assert face_ready.pia.status().current


@pytest.mark.req("R2")
@pytest.mark.req("R20")
def test_an_incident_makes_the_assessment_stale(
    face_ready: DeskServices, admin: OperatorSession, manager: OperatorSession
) -> None:
    moment = datetime(2026, 3, 1, tzinfo=UTC)
    number = face_ready.incidents.record(
        manager,
        IncidentReport(moment, moment, moment, "Laptop left unlocked", "Human error", "Possible access", "Locked"),
    )
    assert face_ready.pia.status().stale_reasons == (f"incident #{number} recorded",)


@pytest.mark.req("R2")
def test_an_assessment_must_cover_all_four_items(face_ready: DeskServices, admin: OperatorSession) -> None:
    thin = PIA.__class__(**{**PIA.__dict__, "risks_leak_tamper_loss": "n/a"})
    with pytest.raises(InvalidInputError, match="risks of leak, tampering or loss"):
        face_ready.pia.record(admin, thin)


@pytest.mark.req("R22")
@pytest.mark.parametrize(
    "place", [LocationType.GUEST_ROOM, LocationType.BATHROOM, LocationType.CHANGING_ROOM, LocationType.TOILET]
)
def test_the_location_can_never_be_changed_to_a_private_space(
    desk: DeskServices, admin: OperatorSession, place: LocationType
) -> None:
    with pytest.raises(InvalidInputError, match=r"Art\. 13"):
        desk.business.update(admin, location_type=place)
    assert desk.business.profile().location_type is LocationType.HOTEL_FRONT_DESK


@pytest.mark.req("R22")
def test_a_frame_with_two_people_is_refused_for_enrolment(
    face_ready: DeskServices,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    photo_frames: Callable[..., list[Frame]],
) -> None:
    guest = register()
    consent(face_ready, clerk, guest)
    session = face_ready.faces.begin_enrolment(
        clerk, person_id=guest.person_id, purpose=Purpose.GUEST_VERIFICATION, source_factory=obama_camera
    )
    progress = session.submit(photo_frames("two_people.jpg")[0])
    assert progress.issues == (QualityIssue.MORE_THAN_ONE_FACE,)
    assert progress.collected == 0


@pytest.mark.req("R8")
def test_no_setting_can_hide_the_manual_check_and_every_offer_contains_it(
    face_ready: DeskServices,
    admin: OperatorSession,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    clock: FakeClock,
) -> None:
    assert not [key for key in SETTINGS if "manual" in key or "method" in key]
    guest = register()
    offers = [face_ready.check_in.method_offer(clerk, guest.stay_id)]
    face_ready.check_in.decline_face(clerk, guest.stay_id)
    offers.append(face_ready.check_in.method_offer(clerk, guest.stay_id))
    face_ready.business.update(admin, purposes=frozenset())
    offers.append(face_ready.check_in.method_offer(clerk, register(adult(clock, "Wu Fei", serial="333")).stay_id))
    assert all(CheckInMethod.MANUAL in offer.options for offer in offers)


@pytest.mark.req("R8")
def test_the_manual_check_refuses_a_different_document_and_records_the_mismatch(
    face_ready: DeskServices, clerk: OperatorSession, register: Callable[..., GuestStay]
) -> None:
    guest = register()
    with pytest.raises(InvalidInputError, match="does not match"):
        face_ready.check_in.complete_manual(clerk, guest.stay_id, IdDocumentType.PASSPORT, "E12345678")
    assert not face_ready.check_in.stay(clerk, guest.stay_id).checked_in


@pytest.mark.req("R9")
def test_declines_never_reach_an_operator_statistic(
    face_ready: DeskServices, clerk: OperatorSession, register: Callable[..., GuestStay]
) -> None:
    guest = register()
    face_ready.check_in.decline_face(clerk, guest.stay_id)
    summary = face_ready.statistics.summary()
    assert "operator" not in str(summary.keys()).replace("operators", "")
    assert "decline" not in str(summary)
    public = [name for name, _ in inspect.getmembers(StatisticsService, inspect.isfunction) if not name.startswith("_")]
    for name in public:
        assert "operator" not in inspect.signature(getattr(StatisticsService, name)).parameters
    with face_ready.database.snapshot() as conn:
        stay_columns = {row[1] for row in conn.execute("PRAGMA table_info(stays)")}
    assert "face_declined_by" not in stay_columns


@pytest.mark.req("R16")
@pytest.mark.parametrize(
    "action",
    [
        lambda d, s, g: d.rights.export_person(s, g.person_id),
        lambda d, s, g: d.rights.open_request(s, g.person_id, "access"),
        lambda d, s, g: d.pia.record(s, PIA),
        lambda d, s, g: d.business.update(s, contact="+86 1"),
        lambda d, s, g: d.retention.purge(session=s),
        lambda d, s, g: d.staff.register(s, adult(FakeClock(), "Zhao Lei", serial="999")),
        lambda d, s, g: d.settings.change(s, "retention/guest_grace_hours", 1),
        lambda d, s, g: d.incidents.record(
            s, IncidentReport(*(datetime(2026, 3, 1, tzinfo=UTC),) * 3, "x", "y", "z", "w")
        ),
    ],
)
def test_desk_staff_cannot_export_delete_configure_or_assess(
    face_ready: DeskServices,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    action: Callable,
    expect_warnings: Callable[[str], None],
) -> None:
    expect_warnings("was refused")
    guest = register()
    with pytest.raises(PermissionDeniedError, match=r"Your role \(Desk\)"):
        action(face_ready, clerk, guest)
    with face_ready.database.snapshot() as conn:
        assert AuditRepository(conn).recent(1)[0].action == "access.denied"


@pytest.mark.req("R16")
def test_managers_export_and_desk_staff_check_guests_in(
    face_ready: DeskServices, manager: OperatorSession, clerk: OperatorSession, register: Callable[..., GuestStay]
) -> None:
    guest = register()
    assert face_ready.rights.export_person(manager, guest.person_id)["person"]["id"] == guest.person_id
    assert face_ready.check_in.method_offer(clerk, guest.stay_id).options


@pytest.mark.req("R17")
def test_every_state_change_is_audited_without_names_or_numbers(
    face_ready: DeskServices,
    clerk: OperatorSession,
    manager: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    clock: FakeClock,
) -> None:
    first = register()
    enrolled_guest(face_ready, clerk, first, obama_camera)
    face_ready.check_in.complete_with_face(clerk, first.stay_id)
    second = register(adult(clock, "Zhang San", serial="222"), room="1302")
    face_ready.check_in.decline_face(clerk, second.stay_id)
    face_ready.check_in.complete_manual(
        clerk, second.stay_id, IdDocumentType.RESIDENT_ID, adult(clock, "Zhang San", serial="222").document.number
    )
    with face_ready.database.snapshot() as conn:
        code = conn.execute("SELECT withdrawal_code FROM consents").fetchone()[0]
    face_ready.consents.withdraw(clerk, face_ready.consents.find_by_code(clerk, code).id)
    face_ready.check_in.check_out(clerk, first.stay_id)
    face_ready.rights.export_person(manager, second.person_id)
    with face_ready.database.snapshot() as conn:
        events = list(AuditRepository(conn).iter_all())
    actions = {event.action for event in events}
    assert {
        "business.updated", "pia.recorded", "guest.registered", "consent.given", "face.enrolled",
        "check_in.completed", "face.declined", "verification.manual", "consent.withdrawn", "guest.checked_out",
        "person.exported", "login.succeeded",
    } <= actions  # fmt: skip
    text = " ".join(f"{e.actor} {e.action} {e.details}" for e in events)
    for personal in ("Li Wei", "Zhang San", adult(clock).document.number, adult(clock).document.number[-4:]):
        assert personal not in text
    assert face_ready.audit.verify_chain().intact


def test_consent_is_refused_for_a_stay_of_someone_else(
    face_ready: DeskServices, clerk: OperatorSession, register: Callable[..., GuestStay], clock: FakeClock
) -> None:
    first = register()
    other = register(adult(clock, "Zhang San", serial="222"), room="1302")
    with pytest.raises(InvalidInputError, match="guest's stays"):
        face_ready.consents.give(
            clerk,
            person_id=first.person_id,
            stay_id=other.stay_id,
            purpose=Purpose.GUEST_VERIFICATION,
            notice=face_ready.consents.notice(Purpose.GUEST_VERIFICATION, "en"),
            affirmation=TypedName("Li Wei"),
        )
