"""The encrypted SQLCipher database: opening, per-thread connections and transactions.

Every connection sends ``PRAGMA key`` first (a raw 256-bit key, so SQLCipher's own KDF is
skipped), checks the key by reading the schema, then turns on foreign keys and secure delete.
WAL journaling is switched on only after the schema version has been checked, so a database
from a newer FaceDesk, or one opened with the wrong key, is never written to.
"""

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, cast

from sqlcipher3 import dbapi2

from app.domain.audit import AuditHead
from app.domain.errors import (
    DatabaseDamagedError,
    DatabaseMissingError,
    DatabaseUndecryptableError,
    DatabaseUnreadableError,
    StateError,
    StorageError,
)
from app.domain.integrity import IntegrityReport
from app.domain.secrets import DatabaseKey
from app.storage.connection import Connection
from app.storage.errors import raise_translated, sqlite_result_code
from app.storage.migrations import (
    LATEST_SCHEMA_VERSION,
    apply_migrations,
    refuse_if_too_new,
    schema_version,
)

if TYPE_CHECKING:
    from app.storage.unit_of_work import UnitOfWork

__all__ = ["Connection", "Database", "file_salt", "prune_copies"]

logger = logging.getLogger(__name__)

BUSY_TIMEOUT_SECONDS = 10.0
CLOSE_WAIT_SECONDS = 30.0  # an enrolment's final write or a purge finishing while the app closes
SQLCIPHER_PAGE_SIZE = 4096  # SQLCipher 4 default, which FaceDesk keeps


class Database:
    """One encrypted database file. Each thread gets its own connection from :meth:`connection`."""

    def __init__(self, path: Path, key: DatabaseKey) -> None:
        """Use :meth:`create` or :meth:`open`; this constructor does no I/O."""
        self._path = path
        self._key = key
        self._local = threading.local()
        self._connections: list[Connection] = []
        self._lock = threading.Lock()
        # Transactions in progress on any thread; close() waits for them (a connection must
        # never be closed under a running statement: SQLite would crash the process).
        self._idle = threading.Condition(self._lock)
        self._active = 0
        self._closed = False
        self._audit_committed: Callable[[AuditHead], None] | None = None

    def on_audit_committed(self, callback: Callable[[AuditHead], None] | None) -> None:
        """Call ``callback`` with the newest audit position after each commit that appended events.

        The installation records it outside the database (the rollback anchor in the key file).
        """
        self._audit_committed = callback

    @property
    def path(self) -> Path:
        """The database file."""
        return self._path

    @property
    def key(self) -> DatabaseKey:
        """The key (for opening this database's own backup copies and anchoring them; never logged)."""
        return self._key

    @classmethod
    def create(cls, path: Path, key: DatabaseKey, *, target_version: int = LATEST_SCHEMA_VERSION) -> "Database":
        """Create a new encrypted database with the schema at ``target_version``.

        Raises:
            StorageError: a file already exists there.
        """
        if path.exists():
            raise StorageError(f"A database already exists at {path}; it was not changed.")
        database = cls(path, key)
        conn = database._connect(create=True)
        path.chmod(0o600)
        _enable_wal(conn)
        apply_migrations(conn, target=target_version)
        database._adopt(conn)
        logger.info("Created an encrypted database at schema version %d.", target_version)
        return database

    @classmethod
    def open(
        cls,
        path: Path,
        key: DatabaseKey,
        *,
        before_upgrade: Callable[["Database", int], None] | None = None,
        upgrade: bool = True,
        check: Callable[[Connection], None] | None = None,
    ) -> tuple["Database", list[int]]:
        """Open an existing database and bring its schema up to date.

        Args:
            path: the database file.
            key: its key.
            before_upgrade: called with the database and its current version before any
                migration changes it (used to take an encrypted copy).
            upgrade: ``False`` opens without migrating (for inspection such as ``doctor``).
            check: called with the connection before anything is written (raising refuses the file;
                the rollback check uses it).

        Returns:
            The database and the migration numbers that were applied.

        Raises:
            DatabaseMissingError, DatabaseUnreadableError, DatabaseTooNewError, MigrationError.
        """
        if not path.is_file():
            raise DatabaseMissingError(
                f"The database file {path.name} is missing from {path.parent}; restore it from a backup."
            )
        if path.stat().st_size == 0:
            # SQLite would take an empty file for a new database and the migrations would turn it
            # into an empty installation: a damaged file must never silently become a fresh start.
            raise DatabaseUnreadableError(_not_an_installation(path, "is empty (0 bytes)"))
        database = cls(path, key)
        conn = database._connect(create=False)
        try:
            if schema_version(conn) == 0:  # FaceDesk creates every database with its schema
                raise DatabaseUnreadableError(_not_an_installation(path, "holds no FaceDesk data"))
            refuse_if_too_new(conn)  # before WAL: a newer database must not be touched at all
            if check is not None:
                check(conn)
            applied: list[int] = []
            if upgrade:
                _enable_wal(conn)
                applied = apply_migrations(
                    conn,
                    before_upgrade=(lambda version: before_upgrade(database, version)) if before_upgrade else None,
                )
        except dbapi2.Error as exc:  # a damaged page met while checking: damage, not a bug
            conn.close()
            raise_translated(exc, path.parent)
        except BaseException:
            conn.close()
            raise
        database._adopt(conn)
        return database, applied

    def connection(self) -> Connection:
        """This thread's connection (created on first use)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect(create=False)
            self._adopt(conn)
        return conn

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction (``BEGIN IMMEDIATE``), committed on success, rolled back on error.

        Raises:
            StateError: the database was closed (for example while the app shuts down).
        """
        with self._in_use():
            conn = self.connection()
            try:
                conn.execute("BEGIN IMMEDIATE")
            except dbapi2.Error as exc:
                raise_translated(exc, self._path.parent)
            try:
                yield conn
            except dbapi2.Error as exc:
                _rollback(conn)
                raise_translated(exc, self._path.parent)
            except BaseException:
                _rollback(conn)
                raise
            try:
                conn.execute("COMMIT")
            except dbapi2.Error as exc:
                _rollback(conn)
                raise_translated(exc, self._path.parent)

    @contextmanager
    def snapshot(self) -> Iterator[Connection]:
        """A read transaction: every query inside sees the same consistent state."""
        with self._in_use():
            conn = self.connection()
            try:
                conn.execute("BEGIN")
            except dbapi2.Error as exc:
                raise_translated(exc, self._path.parent)
            try:
                yield conn
            except dbapi2.Error as exc:
                raise_translated(exc, self._path.parent)
            finally:
                _rollback(conn)

    @contextmanager
    def unit(self) -> Iterator["UnitOfWork"]:
        """A write transaction as a unit of work: committed together, or (on any error) not at all."""
        from app.storage.unit_of_work import UnitOfWork  # the repositories import this module

        with self.transaction() as conn:
            uow = UnitOfWork(conn)
            yield uow
        if uow.last_event is not None and self._audit_committed is not None:
            self._audit_committed(AuditHead(uow.last_event.id, uow.last_event.row_hash))

    @contextmanager
    def reading(self) -> Iterator["UnitOfWork"]:
        """A consistent read as a unit of work (nothing it does is kept)."""
        from app.storage.unit_of_work import UnitOfWork

        with self.snapshot() as conn:
            yield UnitOfWork(conn)

    def checkpoint(self) -> bool:
        """Copy the write-ahead log into the database and empty it.

        Called after deleting face data: secure_delete zeroes freed space in the database file, but
        older page images stay in the WAL file until it is checkpointed and truncated (R14).

        Returns:
            ``False`` when another connection's open read kept part of the log (it is emptied at
            the next checkpoint).
        """
        busy, _, _ = self.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            logger.info("WAL checkpoint postponed by an open read; it completes at the next one.")
        return not busy

    def schema_version(self) -> int:
        """The schema version of the open database."""
        return schema_version(self.connection())

    def cipher_version(self) -> str:
        """The SQLCipher library version in use."""
        return str(self.connection().execute("PRAGMA cipher_version").fetchone()[0])

    def damaged_pages(self) -> int:
        """How many pages fail SQLCipher's per-page authentication (0 for an intact file)."""
        return self.check_integrity().damaged_pages

    def trigger_problems(self) -> list[str]:
        """Each protective trigger that is missing, altered or added (empty when all are FaceDesk's own)."""
        from app.storage.integrity import trigger_problems

        with self._in_use():
            return trigger_problems(self.connection())

    def check_integrity(self) -> IntegrityReport:
        """Pages, rows, foreign keys and the protective triggers (damage is reported, not raised)."""
        from app.storage.integrity import check_integrity  # it imports the migrations, as this module does

        with self._in_use():
            return check_integrity(self.connection())

    def backup_to(self, target: Path) -> None:
        """Write a consistent, encrypted copy (same key) to ``target``, which must not exist."""
        if target.exists():
            raise StorageError(f"{target} already exists; the backup was not written.")
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            dest = dbapi2.connect(str(target), isolation_level=None)
        except dbapi2.Error as exc:
            raise_translated(exc, target.parent)
        try:
            dest.execute("PRAGMA cipher_log_level = NONE")
            dest.execute(f'PRAGMA key = "{self._key.sqlcipher_literal()}"')
            self.connection().backup(dest)
        except dbapi2.Error as exc:
            raise_translated(exc, target.parent)
        finally:
            dest.close()
        target.chmod(0o600)

    def close(self, timeout: float = CLOSE_WAIT_SECONDS) -> None:
        """Close every connection, after the transactions still running on other threads end.

        New transactions are refused from now on. A transaction still running after ``timeout``
        seconds keeps its connection open (it is logged): closing it would crash the process.
        """
        with self._idle:
            self._closed = True
            finished = self._idle.wait_for(lambda: self._active == 0, timeout)
            if not finished:
                logger.error("A database transaction was still running at close; its connection stays open.")
                return
            connections, self._connections = self._connections, []
        for conn in connections:
            conn.close()
        self._local = threading.local()

    @contextmanager
    def _in_use(self) -> Iterator[None]:
        with self._idle:
            if self._closed:
                raise StateError("The database is closed.")
            self._active += 1
        try:
            yield
        finally:
            with self._idle:
                self._active -= 1
                if self._active == 0:
                    self._idle.notify_all()

    def _adopt(self, conn: Connection) -> None:
        self._local.conn = conn
        with self._lock:
            self._connections.append(conn)

    def _connect(self, *, create: bool) -> Connection:
        uri = self._path.as_uri() + ("?mode=rwc" if create else "?mode=rw")
        try:
            conn = dbapi2.connect(
                uri,
                uri=True,
                isolation_level=None,  # transactions are explicit: BEGIN IMMEDIATE ... COMMIT
                check_same_thread=False,  # ownership is per thread via self._local; close() may run elsewhere
                timeout=BUSY_TIMEOUT_SECONDS,
            )
        except dbapi2.Error as exc:
            raise_translated(exc, self._path.parent)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")  # errors surface as exceptions, not stderr
            conn.execute(f'PRAGMA key = "{self._key.sqlcipher_literal()}"')
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except dbapi2.DatabaseError as exc:
            conn.close()
            if sqlite_result_code(exc) not in (dbapi2.SQLITE_NOTADB, dbapi2.SQLITE_CORRUPT, None):
                raise_translated(exc, self._path.parent)  # a full or read-only disk is not a wrong key
            failing, pages = failing_pages(self._path, self._key)
            if 0 < failing < pages:  # a wrong key authenticates no page at all: this is damage
                raise DatabaseDamagedError(
                    f"The database {self._path.name} is damaged: {failing} page(s) fail authentication. It was "
                    "not changed. 'facedesk doctor' shows the damage; 'facedesk restore' puts the newest backup "
                    "into a new data folder.",
                    pages=failing,
                ) from None
            raise DatabaseUndecryptableError(
                f"The database {self._path.name} could not be decrypted: it is damaged or belongs to "
                "another key. It was not changed. If the key is lost, 'facedesk recover' with the recovery "
                "code restores access; if the file is damaged, 'facedesk restore' puts the latest backup into "
                "a new data folder."
            ) from None
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")  # deleted rows are overwritten, not left in free pages
        conn.execute("PRAGMA synchronous = FULL")  # a committed check-in survives a power cut
        return cast(Connection, conn)


def failing_pages(path: Path, key: DatabaseKey) -> tuple[int, int]:
    """(pages that fail authentication with ``key``, pages in the file), read page by page.

    Works when the schema itself cannot be read (a damaged page of ``sqlite_master``), where opening
    the database normally fails before any check. (0, 0) when the file cannot be read at all.
    """
    try:
        pages = path.stat().st_size // SQLCIPHER_PAGE_SIZE
        conn = dbapi2.connect(path.as_uri() + "?mode=ro", uri=True, isolation_level=None)
    except (OSError, dbapi2.Error):
        return 0, 0
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f'PRAGMA key = "{key.sqlcipher_literal()}"')
        return len(conn.execute("PRAGMA cipher_integrity_check").fetchall()), pages
    except dbapi2.DatabaseError:
        return 0, pages
    finally:
        conn.close()


def file_salt(path: Path) -> str | None:
    """The database file's SQLCipher salt (its first 16 bytes, not secret), hex; ``None`` if unreadable."""
    try:
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError:
        return None
    return head.hex() if len(head) == 16 else None


def _not_an_installation(path: Path, what: str) -> str:
    return (
        f"The database file {path.name} {what}: it was damaged or replaced, and it was not changed. "
        "'facedesk restore' puts the latest backup into a new data folder."
    )


def _rollback(conn: Connection) -> None:
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except dbapi2.Error:
            logger.exception("Rollback failed; SQLite will roll back when the connection closes.")


def _enable_wal(conn: Connection) -> None:
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        logger.warning("WAL journaling is not available here (journal mode %s).", mode)


def prune_copies(folder: Path, *, older_than: timedelta, now: datetime) -> list[Path]:
    """Delete ``*.db`` copies in ``folder`` modified before ``now - older_than``.

    Copies hold data as it was, including face templates deleted since; keeping them only for
    the stated backup window is what makes deletion real (R14).
    """
    if not folder.is_dir():
        return []
    cutoff = (now - older_than).timestamp()
    removed = []
    for copy in sorted(folder.glob("*.db")):
        if copy.stat().st_mtime < cutoff:
            copy.unlink()
            removed.append(copy)
    return removed
