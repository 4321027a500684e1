"""Numbered schema migrations, tracked in ``PRAGMA user_version``.

Each migration runs in one transaction together with the version bump, so a failure leaves the
database exactly at the previous version. A database newer than this code is refused before
anything is written.
"""

import logging
from collections.abc import Callable

from app.domain.errors import DatabaseTooNewError, MigrationError
from app.storage.connection import Connection
from app.storage.migrations import (
    v0001_core,
    v0002_compliance,
    v0003_retention,
    v0004_staff_entry,
    v0005_processing_records,
    v0006_erasure,
    v0007_card_reads,
    v0008_door_access,
)

logger = logging.getLogger(__name__)

Migration = Callable[[Connection], None]

MIGRATIONS: dict[int, Migration] = {
    1: v0001_core.apply,
    2: v0002_compliance.apply,
    3: v0003_retention.apply,
    4: v0004_staff_entry.apply,
    5: v0005_processing_records.apply,
    6: v0006_erasure.apply,
    7: v0007_card_reads.apply,
    8: v0008_door_access.apply,
}
LATEST_SCHEMA_VERSION = max(MIGRATIONS)


def schema_version(conn: Connection) -> int:
    """The schema version recorded in the database header."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def refuse_if_too_new(conn: Connection) -> int:
    """Return the schema version, refusing a database written by a newer FaceDesk.

    Raises:
        DatabaseTooNewError: the version is above :data:`LATEST_SCHEMA_VERSION`.
    """
    version = schema_version(conn)
    if version > LATEST_SCHEMA_VERSION:
        raise DatabaseTooNewError(
            f"This database uses schema version {version}, but this FaceDesk understands versions "
            f"up to {LATEST_SCHEMA_VERSION}: install the newer FaceDesk. The database was not changed."
        )
    return version


def apply_migrations(
    conn: Connection,
    *,
    target: int = LATEST_SCHEMA_VERSION,
    before_upgrade: Callable[[int], None] | None = None,
) -> list[int]:
    """Bring the database up to ``target``, one transaction per migration.

    Args:
        conn: an autocommit connection with no transaction open.
        target: the version to reach (tests create older databases with it).
        before_upgrade: called with the current version before an existing database (version
            1 or more) is changed, to take a copy.

    Returns:
        The migration numbers applied, in order.

    Raises:
        DatabaseTooNewError: the database is newer than this code.
        MigrationError: a migration failed; its transaction was rolled back.
    """
    current = refuse_if_too_new(conn)
    pending = [number for number in sorted(MIGRATIONS) if current < number <= target]
    if pending and current > 0 and before_upgrade is not None:
        before_upgrade(current)
    for number in pending:
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[number](conn)
            conn.execute(f"PRAGMA user_version = {int(number)}")
            conn.execute("COMMIT")
        except Exception as exc:
            conn.execute("ROLLBACK")
            logger.exception("Migration %d failed and was rolled back.", number)
            raise MigrationError(
                f"Upgrading the database to schema version {number} failed and was undone; "
                "the data is as it was before. See the log for details."
            ) from exc
        logger.info("Database schema migrated to version %d.", number)
    return pending
