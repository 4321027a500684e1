"""Argon2id key derivation for passphrases and recovery codes.

Parameters follow RFC 9106 section 4, second recommended option (64 MiB, 3 passes, 4 lanes),
which costs about 0.1 s on a 2-core desk PC. They are stored beside each wrapped key so they can
be raised later without breaking existing installations, and bounded so a tampered key file
cannot make FaceDesk allocate absurd amounts of memory.
"""

from dataclasses import dataclass
from typing import Any

from argon2.low_level import Type, hash_secret_raw

SALT_BYTES = 16


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters."""

    time_cost: int = 3
    memory_kib: int = 65536
    parallelism: int = 4

    def __post_init__(self) -> None:
        if not 1 <= self.time_cost <= 10:
            raise ValueError("Argon2id time cost must be between 1 and 10")
        if not 8 * 1024 <= self.memory_kib <= 4 * 1024 * 1024:
            raise ValueError("Argon2id memory must be between 8 MiB and 4 GiB")
        if not 1 <= self.parallelism <= 16:
            raise ValueError("Argon2id parallelism must be between 1 and 16")

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready description, including the algorithm name."""
        return {
            "name": "argon2id",
            "time_cost": self.time_cost,
            "memory_kib": self.memory_kib,
            "parallelism": self.parallelism,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "KdfParams":
        """Parse :meth:`to_json` output.

        Raises:
            ValueError: unknown algorithm or out-of-range parameters.
        """
        if data.get("name") != "argon2id":
            raise ValueError("unsupported key derivation function")
        return cls(int(data["time_cost"]), int(data["memory_kib"]), int(data["parallelism"]))


DEFAULT_KDF = KdfParams()


def derive(secret: bytes, salt: bytes, params: KdfParams, length: int) -> bytes:
    """Derive ``length`` bytes from ``secret`` and ``salt`` with Argon2id."""
    return hash_secret_raw(
        secret=secret,
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=length,
        type=Type.ID,
    )
