"""Frames and face images stay in memory: nothing is written to disk while capturing (R12)."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

IMAGE_WRITERS = re.compile(
    r"imwrite|imencode|VideoWriter|\.tofile\(|np\.save|savez|save_face_chip|save_image|"
    r"QImage\([^)]*\)\.save|\.save\([^)]*\.(png|jpe?g)"
)


@pytest.mark.req("R12")
def test_no_application_code_can_write_an_image_or_array() -> None:
    offenders = [
        f"{path.relative_to(REPO_ROOT)}:{number}"
        for path in (REPO_ROOT / "app").rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if IMAGE_WRITERS.search(line)
    ]
    assert offenders == []


def files_in(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


@pytest.mark.req("R12")
def test_a_full_capture_writes_no_file_anywhere(shared_datasets: Path, tmp_path: Path) -> None:
    """Every file opened for writing by the app process or its encoder process is reported."""
    places = {name: tmp_path / name for name in ("tmp", "home", "cwd")}
    for folder in places.values():
        folder.mkdir()
    hook = REPO_ROOT / "tests" / "helpers" / "audit_hook"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(hook), str(REPO_ROOT)]),
        "PYTHONDONTWRITEBYTECODE": "1",
        "TMPDIR": str(places["tmp"]),
        "HOME": str(places["home"]),
    }
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.helpers.capture_flow",
            str(shared_datasets / "clips" / "short_hamilton_clip.mp4"),
        ],
        cwd=places["cwd"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    frames, templates, searches = map(int, result.stdout.split())
    assert (frames, templates) == (275, 1)
    assert searches > 5  # the flow really captured, encoded and searched
    writes = [line for line in result.stderr.splitlines() if line.startswith("FACEDESK-WRITE")]
    assert writes == []
    for folder in places.values():
        assert files_in(folder) == []


@pytest.mark.req("R12")
def test_the_audit_hook_does_report_a_write(tmp_path: Path) -> None:
    """The detector above can fail: a process that saves a file is caught."""
    hook = REPO_ROOT / "tests" / "helpers" / "audit_hook"
    result = subprocess.run(
        [sys.executable, "-c", f"open({str(tmp_path / 'frame.jpg')!r}, 'wb').write(b'\\xff\\xd8')"],
        env={**os.environ, "PYTHONPATH": str(hook)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert "FACEDESK-WRITE" in result.stderr
    assert "frame.jpg" in result.stderr
