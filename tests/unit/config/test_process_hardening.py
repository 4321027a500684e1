"""Crash dumps are off, so a crash never writes keys, passphrases or face data to disk (issue 14 item 11)."""

import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, FaceDeskCli

CRASH = """
import os, signal, sys
if sys.argv[1] == "hardened":
    from app.config.process_hardening import forbid_core_dumps
    forbid_core_dumps()
secret = "FACEDESK-PASSPHRASE-IN-MEMORY " * 1000
os.kill(os.getpid(), signal.SIGSEGV)
"""


def crash(tmp_path: Path, mode: str) -> list[Path]:
    folder = tmp_path / mode
    folder.mkdir()

    def allow_cores() -> None:  # as a shell with "ulimit -c unlimited" would
        resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))

    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", CRASH, mode], cwd=folder, env=env, preexec_fn=allow_cores, capture_output=True,
        timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == -signal.SIGSEGV
    return [p for p in folder.iterdir() if p.name.startswith("core")]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="checked through Linux's core_pattern and core limit")
def test_a_crashing_facedesk_process_leaves_no_core_dump(tmp_path: Path) -> None:
    if Path("/proc/sys/kernel/core_pattern").read_text().strip() != "core":
        pytest.skip("this machine sends core dumps to a collector (core_pattern), not to the working folder")
    if not crash(tmp_path, "unhardened"):
        pytest.skip("this machine writes no core dumps at all, so the check cannot fail here")
    assert crash(tmp_path, "hardened") == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux core limit and dumpable flag")
def test_doctor_reports_crash_dumps_off_for_the_command_line(cli: FaceDeskCli) -> None:
    result = cli("doctor", "--json")
    assert json.loads(result.stdout)["core_dumps"] == "off"
