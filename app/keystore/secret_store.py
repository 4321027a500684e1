"""Where the database key is kept when no passphrase protects it."""

from typing import Protocol


class SecretStore(Protocol):
    """A place that holds the raw database key for this user (OS keyring, or memory in tests).

    Implementations raise :class:`app.domain.errors.KeyUnavailableError` when the store cannot
    be used, never their own library's exceptions.
    """

    @property
    def description(self) -> str:
        """A human description of the backend, for logs and ``doctor``; never a secret."""
        ...

    def load(self, account: str) -> bytes | None:
        """The secret saved under ``account``, or ``None`` when there is none."""
        ...

    def save(self, account: str, secret: bytes) -> None:
        """Save (or replace) the secret under ``account``."""
        ...

    def delete(self, account: str) -> None:
        """Remove the secret under ``account``; no error if it is already gone."""
        ...
