"""Which OS keyrings are trusted with the key, and how their failures surface (R15)."""

from collections.abc import Iterator

import keyring
import keyring.backend
import keyring.errors
import pytest
from keyring.backends import fail, null

from app.domain.errors import KeyUnavailableError
from app.keystore import OsKeyringStore, detect_os_keyring


class PlaintextFileKeyring(keyring.backend.KeyringBackend):
    """Stands for keyrings.alt's plaintext backends: usable, but it does not encrypt."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.values.pop((service, username), None)


class LockedKeyring(PlaintextFileKeyring):
    """Behaves like a keyring whose user declined to unlock it."""

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("user dismissed the unlock prompt")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("locked")


@pytest.fixture
def restore_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)


@pytest.mark.req("R15")
@pytest.mark.usefixtures("restore_keyring")
@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring(), PlaintextFileKeyring()])
def test_failing_null_and_plaintext_keyrings_are_never_used_for_the_key(
    backend: keyring.backend.KeyringBackend,
) -> None:
    keyring.set_keyring(backend)
    assert detect_os_keyring() is None


@pytest.mark.req("R15")
def test_keyring_errors_become_one_clear_facedesk_error() -> None:
    store = OsKeyringStore(LockedKeyring())
    with pytest.raises(KeyUnavailableError, match="could not be used \\(KeyringLocked\\)"):
        store.load("database-key-x")
    with pytest.raises(KeyUnavailableError):
        store.save("database-key-x", bytes(32))


def test_a_damaged_keyring_entry_is_reported_not_crashed_on() -> None:
    backend = PlaintextFileKeyring()
    backend.set_password("FaceDesk", "database-key-x", "not hex")
    with pytest.raises(KeyUnavailableError, match="damaged"):
        OsKeyringStore(backend).load("database-key-x")
