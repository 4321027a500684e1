"""An in-memory secret store for tests: same contract as the OS keyring, gone at exit."""


class MemorySecretStore:
    """Holds secrets in a dict for the lifetime of the object."""

    description = "in-memory store (tests only)"

    def __init__(self) -> None:
        self._secrets: dict[str, bytes] = {}

    def load(self, account: str) -> bytes | None:
        """The secret saved under ``account``, or ``None``."""
        return self._secrets.get(account)

    def save(self, account: str, secret: bytes) -> None:
        """Save the secret under ``account``."""
        self._secrets[account] = bytes(secret)

    def delete(self, account: str) -> None:
        """Forget the secret under ``account``."""
        self._secrets.pop(account, None)

    def __repr__(self) -> str:
        return f"MemorySecretStore({len(self._secrets)} entries)"
