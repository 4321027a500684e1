"""A full disk and a read-only data folder, made for real (issue 14, items 5 and 6).

Every command answers with one line naming the disk problem and the way out, exit 4, no
traceback and no "--- Logging error ---"; a backup or restore that runs out of space leaves no
half-written folder; once space is freed, every record is still there and the audit log intact.
"""

import json
from pathlib import Path

import pytest

from tests.conftest import FaceDeskCli, clean_environment
from tests.helpers.disk_faults import run_in_namespace, unavailable_reason
from tests.integration.test_cli import RECOVERY_CODE

ENV = {"FACEDESK_PASSPHRASE": "disk fault passphrase", "FACEDESK_ADMIN_PASSWORD": "boss-password-1"}
REASON = unavailable_reason()
pytestmark = [
    pytest.mark.slow,  # real file systems filled byte by byte: a long suite, like the fault matrix
    pytest.mark.skipif(REASON is not None, reason=f"real disk faults: {REASON}"),
]

COMMANDS = [
    ["stats", "--json"],
    ["audit", "verify"],
    ["backup"],
    ["purge"],
    ["signage", "--out", "{mount}/sign.pdf"],
    ["--data-dir", "{mount}/new", "restore", "{backup}"],
]
# From nothing free to enough for most writes: each step fails a different write (the WAL and its
# shared memory, a page of the database, the backup copy, the manifest, the restore's staging copy).
FREE_BYTES = [0, 8 * 1024, 48 * 1024, 120 * 1024, 200 * 1024, 320 * 1024]


def installation(cli: FaceDeskCli) -> tuple[Path, str, str]:
    init = cli("init", "--business-name", "Lotus Inn", "--contact", "+86 10 1234 5678", "--admin", "boss", env=ENV)
    assert init.returncode == 0, init.stderr
    code = RECOVERY_CODE.search(init.stdout).group(0)  # type: ignore[union-attr]
    backup = cli("backup", env=ENV)
    assert backup.returncode == 0, backup.stderr
    name = Path(backup.stdout.split("backup ", 1)[1].split(" (", 1)[0]).name
    return cli.data_dir, name, code


def run(cli: FaceDeskCli, tmp_path: Path, cases: list[dict]) -> list[dict]:
    source, backup, code = installation(cli)
    for case in cases:
        case["commands"] = [[a.replace("{backup}", f"{{mount}}/backups/{backup}") for a in c] for c in case["commands"]]
    env = {**clean_environment(), **ENV, "FACEDESK_RECOVERY_CODE": code}
    return run_in_namespace({"installation": str(source), "mount": str(tmp_path / "disk"), "cases": cases}, env)


def assert_one_clear_line(outcome: dict, words: str) -> None:
    assert "Traceback" not in outcome["stderr"] and "Logging error" not in outcome["stderr"], outcome
    assert outcome["exit"] in (0, 4), outcome
    if outcome["exit"] == 4:
        (line,) = outcome["stderr"].strip().splitlines()
        assert line.startswith("facedesk: ") and words in line, outcome
        assert "staging" not in line and ".part" not in line, outcome  # it names the folder a person knows


@pytest.mark.req("R14")
def test_a_full_disk_gets_one_clear_line_leaves_nothing_half_written_and_loses_nothing(
    cli: FaceDeskCli, tmp_path: Path
) -> None:
    cases = [
        {
            "fault": "full",
            "free_bytes": free,
            "commands": COMMANDS,
            "after_freeing": [["audit", "verify"], ["stats", "--json"]],
        }
        for free in FREE_BYTES
    ]
    failures = 0
    for result in run(cli, tmp_path, cases):
        for outcome in result["outcomes"]:
            assert_one_clear_line(outcome, "is full")
            failures += outcome["exit"] == 4
        assert not [f for f in result["files_after"] if "staging" in f or f.endswith(".part")], result["files_after"]
        assert not any(f.startswith("new/facedesk") for f in result["files_after"]) or any(
            o["exit"] == 0 for o in result["outcomes"] if "restore" in o["command"]
        )
        verify, stats = result["after_freeing"]
        assert verify["exit"] == 0 and "Audit log intact" in verify["stdout"], verify
        assert json.loads(stats["stdout"])["operators"] == 1  # the installation is all there
    assert failures >= len(FREE_BYTES)  # the disk really was full for these commands


def test_a_read_only_data_folder_gets_one_clear_line_for_every_command(cli: FaceDeskCli, tmp_path: Path) -> None:
    """Issue 14 item 6: every command printed a 22-line traceback (logging started outside the handler)."""
    (result,) = run(cli, tmp_path, [{"fault": "read-only", "commands": COMMANDS}])
    for outcome in result["outcomes"]:
        assert_one_clear_line(outcome, "cannot write to")
        assert outcome["exit"] == 4
