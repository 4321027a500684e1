"""Commands that never see a face start without the face engine: OpenCV and dlib are not imported.

Loading them costs most of a command's start-up (``facedesk stats`` took 4.4-6.8 s on a busy
machine); ``facedesk bench cli`` measures the whole process. Here the imports are refused outright
in a real process, so any command below that reaches for cv2 or dlib fails.
"""

import sys
from pathlib import Path

import pytest

from app.services.desk_services import DeskServices
from tests.conftest import FaceDeskCli, clean_environment
from tests.integration.conftest import CLI_ENV

# Runs one command in a process in which importing cv2 or dlib fails.
RUN_WITHOUT_FACE_ENGINE = """
import sys

class RefuseFaceEngine:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("cv2", "dlib"):
            raise ImportError(f"{name} was imported")

sys.meta_path.insert(0, RefuseFaceEngine())
from app.cli import main

sys.exit(main(sys.argv[1:]))
"""

COMMANDS = [
    ["stats"],
    ["stats", "--json"],
    ["audit", "verify"],
    ["audit", "show", "--operator", "boss", "--last", "3"],
    ["purge", "--dry-run"],
    ["backup"],
    ["requests", "--operator", "boss"],
    ["in-house", "--operator", "boss"],
    ["signage", "--out", "{tmp}/sign.pdf"],
    ["attendance", "--from", "2026-01-01", "--to", "2026-01-31", "--out", "{tmp}/attendance.csv"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_command_that_needs_no_face_engine_never_imports_it(
    command: list[str], passphrase_desk: DeskServices, data_dir: Path, tmp_path: Path
) -> None:
    passphrase_desk.close()
    refusing = FaceDeskCli(
        data_dir, {**clean_environment(), **CLI_ENV}, (sys.executable, "-c", RUN_WITHOUT_FACE_ENGINE)
    )
    result = refusing(*(part.replace("{tmp}", str(tmp_path)) for part in command))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() or list(tmp_path.iterdir())  # it did its work
