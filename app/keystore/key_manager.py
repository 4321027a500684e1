"""Creating, unlocking and recovering the database key.

One random 256-bit key encrypts the database. It is obtained one of two ways, chosen at setup:

* **secret store**: the key sits in the OS keyring (Windows Credential Locker, macOS Keychain,
  Secret Service), so staff only sign in with their own passwords;
* **passphrase**: where no keyring is usable (headless Linux, CI) or when ``FACEDESK_PASSPHRASE``
  is set at setup, the key is wrapped under an Argon2id derivation of the passphrase.

Either way, setup also produces a recovery code that unwraps a second copy of the key. With it,
``facedesk recover`` puts the key back into a new or reset keyring, or sets a new passphrase.
The key itself is never written to disk, a setting or a log.
"""

import dataclasses
import logging
import threading
import unicodedata
import uuid
from pathlib import Path

from app.domain.audit import AuditHead
from app.domain.clock import Clock, system_clock, to_utc_text
from app.domain.errors import (
    AlreadyInitializedError,
    InvalidInputError,
    KeyFileDamagedError,
    KeyUnavailableError,
    PassphraseRequiredError,
    WrongPassphraseError,
    WrongRecoveryCodeError,
)
from app.domain.secrets import DatabaseKey
from app.keystore.kdf import DEFAULT_KDF, KdfParams
from app.keystore.key_file import (
    PASSPHRASE_SLOT,
    RECOVERY_SLOT,
    AuditAnchor,
    KeyFile,
    KeySlot,
    Protection,
    key_check,
    key_file_lock,
    read_key_file,
    write_key_file,
)
from app.keystore.recovery_code import RecoveryCode
from app.keystore.secret_store import SecretStore

logger = logging.getLogger(__name__)

MIN_PASSPHRASE_LENGTH = 10


def validate_passphrase(passphrase: str) -> str:
    """Return ``passphrase`` if it may protect a database, else raise ``InvalidInputError``."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise InvalidInputError(f"The database passphrase needs at least {MIN_PASSPHRASE_LENGTH} characters.")
    if passphrase.strip() != passphrase:
        raise InvalidInputError("The database passphrase cannot start or end with a space.")
    return passphrase


def _passphrase_bytes(passphrase: str) -> bytes:
    # NFC so the same passphrase typed through different input methods derives the same key.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


_ANCHOR_LOCK = threading.Lock()  # one read-modify-write of the key file at a time in this process


def unwrap_with_recovery_code(key_file: KeyFile, code_text: str) -> DatabaseKey:
    """The database key of ``key_file``, unwrapped with a recovery code; nothing is written.

    Raises:
        InvalidInputError: the text is not a recovery code.
        WrongRecoveryCodeError: the code does not unlock this key file.
    """
    code = RecoveryCode.parse(code_text)
    key = key_file.slots[RECOVERY_SLOT].open(RECOVERY_SLOT, code.secret_bytes())
    if key is None or not key_file.matches(key):
        raise WrongRecoveryCodeError(
            "This recovery code does not unlock this installation; check it for typing mistakes."
        )
    return key


class KeyManager:
    """Owns the key file of one installation and the secret store chosen at start-up."""

    def __init__(
        self,
        key_file: Path,
        secret_store: SecretStore | None,
        *,
        kdf: KdfParams = DEFAULT_KDF,
        clock: Clock = system_clock,
    ) -> None:
        """Create a manager.

        Args:
            key_file: where the wrapped keys live.
            secret_store: the usable OS keyring (or memory store in tests); ``None`` if none.
            kdf: Argon2id parameters for new slots.
            clock: time source for the creation stamp.
        """
        self._path = key_file
        self._store = secret_store
        self._kdf = kdf
        self._clock = clock

    @property
    def secret_store_available(self) -> bool:
        """Whether a keyring-like store can hold the key on this computer."""
        return self._store is not None

    def is_initialized(self) -> bool:
        """Whether a key file exists."""
        return self._path.exists()

    def protection(self) -> Protection:
        """How this installation's key is normally obtained."""
        return read_key_file(self._path).protection

    def describe(self) -> dict[str, str]:
        """Non-secret facts for ``doctor`` and the log: protection and backend names."""
        facts = {
            "secret_store": self._store.description if self._store else "none usable on this computer",
        }
        if self.is_initialized():
            key_file = read_key_file(self._path)
            facts["protection"] = key_file.protection.value
            kdf = key_file.slots[RECOVERY_SLOT].kdf
            facts["kdf"] = f"argon2id (t={kdf.time_cost}, m={kdf.memory_kib // 1024} MiB, p={kdf.parallelism})"
            facts["key_backend"] = (
                f"passphrase (argon2id-wrapped key in {self._path.name})"
                if key_file.protection is Protection.PASSPHRASE
                else facts["secret_store"]
            )
        return facts

    def create(self, *, passphrase: str | None) -> tuple[DatabaseKey, RecoveryCode]:
        """Make a new key and its recovery code for a new installation.

        Args:
            passphrase: protect the key with this passphrase; ``None`` keeps it in the secret
                store, which must then be available.

        Raises:
            AlreadyInitializedError: a key file already exists.
            PassphraseRequiredError: no passphrase and no usable secret store.
            InvalidInputError: the passphrase is too weak.
        """
        if self.is_initialized():
            raise AlreadyInitializedError(f"{self._path.parent} is already set up; nothing was changed.")
        if passphrase is None and self._store is None:
            raise PassphraseRequiredError(
                "No usable OS keyring on this computer: protect the database with a passphrase "
                "(set FACEDESK_PASSPHRASE)."
            )
        if passphrase is not None:
            validate_passphrase(passphrase)
        key = DatabaseKey.generate()
        code = RecoveryCode.generate()
        account = f"database-key-{uuid.uuid4()}"
        slots = {RECOVERY_SLOT: KeySlot.seal(RECOVERY_SLOT, key, code.secret_bytes(), self._kdf)}
        if passphrase is not None:
            slots[PASSPHRASE_SLOT] = KeySlot.seal(PASSPHRASE_SLOT, key, _passphrase_bytes(passphrase), self._kdf)
            protection = Protection.PASSPHRASE
        else:
            protection = Protection.SECRET_STORE
        key_file = KeyFile(protection, account, key_check(key), to_utc_text(self._clock()), slots)
        if protection is Protection.SECRET_STORE:
            assert self._store is not None  # noqa: S101 - checked above
            self._store.save(account, key.raw)
        try:
            write_key_file(self._path, key_file)
        except BaseException:
            if protection is Protection.SECRET_STORE and self._store is not None:
                self._store.delete(account)
            raise
        logger.info("Created a database key protected by %s.", self.describe()["key_backend"])
        return key, code

    def unlock(self, passphrase: str | None) -> DatabaseKey:
        """Obtain the key the normal way for this installation.

        Args:
            passphrase: needed for passphrase-protected installations, ignored otherwise.

        Raises:
            NotInitializedError: no key file.
            PassphraseRequiredError / WrongPassphraseError: passphrase protection.
            KeyUnavailableError: the key is missing from, or wrong in, the OS keyring.
        """
        key_file = read_key_file(self._path)
        if key_file.protection is Protection.PASSPHRASE:
            if passphrase is None:
                raise PassphraseRequiredError(
                    "This database is protected by a passphrase: set FACEDESK_PASSPHRASE or "
                    "run the command in a terminal to be asked for it."
                )
            key = key_file.slots[PASSPHRASE_SLOT].open(PASSPHRASE_SLOT, _passphrase_bytes(passphrase))
            if key is None or not key_file.matches(key):
                raise WrongPassphraseError("Wrong passphrase: the database was not opened and nothing was changed.")
            return key
        if self._store is None:
            raise KeyUnavailableError(
                "This installation keeps its key in the OS keyring, which is not available here: "
                "unlock the keyring, or run 'facedesk recover' with the recovery code."
            )
        raw = self._store.load(key_file.account)
        if raw is None:
            raise KeyUnavailableError(
                "The database key is missing from this computer's keyring: run 'facedesk recover' "
                "with the recovery code to restore it."
            )
        try:
            key = DatabaseKey(raw)
        except ValueError:
            key = None
        if key is None or not key_file.matches(key):
            raise KeyUnavailableError(
                "The key in the OS keyring does not belong to this database: run 'facedesk recover' "
                "with the recovery code."
            )
        return key

    def recover(self, code_text: str, *, new_passphrase: str | None) -> DatabaseKey:
        """Unlock with the recovery code and re-establish normal access.

        With ``new_passphrase`` the installation becomes passphrase-protected with it; without,
        the key is put back into the secret store (a new computer or a reset keyring).

        Raises:
            InvalidInputError: the text is not a recovery code, or the passphrase is too weak.
            WrongRecoveryCodeError: the code does not unlock this installation.
            PassphraseRequiredError: no new passphrase and no usable secret store.
        """
        with key_file_lock(self._path):  # a read-modify-write of the key file
            key_file = read_key_file(self._path)
            RecoveryCode.parse(code_text)
            if new_passphrase is not None:
                validate_passphrase(new_passphrase)
            elif self._store is None:
                raise PassphraseRequiredError(
                    "No usable OS keyring on this computer: give a new passphrase (FACEDESK_PASSPHRASE) "
                    "to protect the database from now on."
                )
            key = unwrap_with_recovery_code(key_file, code_text)
            slots = {RECOVERY_SLOT: key_file.slots[RECOVERY_SLOT]}
            if new_passphrase is not None:
                slots[PASSPHRASE_SLOT] = KeySlot.seal(
                    PASSPHRASE_SLOT, key, _passphrase_bytes(new_passphrase), self._kdf
                )
                protection = Protection.PASSPHRASE
            else:
                assert self._store is not None  # noqa: S101 - checked above
                self._store.save(key_file.account, key.raw)
                protection = Protection.SECRET_STORE
            write_key_file(self._path, dataclasses.replace(key_file, protection=protection, slots=slots))
            if protection is Protection.PASSPHRASE and self._store is not None:
                self._store.delete(key_file.account)  # the key must not linger in a keyring we no longer use
            logger.info("Key access re-established with the recovery code (now %s).", protection.value)
            return key

    def change_passphrase(self, old_passphrase: str, new_passphrase: str) -> None:
        """Re-wrap the key under a new passphrase (the database itself is not rewritten).

        Raises:
            WrongPassphraseError: ``old_passphrase`` is wrong.
            InvalidInputError: the new passphrase is too weak, or this installation uses the keyring.
        """
        with key_file_lock(self._path):  # a read-modify-write of the key file
            key_file = read_key_file(self._path)
            if key_file.protection is not Protection.PASSPHRASE:
                raise InvalidInputError("This installation keeps its key in the OS keyring; it has no passphrase.")
            validate_passphrase(new_passphrase)
            key = self.unlock(old_passphrase)
            slots = dict(key_file.slots)
            slots[PASSPHRASE_SLOT] = KeySlot.seal(PASSPHRASE_SLOT, key, _passphrase_bytes(new_passphrase), self._kdf)
            write_key_file(self._path, dataclasses.replace(key_file, slots=slots))
            logger.info("Database passphrase changed.")

    def anchor(self, key: DatabaseKey) -> AuditHead | None:
        """The newest audit position recorded for this installation (``None`` before the first one).

        Raises:
            KeyFileDamagedError: the recorded position was edited (it does not verify with the key).
        """
        anchor = read_key_file(self._path).anchor
        if anchor is None:
            return None
        if not anchor.verified(key):
            raise KeyFileDamagedError(
                f"The key file {self._path.name} holds a record of the audit log that was not written by "
                "FaceDesk (it was edited); the database was not opened. Copy the key file back from the "
                "newest backup folder."
            )
        return anchor.head

    def record_anchor(self, key: DatabaseKey, head: AuditHead) -> None:
        """Record ``head`` as the newest committed audit position (never moving it backwards)."""
        with _ANCHOR_LOCK, key_file_lock(self._path):
            key_file = read_key_file(self._path)
            if key_file.anchor is not None and key_file.anchor.head.sequence >= head.sequence:
                return
            write_key_file(self._path, dataclasses.replace(key_file, anchor=AuditAnchor.seal(key, head)))

    def database_salt(self) -> str | None:
        """The salt of the database file this key file was made for (``None`` if not recorded)."""
        return read_key_file(self._path).database_salt

    def record_database_salt(self, salt: str) -> None:
        """Remember which database file this key file opens (its SQLCipher salt, not secret)."""
        with _ANCHOR_LOCK, key_file_lock(self._path):
            key_file = read_key_file(self._path)
            if key_file.database_salt != salt:
                write_key_file(self._path, dataclasses.replace(key_file, database_salt=salt))

    def discard(self) -> None:
        """Remove the key file and keyring entry of an installation whose setup failed."""
        if not self.is_initialized():
            return
        key_file = read_key_file(self._path)
        if self._store is not None:
            self._store.delete(key_file.account)
        self._path.unlink(missing_ok=True)
