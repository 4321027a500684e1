"""The key in a real OS keyring (Secret Service via gnome-keyring), and its recovery path (R15).

Runs ``facedesk`` processes against a private D-Bus session with an unlocked gnome-keyring, the
way a Linux desktop provides one. Windows Credential Locker and the macOS Keychain are reached
through the same ``keyring`` calls in app/keystore/os_keyring.py.
"""

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import FaceDeskCli, clean_environment
from tests.helpers.secret_service import running_secret_service
from tests.helpers.system_components import missing_secret_service, skip_without

ADMIN_ENV = {"FACEDESK_ADMIN_PASSWORD": "boss-password-1"}
INIT_ARGS = ("init", "--business-name", "Lotus Inn", "--contact", "+86 10 1234 5678", "--admin", "boss")

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"),
    reason="Secret Service is the Linux keyring; other platforms' keyrings are not available in CI",
)


@pytest.fixture(scope="module")
def keyring_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    skip_without(missing_secret_service())
    with running_secret_service(tmp_path_factory.mktemp("keyring-home"), clean_environment()) as env:
        yield env


@pytest.fixture
def keyring_cli(data_dir: Path, keyring_env: dict[str, str]) -> FaceDeskCli:
    return FaceDeskCli(data_dir, keyring_env)


def keyring_entry(env: dict[str, str], account: str, action: str = "get") -> str | None:
    """Read or delete the FaceDesk entry with the keyring library, as another program would."""
    script = (
        "import keyring, sys\n"
        f"account = {account!r}\n"
        f"if {action!r} == 'delete':\n"
        "    keyring.delete_password('FaceDesk', account)\n"
        "else:\n"
        "    print(keyring.get_password('FaceDesk', account) or '')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    return result.stdout.strip() or None


@pytest.mark.req("R15")
def test_without_a_passphrase_the_key_goes_into_the_os_keyring_and_nowhere_else(
    keyring_cli: FaceDeskCli, keyring_env: dict[str, str], data_dir: Path
) -> None:
    result = keyring_cli(*INIT_ARGS, env=ADMIN_ENV)
    assert result.returncode == 0, result.stderr
    assert "OS keyring (SecretService Keyring)" in result.stdout

    key_file = json.loads((data_dir / "facedesk.keys").read_text())
    assert key_file["protection"] == "secret-store"
    key_hex = keyring_entry(keyring_env, key_file["account"])
    assert key_hex is not None and len(key_hex) == 64
    for path in data_dir.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert bytes.fromhex(key_hex) not in content
            assert key_hex.encode() not in content

    stats = keyring_cli("stats", "--json")
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["operators"] == 1
    doctor = json.loads(keyring_cli("doctor", "--json").stdout)
    assert doctor["key"]["key_backend"] == "OS keyring (SecretService Keyring)"


@pytest.mark.req("R15")
def test_when_the_keyring_entry_is_lost_the_recovery_code_restores_access(
    keyring_cli: FaceDeskCli, keyring_env: dict[str, str], data_dir: Path
) -> None:
    init = keyring_cli(*INIT_ARGS, env=ADMIN_ENV)
    assert init.returncode == 0, init.stderr
    code = re.search(r"\b[0-9A-Z]{5}(?:-[0-9A-Z]{5}){5}\b", init.stdout)
    assert code
    account = json.loads((data_dir / "facedesk.keys").read_text())["account"]
    database_before = (data_dir / "facedesk.db").read_bytes()

    keyring_entry(keyring_env, account, "delete")  # e.g. a reset keychain or a new user profile
    lost = keyring_cli("stats", "--json")
    assert lost.returncode == 3
    assert "missing from this computer's keyring" in lost.stderr
    assert "facedesk recover" in lost.stderr
    assert (data_dir / "facedesk.db").read_bytes() == database_before

    recovered = keyring_cli("recover", env={"FACEDESK_RECOVERY_CODE": code.group(0)})
    assert recovered.returncode == 0, recovered.stderr
    assert keyring_entry(keyring_env, account) is not None
    again = keyring_cli("stats", "--json")
    assert again.returncode == 0, again.stderr
    assert keyring_cli("audit", "verify").returncode == 0
