"""``facedesk`` with no command starts the desk application and closes cleanly."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import REPO_ROOT, clean_environment


def wait_for_line(log_file: Path, text: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log_file.is_file() and text in log_file.read_text(encoding="utf-8"):
            return True
        time.sleep(0.1)  # waiting for another process; not a timing assertion
    return False


def test_first_launch_shows_setup_and_a_termination_request_closes_it_cleanly(data_dir: Path) -> None:
    env = {**clean_environment(), "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), "--lang", "zh_CN"],
        cwd=REPO_ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    log_file = data_dir / "logs" / "facedesk.log"
    try:
        assert wait_for_line(log_file, "Desk application ready (language zh_CN)", 60), "the app did not start"
        os.kill(process.pid, signal.SIGTERM)
        stdout, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, stderr
    assert stdout == ""
    assert stderr == ""
    assert "Desk application closed (exit code 0)" in log_file.read_text(encoding="utf-8")
    assert not (data_dir / "facedesk.db").exists()  # nothing is created until setup is completed
