"""The operating system's keyring (Windows Credential Locker, macOS Keychain, Secret Service).

Only keyrings that encrypt their contents are accepted: plaintext or "null" backends, such as
those from the keyrings.alt package, are treated as no keyring at all, because the database key
must never be stored in plaintext. Every keyring-library error is turned into a FaceDesk error
here and nowhere else.
"""

import logging

import keyring
import keyring.backend
import keyring.errors
from keyring.backends.chainer import ChainerBackend

from app.domain.errors import KeyUnavailableError

logger = logging.getLogger(__name__)

SERVICE_NAME = "FaceDesk"
_ENCRYPTING_BACKEND_MODULES = frozenset(
    {
        "keyring.backends.macOS",
        "keyring.backends.Windows",
        "keyring.backends.SecretService",
        "keyring.backends.libsecret",
        "keyring.backends.kwallet",
    }
)


class OsKeyringStore:
    """A secret store backed by one encrypting OS keyring backend."""

    def __init__(self, backend: keyring.backend.KeyringBackend) -> None:
        self._backend = backend

    @property
    def description(self) -> str:
        """The backend's name, e.g. ``OS keyring (SecretService Keyring)``."""
        return f"OS keyring ({self._backend.name})"

    def load(self, account: str) -> bytes | None:
        """The key saved under ``account``, or ``None``."""
        try:
            value = self._backend.get_password(SERVICE_NAME, account)
        except keyring.errors.KeyringError as exc:
            raise KeyUnavailableError(_unreachable(exc)) from None
        if value is None:
            return None
        try:
            return bytes.fromhex(value)
        except ValueError:
            raise KeyUnavailableError(
                "The FaceDesk entry in the OS keyring is damaged; run 'facedesk recover' with the recovery code."
            ) from None

    def save(self, account: str, secret: bytes) -> None:
        """Save the key and read it back, so a keyring that silently drops it is caught now."""
        try:
            self._backend.set_password(SERVICE_NAME, account, secret.hex())
            stored = self._backend.get_password(SERVICE_NAME, account)
        except keyring.errors.KeyringError as exc:
            raise KeyUnavailableError(_unreachable(exc)) from None
        if stored != secret.hex():
            raise KeyUnavailableError("The OS keyring did not keep the database key; use a passphrase instead.")

    def delete(self, account: str) -> None:
        """Remove the entry; a missing entry is not an error."""
        try:
            self._backend.delete_password(SERVICE_NAME, account)
        except keyring.errors.PasswordDeleteError:
            return
        except keyring.errors.KeyringError as exc:
            raise KeyUnavailableError(_unreachable(exc)) from None


def detect_os_keyring() -> OsKeyringStore | None:
    """The first usable encrypting keyring backend, or ``None`` (headless Linux, CI)."""
    try:
        chosen = keyring.get_keyring()
    except Exception:  # a broken keyring configuration must not stop FaceDesk starting
        logger.warning("The OS keyring could not be initialised; it will not be used.", exc_info=True)
        return None
    candidates = chosen.backends if isinstance(chosen, ChainerBackend) else [chosen]
    for backend in candidates:
        if type(backend).__module__ in _ENCRYPTING_BACKEND_MODULES:
            return OsKeyringStore(backend)
    logger.info(
        "No encrypting OS keyring available (keyring chose %s.%s).",
        type(chosen).__module__,
        type(chosen).__qualname__,
    )
    return None


def _unreachable(exc: Exception) -> str:
    return (
        f"The OS keyring could not be used ({type(exc).__name__}). Unlock it and try again, "
        "or run 'facedesk recover' with the recovery code."
    )
