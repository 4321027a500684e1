"""Encrypted backups (R14): restored on a new data folder with the recovery code they reproduce
every record; a withdrawn template is gone from every backup once the backup window has passed."""

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from app.config.paths import DataPaths
from app.domain.audit import SYSTEM_ACTOR
from app.domain.business import Purpose
from app.domain.errors import AlreadyInitializedError
from app.domain.operators import OperatorSession
from app.keystore import KeyManager
from app.services.backup_service import BackupService
from app.services.capture_session import LocalFaceEngine
from app.services.check_in_service import GuestStay
from app.services.desk_services import DeskServices
from app.services.installation_service import InstallationService
from app.services.passwords import PasswordHashing
from app.storage.consent_repository import ConsentRepository
from app.storage.database import Database
from tests.conftest import FAST_KDF, SHANGHAI, STANDARD_SETUP, FaceDeskCli
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import enrolled_guest
from tests.helpers.sqlcipher_pages import decrypted_pages
from tests.integration.services.conftest import PIA, SourceSpy, adult, two_nights

PASSPHRASE = "backup test passphrase"
NEW_PASSPHRASE = "a new computer passphrase"
TABLES_COMPARED = (
    "business_profile", "operators", "enabled_purposes", "people", "stays", "consents", "face_templates",
    "verifications", "pia_records", "policy_settings", "staff_pins", "clock_events", "kiosk_sessions",
    "consent_renewals", "processing_records",
)  # fmt: skip


def rows(database: Database) -> dict[str, list[tuple]]:
    with database.snapshot() as conn:
        return {table: list(conn.execute(f"SELECT * FROM {table} ORDER BY rowid")) for table in TABLES_COMPARED}


@pytest.fixture
def original(
    paths: DataPaths, clock: FakeClock, fast_hashing: PasswordHashing, analyzer, encoder, shared_datasets: Path
) -> Iterator[tuple[DeskServices, str]]:
    """A passphrase installation with a guest enrolled by face, a manual guest and a staff member."""
    paths.ensure_root()
    installation = InstallationService(
        paths, KeyManager(paths.key_file, None, kdf=FAST_KDF, clock=clock), clock, fast_hashing,
        local_zone=SHANGHAI, engine=LocalFaceEngine(analyzer, encoder),
    )  # fmt: skip
    desk, code = installation.create_desk(STANDARD_SETUP, passphrase=PASSPHRASE)
    boss = desk.operators.sign_in("boss", "boss-password-1")
    desk.business.update(boss, purposes=frozenset({Purpose.GUEST_VERIFICATION, Purpose.STAFF_ENTRY}))
    desk.pia.record(boss, PIA)
    guest = desk.check_in.register(boss, adult(clock), two_nights(clock))
    camera = SourceSpy([shared_datasets / "images" / n for n in ("obama.jpg", "obama-1080p.jpg", "obama-720p.jpg")])
    enrolled_guest(desk, boss, guest, camera)
    desk.check_in.complete_with_face(boss, guest.stay_id)
    staff = desk.staff.register(boss, adult(clock, "Zhang Min", serial="333"))
    desk.staff.set_pin(boss, staff, "4071")
    yield desk, code.formatted()
    desk.close()


@pytest.mark.req("R14")
def test_backup_then_restore_on_a_new_data_folder_with_the_recovery_code_reproduces_every_record(
    cli: FaceDeskCli, original: tuple[DeskServices, str], tmp_path: Path
) -> None:
    desk, code = original
    before = rows(desk.database)
    desk.close()
    made = cli("backup", env={"FACEDESK_PASSPHRASE": PASSPHRASE})
    assert made.returncode == 0, made.stderr
    backup = Path(made.stdout.split("backup ", 1)[1].split(" (", 1)[0])
    assert backup.is_dir() and sorted(p.name for p in backup.iterdir()) == [
        "facedesk.db",
        "facedesk.keys",
        "manifest.json",
    ]

    new_home = tmp_path / "new-computer"
    restored = cli(
        "--data-dir", str(new_home), "restore", str(backup), data_dir=False,
        env={"FACEDESK_RECOVERY_CODE": code, "FACEDESK_PASSPHRASE": NEW_PASSPHRASE},
    )  # fmt: skip
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout.strip().endswith(
        "Audit log intact: " + restored.stdout.split("Audit log intact: ")[1].strip()
    )
    assert "Restored 2 people" in restored.stdout  # the guest and the staff member

    paths = DataPaths.for_data_dir(new_home)
    clock = FakeClock()
    reopened = InstallationService(
        paths, KeyManager(paths.key_file, None, clock=clock), clock, PasswordHashing(), local_zone=SHANGHAI
    ).open_desk(NEW_PASSPHRASE)
    try:
        assert rows(reopened.database) == before
        assert reopened.audit.verify_chain().intact
    finally:
        reopened.close()
    again = cli("--data-dir", str(new_home), "restore", str(backup), data_dir=False,
                env={"FACEDESK_RECOVERY_CODE": code, "FACEDESK_PASSPHRASE": NEW_PASSPHRASE})  # fmt: skip
    assert again.returncode == 4 and "already holds a FaceDesk installation" in again.stderr
    wrong_code = {
        "FACEDESK_RECOVERY_CODE": "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA",
        "FACEDESK_PASSPHRASE": NEW_PASSPHRASE,
    }
    wrong = cli("--data-dir", str(tmp_path / "other"), "restore", str(backup), data_dir=False, env=wrong_code)
    assert wrong.returncode in (2, 3) and wrong.stderr.startswith("facedesk: ")


@pytest.mark.req("R14")
def test_a_withdrawn_template_is_gone_from_every_backup_once_the_window_has_passed(
    face_ready: DeskServices,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    paths: DataPaths,
    secret_store,
    clock: FakeClock,
) -> None:
    guest = register()
    enrolled_guest(face_ready, clerk, guest, obama_camera)
    key = bytes(next(iter(secret_store._secrets.values())))
    with face_ready.database.snapshot() as conn:
        stored = [bytes(row[0]) for row in conn.execute("SELECT embedding FROM face_templates")]
        consent = ConsentRepository(conn).live_consent(guest.person_id, Purpose.GUEST_VERIFICATION)
    assert consent is not None and len(stored) == 3
    backups = BackupService(paths, clock)

    def holds_template(backup: Path) -> bool:
        pages = list(decrypted_pages(backup / "facedesk.db", key))
        return any(template[:64] in page for template in stored for page in pages)

    before = backups.take(face_ready.database, actor=SYSTEM_ACTOR)
    assert holds_template(before.path)  # a backup is a real copy: the template is in it
    clock.advance(timedelta(hours=1))
    face_ready.consents.withdraw(clerk, consent.id)
    after = backups.take(face_ready.database, actor=SYSTEM_ACTOR)
    assert not holds_template(after.path)  # deleted pages are zeroed (secure_delete), not copied
    window = int(face_ready.settings.value("retention/backup_days"))
    clock.advance(timedelta(days=window, hours=1))
    assert backups.take_if_due(face_ready.database, actor=SYSTEM_ACTOR) is not None  # the daily backup
    kept = backups.backups()
    assert before.path not in [backup.path for backup in kept] and not before.path.exists()
    assert kept and not any(holds_template(backup.path) for backup in kept)
    assert backups.take_if_due(face_ready.database, actor=SYSTEM_ACTOR) is None  # one a day


def test_a_backup_never_overwrites_an_installation(
    original: tuple[DeskServices, str], paths: DataPaths, tmp_path: Path, clock: FakeClock
) -> None:
    desk, _ = original
    backup = BackupService(paths, clock).take(desk.database, actor=SYSTEM_ACTOR)
    with pytest.raises(AlreadyInitializedError):
        BackupService.place(backup.path, paths, "ABCDE-ABCDE-ABCDE-ABCDE-ABCDE-ABCDE")
