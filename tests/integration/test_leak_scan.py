"""Nothing leaks: after every flow, the logs, temporary folder and exports hold no name, identity
number, template bytes or picture (R11, R12); and the scanner is shown to catch a planted name."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, clean_environment
from tests.helpers.leak_scan import LeakTargets, files_under, scan

# Two exports name people by design: a rights-request export gives the person their own data,
# document number included (R19), and the attendance CSV names who clocked in (issue 6). Neither
# may hold a template or a picture, and the CSV no identity number.
NAMED_BY_DESIGN = frozenset({"person-export.json", "attendance.csv"})
NUMBERED_BY_DESIGN = frozenset({"person-export.json"})


@pytest.fixture(scope="module")
def after_every_flow(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, LeakTargets]:
    root = tmp_path_factory.mktemp("leak-scan")
    temporary = root / "tmp"
    temporary.mkdir()
    env = {**clean_environment(), "TMPDIR": str(temporary), "PYTHONPATH": str(REPO_ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "tests.helpers.full_flow", str(root / "data"), str(root / "exports")],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    held = json.loads(result.stdout.strip().splitlines()[-1])
    targets = LeakTargets(set(held["names"]), set(held["id_numbers"]), [bytes.fromhex(held["templates"])])
    assert len(targets.templates[0]) == 3 * 128 * 4
    return root, targets


@pytest.mark.req("R12")
def test_logs_temporary_files_and_exports_hold_no_personal_or_biometric_data(
    after_every_flow: tuple[Path, LeakTargets],
) -> None:
    root, targets = after_every_flow
    files = files_under(root / "data", root / "tmp", root / "exports")
    names = {path.name for path in files}
    assert {"sign.pdf", "pia.pdf", "filing.pdf", "filing.json", "attendance.csv", "deletion-receipt.pdf"} <= names
    assert any(path.suffix == ".log" for path in files)
    assert scan(files, targets, allow_names_in=NAMED_BY_DESIGN, allow_ids_in=NUMBERED_BY_DESIGN) == []
    assert list((root / "tmp").iterdir()) == []  # nothing left in the temporary folder either


def test_the_scanner_catches_a_name_planted_in_a_log(after_every_flow: tuple[Path, LeakTargets]) -> None:
    root, targets = after_every_flow
    log = next(path for path in files_under(root / "data") if path.suffix == ".log")
    planted = log.with_name("planted.log")
    planted.write_text(log.read_text(encoding="utf-8") + "\nINFO app.test: checked in Li Wei\n", encoding="utf-8")
    try:
        findings = scan([planted], targets)
    finally:
        os.remove(planted)
    assert [(finding.path.name, finding.kind) for finding in findings] == [("planted.log", "name")]


def test_the_scanner_catches_template_bytes_an_id_number_and_a_picture(
    after_every_flow: tuple[Path, LeakTargets], tmp_path: Path
) -> None:
    _, targets = after_every_flow
    (tmp_path / "a.bin").write_bytes(b"header" + targets.templates[0][64:96] + b"trailer")
    (tmp_path / "b.csv").write_text(f"x,{sorted(targets.id_numbers)[0]}\n", encoding="utf-8")
    (tmp_path / "c.dat").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    kinds = sorted(finding.kind for finding in scan(sorted(tmp_path.iterdir()), targets))
    assert kinds == ["PNG image", "identity number", "template bytes"]
