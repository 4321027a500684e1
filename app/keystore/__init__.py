"""The database key: OS keyring, passphrase and in-memory backends, and recovery codes.

Only this package talks to the ``keyring`` library and catches its errors.
"""

from app.keystore.kdf import DEFAULT_KDF, KdfParams
from app.keystore.key_file import AuditAnchor, KeyFile, Protection, read_key_file, write_key_file
from app.keystore.key_manager import (
    MIN_PASSPHRASE_LENGTH,
    KeyManager,
    unwrap_with_recovery_code,
    validate_passphrase,
)
from app.keystore.memory_store import MemorySecretStore
from app.keystore.os_keyring import OsKeyringStore, detect_os_keyring
from app.keystore.recovery_code import RecoveryCode
from app.keystore.secret_store import SecretStore

__all__ = [
    "DEFAULT_KDF",
    "MIN_PASSPHRASE_LENGTH",
    "AuditAnchor",
    "KdfParams",
    "KeyFile",
    "KeyManager",
    "MemorySecretStore",
    "OsKeyringStore",
    "Protection",
    "RecoveryCode",
    "SecretStore",
    "detect_os_keyring",
    "read_key_file",
    "unwrap_with_recovery_code",
    "validate_passphrase",
    "write_key_file",
]
