"""Bad input and bad places get one clear line, never a traceback or exit 70 (issue 14 item 11)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, FaceDeskCli, clean_environment

ENV = {"FACEDESK_PASSPHRASE": "input fault passphrase", "FACEDESK_ADMIN_PASSWORD": "boss-password-1"}
INIT = ["init", "--business-name", "Lotus Inn", "--contact", "+86 10 1234 5678", "--admin", "boss"]


def run_bytes(args: list[bytes], env: dict[bytes, bytes]) -> subprocess.CompletedProcess[bytes]:
    """The command line with raw bytes, as a shell passes what was typed in a non-UTF-8 terminal."""
    base = {k.encode(): v.encode() for k, v in clean_environment().items()}
    return subprocess.run(
        [sys.executable.encode(), b"-m", b"app", *args], cwd=REPO_ROOT, env={**base, **env},
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip


def one_line(stderr: str | bytes) -> str:
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    assert "Traceback" not in text
    (line,) = text.strip().splitlines()
    assert line.startswith("facedesk: ")
    return line


@pytest.mark.parametrize("where", ["a file", "under a file", "in /proc"])
def test_init_in_a_place_that_cannot_be_a_data_folder_gets_one_line(
    cli: FaceDeskCli, tmp_path: Path, where: str
) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder", encoding="utf-8")
    target = {"a file": a_file, "under a file": a_file / "facedesk", "in /proc": Path("/proc/facedesk-data")}[where]
    result = cli("--data-dir", str(target), *INIT, env=ENV, data_dir=False)
    assert result.returncode in (2, 4), result.stderr
    line = one_line(result.stderr)
    assert str(target) in line
    assert a_file.read_text(encoding="utf-8") == "not a folder"


def test_text_that_is_not_utf8_is_refused_in_arguments_and_secrets(tmp_path: Path) -> None:
    data = str(tmp_path / "data").encode()
    env = {k.encode(): v.encode() for k, v in ENV.items()}
    bad_name = run_bytes([b"--data-dir", data, b"init", b"--business-name", b"Lotus \xff Inn", b"--contact",
                          b"+86 10", b"--admin", b"boss"], env)  # fmt: skip
    assert bad_name.returncode == 2
    assert "--business-name is not valid text (it must be UTF-8)" in one_line(bad_name.stderr)
    bad_secret = run_bytes([b"--data-dir", data, *[a.encode() for a in INIT]],
                           {b"FACEDESK_PASSPHRASE": b"lotus \xfe\xff passphrase",
                            b"FACEDESK_ADMIN_PASSWORD": b"boss-password-1"})  # fmt: skip
    assert bad_secret.returncode == 2
    line = one_line(bad_secret.stderr)
    assert "FACEDESK_PASSPHRASE is not valid text" in line and "\\xfe" not in line
    assert not (tmp_path / "data" / "facedesk.db").exists()


def test_out_of_range_numbers_dates_and_control_characters_are_refused(cli: FaceDeskCli, tmp_path: Path) -> None:
    assert cli(*INIT, env=ENV).returncode == 0
    cases = {
        ("export-person", str(10**23), "--out", str(tmp_path / "e.json"), "--operator", "boss"): "not a record number",
        ("attendance", "--from", "9999-12-01", "--to", "9999-12-31", "--out", str(tmp_path / "a.csv")): "between 1970",
        ("bench", "search", "--n", str(10**23)): "out of range",
    }
    for command, words in cases.items():
        result = cli(*command, env={**ENV, "FACEDESK_OPERATOR_PASSWORD": "boss-password-1"})
        assert result.returncode == 2, (command, result.stderr)
        assert words in one_line(result.stderr)
    other = cli("--data-dir", str(tmp_path / "other"), "init", "--business-name", "Lotus\x1b[31m Inn", "--contact",
                "+86 10", "--admin", "boss", env=ENV, data_dir=False)  # fmt: skip
    assert other.returncode == 2
    assert "business name cannot contain invisible or control characters" in one_line(other.stderr)
    assert not (tmp_path / "other" / "facedesk.db").exists()


@pytest.mark.skipif(os.name != "posix", reason="symlinks need no privilege on POSIX")
def test_a_database_symlinked_into_a_synced_folder_is_refused(cli: FaceDeskCli, tmp_path: Path) -> None:
    assert cli(*INIT, env=ENV).returncode == 0
    synced = tmp_path / "Dropbox" / "facedesk.db"
    synced.parent.mkdir()
    (cli.data_dir / "facedesk.db").rename(synced)
    (cli.data_dir / "facedesk.db").symlink_to(synced)
    result = cli("stats", env=ENV)
    assert result.returncode == 2
    assert f"facedesk.db in {cli.data_dir} is a link to {synced}, inside a Dropbox folder" in one_line(result.stderr)
