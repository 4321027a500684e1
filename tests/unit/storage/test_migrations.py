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


def test_schema_6_keeps_every_rights_request_and_incident_of_a_version_5_database(
    db_path: Path, db_key: DatabaseKey
) -> None:
    """Schema 6 rebuilds the request table (a new kind) and adds columns and filing tasks: nothing is lost."""
    old = Database.create(db_path, db_key, target_version=5)
    with old.transaction() as tx:
        boss = add_operator(tx, username="boss", role="admin")
        person = add_person(tx, name="Li Wei")
        tx.execute(
            "INSERT INTO rights_requests (person_id, kind, received_at, identity_checked_by, status, refusal_reason, "
            "closed_at, closed_by) VALUES (?, 'deletion', '2026-03-02T09:00:00Z', ?, 'refused', "
            "'The guest register must be kept.', '2026-03-03T09:00:00Z', ?)",
            (person, boss, boss),
        )
        tx.execute(
            "INSERT INTO incidents (discovered_at, occurred_from, occurred_to, description, cause, harm, remedies, "
            "recorded_by, recorded_at) VALUES ('2026-03-02T09:00:00Z', '2026-03-01T09:00:00Z', "
            "'2026-03-01T10:00:00Z', 'Laptop lost', 'Left on a train', 'Records seen', 'Disk encrypted', ?, "
            "'2026-03-02T09:00:00Z')",
            (boss,),
        )
        tx.execute(
            "INSERT INTO filing_milestones (threshold, reached_on, deadline) VALUES (100000, '2026-09-28', "
            "'2026-11-11')"
        )
    old.close()
    upgraded, applied = Database.open(db_path, db_key)
    assert applied == list(range(6, LATEST_SCHEMA_VERSION + 1))
    with upgraded.snapshot() as conn:
        assert conn.execute(
            "SELECT person_id, kind, status, refusal_reason, closed_by, outcome FROM rights_requests"
        ).fetchall() == [(person, "deletion", "refused", "The guest register must be kept.", boss, None)]
        assert conn.execute("SELECT description, data_kinds FROM incidents").fetchall() == [
            ("Laptop lost", '["face_templates"]')
        ]
        assert conn.execute("SELECT erased_at FROM people").fetchall() == [(None,)]
        assert conn.execute("SELECT kind, arose_on, deadline, filed_on FROM filing_tasks").fetchall() == [
            ("filing", "2026-09-28", "2026-11-11", None)
        ]  # the threshold reached before schema 6 is a filing owed
    upgraded.close()


def test_schema_7_keeps_every_check_marks_them_looked_at_and_allows_residence_permits(
    db_path: Path, db_key: DatabaseKey
) -> None:
    """Schema 7 rewrites the people table's document list in place: nothing is lost, nothing cascades."""
    old = Database.create(db_path, db_key, target_version=6)
    with old.transaction() as tx:
        boss = add_operator(tx, username="boss", role="admin")
        person = add_person(tx, name="Li Wei")
        tx.execute(
            "INSERT INTO stays (person_id, room, arrival_date, departure_date, created_at) "
            "VALUES (?, '1208', '2026-03-02', '2026-03-04', '2026-03-02T09:00:00Z')",
            (person,),
        )
        for method, result, last4 in (("manual", "document_checked", "0023"), ("face", "match", None)):
            tx.execute(
                "INSERT INTO verifications (person_id, purpose, method, result, id_document_type, "
                "id_document_last4, operator_id, occurred_at) VALUES (?, 'guest_verification', ?, ?, ?, ?, ?, "
                "'2026-03-02T10:00:00Z')",
                (person, method, result, "resident_id" if last4 else None, last4, boss),
            )
        with pytest.raises(dbapi2.IntegrityError):
            tx.execute(
                "INSERT INTO people (kind, full_name, id_document_type, id_document_number, created_at, updated_at) "
                "VALUES ('guest', 'Chan Tai Man', 'hmt_residence_permit', '810000199408230028', 'x', 'x')"
            )
    old.close()
    upgraded, applied = Database.open(db_path, db_key)
    assert applied == list(range(7, LATEST_SCHEMA_VERSION + 1))
    with upgraded.transaction() as conn:
        assert conn.execute("SELECT full_name FROM people").fetchall() == [("Li Wei",)]
        assert conn.execute("SELECT count(*) FROM stays").fetchone()[0] == 1, "no cascade through people"
        assert conn.execute("SELECT method, document_check FROM verifications ORDER BY id").fetchall() == [
            ("manual", "looked_at"),
            ("face", None),
        ]
        conn.execute(
            "INSERT INTO people (kind, full_name, id_document_type, id_document_number, created_at, updated_at) "
            "VALUES ('guest', 'Chan Tai Man', 'hmt_residence_permit', '810000199408230028', 'x', 'x')"
        )
        with pytest.raises(dbapi2.IntegrityError):
            conn.execute(
                "INSERT INTO people (kind, full_name, id_document_type, id_document_number, created_at, updated_at) "
                "VALUES ('guest', 'Nobody', 'library_card', '12345', 'x', 'x')"
            )
        with pytest.raises(dbapi2.IntegrityError):
            conn.execute("UPDATE verifications SET document_check = 'guessed' WHERE method = 'manual'")
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    upgraded.close()


def test_schema_8_keeps_every_clock_event_and_adds_an_empty_door_log(db_path: Path, db_key: DatabaseKey) -> None:
    """Schema 8 adds access rules and the entry log; existing staff and their events stay as they were."""
    old = Database.create(db_path, db_key, target_version=7)
    with old.transaction() as tx:
        boss = add_operator(tx, username="boss", role="admin")
        person = add_person(tx, name="Zhou Min", kind="staff")
        tx.execute(
            "INSERT INTO clock_events (person_id, occurred_at, direction, method, recorded_by) "
            "VALUES (?, '2026-03-02T01:00:00Z', 'in', 'manager', ?)",
            (person, boss),
        )
    old.close()
    upgraded, applied = Database.open(db_path, db_key)
    assert applied == list(range(8, LATEST_SCHEMA_VERSION + 1))
    with upgraded.transaction() as conn:
        assert conn.execute("SELECT count(*) FROM clock_events").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM entry_log").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM access_rules").fetchone()[0] == 0
        conn.execute(
            "INSERT INTO access_rules (person_id, days, start_minute, end_minute, updated_at) "
            "VALUES (?, '12345', 540, 1080, '2026-03-02T01:00:00Z')",
            (person,),
        )
        with pytest.raises(dbapi2.IntegrityError):  # a day that is not Monday to Sunday
            conn.execute("UPDATE access_rules SET days = '189' WHERE person_id = ?", (person,))
        with pytest.raises(dbapi2.IntegrityError):  # a refusal always says why
            conn.execute(
                "INSERT INTO entry_log (occurred_at, person_id, method, granted) VALUES ('x', ?, 'pin', 0)", (person,)
            )
    upgraded.close()
