"""The database key as a value that refuses to be printed, logged or pickled."""

import hmac
import secrets
from typing import NoReturn

DATABASE_KEY_BYTES = 32  # SQLCipher 4 raw key: 256 bits for AES-256


class DatabaseKey:
    """A 256-bit SQLCipher key.

    ``repr()`` and ``str()`` are redacted so the key cannot slip into a log line or a traceback,
    and pickling is refused so it is never sent to another process by accident.
    """

    __slots__ = ("_raw",)

    def __init__(self, raw: bytes) -> None:
        if not isinstance(raw, bytes) or len(raw) != DATABASE_KEY_BYTES:
            raise ValueError("a database key is exactly 32 bytes")
        self._raw = raw

    @classmethod
    def generate(cls) -> "DatabaseKey":
        """Return a new key from the operating system's CSPRNG."""
        return cls(secrets.token_bytes(DATABASE_KEY_BYTES))

    @property
    def raw(self) -> bytes:
        """The 32 key bytes. Handle with care: never log or persist them."""
        return self._raw

    def sqlcipher_literal(self) -> str:
        """The key as SQLCipher's raw-key literal (``x'<64 hex digits>'``), bypassing its KDF."""
        return f"x'{self._raw.hex()}'"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DatabaseKey):
            return NotImplemented
        return hmac.compare_digest(self._raw, other._raw)

    def __hash__(self) -> int:
        return hash(("DatabaseKey", hmac.digest(b"facedesk-hash", self._raw, "sha256")))

    def __repr__(self) -> str:
        return "DatabaseKey(<redacted>)"

    __str__ = __repr__

    def __reduce__(self) -> NoReturn:
        raise TypeError("a DatabaseKey must not be pickled or sent to another process")
