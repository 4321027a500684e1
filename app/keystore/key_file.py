"""The key file: wrapped copies of the database key, never the key itself.

Layout (JSON, ``facedesk.keys`` in the data folder)::

    {"format": "facedesk-key-file", "version": 1,
     "protection": "secret-store" | "passphrase",
     "account": "<random id naming the OS keyring entry>",
     "key_check": "<hex HMAC-SHA256(key, 'facedesk key check v1')>",
     "created_at": "...",
     "slots": {"recovery": {...}, "passphrase": {...}}}

A slot wraps the 256-bit key K under a secret S (a passphrase or a recovery code):
``D = Argon2id(S, salt, 64 bytes)``, ``wrapped = K xor D[:32]`` and
``tag = HMAC-SHA256(D[32:], label || slot name || salt || wrapped)``. Each slot has its own random
salt, so each pad is used once, and a wrong secret fails the tag check before anything touches
the database. ``key_check`` lets FaceDesk tell that a key from the OS keyring belongs to this
database without opening it; an HMAC output reveals nothing about the key.
"""

import base64
import binascii
import hmac
import json
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.domain.errors import DatabaseUnreadableError, NotInitializedError
from app.domain.secrets import DATABASE_KEY_BYTES, DatabaseKey
from app.keystore.kdf import SALT_BYTES, KdfParams, derive

FORMAT = "facedesk-key-file"
VERSION = 1
_SLOT_LABEL = b"facedesk-keyslot-v1\x00"
_CHECK_LABEL = b"facedesk key check v1"

RECOVERY_SLOT = "recovery"
PASSPHRASE_SLOT = "passphrase"


class Protection(StrEnum):
    """How the key is normally obtained when FaceDesk starts."""

    SECRET_STORE = "secret-store"  # the OS keyring (or the in-memory store in tests)
    PASSPHRASE = "passphrase"


def key_check(key: DatabaseKey) -> str:
    """A non-secret fingerprint proving a key belongs to this installation."""
    return hmac.digest(key.raw, _CHECK_LABEL, "sha256").hex()


@dataclass(frozen=True)
class KeySlot:
    """The database key wrapped under one secret."""

    kdf: KdfParams
    salt: bytes
    wrapped: bytes
    tag: bytes

    @classmethod
    def seal(cls, name: str, key: DatabaseKey, secret: bytes, kdf: KdfParams) -> "KeySlot":
        """Wrap ``key`` under ``secret`` with a fresh salt."""
        salt = secrets.token_bytes(SALT_BYTES)
        pad, mac_key = _split(derive(secret, salt, kdf, 2 * DATABASE_KEY_BYTES))
        wrapped = bytes(a ^ b for a, b in zip(key.raw, pad, strict=True))
        return cls(kdf, salt, wrapped, _tag(mac_key, name, salt, wrapped))

    def open(self, name: str, secret: bytes) -> DatabaseKey | None:
        """Unwrap with ``secret``; ``None`` when the secret is wrong."""
        pad, mac_key = _split(derive(secret, self.salt, self.kdf, 2 * DATABASE_KEY_BYTES))
        if not hmac.compare_digest(self.tag, _tag(mac_key, name, self.salt, self.wrapped)):
            return None
        return DatabaseKey(bytes(a ^ b for a, b in zip(self.wrapped, pad, strict=True)))

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {
            "kdf": self.kdf.to_json(),
            "salt": _b64(self.salt),
            "wrapped_key": _b64(self.wrapped),
            "tag": _b64(self.tag),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "KeySlot":
        """Parse :meth:`to_json` output (raises ``ValueError``/``KeyError`` when malformed)."""
        slot = cls(
            KdfParams.from_json(dict(data["kdf"])),
            _unb64(data["salt"]),
            _unb64(data["wrapped_key"]),
            _unb64(data["tag"]),
        )
        if len(slot.salt) != SALT_BYTES or len(slot.wrapped) != DATABASE_KEY_BYTES or len(slot.tag) != 32:
            raise ValueError("key slot fields have the wrong length")
        return slot


@dataclass(frozen=True)
class KeyFile:
    """Everything needed to obtain the database key, except the secrets themselves."""

    protection: Protection
    account: str
    key_check: str
    created_at: str
    slots: Mapping[str, KeySlot] = field(default_factory=dict)

    def matches(self, key: DatabaseKey) -> bool:
        """Whether ``key`` is this installation's database key."""
        return hmac.compare_digest(self.key_check, key_check(key))

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {
            "format": FORMAT,
            "version": VERSION,
            "protection": self.protection.value,
            "account": self.account,
            "key_check": self.key_check,
            "created_at": self.created_at,
            "slots": {name: slot.to_json() for name, slot in sorted(self.slots.items())},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "KeyFile":
        """Parse :meth:`to_json` output (raises ``ValueError``/``KeyError`` when malformed)."""
        if not isinstance(data, Mapping) or data.get("format") != FORMAT:
            raise ValueError("not a FaceDesk key file")
        if data.get("version") != VERSION:
            raise ValueError("key file version not supported by this FaceDesk")
        slots = {str(name): KeySlot.from_json(slot) for name, slot in dict(data["slots"]).items()}
        if RECOVERY_SLOT not in slots:
            raise ValueError("key file has no recovery slot")
        protection = Protection(data["protection"])
        if protection is Protection.PASSPHRASE and PASSPHRASE_SLOT not in slots:
            raise ValueError("passphrase protection without a passphrase slot")
        return cls(protection, str(data["account"]), str(data["key_check"]), str(data["created_at"]), slots)


def read_key_file(path: Path) -> KeyFile:
    """Load the key file.

    Raises:
        NotInitializedError: there is no key file, so no installation.
        DatabaseUnreadableError: the file is damaged.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise NotInitializedError(
            f"No FaceDesk installation in {path.parent}: run 'facedesk init' or start the app to set it up."
        ) from None
    try:
        return KeyFile.from_json(json.loads(text))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DatabaseUnreadableError(
            f"The key file {path.name} is damaged ({exc}); use a backup of the data folder."
        ) from None


def write_key_file(path: Path, key_file: KeyFile) -> None:
    """Replace the key file atomically, readable by this user only."""
    tmp = path.with_name(path.name + ".tmp")
    data = json.dumps(key_file.to_json(), indent=2, sort_keys=True).encode("utf-8")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX)
        dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _split(derived: bytes) -> tuple[bytes, bytes]:
    return derived[:DATABASE_KEY_BYTES], derived[DATABASE_KEY_BYTES:]


def _tag(mac_key: bytes, name: str, salt: bytes, wrapped: bytes) -> bytes:
    return hmac.digest(mac_key, _SLOT_LABEL + name.encode() + b"\x00" + salt + wrapped, "sha256")


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, TypeError) as exc:
        raise ValueError("invalid base64 in key file") from exc
