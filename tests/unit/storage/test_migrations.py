"""Schema versions: upgrades from version 1, copies before upgrading, refusal of newer files (R14)."""

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2

from app.domain.errors import DatabaseTooNewError, MigrationError
from app.domain.secrets import DatabaseKey
from app.storage import migrations
from app.storage.database import Database
from app.storage.migrations import LATEST_SCHEMA_VERSION, MIGRATIONS
from tests.unit.storage.schema_rows import add_operator, add_person


def raw_connection(path: Path, key: DatabaseKey) -> dbapi2.Connection:
    conn = dbapi2.connect(str(path), isolation_level=None)
    conn.execute(f'PRAGMA key = "{key.sqlcipher_literal()}"')
    return conn


def test_migrations_are_numbered_without_gaps() -> None:
    assert sorted(MIGRATIONS) == list(range(1, LATEST_SCHEMA_VERSION + 1))
    assert LATEST_SCHEMA_VERSION >= 2


def test_a_version_1_database_upgrades_to_the_latest_and_keeps_its_data(db_path: Path, db_key: DatabaseKey) -> None:
    old = Database.create(db_path, db_key, target_version=1)
    with old.transaction() as tx:
        add_operator(tx, username="boss", role="admin")
        add_person(tx, name="Li Wei")
    assert old.schema_version() == 1
    old.close()

    copies: list[int] = []
    upgraded, applied = Database.open(db_path, db_key, before_upgrade=lambda db, version: copies.append(version))
    assert applied == list(range(2, LATEST_SCHEMA_VERSION + 1))
    assert copies == [1]
    assert upgraded.schema_version() == LATEST_SCHEMA_VERSION
    with upgraded.snapshot() as conn:
        assert conn.execute("SELECT username FROM operators").fetchall() == [("boss",)]
        assert conn.execute("SELECT full_name FROM people").fetchall() == [("Li Wei",)]
        assert conn.execute("SELECT count(*) FROM pia_records").fetchone()[0] == 0  # added by migration 2
    upgraded.close()


def test_an_up_to_date_database_is_not_copied_or_migrated(
    database: Database, db_path: Path, db_key: DatabaseKey
) -> None:
    database.close()
    copies: list[int] = []
    reopened, applied = Database.open(db_path, db_key, before_upgrade=lambda db, v: copies.append(v))
    assert applied == [] and copies == []
    reopened.close()


def test_a_database_newer_than_the_code_is_refused_and_left_byte_for_byte_untouched(
    database: Database, db_path: Path, db_key: DatabaseKey
) -> None:
    database.close()
    conn = raw_connection(db_path, db_key)
    conn.execute(f"PRAGMA user_version = {LATEST_SCHEMA_VERSION + 5}")
    conn.close()
    before = db_path.read_bytes()
    stat_before = os.stat(db_path)
    with pytest.raises(DatabaseTooNewError, match="newer FaceDesk"):
        Database.open(db_path, db_key)
    assert db_path.read_bytes() == before
    assert os.stat(db_path).st_mtime_ns == stat_before.st_mtime_ns
    assert {p.name for p in db_path.parent.iterdir()} == {db_path.name}


def test_a_failing_migration_is_rolled_back_completely(
    database: Database,
    db_path: Path,
    db_key: DatabaseKey,
    monkeypatch: pytest.MonkeyPatch,
    expect_warnings: Callable[[str], None],
) -> None:
    """A migration that fails half-way leaves the previous version and no partial tables."""

    def broken_migration(conn: dbapi2.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise dbapi2.OperationalError("simulated failure half-way")

    database.close()
    monkeypatch.setitem(MIGRATIONS, LATEST_SCHEMA_VERSION + 1, broken_migration)
    monkeypatch.setattr(migrations, "LATEST_SCHEMA_VERSION", LATEST_SCHEMA_VERSION + 1)
    expect_warnings(f"Migration {LATEST_SCHEMA_VERSION + 1} failed and was rolled back")
    conn = raw_connection(db_path, db_key)
    with pytest.raises(MigrationError, match="undone"):
        migrations.apply_migrations(conn, target=LATEST_SCHEMA_VERSION + 1)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_SCHEMA_VERSION
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0
    conn.close()
