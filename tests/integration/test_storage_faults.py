"""A damaged database file: a clear message, the file never overwritten, and the way back offered
(issue 9, storage faults). The backup taken before the damage restores everything."""

import hashlib
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from app.config.paths import DataPaths
from app.domain.audit import SYSTEM_ACTOR
from app.domain.errors import DatabaseDamagedError
from app.services.desk_services import DeskServices
from app.services.installation_service import InstallationService
from app.storage.database import Database
from tests.conftest import CliResult, FaceDeskCli
from tests.helpers.clock import FakeClock
from tests.integration.test_cli import RECOVERY_CODE

ENV = {"FACEDESK_PASSPHRASE": "storage fault passphrase", "FACEDESK_ADMIN_PASSWORD": "boss-password-1"}


def set_up_with_backup(cli: FaceDeskCli) -> Path:
    init = cli("init", "--business-name", "Lotus Inn", "--contact", "+86 10 1234 5678", "--admin", "boss", env=ENV)
    assert init.returncode == 0, init.stderr
    code = RECOVERY_CODE.search(init.stdout).group(0)  # type: ignore[union-attr]
    (cli.data_dir.parent / "recovery-code.txt").write_text(code, encoding="utf-8")
    backup = cli("backup", env=ENV)
    assert backup.returncode == 0, backup.stderr
    return Path(backup.stdout.split("backup ", 1)[1].split(" (", 1)[0])


def files_of(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "logs" not in p.parts
    }


def test_a_truncated_database_is_refused_unchanged_and_the_way_back_is_named(
    cli: FaceDeskCli, data_dir: Path, tmp_path: Path
) -> None:
    backup = set_up_with_backup(cli)
    database = data_dir / "facedesk.db"
    with database.open("r+b") as handle:
        handle.truncate(database.stat().st_size // 2)  # a copy that stopped half way, a failing disk
    before = files_of(data_dir)
    for command in (["stats"], ["audit", "verify"], ["backup"]):
        result = cli(*command, env=ENV)
        assert result.returncode == 4, result.stderr
        (line,) = result.stderr.strip().splitlines()
        # The key is proven right (the key file was made for this very file), so the line says damage,
        # not "damaged or another key".
        assert "is damaged" in line and "this installation's own key" in line and "facedesk restore" in line
    assert files_of(data_dir) == before  # nothing was overwritten, repaired or added
    restored = cli(
        "--data-dir", str(tmp_path / "restored"), "restore", str(backup), data_dir=False,
        env={**ENV, "FACEDESK_RECOVERY_CODE": recovery_code(data_dir)},
    )  # fmt: skip
    assert restored.returncode == 0, restored.stderr
    assert "Audit log intact" in restored.stdout


def test_a_damaged_page_is_found_by_doctor(cli: FaceDeskCli, data_dir: Path) -> None:
    set_up_with_backup(cli)
    database = data_dir / "facedesk.db"
    data = bytearray(database.read_bytes())
    data[-3000:-2900] = b"\x11" * 100  # one page's bytes changed on disk
    database.write_bytes(bytes(data))
    report = cli("doctor", env=ENV)
    assert report.returncode == 1
    assert "Damaged:       1 page(s) fail authentication" in report.stdout
    assert "facedesk restore" in report.stdout


def recovery_code(data_dir: Path) -> str:
    """The code init printed once (kept by the test in the data folder's neighbour file)."""
    return (data_dir.parent / "recovery-code.txt").read_text(encoding="utf-8").strip()


def test_a_zero_length_database_is_never_turned_into_a_new_empty_installation(
    cli: FaceDeskCli, data_dir: Path, tmp_path: Path
) -> None:
    """Issue 14, item 1: `truncate -s 0 facedesk.db` used to be migrated into an empty installation
    that `audit verify` called intact and `doctor` called ok."""
    backup = set_up_with_backup(cli)
    database = data_dir / "facedesk.db"
    database.write_bytes(b"")
    for wal in (data_dir / "facedesk.db-wal", data_dir / "facedesk.db-shm"):
        wal.unlink(missing_ok=True)
    before = files_of(data_dir)
    for command in (["stats", "--json"], ["audit", "verify"], ["backup"], ["purge", "--dry-run"]):
        result = cli(*command, env=ENV)
        assert result.returncode == 4, (command, result.stdout, result.stderr)
        (line,) = result.stderr.strip().splitlines()
        assert "is empty (0 bytes)" in line and "facedesk restore" in line
        assert "intact" not in result.stdout
    report = cli("doctor", env=ENV)
    assert report.returncode == 1  # doctor reports it, as the problem it is
    assert "Database:      PROBLEM: The database file facedesk.db is empty (0 bytes)" in report.stdout
    assert database.stat().st_size == 0 and files_of(data_dir) == before  # nothing was created in its place
    # A backup whose database is empty is refused too, never "Restored 0 people ... intact".
    empty_copy = tmp_path / "empty-backup"
    empty_copy.mkdir()
    (empty_copy / "facedesk.db").write_bytes(b"")
    (empty_copy / "facedesk.keys").write_bytes((backup / "facedesk.keys").read_bytes())
    restored = cli(
        "--data-dir", str(tmp_path / "restored"), "restore", str(empty_copy), data_dir=False,
        env={**ENV, "FACEDESK_RECOVERY_CODE": recovery_code(data_dir)},
    )  # fmt: skip
    assert restored.returncode == 4, restored.stdout + restored.stderr
    assert "Restored" not in restored.stdout and "is empty (0 bytes)" in restored.stderr
    assert not (tmp_path / "restored" / "facedesk.db").exists()  # nothing was placed


def damage_one_page(database: Path) -> None:
    data = bytearray(database.read_bytes())
    data[-3000:-2900] = bytes(b ^ 0x5A for b in data[-3000:-2900])  # one page's bytes changed on disk
    database.write_bytes(bytes(data))


def test_a_damaged_database_is_never_backed_up_and_the_good_backups_stay(cli: FaceDeskCli, data_dir: Path) -> None:
    """Issue 14 item 2: `backup` said "nothing was saved" but had already put the damaged copy in
    place and rotated; restoring it gave a database `doctor` called ok."""
    good = set_up_with_backup(cli)
    backups_before = files_of(data_dir / "backups")
    damage_one_page(data_dir / "facedesk.db")
    result = cli("backup", env=ENV)
    assert result.returncode == 4, result.stdout + result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert "is damaged: 1 page(s) fail authentication" in line and "It was not changed" in line
    assert f"'facedesk restore' puts the newest backup ({good.name} is the newest verified one)" in line
    assert files_of(data_dir / "backups") == backups_before  # no new folder, no leftovers, none deleted
    doctor = cli("doctor", env=ENV)
    assert doctor.returncode == 1 and f"Last backup:   {good.name} (verified)" in doctor.stdout


def test_restore_checks_everything_before_it_writes_anything(cli: FaceDeskCli, data_dir: Path, tmp_path: Path) -> None:
    """Issue 14 item 7: a mistyped recovery code left files behind, so the retry with the right code was
    refused; a bit-flipped backup restored "successfully"."""
    backup = set_up_with_backup(cli)
    target = tmp_path / "new-computer"

    def restore(folder: Path, code: str) -> CliResult:
        return cli("--data-dir", str(target), "restore", str(folder), data_dir=False,
                   env={**ENV, "FACEDESK_RECOVERY_CODE": code})  # fmt: skip

    mistyped = restore(backup, "ABCDE-ABCDE-ABCDE-ABCDE-ABCDE-ABCDE")
    assert mistyped.returncode == 3 and "does not unlock" in mistyped.stderr
    assert not target.exists() or not any(target.iterdir())

    flipped = tmp_path / "flipped-backup"
    shutil.copytree(backup, flipped)
    damage_one_page(flipped / "facedesk.db")
    damaged = restore(flipped, recovery_code(data_dir))
    assert damaged.returncode == 4, damaged.stdout + damaged.stderr
    (line,) = damaged.stderr.strip().splitlines()
    assert "is damaged: 1 page(s) fail authentication" in line and "Restored" not in damaged.stdout
    assert not target.exists() or not any(target.iterdir())
    assert not list(tmp_path.glob(".facedesk-staging-*"))  # the staging folder went too

    right = restore(backup, recovery_code(data_dir))
    assert right.returncode == 0, right.stderr
    assert "Audit log intact" in right.stdout


def test_backups_older_than_the_window_go_but_never_the_newest_verified_one(
    installation: InstallationService, desk: DeskServices, clock: FakeClock, paths: DataPaths
) -> None:
    backups = installation.backups()
    first = backups.take(desk.database, actor=SYSTEM_ACTOR)
    second = backups.take(desk.database, actor=SYSTEM_ACTOR)  # the same second: a second folder, not exit 70
    assert first.path != second.path and first.verified and second.verified
    window = int(desk.settings.value("retention/backup_days"))
    clock.advance(timedelta(days=window + 5))
    assert backups.rotate(desk.database) == 1  # the older of the two; the newest verified one stays
    assert [b.path for b in backups.backups()] == [second.path]
    key = desk.database.key
    desk.database.close()
    database, _ = Database.open(paths.database, key)  # open while intact ...
    damage_one_page(paths.database)  # ... and a page goes bad under it
    with pytest.raises(DatabaseDamagedError, match="1 page"):  # refused when opened ...
        installation.open(None)
    try:  # ... and caught by the backup of the database that went bad while open
        with pytest.raises(DatabaseDamagedError, match="No backup was taken"):
            backups.take_if_due(database, actor=SYSTEM_ACTOR)
    finally:
        database.close()
    assert [b.path for b in backups.backups()] == [second.path]  # still there, though past the window


@pytest.mark.slow  # a sweep over pages; test_a_damaged_page_is_found_by_doctor covers one in the default run
@pytest.mark.parametrize("page_from_end", [1, 4, 9])
def test_a_damaged_page_anywhere_is_named_as_damage_by_every_command(
    cli: FaceDeskCli, data_dir: Path, page_from_end: int
) -> None:
    """Issue 14 item 8: `audit verify` and `stats` exited 70 "unexpected error" (or said intact when the
    damaged page was not one they read)."""
    set_up_with_backup(cli)
    database = data_dir / "facedesk.db"
    data = bytearray(database.read_bytes())
    start = len(data) - page_from_end * 4096 + 200
    data[start : start + 40] = bytes(b ^ 0x5A for b in data[start : start + 40])
    database.write_bytes(bytes(data))
    for command in (["stats"], ["audit", "verify"], ["purge"], ["backup"]):
        result = cli(*command, env=ENV)
        assert result.returncode == 4, (command, result.stdout, result.stderr)
        (line,) = result.stderr.strip().splitlines()
        assert "is damaged: 1 page(s) fail authentication" in line and "facedesk restore" in line


def test_a_key_file_from_another_installation_is_named_as_such(
    cli: FaceDeskCli, data_dir: Path, tmp_path: Path
) -> None:
    """It used to say "damaged or belongs to another key" and send people to recover or restore."""
    set_up_with_backup(cli)
    other = FaceDeskCli(tmp_path / "other", cli.base_env)
    made = other("init", "--business-name", "Other Inn", "--contact", "+86 10 5555", "--admin", "boss", env=ENV)
    assert made.returncode == 0, made.stderr
    own = (data_dir / "facedesk.keys").read_bytes()
    (data_dir / "facedesk.keys").write_bytes((tmp_path / "other" / "facedesk.keys").read_bytes())
    result = cli("stats", env=ENV)
    assert result.returncode == 4
    (line,) = result.stderr.strip().splitlines()
    assert "The key file facedesk.keys does not belong to the database facedesk.db" in line
    (data_dir / "facedesk.keys").write_bytes(own)  # the way out it names
    assert cli("stats", env=ENV).returncode == 0


def test_a_missing_key_file_is_named_and_never_taken_for_a_new_installation(cli: FaceDeskCli, data_dir: Path) -> None:
    """It said "No FaceDesk installation: run 'facedesk init'" (and the desk offered setup) while the
    database sat there."""
    backup = set_up_with_backup(cli)
    (data_dir / "facedesk.keys").unlink()
    before = files_of(data_dir)
    for command in (["stats"], ["audit", "verify"], ["backup"], ["recover"]):
        result = cli(*command, env={**ENV, "FACEDESK_RECOVERY_CODE": recovery_code(data_dir)})
        assert result.returncode == 4, (command, result.stderr)
        (line,) = result.stderr.strip().splitlines()
        assert "The key file facedesk.keys is missing beside facedesk.db" in line and "backups" in line
    doctor = cli("doctor", env=ENV)
    assert doctor.returncode == 1 and "Database:      PROBLEM: The key file facedesk.keys is missing" in doctor.stdout
    init = cli("init", "--business-name", "New Inn", "--contact", "+86 10", "--admin", "boss", env=ENV)
    assert init.returncode == 4 and "already set up" in init.stderr
    assert files_of(data_dir) == before
    (data_dir / "facedesk.keys").write_bytes((backup / "facedesk.keys").read_bytes())  # the way out it names
    assert cli("stats", env=ENV).returncode == 0
