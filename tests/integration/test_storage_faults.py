"""A damaged database file: a clear message, the file never overwritten, and the way back offered
(issue 9, storage faults). The backup taken before the damage restores everything."""

import hashlib
from pathlib import Path

from tests.conftest import FaceDeskCli

ENV = {"FACEDESK_PASSPHRASE": "storage fault passphrase", "FACEDESK_ADMIN_PASSWORD": "boss-password-1"}


def set_up_with_backup(cli: FaceDeskCli) -> Path:
    init = cli("init", "--business-name", "Lotus Inn", "--contact", "+86 10 1234 5678", "--admin", "boss", env=ENV)
    assert init.returncode == 0, init.stderr
    code = next(line.strip() for line in init.stdout.splitlines() if line.strip().count("-") >= 5)
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
        assert "damaged" in line and "facedesk restore" in line and "facedesk recover" in line
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
