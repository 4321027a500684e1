"""The key file: wrapped copies of the database key, never the key itself.

Layout (JSON, ``facedesk.keys`` in the data folder)::

    {"format": "facedesk-key-file", "version": 1,
     "protection": "secret-store" | "passphrase",
     "account": "<random id naming the OS keyring entry>",
     "key_check": "<hex HMAC-SHA256(key, 'facedesk key check v1')>",
     "created_at": "...",
     "slots": {"recovery": {...}, "passphrase": {...}},
     "audit_anchor": {"sequence": N, "row_hash": "...", "tag": "<hex HMAC-SHA256(key, ...)>"},
     "database_salt": "<hex of the database file's first 16 bytes>",
     "checksum": "<hex SHA-256 of everything above>"}

A slot wraps the 256-bit key K under a secret S (a passphrase or a recovery code):
``D = Argon2id(S, salt, 64 bytes)``, ``wrapped = K xor D[:32]`` and
``tag = HMAC-SHA256(D[32:], label || slot name || salt || wrapped)``. Each slot has its own random
salt, so each pad is used once, and a wrong secret fails the tag check before anything touches
the database. ``key_check`` lets FaceDesk tell that a key from the OS keyring belongs to this
database without opening it; an HMAC output reveals nothing about the key.

``audit_anchor`` is the newest audit event FaceDesk has committed (its number and hash),
authenticated with the key: a database file older than it (copied back over the live one) is
refused as a rollback. ``database_salt`` (SQLCipher's per-file salt, not secret) tells a
database that does not open because it is damaged from one that belongs to another key file.
``checksum`` tells a damaged key file from a wrong passphrase; it is not a secret and protects
against accidents, not against someone editing the file.
"""

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.config.files import replace_durably
from app.domain.audit import AuditHead
from app.domain.errors import KeyFileDamagedError, NotInitializedError
from app.domain.secrets import DATABASE_KEY_BYTES, DatabaseKey
from app.keystore.kdf import SALT_BYTES, KdfParams, derive

FORMAT = "facedesk-key-file"
VERSION = 1
_SLOT_LABEL = b"facedesk-keyslot-v1\x00"
_CHECK_LABEL = b"facedesk key check v1"
_ANCHOR_LABEL = b"facedesk audit anchor v1\x00"

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
class AuditAnchor:
    """The newest committed audit position, authenticated with the database key."""

    head: AuditHead
    tag: str

    @classmethod
    def seal(cls, key: DatabaseKey, head: AuditHead) -> "AuditAnchor":
        """Authenticate ``head`` with ``key``."""
        return cls(head, _anchor_tag(key, head))

    def verified(self, key: DatabaseKey) -> bool:
        """Whether the anchor was written by someone holding ``key`` (not edited by hand)."""
        return hmac.compare_digest(self.tag, _anchor_tag(key, self.head))

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {"sequence": self.head.sequence, "row_hash": self.head.row_hash, "tag": self.tag}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "AuditAnchor":
        """Parse :meth:`to_json` output (raises ``ValueError``/``KeyError`` when malformed)."""
        sequence, row_hash, tag = data["sequence"], data["row_hash"], data["tag"]
        if not isinstance(sequence, int) or not isinstance(row_hash, str) or not isinstance(tag, str):
            raise ValueError("audit anchor fields have the wrong type")
        return cls(AuditHead(sequence, row_hash), tag)


def _anchor_tag(key: DatabaseKey, head: AuditHead) -> str:
    message = _ANCHOR_LABEL + f"{head.sequence}:{head.row_hash}".encode("ascii")
    return hmac.digest(key.raw, message, "sha256").hex()


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
    anchor: AuditAnchor | None = None
    database_salt: str | None = None  # the database file's first 16 bytes: which file this key opens

    def matches(self, key: DatabaseKey) -> bool:
        """Whether ``key`` is this installation's database key."""
        return hmac.compare_digest(self.key_check, key_check(key))

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return (
            {
                "format": FORMAT,
                "version": VERSION,
                "protection": self.protection.value,
                "account": self.account,
                "key_check": self.key_check,
                "created_at": self.created_at,
                "slots": {name: slot.to_json() for name, slot in sorted(self.slots.items())},
            }
            | ({"audit_anchor": self.anchor.to_json()} if self.anchor else {})
            | ({"database_salt": self.database_salt} if self.database_salt else {})
        )

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
        anchor = AuditAnchor.from_json(dict(data["audit_anchor"])) if "audit_anchor" in data else None
        salt = data.get("database_salt")
        if salt is not None and not isinstance(salt, str):
            raise ValueError("database_salt has the wrong type")
        return cls(
            protection, str(data["account"]), str(data["key_check"]), str(data["created_at"]), slots, anchor, salt
        )


def _checksum(content: Mapping[str, Any]) -> str:
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode("utf-8")).hexdigest()


def read_key_file(path: Path) -> KeyFile:
    """Load the key file.

    Raises:
        NotInitializedError: there is no key file, so no installation.
        KeyFileDamagedError: the file is damaged (unreadable, malformed or failing its checksum).
    """
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise NotInitializedError(
            f"No FaceDesk installation in {path.parent}: run 'facedesk init' or start the app to set it up."
        ) from None
    except UnicodeDecodeError:
        raise KeyFileDamagedError(_damaged(path, "it is not text")) from None
    try:
        content = json.loads(text)
        stored_sum = content.pop("checksum", None) if isinstance(content, dict) else None
        if stored_sum is not None and stored_sum != _checksum(content):
            raise ValueError("its checksum does not match")
        return KeyFile.from_json(content)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise KeyFileDamagedError(_damaged(path, str(exc))) from None


def _damaged(path: Path, why: str) -> str:
    return (
        f"The key file {path.name} is damaged ({why}); the database was not opened or changed. Copy "
        f"{path.name} back from the newest folder in {path.parent / 'backups'} (or another copy of the "
        "data folder), then try again."
    )


@contextmanager
def key_file_lock(path: Path) -> Iterator[None]:
    """Hold the key file's lock across a read-modify-write, also against other FaceDesk processes.

    The desk records the audit anchor after every audited change while the command line may change
    the passphrase; without the lock one could write back a key file read before the other's change.
    """
    lock_path = path.with_name(path.name + ".lock")
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def write_key_file(path: Path, key_file: KeyFile) -> None:
    """Replace the key file atomically, readable by this user only."""
    content = key_file.to_json()
    content["checksum"] = _checksum(content)
    replace_durably(path, json.dumps(content, indent=2, sort_keys=True).encode("utf-8"))


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
