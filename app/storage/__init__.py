"""The encrypted SQLCipher database: connection, migrations and repositories. All SQL lives here."""

from app.storage.database import Connection, Database, prune_copies
from app.storage.migrations import LATEST_SCHEMA_VERSION

__all__ = ["LATEST_SCHEMA_VERSION", "Connection", "Database", "prune_copies"]
