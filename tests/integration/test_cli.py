"""The ``facedesk`` command line end to end, as separate processes on real encrypted files.

Covers the foundation contract: ``init`` with a passphrase (no OS keyring here), what ends up on
disk, wrong passphrases, ``doctor``, ``stats``, ``audit verify`` against real tampering, and the
recovery code (R14, R15, R17).
"""

import base64
import json
import re
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2

from app.config.paths import DataPaths
from app.keystore import KeyManager
from app.storage.migrations import LATEST_SCHEMA_VERSION
from tests.conftest import FaceDeskCli
from tests.helpers.sweeps import sweep

PASSPHRASE = "Lotus inn desk passphrase 2026"
ADMIN_PASSWORD = "boss-password-1"
INIT_ENV = {"FACEDESK_PASSPHRASE": PASSPHRASE, "FACEDESK_ADMIN_PASSWORD": ADMIN_PASSWORD}
INIT_ARGS = ("init", "--business-name", "Lotus Inn", "--contact", "+86 10 1234 5678", "--admin", "boss")
RECOVERY_CODE = re.compile(r"\b[0-9A-Z]{5}(?:-[0-9A-Z]{5}){5}\b")


@pytest.fixture
def initialised(cli: FaceDeskCli) -> str:
    """Run ``init`` as in acceptance point 2; return the recovery code it printed."""
    result = cli(*INIT_ARGS, env=INIT_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    match = RECOVERY_CODE.search(result.stdout)
    assert match, result.stdout
    return match.group(0)


def database_key(data_dir: Path, passphrase: str = PASSPHRASE) -> bytes:
    return KeyManager(DataPaths.for_data_dir(data_dir).key_file, None).unlock(passphrase).raw


def files_under(folder: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def data_files(folder: Path) -> dict[Path, bytes]:
    """Every file except the log, which records the failed attempt."""
    return {path: data for path, data in files_under(folder).items() if "logs" not in path.parts}


def assert_one_clear_line(stderr: str, *phrases: str) -> None:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("facedesk: ")
    for phrase in phrases:
        assert phrase in lines[0], lines[0]


@pytest.mark.req("R15")
def test_init_creates_an_encrypted_database_and_leaves_no_secret_in_any_file(
    cli: FaceDeskCli, initialised: str, data_dir: Path
) -> None:
    database = (data_dir / "facedesk.db").read_bytes()
    assert not database.startswith(b"SQLite format 3")
    assert b"Lotus Inn" not in database
    key = database_key(data_dir)
    secrets = {
        "raw key": key,
        "hex key": key.hex().encode(),
        "HEX key": key.hex().upper().encode(),
        "base64 key": base64.b64encode(key),
        "passphrase": PASSPHRASE.encode(),
        "admin password": ADMIN_PASSWORD.encode(),
        "recovery code": initialised.encode(),
        "recovery code symbols": initialised.replace("-", "").encode(),
    }
    for path, content in files_under(data_dir).items():
        for label, secret in secrets.items():
            assert secret not in content, f"{label} found in {path.name}"


WITH_A_PASSPHRASE = [
    ("stats", "--json"),
    ("doctor", "--json"),
    ("doctor",),
    ("audit", "verify"),
    ("passphrase",),
    ("init",),
]


@pytest.mark.req("R15")
@pytest.mark.parametrize("command", sweep(WITH_A_PASSPHRASE, by_default=[("stats", "--json"), ("passphrase",)]))
def test_a_wrong_passphrase_fails_every_command_with_one_line_and_changes_nothing(
    cli: FaceDeskCli, initialised: str, data_dir: Path, command: tuple[str, ...]
) -> None:
    args = INIT_ARGS if command == ("init",) else command
    before = data_files(data_dir)
    result = cli(
        *args,
        env={
            "FACEDESK_PASSPHRASE": "not the right passphrase",
            "FACEDESK_NEW_PASSPHRASE": "another passphrase",
        },
    )
    assert result.returncode != 0
    assert_one_clear_line(result.stderr)
    assert result.stdout == ""
    assert data_files(data_dir) == before  # byte for byte, and no new file such as a -wal


def test_the_wrong_passphrase_message_says_what_happened(cli: FaceDeskCli, initialised: str) -> None:
    result = cli("stats", "--json", env={"FACEDESK_PASSPHRASE": "not the right passphrase"})
    assert result.returncode == 3
    assert_one_clear_line(result.stderr, "Wrong passphrase", "nothing was changed")


def test_without_the_passphrase_a_non_interactive_command_says_how_to_give_it(
    cli: FaceDeskCli, initialised: str
) -> None:
    result = cli("stats", "--json")
    assert result.returncode == 3
    assert_one_clear_line(result.stderr, "FACEDESK_PASSPHRASE")


def test_doctor_reports_key_backend_models_and_schema_as_json(cli: FaceDeskCli, initialised: str) -> None:
    result = cli("doctor", "--json", env={"FACEDESK_PASSPHRASE": PASSPHRASE})
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["key"]["protection"] == "passphrase"
    assert "passphrase" in report["key"]["key_backend"]
    assert {m["name"] for m in report["models"]["files"] if m["found"]} == {
        "shape_predictor_5_face_landmarks.dat",
        "dlib_face_recognition_resnet_model_v1.dat",
        "mmod_human_face_detector.dat",
    }
    assert report["database"]["schema_version"] == LATEST_SCHEMA_VERSION
    assert report["database"]["cipher"].startswith("SQLCipher 4")
    assert report["face_engine"]["engine"] == report["face_engine"]["requested"] == "opencv"
    assert PASSPHRASE not in result.stdout


def test_doctor_in_plain_text_is_readable(cli: FaceDeskCli, initialised: str) -> None:
    result = cli("doctor", env={"FACEDESK_PASSPHRASE": PASSPHRASE})
    assert result.returncode == 0, result.stderr
    assert f"schema {LATEST_SCHEMA_VERSION}" in result.stdout
    assert "dlib_face_recognition_resnet_model_v1.dat: found" in result.stdout
    assert "Face engine:   opencv (OpenCV " in result.stdout


def test_doctor_reports_the_engine_asked_for(cli: FaceDeskCli, initialised: str) -> None:
    result = cli("--engine", "dlib", "doctor", env={"FACEDESK_PASSPHRASE": PASSPHRASE})
    assert result.returncode == 0, result.stderr
    assert "Face engine:   dlib (dlib " in result.stdout


def test_stats_in_plain_text_reads_as_sentences_not_python(cli: FaceDeskCli, initialised: str) -> None:
    result = cli("stats", env={"FACEDESK_PASSPHRASE": PASSPHRASE})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["People", "on", "file:", "0", "guests,", "0", "staff"]
    assert "Checks:               0 by face, 0 by ID document" in lines
    assert lines[-1].endswith("0 of 100,000 people with face data; below the first warning level (50,000 people)")
    assert not any(mark in result.stdout for mark in "{}[]'_")  # no dictionaries, lists or raw keys


def test_stats_prints_counts_as_json(cli: FaceDeskCli, initialised: str) -> None:
    result = cli("stats", "--json", env={"FACEDESK_PASSPHRASE": PASSPHRASE})
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)
    assert stats["operators"] == 1
    assert stats["people_with_face_data"] == 0
    assert stats["consents"] == {"live": 0, "withdrawn": 0}
    assert stats["filing"]["level"] == "below"


@pytest.mark.req("R17")
def test_audit_verify_passes_on_an_untouched_log(cli: FaceDeskCli, initialised: str) -> None:
    result = cli("audit", "verify", env={"FACEDESK_PASSPHRASE": PASSPHRASE})
    assert result.returncode == 0, result.stderr
    assert "intact" in result.stdout


@pytest.mark.req("R17")
@pytest.mark.parametrize("column", ["action", "actor", "occurred_at", "details"])
def test_changing_one_byte_of_an_audit_row_makes_verify_fail_and_name_the_row(
    cli: FaceDeskCli, initialised: str, data_dir: Path, column: str
) -> None:
    """Someone with the key edits the file directly, bypassing the append-only triggers."""
    conn = dbapi2.connect(str(data_dir / "facedesk.db"), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{database_key(data_dir).hex()}'\"")
    conn.execute("DROP TRIGGER audit_events_append_only_update")
    original = conn.execute(f"SELECT {column} FROM audit_events WHERE id = 2").fetchone()[0]
    flipped = original[:-1] + chr(ord(original[-1]) ^ 1)
    conn.execute(f"UPDATE audit_events SET {column} = ? WHERE id = 2", (flipped,))
    conn.close()

    result = cli("audit", "verify", env={"FACEDESK_PASSPHRASE": PASSPHRASE})
    assert result.returncode == 1
    assert "broken at event #2" in result.stdout


@pytest.mark.req("R17")
def test_deleting_an_audit_row_is_detected(cli: FaceDeskCli, initialised: str, data_dir: Path) -> None:
    conn = dbapi2.connect(str(data_dir / "facedesk.db"), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{database_key(data_dir).hex()}'\"")
    conn.execute("DROP TRIGGER audit_events_append_only_delete")
    conn.execute("DELETE FROM audit_events WHERE id = 2")
    conn.close()
    result = cli("audit", "verify", env={"FACEDESK_PASSPHRASE": PASSPHRASE})
    assert result.returncode == 1
    assert "#3" in result.stdout


@pytest.mark.req("R15")
def test_a_forgotten_passphrase_is_replaced_using_the_recovery_code(
    cli: FaceDeskCli, initialised: str, data_dir: Path
) -> None:
    wrong_code = cli(
        "recover",
        env={
            "FACEDESK_RECOVERY_CODE": "ABCDE-ABCDE-ABCDE-ABCDE-ABCDE-ABCDE",
            "FACEDESK_PASSPHRASE": "my new passphrase",
        },
    )
    assert wrong_code.returncode == 3
    assert_one_clear_line(wrong_code.stderr, "does not unlock")

    result = cli(
        "recover",
        env={"FACEDESK_RECOVERY_CODE": initialised.lower(), "FACEDESK_PASSPHRASE": "my new passphrase"},
    )
    assert result.returncode == 0, result.stderr
    assert cli("stats", "--json", env={"FACEDESK_PASSPHRASE": "my new passphrase"}).returncode == 0
    assert cli("stats", "--json", env={"FACEDESK_PASSPHRASE": PASSPHRASE}).returncode == 3
    audit = cli("audit", "verify", env={"FACEDESK_PASSPHRASE": "my new passphrase"})
    assert audit.returncode == 0


def test_the_passphrase_can_be_changed(cli: FaceDeskCli, initialised: str) -> None:
    result = cli("passphrase", env={"FACEDESK_PASSPHRASE": PASSPHRASE, "FACEDESK_NEW_PASSPHRASE": "fresh passphrase 1"})
    assert result.returncode == 0, result.stderr
    assert cli("stats", "--json", env={"FACEDESK_PASSPHRASE": "fresh passphrase 1"}).returncode == 0


def test_init_twice_is_refused_and_changes_nothing(cli: FaceDeskCli, initialised: str, data_dir: Path) -> None:
    before = data_files(data_dir)
    result = cli(*INIT_ARGS, env=INIT_ENV)
    assert result.returncode == 4
    assert_one_clear_line(result.stderr, "already set up")
    assert data_files(data_dir) == before


@pytest.mark.req("R15")
def test_init_without_keyring_or_passphrase_explains_what_to_do(cli: FaceDeskCli, data_dir: Path) -> None:
    result = cli(*INIT_ARGS, env={"FACEDESK_ADMIN_PASSWORD": ADMIN_PASSWORD})
    assert result.returncode == 2
    assert_one_clear_line(result.stderr, "FACEDESK_PASSPHRASE")
    assert not (data_dir / "facedesk.db").exists()


@pytest.mark.req("R22")
def test_init_refuses_a_private_space(cli: FaceDeskCli, data_dir: Path) -> None:
    result = cli(*INIT_ARGS, "--location-type", "guest_room", env=INIT_ENV)
    assert result.returncode == 2
    assert_one_clear_line(result.stderr, "Art. 13")
    assert not data_dir.exists()


@pytest.mark.parametrize(
    ("env", "phrase"),
    [
        ({"FACEDESK_PASSPHRASE": "short", "FACEDESK_ADMIN_PASSWORD": ADMIN_PASSWORD}, "at least 10"),
        ({"FACEDESK_PASSPHRASE": PASSPHRASE, "FACEDESK_ADMIN_PASSWORD": "short"}, "at least 8"),
        ({"FACEDESK_PASSPHRASE": PASSPHRASE}, "FACEDESK_ADMIN_PASSWORD"),
    ],
)
def test_init_with_weak_or_missing_secrets_creates_nothing(
    cli: FaceDeskCli, data_dir: Path, env: dict[str, str], phrase: str
) -> None:
    result = cli(*INIT_ARGS, env=env)
    assert result.returncode == 2
    assert_one_clear_line(result.stderr, phrase)
    assert not (data_dir / "facedesk.db").exists()


@pytest.mark.parametrize("command", [("stats", "--json"), ("doctor", "--json"), ("audit", "verify"), ("recover",)])
def test_commands_on_a_folder_that_was_never_set_up_say_so(cli: FaceDeskCli, command: tuple[str, ...]) -> None:
    result = cli(*command, env={"FACEDESK_PASSPHRASE": PASSPHRASE, "FACEDESK_RECOVERY_CODE": "x"})
    if command == ("doctor", "--json"):
        assert result.returncode == 1  # doctor reports, and says setup is missing
        assert json.loads(result.stdout)["initialized"] is False
    else:
        assert result.returncode in (2, 4)
        assert_one_clear_line(result.stderr)


@pytest.mark.parametrize(
    "args",
    [("frobnicate",), ("init", "--business-name", "x"), ("stats", "--bogus"), ("audit",), ("--lang", "fr")],
)
def test_bad_arguments_get_one_line_and_exit_2(cli: FaceDeskCli, args: tuple[str, ...]) -> None:
    result = cli(*args)
    assert result.returncode == 2
    assert_one_clear_line(result.stderr, "facedesk --help")


def test_version_and_help_work_without_a_data_folder(cli: FaceDeskCli) -> None:
    assert cli("--version", data_dir=False).stdout.startswith("FaceDesk ")
    help_text = cli("--help", data_dir=False).stdout
    for command in ("init", "doctor", "stats", "audit", "recover"):
        assert command in help_text
