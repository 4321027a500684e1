"""Setting up, opening and recovering an installation (R1, R15, R17, R22)."""

import dataclasses
import json
import os
from datetime import timedelta

import pytest

from app.config.paths import DataPaths
from app.domain.business import LocationType, Purpose
from app.domain.errors import (
    AlreadyInitializedError,
    InvalidInputError,
    KeyUnavailableError,
    NotInitializedError,
    WrongPassphraseError,
)
from app.keystore import KeyManager, MemorySecretStore
from app.services.installation_service import InstallationService
from app.services.passwords import PasswordHashing
from app.storage.business_repository import BusinessRepository
from app.storage.database import Database
from app.storage.migrations import LATEST_SCHEMA_VERSION
from tests.conftest import ADMIN_PASSWORD, ADMIN_USER, FAST_KDF, STANDARD_SETUP, SetUpDesk
from tests.helpers.clock import FakeClock

PASSPHRASE = "a long desk passphrase"


def passphrase_installation(paths: DataPaths, clock: FakeClock, hashing: PasswordHashing) -> InstallationService:
    paths.ensure_root()
    return InstallationService(paths, KeyManager(paths.key_file, None, kdf=FAST_KDF, clock=clock), clock, hashing)


def create_schema_1_installation(paths: DataPaths, key_manager: KeyManager) -> None:
    """A key and a database as FaceDesk's first schema version left them (no setup rows)."""
    paths.ensure_root()
    key, _ = key_manager.create(passphrase=None)
    Database.create(paths.database, key, target_version=1).close()


def test_setup_creates_an_encrypted_database_with_the_profile_and_first_admin(set_up: SetUpDesk) -> None:
    desk = set_up.services
    session = desk.operators.sign_in(ADMIN_USER, ADMIN_PASSWORD)
    assert session.display_name == "Wang Fang"
    assert desk.business_name() == "Lotus Inn"
    assert desk.statistics.summary()["operators"] == 1


@pytest.mark.req("R1")
def test_face_recognition_starts_with_no_purpose_enabled(set_up: SetUpDesk) -> None:
    with set_up.services.database.snapshot() as conn:
        profile = BusinessRepository(conn).load()
    assert profile is not None
    assert profile.purposes == frozenset()


@pytest.mark.req("R1")
def test_purposes_chosen_at_setup_are_recorded(installation: InstallationService) -> None:
    request = dataclasses.replace(STANDARD_SETUP, purposes=frozenset({Purpose.GUEST_VERIFICATION}))
    desk, _ = installation.create_desk(request, passphrase=None)
    with desk.database.snapshot() as conn:
        assert BusinessRepository(conn).load().purposes == {Purpose.GUEST_VERIFICATION}  # type: ignore[union-attr]
    desk.close()


@pytest.mark.req("R22")
@pytest.mark.parametrize("place", [loc for loc in LocationType if loc.is_private_space])
def test_setup_in_a_private_space_is_refused_before_anything_is_created(
    installation: InstallationService, paths: DataPaths, place: LocationType
) -> None:
    with pytest.raises(InvalidInputError, match=r"Art\. 13"):
        installation.create(dataclasses.replace(STANDARD_SETUP, location_type=place), passphrase=None)
    assert not paths.key_file.exists()
    assert not paths.database.exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"business_name": "   "}, "business name"),
        ({"contact": ""}, "contact"),
        ({"admin_password": "short"}, "at least 8"),
        ({"admin_username": "has space"}, "spaces"),
        ({"business_name": "x" * 201}, "at most 200"),
    ],
)
def test_bad_setup_input_gets_a_plain_message_and_creates_nothing(
    installation: InstallationService, paths: DataPaths, change: dict, message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message):
        installation.create(dataclasses.replace(STANDARD_SETUP, **change), passphrase=None)
    assert not paths.key_file.exists()
    assert not paths.database.exists()


def test_setup_twice_is_refused_and_changes_nothing(
    set_up: SetUpDesk, installation: InstallationService, paths: DataPaths
) -> None:
    key_file_before = paths.key_file.read_bytes()
    with pytest.raises(AlreadyInitializedError):
        installation.create(STANDARD_SETUP, passphrase=None)
    assert paths.key_file.read_bytes() == key_file_before


def test_a_setup_that_fails_half_way_removes_what_it_created(
    paths: DataPaths,
    clock: FakeClock,
    fast_hashing: PasswordHashing,
    monkeypatch: pytest.MonkeyPatch,
    expect_warnings,
) -> None:
    expect_warnings("Setup failed; removing the partly created installation")
    store = MemorySecretStore()
    installation = InstallationService(paths, KeyManager(paths.key_file, store, kdf=FAST_KDF), clock, fast_hashing)

    def disk_gone(*args: object, **kwargs: object) -> None:
        raise OSError("No space left on device")

    monkeypatch.setattr(Database, "create", disk_gone)
    with pytest.raises(OSError, match="No space"):
        installation.create(STANDARD_SETUP, passphrase=None)
    assert not paths.key_file.exists()
    assert not paths.database.exists()
    assert repr(store) == "MemorySecretStore(0 entries)"


@pytest.mark.req("R15")
def test_a_passphrase_installation_opens_only_with_its_passphrase(
    paths: DataPaths, clock: FakeClock, fast_hashing: PasswordHashing
) -> None:
    installation = passphrase_installation(paths, clock, fast_hashing)
    database, _ = installation.create(STANDARD_SETUP, passphrase=PASSPHRASE)
    database.close()
    before = paths.database.read_bytes()
    with pytest.raises(WrongPassphraseError):
        installation.open("the wrong passphrase")
    assert paths.database.read_bytes() == before
    installation.open(PASSPHRASE).close()


@pytest.mark.req("R15")
def test_the_recovery_path_reopens_the_database_after_the_keyring_entry_is_lost(
    set_up: SetUpDesk, installation: InstallationService, secret_store: MemorySecretStore, paths: DataPaths
) -> None:
    set_up.services.close()
    account = json.loads(paths.key_file.read_text())["account"]
    secret_store.delete(account)
    with pytest.raises(KeyUnavailableError, match="recovery code"):
        installation.open(None)
    database = installation.recover(set_up.recovery_code.formatted(), new_passphrase=None)
    database.close()
    desk = installation.open_desk(None)
    assert desk.operators.sign_in(ADMIN_USER, ADMIN_PASSWORD)
    assert desk.audit.verify_chain().intact
    with desk.database.snapshot() as conn:
        actions = [r[0] for r in conn.execute("SELECT action FROM audit_events ORDER BY id")]
    assert "key.recovered" in actions
    desk.close()


@pytest.mark.req("R15")
def test_the_recovery_code_moves_an_installation_to_a_computer_without_keyring(
    set_up: SetUpDesk, paths: DataPaths, clock: FakeClock, fast_hashing: PasswordHashing
) -> None:
    set_up.services.close()
    elsewhere = passphrase_installation(paths, clock, fast_hashing)
    elsewhere.recover(set_up.recovery_code.formatted(), new_passphrase=PASSPHRASE).close()
    desk = elsewhere.open_desk(PASSPHRASE)
    assert desk.business_name() == "Lotus Inn"
    desk.close()


def test_opening_an_empty_folder_says_how_to_set_up(installation: InstallationService) -> None:
    with pytest.raises(NotInitializedError, match="facedesk init"):
        installation.open(None)


def test_an_old_database_is_copied_before_upgrading_and_the_upgrade_is_audited(
    installation: InstallationService, paths: DataPaths, key_manager: KeyManager
) -> None:
    create_schema_1_installation(paths, key_manager)
    database = installation.open(None)
    copies = list(paths.migration_backup_dir.glob("*.db"))
    assert [c.name.split("-")[1] for c in copies] == ["schema1"]
    with database.snapshot() as conn:
        assert conn.execute("SELECT action, details FROM audit_events").fetchall()[-1] == (
            "database.migrated",
            f'{{"from_version":1,"to_version":{LATEST_SCHEMA_VERSION}}}',
        )
    database.close()


@pytest.mark.req("R14")
def test_pre_upgrade_copies_are_pruned_after_the_backup_window(
    set_up: SetUpDesk, installation: InstallationService, paths: DataPaths, clock: FakeClock
) -> None:
    """Old copies still hold deleted face data, so they must not outlive the stated window (R14)."""
    set_up.services.close()
    paths.migration_backup_dir.mkdir(parents=True)
    old_copy = paths.migration_backup_dir / "facedesk-schema1-20260101T000000Z.db"
    recent_copy = paths.migration_backup_dir / "facedesk-schema1-20260301T000000Z.db"
    for copy, age in ((old_copy, timedelta(days=8)), (recent_copy, timedelta(days=1))):
        copy.write_bytes(b"\x00" * 16)
        stamp = (clock() - age).timestamp()
        os.utime(copy, (stamp, stamp))
    installation.open(None).close()
    assert not old_copy.exists()
    assert recent_copy.exists()


def test_doctor_style_inspection_does_not_upgrade(
    installation: InstallationService, paths: DataPaths, key_manager: KeyManager
) -> None:
    create_schema_1_installation(paths, key_manager)
    facts = installation.inspect(None)
    assert facts["schema_version"] == 1
    assert facts["upgrade_pending"] is True
    assert not paths.migration_backup_dir.exists()
