"""Tamper evidence that survives file rollback and the key holder (issue 14, item 3; R14, R17).

An older ``facedesk.db`` copied over the live one is refused (the key file records the newest
audit position, authenticated with the key); a chain rewritten and re-hashed by someone holding
the key, with the append-only triggers put back, is caught by a checkpoint printed on a deletion
receipt before the edit; a dropped or altered trigger is reported by ``audit verify`` and ``doctor``.
"""

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.config.paths import DataPaths
from app.domain.audit import SYSTEM_ACTOR, AuditHead, AuditRecord, event_hash
from app.domain.business import Purpose
from app.domain.errors import RollbackError
from app.domain.operators import OperatorSession
from app.keystore import AuditAnchor, KeyManager, read_key_file, write_key_file
from app.services.backup_service import BackupService
from app.services.capture_session import LocalFaceEngine
from app.services.desk_services import DeskServices
from app.services.installation_service import InstallationService
from app.services.passwords import PasswordHashing
from app.storage.audit_repository import AuditRepository
from app.storage.integrity import expected_triggers
from tests.conftest import FAST_KDF, SHANGHAI, STANDARD_SETUP, FaceDeskCli
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import enrolled_guest, template_rows
from tests.integration.services.conftest import PIA, SourceSpy, adult, two_nights

PASSPHRASE = "tamper evidence passphrase"
ENV = {"FACEDESK_PASSPHRASE": PASSPHRASE}
UPDATE_TRIGGER = "audit_events_append_only_update"


@dataclass
class Installed:
    installation: InstallationService
    desk: DeskServices
    boss: OperatorSession
    recovery_code: str


@pytest.fixture
def installed(
    paths: DataPaths, clock: FakeClock, fast_hashing: PasswordHashing, analyzer, encoder
) -> Iterator[Installed]:
    """A passphrase installation (as the command line opens it), set up for face check-in."""
    paths.ensure_root()
    installation = InstallationService(
        paths, KeyManager(paths.key_file, None, kdf=FAST_KDF, clock=clock), clock, fast_hashing,
        local_zone=SHANGHAI, engine=LocalFaceEngine(analyzer, encoder),
    )  # fmt: skip
    desk, code = installation.create_desk(STANDARD_SETUP, passphrase=PASSPHRASE)
    boss = desk.operators.sign_in("boss", "boss-password-1")
    desk.business.update(boss, purposes=frozenset({Purpose.GUEST_VERIFICATION}))
    desk.pia.record(boss, PIA)
    yield Installed(installation, desk, boss, code.formatted())
    desk.close()


def enrol_and_withdraw(installed: Installed, clock: FakeClock, shared_datasets: Path) -> tuple[bytes, str]:
    """Enrol a guest by face, keep a copy of the database file, withdraw; return (copy, receipt text)."""
    desk, boss = installed.desk, installed.boss
    guest = desk.check_in.register(boss, adult(clock), two_nights(clock))
    photos = ("obama.jpg", "obama-1080p.jpg", "obama-720p.jpg")
    enrolled_guest(desk, boss, guest, SourceSpy([shared_datasets / "images" / name for name in photos]))
    assert template_rows(desk) == 3
    desk.database.checkpoint()  # the whole database is in the main file now
    before_withdrawal = desk.database.path.read_bytes()
    (consent,) = desk.consents.consents_of(boss, guest.person_id)
    receipt = desk.consents.withdraw(boss, consent.id)
    assert template_rows(desk) == 0
    return before_withdrawal, receipt.text


def printed_checkpoint(receipt_text: str) -> str:
    match = re.search(r"Audit checkpoint: (\d+:[0-9a-f]{16})", receipt_text)
    assert match, receipt_text
    return match.group(1)


def put_back(paths: DataPaths, content: bytes) -> None:
    for suffix in ("-wal", "-shm"):
        paths.database.with_name(paths.database.name + suffix).unlink(missing_ok=True)
    paths.database.write_bytes(content)


@pytest.mark.req("R14")
@pytest.mark.req("R17")
def test_an_older_database_copied_over_the_live_one_is_refused_and_the_right_backup_restores(
    installed: Installed, paths: DataPaths, clock: FakeClock, shared_datasets: Path, cli: FaceDeskCli, tmp_path: Path
) -> None:
    """Issue 14 item 3 / acceptance 3: the copy from before a withdrawal brought the templates back."""
    old_copy, _ = enrol_and_withdraw(installed, clock, shared_datasets)
    backup = BackupService(paths, clock).take(installed.desk.database, actor=SYSTEM_ACTOR)
    installed.desk.close()
    put_back(paths, old_copy)  # no key needed for this: a file copy

    with pytest.raises(RollbackError, match="older copy was put in place of the current file"):
        installed.installation.open(PASSPHRASE)
    for command in (["stats"], ["audit", "verify"], ["backup"], ["purge"]):
        result = cli(*command, env=ENV)
        assert result.returncode == 4, (command, result.stderr)
        (line,) = result.stderr.strip().splitlines()
        assert "older than this installation's own record" in line and "facedesk restore" in line
    assert paths.database.read_bytes() == old_copy  # refused unchanged: the withdrawn templates were not served
    doctor = cli("doctor", env=ENV)
    assert doctor.returncode == 1 and "Database:      PROBLEM: The database facedesk.db is older" in doctor.stdout

    new_home = tmp_path / "restored"
    restored = cli(
        "--data-dir", str(new_home), "restore", str(backup.path), data_dir=False,
        env={**ENV, "FACEDESK_RECOVERY_CODE": installed.recovery_code},
    )  # fmt: skip
    assert restored.returncode == 0, restored.stderr
    assert "Audit log intact" in restored.stdout
    stats = cli("--data-dir", str(new_home), "stats", "--json", data_dir=False, env=ENV)
    assert stats.returncode == 0, stats.stderr
    assert '"face_templates": 0' in stats.stdout


def rewrite_event(installed: Installed, paths: DataPaths, number: int) -> None:
    """What someone holding the key can do: drop the trigger, edit event #number, re-hash every later
    event, put the trigger back exactly as it was, and re-seal the key file's anchor."""
    database = installed.desk.database
    conn = database.connection()
    trigger_sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (UPDATE_TRIGGER,)).fetchone()[0]
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(f"DROP TRIGGER {UPDATE_TRIGGER}")
    records = list(AuditRepository(conn).iter_all())
    prev = records[number - 2].row_hash
    for record in records[number - 1 :]:
        details = '{"edited":true}' if record.id == number else record.details
        changed = dataclasses.replace(record, details=details, prev_hash=prev)
        row_hash = event_hash(
            prev_hash=prev, event_id=changed.id, occurred_at=changed.occurred_at, actor=changed.actor,
            action=changed.action, subject_type=changed.subject_type, subject_id=changed.subject_id,
            details=changed.details,
        )  # fmt: skip
        conn.execute(
            "UPDATE audit_events SET details = ?, prev_hash = ?, row_hash = ? WHERE id = ?",
            (details, prev, row_hash, record.id),
        )
        prev = row_hash
    conn.execute(trigger_sql)
    conn.execute("COMMIT")
    last = AuditRecord(*conn.execute("SELECT * FROM audit_events ORDER BY id DESC LIMIT 1").fetchone())
    key_file = read_key_file(paths.key_file)
    anchor = AuditAnchor.seal(database.key, AuditHead(last.id, last.row_hash))
    write_key_file(paths.key_file, dataclasses.replace(key_file, anchor=anchor))


@pytest.mark.req("R17")
def test_a_rewritten_and_rehashed_chain_is_caught_by_the_checkpoint_on_a_deletion_receipt(
    installed: Installed, paths: DataPaths, clock: FakeClock, shared_datasets: Path, cli: FaceDeskCli
) -> None:
    """Acceptance 4: with the key, the chain can be re-hashed and the triggers restored; paper cannot."""
    _, receipt = enrol_and_withdraw(installed, clock, shared_datasets)
    checkpoint = printed_checkpoint(receipt)
    before = cli("audit", "verify", "--checkpoint", checkpoint, env=ENV)
    assert before.returncode == 0, before.stdout + before.stderr
    assert f"Checkpoint {checkpoint}: matches" in before.stdout

    rewrite_event(installed, paths, 5)
    installed.desk.close()
    after = cli("audit", "verify", "--checkpoint", checkpoint, env=ENV)
    assert after.returncode == 1, after.stderr
    assert "Audit log intact" in after.stdout  # the chain itself was re-hashed consistently ...
    assert "Protective triggers: as FaceDesk created them." in after.stdout  # ... and the trigger put back
    assert f"Checkpoint {checkpoint}: DOES NOT MATCH" in after.stdout  # ... but the receipt tells
    assert "rewritten after this checkpoint was printed" in after.stdout


@pytest.mark.req("R17")
@pytest.mark.parametrize("change", ["dropped", "altered"])
def test_a_dropped_or_altered_append_only_trigger_is_reported_by_audit_verify_and_doctor(
    installed: Installed, cli: FaceDeskCli, change: str
) -> None:
    conn = installed.desk.database.connection()
    conn.execute(f"DROP TRIGGER {UPDATE_TRIGGER}")
    if change == "altered":  # still there, but lets every edit through
        conn.execute(f"CREATE TRIGGER {UPDATE_TRIGGER} BEFORE UPDATE ON audit_events BEGIN SELECT 1; END")
    assert installed.desk.audit.verify().trigger_problems
    installed.desk.close()
    expected = "missing" if change == "dropped" else "altered"
    verify = cli("audit", "verify", env=ENV)
    assert verify.returncode == 1
    assert f"Audit protection broken: the protective trigger {UPDATE_TRIGGER} is {expected}." in verify.stdout
    doctor = cli("doctor", env=ENV)
    assert doctor.returncode == 1
    assert f"Integrity:     PROBLEM: the protective trigger {UPDATE_TRIGGER} is {expected}" in doctor.stdout


def test_the_expected_triggers_are_the_ones_a_new_installation_has(installed: Installed) -> None:
    assert installed.desk.audit.verify().trigger_problems == ()
    assert {UPDATE_TRIGGER, "audit_events_append_only_delete"} <= expected_triggers().keys()


@pytest.mark.req("R17")
def test_checkpoints_are_printed_on_compliance_reports_and_a_bad_checkpoint_is_refused(
    installed: Installed, cli: FaceDeskCli, tmp_path: Path
) -> None:
    installed.desk.close()
    out = tmp_path / "pia.pdf"
    made = cli("pia", "--out", str(out), env=ENV)
    assert made.returncode == 0, made.stderr
    from tests.helpers.pdf_text import pdf_text

    match = re.search(r"Audit checkpoint (\d+:[0-9a-f]{16})", pdf_text(out).replace("\n", " "))
    assert match, pdf_text(out)
    verify = cli("audit", "verify", "--checkpoint", match.group(1), env=ENV)
    assert verify.returncode == 0, verify.stdout
    wrong = cli("audit", "verify", "--checkpoint", "12:zz", env=ENV)
    assert wrong.returncode == 2 and wrong.stderr.startswith("facedesk: --checkpoint: a checkpoint looks like")
    missing = cli("audit", "verify", "--checkpoint", "99999:0123456789abcdef", env=ENV)
    assert missing.returncode == 1 and "has no event #99999" in missing.stdout
