"""Operator password hashing with Argon2id (R16)."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

# A hash of a password nobody uses, made once with argon2-cffi's defaults: checking against it costs
# what checking a real operator's password costs, without hashing anew in every process (0.15 s
# of each command's start-up).
DECOY_HASH = "$argon2id$v=19$m=65536,t=3,p=4$1rDqpXomzqAr9FKu4ioq5A$7b656jDsneay26iGOE1nS3YpvZkdbyjSdoqjViKvdHY"


class PasswordHashing:
    """Hashes and checks operator passwords; parameters are argon2-cffi's RFC 9106 defaults."""

    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        self._hasher = hasher or PasswordHasher()
        # Checked against when the user name is unknown, so timing does not reveal which names exist.
        # With other parameters (tests use cheap ones), the decoy is made with those, so it costs the same.
        needs_own = self._hasher.check_needs_rehash(DECOY_HASH)
        self._decoy = self._hasher.hash("facedesk-decoy-password") if needs_own else DECOY_HASH

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
