"""A guest's deletion request (R19) and the end of the guest register's period (R13).

What a guest asks to delete goes from every table, from the database file's pages and, once the
backup window has passed, from every backup; the audit log keeps only the fact and the outcome.
Face data goes at once; the registration (name, document, birth date, stays) goes at once too
unless the guest register must still be kept, and then by itself on the day it may go.
"""

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

import pytest

from app.config.paths import DataPaths
from app.domain.audit import SYSTEM_ACTOR
from app.domain.errors import StateError
from app.domain.operators import OperatorSession
from app.domain.retention import guest_record_kept_until
from app.services.backup_service import BackupService
from app.services.check_in_service import GuestStay
from app.services.desk_services import DeskServices
from tests.conftest import SHANGHAI
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import enrolled_guest
from tests.helpers.erasure import audit_of, file_holds, identity_of, tables_holding
from tests.integration.services.conftest import SourceSpy, adult


@pytest.mark.req("R19")
@pytest.mark.req("R14")
def test_a_deletion_request_erases_the_guest_everywhere_and_from_every_backup_after_the_window(
    face_ready: DeskServices,
    clerk: OperatorSession,
    manager: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    clock: FakeClock,
    paths: DataPaths,
    secret_store,
) -> None:
    identity = identity_of(clock)
    guest = register()  # booked, enrolled at the desk, then did not stay
    enrolled_guest(face_ready, clerk, guest, obama_camera)
    other = register(adult(clock, "Zhang San", date(1979, 4, 2), serial="222"), room="1302")
    key = bytes(next(iter(secret_store._secrets.values())))
    backups = BackupService(paths, clock)
    assert set(tables_holding(face_ready.database, identity)) == {"people", "consents"}  # consents: the typed name
    before = backups.take(face_ready.database, actor=SYSTEM_ACTOR)
    assert file_holds(before.path / "facedesk.db", key, identity)

    clock.advance(timedelta(hours=1))
    request = face_ready.rights.open_request(manager, guest.person_id, "deletion")
    outcome = face_ready.rights.fulfil_deletion(manager, request)

    assert outcome.identity_erased and outcome.register_kept_until is None and outcome.templates_deleted == 3
    assert tables_holding(face_ready.database, identity) == {}
    assert not file_holds(paths.database, key, identity)  # overwritten in the file, not just unlinked
    assert face_ready.directory.search(manager, "Li Wei") == []
    assert [p.name for p in face_ready.directory.search(manager, "Zhang")] == ["Zhang San"]  # nobody else
    assert face_ready.check_in.stay(manager, other.stay_id).room == "1302"
    row = next(r for r in face_ready.rights.requests(manager) if r.id == request)
    assert (row.status, row.erased, row.person_name) == ("fulfilled", True, None)
    erased = audit_of(face_ready.database, "person.erased")
    assert len(erased) == 1 and '"reason":"deletion_request"' in erased[0].replace(" ", "")
    closed = audit_of(face_ready.database, "rights_request.closed")
    assert len(closed) == 1 and '"identity_erased":true' in closed[0].replace(" ", "")
    assert face_ready.audit.verify_chain().intact

    after = backups.take(face_ready.database, actor=SYSTEM_ACTOR)
    assert not file_holds(after.path / "facedesk.db", key, identity)
    window = int(face_ready.settings.value("retention/backup_days"))
    clock.advance(timedelta(days=window, hours=1))
    assert backups.take_if_due(face_ready.database, actor=SYSTEM_ACTOR) is not None
    kept = backups.backups()
    assert not before.path.exists() and kept
    assert not any(file_holds(backup.path / "facedesk.db", key, identity) for backup in kept)


@pytest.mark.req("R19")
@pytest.mark.req("R13")
def test_within_the_register_period_face_data_goes_at_once_and_the_registration_on_the_day_it_may(
    face_ready: DeskServices,
    clerk: OperatorSession,
    manager: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    clock: FakeClock,
) -> None:
    identity = identity_of(clock)
    guest = register()
    enrolled_guest(face_ready, clerk, guest, obama_camera)
    face_ready.check_in.complete_with_face(clerk, guest.stay_id)
    departure = face_ready.check_in.stay(clerk, guest.stay_id).departure
    request = face_ready.rights.open_request(manager, guest.person_id, "deletion")

    outcome = face_ready.rights.fulfil_deletion(manager, request)  # the guest is still in the house

    assert outcome.templates_deleted == 3 and not outcome.identity_erased
    assert outcome.register_kept_until == guest_record_kept_until(departure, 24)
    assert outcome.register_kept_until == date(departure.year + 2, departure.month, departure.day)
    with face_ready.database.snapshot() as conn:
        assert conn.execute("SELECT count(*) FROM face_templates").fetchone()[0] == 0
    assert "people" in tables_holding(face_ready.database, identity)
    face_ready.check_in.check_out(clerk, guest.stay_id)

    assert outcome.register_kept_until is not None
    clock.now = datetime.combine(outcome.register_kept_until - timedelta(days=1), time(9, 0), tzinfo=SHANGHAI)
    assert face_ready.retention.purge().registrations_erased == 0
    assert "people" in tables_holding(face_ready.database, identity)
    clock.now = datetime.combine(outcome.register_kept_until, time(0, 30), tzinfo=SHANGHAI)
    report = face_ready.retention.purge()
    assert report.registrations_erased == 1
    assert tables_holding(face_ready.database, identity) == {}
    assert face_ready.retention.purge().registrations_erased == 0  # idempotent
    erased = audit_of(face_ready.database, "person.erased")
    assert len(erased) == 1 and "guest_register_period_ended" in erased[0]


@pytest.mark.req("R13")
def test_the_register_period_is_a_declared_setting_and_a_guest_in_the_house_is_never_erased(
    face_ready: DeskServices,
    admin: OperatorSession,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    clock: FakeClock,
) -> None:
    identity = identity_of(clock)
    staying = register()
    details = adult(clock)
    face_ready.check_in.complete_manual(clerk, staying.stay_id, details.document.type, details.document.number)
    face_ready.settings.change(admin, "retention/guest_record_months", 0)
    clock.advance(timedelta(days=30))  # long past the planned departure, never checked out
    assert face_ready.retention.purge().registrations_erased == 0
    assert "people" in tables_holding(face_ready.database, identity)
    face_ready.check_in.check_out(clerk, staying.stay_id)
    assert face_ready.retention.purge(dry_run=True).registrations_erased == 1
    assert face_ready.retention.purge().registrations_erased == 1
    assert tables_holding(face_ready.database, identity) == {}


@pytest.mark.req("R19")
def test_a_staff_members_records_are_not_erased_and_a_deletion_request_is_not_fulfilled_as_a_plain_request(
    face_ready: DeskServices, admin: OperatorSession, manager: OperatorSession, clock: FakeClock
) -> None:
    staff = face_ready.staff.register(admin, adult(clock, "Zhang Min", serial="333"))
    request = face_ready.rights.open_request(manager, staff, "deletion")
    with pytest.raises(StateError, match="employment and payroll records"):
        face_ready.rights.fulfil_deletion(manager, request)
    with pytest.raises(StateError, match="answered by deleting the data"):
        face_ready.rights.fulfil_request(manager, request)
    face_ready.rights.refuse_request(manager, request, "Staff records are employment records we must keep.")
    assert [r.status for r in face_ready.rights.requests(manager)] == ["refused"]
