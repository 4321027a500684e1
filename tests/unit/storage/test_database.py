"""The SQLCipher connection: encryption, pragmas, per-thread connections, real deletion (R14, R15)."""

import threading
from pathlib import Path

import pytest

from app.domain.errors import DatabaseMissingError, DatabaseUnreadableError, StateError, StorageError
from app.domain.secrets import DatabaseKey
from app.storage.database import Database
from app.storage.migrations import LATEST_SCHEMA_VERSION
from tests.helpers.sqlcipher_pages import decrypted_pages
from tests.unit.storage.schema_rows import add_consent, add_operator, add_person, add_template

LOTUS = "Lotus Inn 莲花客栈"


@pytest.mark.req("R15")
def test_the_file_is_encrypted_and_holds_no_plaintext(database: Database, db_path: Path) -> None:
    with database.transaction() as tx:
        add_person(tx, name=LOTUS)
    database.close()
    raw = db_path.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert LOTUS.encode() not in raw
    assert b"CREATE TABLE" not in raw


@pytest.mark.req("R15")
def test_the_database_does_not_open_with_another_key_and_is_left_unchanged(database: Database, db_path: Path) -> None:
    database.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseUnreadableError, match="could not be decrypted"):
        Database.open(db_path, DatabaseKey.generate())
    assert db_path.read_bytes() == before


@pytest.mark.req("R15")
def test_every_connection_enforces_foreign_keys_secure_delete_and_wal(database: Database) -> None:
    seen: dict[str, tuple] = {}

    def read_pragmas(label: str) -> None:
        conn = database.connection()
        seen[label] = tuple(
            conn.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("foreign_keys", "secure_delete", "journal_mode", "cipher_version")
        )

    read_pragmas("main")
    worker = threading.Thread(target=read_pragmas, args=("worker",))
    worker.start()
    worker.join(timeout=30)
    assert seen["main"][:3] == seen["worker"][:3] == (1, 1, "wal")
    assert seen["main"][3].startswith("4.")


def test_each_thread_gets_its_own_connection(database: Database) -> None:
    connections = []
    worker = threading.Thread(target=lambda: connections.append(database.connection()))
    worker.start()
    worker.join(timeout=30)
    assert connections[0] is not database.connection()


def test_closing_waits_for_a_write_running_on_another_thread(database: Database) -> None:
    """An enrolment's final write may still run while the desk closes: it finishes, then the file closes."""
    inside = threading.Event()
    release = threading.Event()
    outcome: list[str] = []

    def slow_write() -> None:
        with database.transaction() as tx:
            add_person(tx)
            inside.set()
            release.wait(10)
        outcome.append("committed")

    writer = threading.Thread(target=slow_write)
    writer.start()
    assert inside.wait(10)
    closer = threading.Thread(target=database.close)
    closer.start()
    closer.join(timeout=0.2)
    assert closer.is_alive()  # close() is waiting for the write, not pulling the file from under it
    release.set()
    writer.join(timeout=10)
    closer.join(timeout=10)
    assert outcome == ["committed"] and not closer.is_alive()
    with pytest.raises(StateError, match="closed"), database.transaction():
        pass


def test_a_failed_transaction_leaves_nothing_behind(database: Database) -> None:
    with pytest.raises(RuntimeError), database.transaction() as tx:
        add_person(tx)
        raise RuntimeError("interrupted")
    with database.snapshot() as conn:
        assert conn.execute("SELECT count(*) FROM people").fetchone()[0] == 0


def test_breaking_a_data_rule_becomes_a_storage_error_and_rolls_back(database: Database) -> None:
    with pytest.raises(StorageError, match="data rule"), database.transaction() as tx:
        add_person(tx)
        tx.execute("INSERT INTO people (kind, full_name, created_at, updated_at) VALUES ('visitor', 'x', '', '')")
    with database.snapshot() as conn:
        assert conn.execute("SELECT count(*) FROM people").fetchone()[0] == 0


def test_opening_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(DatabaseMissingError, match="missing"):
        Database.open(tmp_path / "nothing.db", DatabaseKey.generate())
    assert not (tmp_path / "nothing.db").exists()


def test_create_refuses_to_overwrite(database: Database, db_path: Path, db_key: DatabaseKey) -> None:
    with pytest.raises(StorageError, match="already exists"):
        Database.create(db_path, db_key)


def test_a_backup_copy_is_encrypted_with_the_same_key(database: Database, db_key: DatabaseKey, tmp_path: Path) -> None:
    with database.transaction() as tx:
        add_person(tx, name=LOTUS)
    target = tmp_path / "copies" / "copy.db"
    database.backup_to(target)
    assert LOTUS.encode() not in target.read_bytes()
    copy, applied = Database.open(target, db_key)
    with copy.snapshot() as conn:
        assert conn.execute("SELECT full_name FROM people").fetchone()[0] == LOTUS
    assert applied == []
    assert copy.schema_version() == LATEST_SCHEMA_VERSION
    copy.close()


def _store_two_templates_and_withdraw_one(database: Database) -> tuple[bytes, bytes]:
    deleted, kept = bytes([0xA5, 0x5A]) * 256, bytes([0x3C, 0xC3]) * 256
    with database.transaction() as tx:
        operator = add_operator(tx)
        first, second = add_person(tx), add_person(tx)
        consent_a = add_consent(tx, first, operator, code="AAAA-1111")
        consent_b = add_consent(tx, second, operator, code="BBBB-2222")
        add_template(tx, first, consent_a, deleted)
        add_template(tx, second, consent_b, kept)
    with database.transaction() as tx:
        tx.execute("UPDATE consents SET withdrawn_at = ? WHERE id = ?", ("2026-03-02T10:00:00.000Z", consent_a))
    database.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return deleted, kept


@pytest.mark.req("R14")
def test_withdrawn_template_bytes_are_gone_from_every_decrypted_page(
    database: Database, db_path: Path, db_key: DatabaseKey
) -> None:
    deleted, kept = _store_two_templates_and_withdraw_one(database)
    database.close()
    pages = list(decrypted_pages(db_path, db_key.raw))
    assert any(kept in page for page in pages), "control: live data must be visible once decrypted"
    assert not any(deleted in page for page in pages)


@pytest.mark.req("R14")
def test_control_without_secure_delete_the_bytes_would_remain(
    database: Database, db_path: Path, db_key: DatabaseKey
) -> None:
    """Shows the test above can fail: with secure_delete off, SQLite leaves deleted cells in place."""
    database.connection().execute("PRAGMA secure_delete = OFF")
    deleted, _ = _store_two_templates_and_withdraw_one(database)
    database.close()
    assert any(deleted in page for page in decrypted_pages(db_path, db_key.raw))


def test_a_bug_in_sql_is_raised_as_itself_not_turned_into_advice(database: Database) -> None:
    """A missing table is a bug in FaceDesk: it must reach the log with its traceback, not a user message."""
    from sqlcipher3 import dbapi2

    with pytest.raises(dbapi2.OperationalError, match="no such table"), database.transaction() as tx:
        add_person(tx)
        tx.execute("SELECT * FROM no_such_table")
    with pytest.raises(dbapi2.OperationalError, match="no such table"), database.snapshot() as conn:
        conn.execute("SELECT * FROM no_such_table")
    with database.snapshot() as conn:
        assert conn.execute("SELECT count(*) FROM people").fetchone()[0] == 0  # rolled back all the same


def test_an_empty_file_or_a_database_without_the_schema_is_refused_unchanged(tmp_path: Path) -> None:
    from app.domain.errors import DatabaseUnreadableError

    key = DatabaseKey.generate()
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    with pytest.raises(DatabaseUnreadableError, match=r"is empty \(0 bytes\)"):
        Database.open(empty, key)
    assert empty.stat().st_size == 0
    bare = tmp_path / "bare.db"  # an encrypted database with this key but no FaceDesk schema
    Database.create(bare, key, target_version=0).close()
    size = bare.stat().st_size
    with pytest.raises(DatabaseUnreadableError, match="holds no FaceDesk data"):
        Database.open(bare, key)
    assert bare.stat().st_size == size
