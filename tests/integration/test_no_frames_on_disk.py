"""Frames and face images stay in memory: nothing is written to disk while capturing (R12)."""

import json
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


def hooked_places(tmp_path: Path) -> tuple[dict[str, Path], dict[str, str]]:
    """Empty temp, home and working folders, and an environment that loads the write audit hook."""
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
    return places, env


def files_in(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


@pytest.mark.req("R12")
def test_a_full_capture_writes_no_file_anywhere(shared_datasets: Path, tmp_path: Path) -> None:
    """Every file opened for writing by the app process or its encoder process is reported."""
    places, env = hooked_places(tmp_path)
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


def allowed_write(path: str, data_dir: Path) -> bool:
    """The files a desk may write: the database (SQLite writes it and its WAL/journal itself, below the
    hook), the key file (the wrapped key and the audit anchor, via a fresh temporary file) and its
    empty lock file, the log and the device settings. Nothing else, anywhere."""
    file = Path(path)
    if file.parent == data_dir / "logs" and file.name.startswith("facedesk.log"):
        return True
    if file.parent != data_dir:
        return False
    return file.name in {"facedesk.keys", "facedesk.keys.lock", "settings.ini"} or (
        file.name.startswith(".facedesk.keys.") and file.name.endswith(".part")
    )


@pytest.mark.slow  # a whole desk day in a watched process; the full capture above runs by default
@pytest.mark.req("R12")
def test_a_whole_desk_day_writes_no_frame_anywhere(tmp_path: Path) -> None:
    """Issue 14 item 12: check-in, verification and the kiosk through the desk flows, under the audit hook
    in the app process and its encoder process; a write of frame pixels into <data>/cache/ was missed."""
    places, env = hooked_places(tmp_path)
    data_dir = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, "-m", "tests.helpers.desk_day", str(data_dir)],
        cwd=places["cwd"], env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert json.loads(result.stdout) == {"checked_in": "face", "verified": "match", "kiosk": "clocked"}
    writes = [line.split("'")[1] for line in result.stderr.splitlines() if line.startswith("FACEDESK-WRITE")]
    assert writes  # the hook was active (the log and the key file were written)
    assert [w for w in writes if not allowed_write(w, data_dir)] == []
    for folder in places.values():
        assert files_in(folder) == []
    left = sorted(str(p.relative_to(data_dir)) for p in files_in(data_dir))
    assert {name for name in left if not name.startswith("logs/")} <= {
        "facedesk.db", "facedesk.db-wal", "facedesk.db-shm", "facedesk.keys", "facedesk.keys.lock"
    }  # fmt: skip
