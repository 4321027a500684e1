"""Creating, opening and recovering an installation: key, encrypted database and first setup.

The order of work keeps failures harmless: input is validated before anything is created; a
wrong passphrase is detected from the key file before the database is opened; a database from
a newer FaceDesk is refused before it is written; an encrypted copy is taken before a schema
upgrade; and a setup that fails half-way removes what it created.
"""

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

from app.config.paths import DataPaths
from app.config.settings import BACKUP_DAYS
from app.domain.audit import CLI_ACTOR, SYSTEM_ACTOR, AuditAction, AuditHead
from app.domain.clock import Clock
from app.domain.errors import (
    AlreadyInitializedError,
    DatabaseDamagedError,
    DatabaseUndecryptableError,
    KeyFileDamagedError,
    KeyFileMismatchError,
    NotInitializedError,
    RollbackError,
    StorageError,
)
from app.domain.secrets import DatabaseKey
from app.keystore import KeyManager, Protection, RecoveryCode, validate_passphrase
from app.services.backup_service import BackupService
from app.services.capture_session import FaceEngine
from app.services.desk_services import DeskServices
from app.services.notice_service import NoticeCatalog
from app.services.passwords import PasswordHashing
from app.services.setup_service import SetupRequest, SetupService
from app.storage.audit_repository import AuditRepository
from app.storage.connection import Connection
from app.storage.database import Database, file_salt, prune_copies
from app.storage.migrations import LATEST_SCHEMA_VERSION

logger = logging.getLogger(__name__)


class InstallationService:
    """The lifecycle of one data folder's key and database."""

    def __init__(
        self,
        paths: DataPaths,
        key_manager: KeyManager,
        clock: Clock,
        hashing: PasswordHashing | None = None,
        *,
        local_zone: tzinfo | None = None,
        catalog: NoticeCatalog | None = None,
        engine: FaceEngine | None = None,
    ) -> None:
        """Create the service.

        Args:
            paths: the data folder.
            key_manager: key creation and unlocking.
            clock: time source.
            hashing: operator password hashing.
            local_zone: the desk's time zone (default: this computer's).
            catalog: notice templates (default: the bundled ones).
            engine: the face engine for capture sessions (the desk application supplies one).
        """
        self._paths = paths
        self._keys = key_manager
        self._clock = clock
        self._hashing = hashing or PasswordHashing()
        self._zone = local_zone or datetime.now().astimezone().tzinfo or UTC
        self._catalog = catalog or NoticeCatalog()
        self._engine = engine

    @property
    def paths(self) -> DataPaths:
        """The data folder's files."""
        return self._paths

    @property
    def keyring_available(self) -> bool:
        """Whether the key can be kept in an OS keyring on this computer."""
        return self._keys.secret_store_available

    @staticmethod
    def check_new_passphrase(passphrase: str) -> None:
        """Raise ``InvalidInputError`` if ``passphrase`` is too weak to protect a database."""
        validate_passphrase(passphrase)

    def is_initialized(self) -> bool:
        """Whether setup has run for this data folder."""
        return self._keys.is_initialized()

    def needs_setup(self) -> bool:
        """Whether this data folder holds nothing yet (no key file and no database): setup may run."""
        return not self.is_initialized() and not self._paths.database.exists()

    def _refuse_missing_key_file(self) -> None:
        """A database without its key file is an installation missing a file, never a new one."""
        if not self.is_initialized() and self._paths.database.exists():
            raise KeyFileDamagedError(
                f"The key file {self._paths.key_file.name} is missing beside {self._paths.database.name} in "
                f"{self._paths.root}; nothing was changed. Copy it back from the newest folder in "
                f"{self._paths.backup_dir} (every backup holds a copy), then try again."
            )

    def backups(self) -> BackupService:
        """The backups of this data folder (daily by the desk, on demand by ``facedesk backup``)."""
        return BackupService(self._paths, self._clock)

    def uses_passphrase(self) -> bool:
        """Whether opening needs the database passphrase."""
        return self._keys.protection() is Protection.PASSPHRASE

    def key_facts(self) -> dict[str, str]:
        """Non-secret facts about key protection (for ``doctor`` and logs)."""
        return self._keys.describe()

    def create(self, request: SetupRequest, *, passphrase: str | None) -> tuple[Database, RecoveryCode]:
        """Set up a new installation.

        Args:
            request: business profile and first Admin.
            passphrase: protect the key with it; ``None`` keeps the key in the OS keyring.

        Returns:
            The open database and the recovery code to show once.

        Raises:
            InvalidInputError, AlreadyInitializedError, PassphraseRequiredError, StorageError.
        """
        request.validated()
        if passphrase is not None:
            validate_passphrase(passphrase)
        if self._paths.key_file.exists() or self._paths.database.exists():
            raise AlreadyInitializedError(f"{self._paths.root} is already set up; nothing was changed.")
        self._paths.ensure_root()
        key, code = self._keys.create(passphrase=passphrase)
        database: Database | None = None
        try:
            database = Database.create(self._paths.database, key)
            database.on_audit_committed(self._anchor_keeper(key))
            salt = file_salt(self._paths.database)
            if salt is not None:
                self._keys.record_database_salt(salt)
            with database.unit() as uow:
                uow.audit(
                    AuditAction.DATABASE_CREATED,
                    SYSTEM_ACTOR,
                    at=self._clock(),
                    details={
                        "schema_version": database.schema_version(),
                        "key_protection": self._keys.protection().value,
                    },
                )
            SetupService(database, self._clock, self._hashing).bootstrap(request)
        except BaseException:
            logger.exception("Setup failed; removing the partly created installation.")
            if database is not None:
                database.close()
            for leftover in _database_files(self._paths.database):
                leftover.unlink(missing_ok=True)
            self._keys.discard()
            raise
        logger.info("Installation created (key: %s).", self._keys.describe()["key_backend"])
        return database, code

    def open(self, passphrase: str | None) -> Database:
        """Unlock the key the normal way and open (and if needed upgrade) the database.

        Raises:
            NotInitializedError, KeyAccessError subclasses, StorageError subclasses.
        """
        self._refuse_missing_key_file()
        if not self.is_initialized():
            raise NotInitializedError(
                f"No FaceDesk installation in {self._paths.root}: run 'facedesk init' or start the app to set it up."
            )
        database = self._open_with(self._keys.unlock(passphrase))
        logger.info("Database unlocked through %s.", self._keys.describe()["key_backend"])
        return database

    def create_desk(self, request: SetupRequest, *, passphrase: str | None) -> tuple[DeskServices, RecoveryCode]:
        """:meth:`create`, returning the services of the new installation."""
        database, code = self.create(request, passphrase=passphrase)
        return self._desk(database), code

    def open_desk(self, passphrase: str | None) -> DeskServices:
        """:meth:`open`, returning the services of the installation."""
        return self._desk(self.open(passphrase))

    def _desk(self, database: Database) -> DeskServices:
        return DeskServices.build(
            database, self._clock, self._hashing, local_zone=self._zone, catalog=self._catalog, engine=self._engine
        )

    def inspect(self, passphrase: str | None) -> dict[str, object]:
        """Open the database without upgrading it and report its state (for ``doctor``)."""
        self._refuse_missing_key_file()
        if not self.is_initialized():
            raise NotInitializedError(f"No FaceDesk installation in {self._paths.root}.")
        key = self._keys.unlock(passphrase)
        database, _ = Database.open(
            self._paths.database, key, upgrade=False, check=lambda conn: self._refuse_rollback(conn, key)
        )
        try:
            version = database.schema_version()
            integrity = database.check_integrity()
            return {
                "path": str(self._paths.database),
                "size_bytes": self._paths.database.stat().st_size,
                "schema_version": version,
                "latest_schema_version": LATEST_SCHEMA_VERSION,
                "upgrade_pending": version < LATEST_SCHEMA_VERSION,
                "cipher": f"SQLCipher {database.cipher_version()}",
                "damaged_pages": integrity.damaged_pages,
                "integrity_problems": list(integrity.problems),
            }
        finally:
            database.close()

    def recover(self, recovery_code: str, *, new_passphrase: str | None) -> Database:
        """Regain access with the recovery code (see :meth:`KeyManager.recover`) and open the database."""
        self._refuse_missing_key_file()
        if not self.is_initialized():
            raise NotInitializedError(f"No FaceDesk installation in {self._paths.root}; nothing to recover.")
        database = self._open_with(self._keys.recover(recovery_code, new_passphrase=new_passphrase))
        with database.unit() as uow:
            uow.audit(
                AuditAction.KEY_RECOVERED,
                CLI_ACTOR,
                at=self._clock(),
                details={"key_protection": self._keys.protection().value},
            )
        return database

    def change_passphrase(self, old_passphrase: str, new_passphrase: str) -> None:
        """Re-wrap the key under a new passphrase, audited."""
        self._keys.change_passphrase(old_passphrase, new_passphrase)
        database = self._open_with(self._keys.unlock(new_passphrase))
        try:
            with database.unit() as uow:
                uow.audit(AuditAction.KEY_PASSPHRASE_CHANGED, CLI_ACTOR, at=self._clock())
        finally:
            database.close()

    def _open_with(self, key: DatabaseKey) -> Database:
        try:
            database, applied = Database.open(
                self._paths.database,
                key,
                before_upgrade=self._copy_before_upgrade,
                check=lambda conn: self._refuse_damage_or_rollback(conn, key),
            )
        except DatabaseUndecryptableError as exc:
            raise self._why_undecryptable(exc) from None
        except DatabaseDamagedError as exc:
            if exc.pages is None:
                raise
            raise self._damage(exc.pages) from None  # found before the schema could be read
        salt = file_salt(self._paths.database)
        if salt is not None and self._keys.database_salt() != salt:
            self._keys.record_database_salt(salt)
        keeper = self._anchor_keeper(key)
        database.on_audit_committed(keeper)
        if self._keys.anchor(key) is None:  # an installation from before anchors: anchor it now
            with database.reading() as uow:
                head = uow.audit_log.head()
            if head is not None:
                keeper(head)
        if applied:
            with database.unit() as uow:
                uow.audit(
                    AuditAction.DATABASE_MIGRATED,
                    SYSTEM_ACTOR,
                    at=self._clock(),
                    details={"from_version": applied[0] - 1, "to_version": applied[-1]},
                )
        with database.reading() as uow:
            keep_days = uow.policy(BACKUP_DAYS)
        removed = prune_copies(
            self._paths.migration_backup_dir, older_than=timedelta(days=keep_days), now=self._clock()
        )
        if removed:
            logger.info("Removed %d pre-upgrade copies older than %d days.", len(removed), keep_days)
        return database

    def _why_undecryptable(self, exc: DatabaseUndecryptableError) -> StorageError:
        """The key is this key file's own (checked when it was unlocked): damage, or a foreign key file?"""
        recorded = self._keys.database_salt()
        actual = file_salt(self._paths.database)
        db, keys = self._paths.database.name, self._paths.key_file.name
        if recorded is None or actual is None:
            return exc
        if recorded == actual:
            return DatabaseDamagedError(
                f"The database {db} is damaged: parts of it fail authentication with this installation's own "
                "key. It was not changed. 'facedesk restore' puts the newest backup into a new data folder."
            )
        return KeyFileMismatchError(
            f"The key file {keys} does not belong to the database {db} (it comes from another installation, or "
            f"the database was replaced). Nothing was changed. Put this installation's own {keys} back (every "
            "backup folder holds a copy), or restore the newest backup into a new data folder."
        )

    def _refuse_damage_or_rollback(self, conn: Connection, key: DatabaseKey) -> None:
        """Before anything is written: every page authenticates, and the file is not an older copy."""
        damaged = len(conn.execute("PRAGMA cipher_integrity_check").fetchall())
        if damaged:
            raise self._damage(damaged)
        self._refuse_rollback(conn, key)

    def _damage(self, pages: int) -> DatabaseDamagedError:
        """The refusal of a damaged database, naming the newest verified backup to restore."""
        newest = self.backups().newest_verified()
        named = f" ({newest.path.name} is the newest verified one)" if newest else ""
        return DatabaseDamagedError(
            f"The database {self._paths.database.name} is damaged: {pages} page(s) fail authentication. It was "
            f"not changed. 'facedesk doctor' shows the damage; 'facedesk restore' puts the newest backup{named} "
            "into a new data folder.",
            pages=pages,
        )

    def _refuse_rollback(self, conn: Connection, key: DatabaseKey) -> None:
        """Refuse a database older than the newest audit position recorded in the key file."""
        anchor = self._keys.anchor(key)
        if anchor is None:
            return
        record = AuditRepository(conn).at(anchor.sequence)
        name = self._paths.database.name
        if record is None:
            raise RollbackError(
                f"The database {name} is older than this installation's own record (audit event "
                f"#{anchor.sequence} is missing): an older copy was put in place of the current file. It was not "
                f"changed. Put the current {name} back, or restore the newest backup into a new data folder "
                "('facedesk restore')."
            )
        if record.row_hash != anchor.row_hash:
            raise RollbackError(
                f"The database {name} does not match this installation's own record of audit event "
                f"#{anchor.sequence}: it was replaced by another copy or its audit log was rewritten. It was not "
                f"changed. Put the current {name} back, or restore the newest backup into a new data folder "
                "('facedesk restore')."
            )

    def _anchor_keeper(self, key: DatabaseKey) -> Callable[[AuditHead], None]:
        def keep(head: AuditHead) -> None:
            try:
                self._keys.record_anchor(key, head)
            except OSError as exc:  # the change is committed; only the rollback record lags behind
                logger.warning("The audit position could not be recorded in the key file: %s.", exc.strerror or exc)

        return keep

    def _copy_before_upgrade(self, database: Database, version: int) -> None:
        stamp = self._clock().strftime("%Y%m%dT%H%M%SZ")
        target = self._paths.migration_backup_dir / f"facedesk-schema{version}-{stamp}.db"
        database.backup_to(target)
        logger.info("Copied the schema-%d database before upgrading it.", version)


def _database_files(database: Path) -> list[Path]:
    return [database, database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm")]
