"""Operator password hashing with Argon2id (R16)."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError


class PasswordHashing:
    """Hashes and checks operator passwords; parameters are argon2-cffi's RFC 9106 defaults."""

    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        self._hasher = hasher or PasswordHasher()
        # Checked against when the user name is unknown, so timing does not reveal which names exist.
        self._decoy = self._hasher.hash("facedesk-decoy-password")

    def hash(self, password: str) -> str:
        """A new ``$argon2id$`` hash of ``password``."""
        return self._hasher.hash(password)

    def verify(self, stored_hash: str, password: str) -> bool:
        """Whether ``password`` matches ``stored_hash``."""
        try:
            return self._hasher.verify(stored_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def verify_decoy(self, password: str) -> None:
        """Spend the same time as a real check, for unknown user names."""
        self.verify(self._decoy, password)

    def needs_rehash(self, stored_hash: str) -> bool:
        """Whether the hash uses weaker parameters than current ones."""
        return self._hasher.check_needs_rehash(stored_hash)
