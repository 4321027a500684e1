"""Retention: face data goes at checkout plus grace, at the end of employment, after three unused years (R2, R13)."""

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from app.camera.frames import Frame
from app.domain.business import Purpose
from app.domain.consent import TypedName
from app.domain.guests import stay_details
from app.domain.operators import OperatorSession
from app.services.check_in_service import GuestStay
from app.services.desk_services import DeskServices
from app.storage.audit_repository import AuditRepository
from app.storage.consent_repository import ConsentRepository
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import enrol_through_the_camera, enrolled_guest, template_rows, verify
from tests.integration.services.conftest import PIA, SourceSpy, adult


def audit_actions(desk: DeskServices) -> list[str]:
    with desk.database.snapshot() as conn:
        return [record.action for record in AuditRepository(conn).iter_all()]


def consents_kept(desk: DeskServices, person_id: int) -> int:
    with desk.database.snapshot() as conn:
        return len(ConsentRepository(conn).consents_of(person_id))


@pytest.mark.req("R13")
def test_with_no_grace_period_checkout_deletes_the_template_at_once(
    face_ready: DeskServices, clerk: OperatorSession, register: Callable[..., GuestStay], obama_camera: SourceSpy
) -> None:
    guest = register()
    enrolled_guest(face_ready, clerk, guest, obama_camera)
    assert face_ready.check_in.check_out(clerk, guest.stay_id).templates_deleted == 3
    assert template_rows(face_ready, guest.person_id) == 0
    assert consents_kept(face_ready, guest.person_id) == 1  # the record of consent stays


@pytest.mark.req("R13")
@pytest.mark.req("R17")
def test_a_grace_period_is_honoured_then_the_purge_deletes_and_keeps_the_history(
    face_ready: DeskServices,
    admin: OperatorSession,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    clock: FakeClock,
) -> None:
    face_ready.settings.change(admin, "retention/guest_grace_hours", 2)
    face_ready.pia.record(admin, PIA)  # retention changed, so the assessment must be renewed
    guest = register()
    enrolled_guest(face_ready, clerk, guest, obama_camera)
    assert face_ready.check_in.check_out(clerk, guest.stay_id).templates_deleted == 0
    clock.advance(timedelta(hours=1, minutes=59))
    assert face_ready.retention.purge().items == ()
    assert template_rows(face_ready, guest.person_id) == 3

    clock.advance(timedelta(minutes=2))
    plan = face_ready.retention.purge(dry_run=True)
    assert [(i.person_id, i.reason, i.templates) for i in plan.items] == [(guest.person_id, "checked_out", 3)]
    assert template_rows(face_ready, guest.person_id) == 3  # a dry run changes nothing
    events_before = len(audit_actions(face_ready))
    report = face_ready.retention.purge()
    assert report.templates == 3
    assert template_rows(face_ready, guest.person_id) == 0
    assert consents_kept(face_ready, guest.person_id) == 1
    assert audit_actions(face_ready)[events_before:] == ["consent.expired", "retention.purged"]
    assert face_ready.retention.purge().items == ()  # idempotent
    assert face_ready.audit.verify_chain().intact


@pytest.mark.req("R13")
def test_a_guest_who_never_checks_out_loses_face_data_after_the_planned_departure(
    face_ready: DeskServices,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    clock: FakeClock,
) -> None:
    guest = register()
    enrolled_guest(face_ready, clerk, guest, obama_camera)
    clock.advance(timedelta(days=2, hours=20))  # past noon (Shanghai) on the departure day
    [item] = face_ready.retention.purge().items
    assert (item.reason, item.templates) == ("retention_date", 3)


def enrolled_staff(
    desk: DeskServices, manager: OperatorSession, clerk: OperatorSession, camera: SourceSpy, clock: FakeClock
) -> int:
    person_id = desk.staff.register(manager, adult(clock, "Chen Jie", date(1990, 2, 3), "777"))
    desk.consents.give(
        manager,
        person_id=person_id,
        stay_id=None,
        purpose=Purpose.STAFF_ENTRY,
        notice=desk.consents.notice(Purpose.STAFF_ENTRY, "zh_CN"),
        affirmation=TypedName("Chen Jie"),
    )
    enrol_through_the_camera(
        desk.faces.begin_enrolment(manager, person_id=person_id, purpose=Purpose.STAFF_ENTRY, source_factory=camera)
    )
    return person_id


@pytest.mark.req("R13")
def test_staff_face_data_goes_at_the_end_of_the_last_working_day(
    face_ready: DeskServices,
    manager: OperatorSession,
    clerk: OperatorSession,
    obama_camera: SourceSpy,
    clock: FakeClock,
) -> None:
    staff = enrolled_staff(face_ready, manager, clerk, obama_camera, clock)
    face_ready.staff.end_employment(manager, staff, clock().date() + timedelta(days=3))
    clock.advance(timedelta(days=3))
    assert face_ready.retention.purge().items == ()
    clock.advance(timedelta(days=1))
    [item] = face_ready.retention.purge().items
    assert (item.reason, item.templates) == ("employment_ended", 3)
    assert template_rows(face_ready, staff) == 0


@pytest.mark.req("R13")
def test_nobodys_template_outlives_three_years_without_use(
    face_ready: DeskServices,
    manager: OperatorSession,
    clerk: OperatorSession,
    obama_camera: SourceSpy,
    clock: FakeClock,
) -> None:
    staff = enrolled_staff(face_ready, manager, clerk, obama_camera, clock)
    clock.advance(timedelta(days=3 * 365 - 1))
    assert face_ready.retention.purge().items == ()
    clock.advance(timedelta(days=2))
    [item] = face_ready.retention.purge().items
    assert item.reason == "unused_three_years"
    assert template_rows(face_ready, staff) == 0


@pytest.mark.req("R13")
def test_a_successful_verification_records_the_use_that_restarts_the_three_year_clock(
    face_ready: DeskServices,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    photo_frames: Callable[..., list[Frame]],
    clock: FakeClock,
    admin: OperatorSession,
) -> None:
    face_ready.settings.change(admin, "retention/guest_grace_hours", 72)  # long stays below: checkout far away
    face_ready.pia.record(admin, PIA)  # the grace period is part of what was assessed
    year = stay_details("1208", clock().date(), clock().date() + timedelta(days=365), today=clock().date())
    guest = face_ready.check_in.register(clerk, adult(clock), year)
    enrolled_guest(face_ready, clerk, guest, obama_camera)
    clock.advance(timedelta(days=300))
    session = face_ready.faces.begin_verification(
        clerk, person_id=guest.person_id, stay_id=guest.stay_id, source_factory=obama_camera
    )
    assert verify(session, photo_frames("obama2.jpg")).value == "match"  # type: ignore[union-attr]
    with face_ready.database.snapshot() as conn:
        consent = ConsentRepository(conn).live_consent(guest.person_id, Purpose.GUEST_VERIFICATION)
        assert ConsentRepository(conn).last_template_use(consent.id) == clock()  # type: ignore[union-attr]


@pytest.mark.req("R2")
def test_impact_assessments_survive_every_purge_for_three_years(
    face_ready: DeskServices,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    clock: FakeClock,
) -> None:
    guest = register()
    enrolled_guest(face_ready, clerk, guest, obama_camera)
    clock.advance(timedelta(days=2 * 365))
    face_ready.retention.purge()
    status = face_ready.pia.status()
    assert status.record is not None
    assert status.record.keep_until >= status.record.recorded_at + timedelta(days=3 * 365)
    assert face_ready.statistics.summary()["pia_records"] == 1
