"""Encrypted backups that can be trusted: checked before, verified after, restorable on a new computer (R14).

A backup is a folder ``backups/facedesk-backup-<UTC time>/`` holding a consistent copy of the
database (SQLCipher's backup API: encrypted with the same key, free pages zeroed because the
database uses ``secure_delete``), a copy of the key file (the key wrapped by the passphrase and by
the recovery code, never the key itself) whose rollback anchor names the copy's newest audit event,
and ``manifest.json`` (that audit position, row counts, and that the copy was verified).

Order of work, so that a backup never launders damage and a failure leaves nothing behind:

1. the live database is checked (pages, rows, foreign keys, protective triggers, audit chain); a
   damaged database is never copied, and the backups already kept are left alone;
2. the copy is written into a hidden staging folder, reopened and checked the same way, and its
   counts compared with the database's;
3. only then is the staging folder renamed into place, and only then are backups older than
   ``retention/backup_days`` deleted (overwritten and removed), never the newest verified one.

Restoring verifies the backup the same way in a staging folder beside the new data folder and
places nothing unless every check passes.
"""

import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.config.files import full_disk_error, os_error, read_only_error, replace_durably
from app.config.paths import DATABASE_FILE, KEY_FILE, DataPaths
from app.config.settings import BACKUP_DAYS
from app.domain.audit import CLI_ACTOR, Actor, AuditAction, AuditHead, ChainVerdict, verify_chain
from app.domain.clock import Clock, to_utc_text
from app.domain.errors import (
    AlreadyInitializedError,
    DatabaseDamagedError,
    DiskFullError,
    FaceDeskError,
    InvalidInputError,
    KeyFileDamagedError,
    ReadOnlyError,
    StorageError,
)
from app.domain.secrets import DatabaseKey
from app.keystore import AuditAnchor, KeyFile, read_key_file, unwrap_with_recovery_code, write_key_file
from app.storage.database import Database

logger = logging.getLogger(__name__)

PREFIX = "facedesk-backup-"
STAMP = "%Y%m%dT%H%M%SZ"
DAILY = timedelta(hours=24)
MANIFEST_FILE = "manifest.json"
MANIFEST_FORMAT = "facedesk-backup"
STAGING_PREFIX = ".facedesk-staging-"
_NOT_WRITTEN = "the backup was not written and no backup was deleted"
STALE_STAGING = timedelta(hours=6)  # older staging folders are leftovers of an interrupted backup


@dataclass(frozen=True)
class Backup:
    """One backup folder, when it was taken, and whether it carries a verified manifest."""

    path: Path
    taken_at: datetime
    verified: bool = False
    audit_head: AuditHead | None = None


@dataclass(frozen=True)
class CopyCheck:
    """What checking one database (live or copy) found."""

    head: AuditHead | None
    people: int
    face_templates: int
    audit_events: int


def _taken_at(name: str) -> datetime | None:
    stamp = name.removeprefix(PREFIX).split("-", 1)[0]  # a second backup in the same second has a suffix
    try:
        return datetime.strptime(stamp, STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The backup's manifest (``None`` when it is missing or unreadable: an unverified backup)."""
    try:
        data = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == MANIFEST_FORMAT else None


def list_backups(folder: Path) -> list[Backup]:
    """The backups in ``folder``, oldest first (folders with an unreadable name are left alone)."""
    found = []
    for path in sorted(folder.glob(f"{PREFIX}*")) if folder.is_dir() else []:
        taken = _taken_at(path.name)
        if taken is None or not (path / DATABASE_FILE).is_file():
            continue
        manifest = read_manifest(path)
        head = None
        if manifest and isinstance(manifest.get("audit_head"), dict):
            head = AuditHead(int(manifest["audit_head"]["sequence"]), str(manifest["audit_head"]["row_hash"]))
        found.append(Backup(path, taken, bool(manifest and manifest.get("verified")), head))
    return sorted(found, key=lambda backup: (backup.taken_at, backup.path.name))


def wipe(path: Path) -> None:
    """Overwrite each file once with zeros, then remove the folder."""
    for file in sorted(p for p in path.rglob("*") if p.is_file() and not p.is_symlink()):
        size = file.stat().st_size
        with file.open("r+b") as handle:
            handle.write(bytes(size))
            handle.flush()
            os.fsync(handle.fileno())
    shutil.rmtree(path)


def check_database(database: Database, *, what: str) -> CopyCheck:
    """Check pages, rows, triggers and the audit chain of ``database``; count what it holds.

    Raises:
        DatabaseDamagedError: any check failed (``what`` names the file in the message).
    """
    report = database.check_integrity()
    if not report.ok:
        raise DatabaseDamagedError(f"{what} is damaged: {report.describe()}.")
    try:
        with database.reading() as uow:
            verdict = verify_chain(uow.audit_log.iter_all())
            head = uow.audit_log.head()
            counts = uow.statistics.counts()
    except StorageError as exc:
        raise DatabaseDamagedError(f"{what} is damaged: {exc}") from None
    if not verdict.intact:
        raise DatabaseDamagedError(f"{what} is damaged: {verdict.describe()}")
    return CopyCheck(head, counts.guests + counts.staff, counts.face_templates, counts.audit_events)


class BackupService:
    """Takes, rotates and restores backups of one installation."""

    def __init__(self, paths: DataPaths, clock: Clock) -> None:
        self._paths = paths
        self._clock = clock

    def take(self, database: Database, *, actor: Actor) -> Backup:
        """Check the database, write a verified backup, then delete those older than the backup window.

        Raises:
            DatabaseDamagedError: the database is damaged; no backup was taken and none deleted.
            DiskFullError, ReadOnlyError, StorageError: the backup could not be written; nothing
                of it is left and no backup was deleted.
        """
        now = self._clock()
        try:
            source = check_database(database, what=f"The database {database.path.name}")
        except DatabaseDamagedError as exc:
            newest = self.newest_verified()
            kept = f"the newest good one is {newest.path.name}" if newest else "there is no verified backup yet"
            raise DatabaseDamagedError(
                f"{exc} No backup was taken and the backups kept were not touched ({kept}); 'facedesk restore' "
                "puts a backup into a new data folder."
            ) from None
        folder = self._paths.backup_dir
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            self._remove_stale_staging()
            with _staging_in(folder) as staging:
                copy = self._write_copy(database, staging, source, now)
                target = self._free_name(now)
                staging.rename(target)
        except OSError as exc:
            raise os_error(exc, self._paths.backup_dir, _NOT_WRITTEN) from None
        except DiskFullError:
            raise full_disk_error(self._paths.backup_dir, _NOT_WRITTEN) from None
        except ReadOnlyError:
            raise read_only_error(self._paths.backup_dir, _NOT_WRITTEN) from None
        removed = self.rotate(database)
        with database.unit() as uow:
            uow.audit(AuditAction.BACKUP_TAKEN, actor, at=now, details={"backup": target.name, "rotated_out": removed})
        logger.info("Verified encrypted backup written (%s); %d old backup(s) deleted.", target.name, removed)
        return Backup(target, now.replace(microsecond=0), True, copy.head)

    def take_if_due(self, database: Database, *, actor: Actor) -> Backup | None:
        """The daily backup: taken when the newest verified one is a day old or there is none."""
        verified = [backup for backup in self.backups() if backup.verified]
        if verified and self._clock() - verified[-1].taken_at < DAILY:
            self.rotate(database)
            return None
        return self.take(database, actor=actor)

    def rotate(self, database: Database) -> int:
        """Delete the backups older than the backup window, never the newest verified one; return how many."""
        with database.reading() as uow:
            keep = timedelta(days=uow.policy(BACKUP_DAYS))
        cutoff = self._clock() - keep
        backups = self.backups()
        newest_verified = next((b.path for b in reversed(backups) if b.verified), None)
        old = [b for b in backups if b.taken_at < cutoff and b.path != newest_verified]
        for backup in old:
            wipe(backup.path)
        return len(old)

    def backups(self) -> list[Backup]:
        """The backups kept now, oldest first."""
        return list_backups(self._paths.backup_dir)

    def newest_verified(self) -> Backup | None:
        """The newest backup whose copy was verified when it was written."""
        return next((backup for backup in reversed(self.backups()) if backup.verified), None)

    def record_restore(self, database: Database, backup_name: str) -> tuple[int, ChainVerdict]:
        """Audit a restore and check what came back: (people on file, the audit chain verdict)."""
        with database.unit() as uow:
            uow.audit(AuditAction.BACKUP_RESTORED, CLI_ACTOR, at=self._clock(), details={"backup": backup_name})
        with database.reading() as uow:
            verdict = verify_chain(uow.audit_log.iter_all())
            people = uow.statistics.counts()
        return people.guests + people.staff, verdict

    @staticmethod
    def refuse_unusable(backup: Path, target: DataPaths) -> None:
        """Refuse a folder that is not a backup, or a target that already holds an installation.

        Raises:
            InvalidInputError, AlreadyInitializedError.
        """
        if not (backup / DATABASE_FILE).is_file() or not (backup / KEY_FILE).is_file():
            raise InvalidInputError(f"{backup} is not a FaceDesk backup (it needs {DATABASE_FILE} and {KEY_FILE}).")
        if target.is_initialized() or target.database.exists():
            raise AlreadyInitializedError(
                f"{target.root} already holds a FaceDesk installation; restore into a new, empty data folder."
            )

    @staticmethod
    def place(backup: Path, target: DataPaths, recovery_code: str) -> None:
        """Verify a backup with the recovery code, then copy it into an empty data folder.

        Everything is checked in a staging folder beside the target first (the key unwraps with
        the code, the copy opens, pages, rows, triggers and audit chain are intact, and it matches
        its manifest and its key file's anchor); nothing is placed unless all of it holds, so a
        mistyped code or a damaged backup leaves the target exactly as it was.

        Raises:
            InvalidInputError: not a FaceDesk backup, or not a recovery code.
            WrongRecoveryCodeError: the code does not unlock this backup.
            AlreadyInitializedError: the target already holds an installation (never overwritten).
            DatabaseDamagedError, KeyFileDamagedError: the backup is damaged.
            DiskFullError, ReadOnlyError, StorageError: the target could not be written.
        """
        BackupService.refuse_unusable(backup, target)
        key_file = read_key_file(backup / KEY_FILE)
        key = unwrap_with_recovery_code(key_file, recovery_code)
        parent = target.root.parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
            with _staging_in(parent) as staging:
                for name in (DATABASE_FILE, KEY_FILE):
                    shutil.copyfile(backup / name, staging / name)
                    (staging / name).chmod(0o600)
                _verify_restorable(staging, key, key_file, read_manifest(backup), backup.name)
                target.ensure_root()
                for name in (KEY_FILE, DATABASE_FILE):  # the database last: it is what marks a folder in use
                    os.replace(staging / name, target.root / name)
        except OSError as exc:
            raise os_error(exc, target.root, "nothing was restored") from None
        except DiskFullError:
            raise full_disk_error(target.root, "nothing was restored") from None
        except ReadOnlyError:
            raise read_only_error(target.root, "nothing was restored") from None

    # --- writing a backup ---------------------------------------------------------------------

    def _write_copy(self, database: Database, staging: Path, source: CopyCheck, now: datetime) -> CopyCheck:
        database.backup_to(staging / DATABASE_FILE)
        copy_db, _ = Database.open(staging / DATABASE_FILE, database.key, upgrade=False)
        try:
            copy = check_database(copy_db, what="The backup copy")
        finally:
            copy_db.close()
        for suffix in ("-wal", "-shm"):
            (staging / (DATABASE_FILE + suffix)).unlink(missing_ok=True)
        if copy.audit_events < source.audit_events:
            raise DatabaseDamagedError("The backup copy holds fewer audit events than the database; it was discarded.")
        key_file = read_key_file(self._paths.key_file)
        anchor = AuditAnchor.seal(database.key, copy.head) if copy.head else None
        write_key_file(staging / KEY_FILE, replace(key_file, anchor=anchor))
        manifest = {
            "format": MANIFEST_FORMAT,
            "version": 1,
            "taken_at": to_utc_text(now),
            "schema_version": database.schema_version(),
            "audit_head": {"sequence": copy.head.sequence, "row_hash": copy.head.row_hash} if copy.head else None,
            "counts": {"people": copy.people, "face_templates": copy.face_templates, "audit_events": copy.audit_events},
            "verified": True,
        }
        replace_durably(staging / MANIFEST_FILE, json.dumps(manifest, indent=2, sort_keys=True).encode("utf-8"))
        return copy

    def _free_name(self, now: datetime) -> Path:
        base = self._paths.backup_dir / f"{PREFIX}{now.strftime(STAMP)}"
        target, number = base, 1
        while target.exists():  # two backups in the same second: the second gets a suffix
            number += 1
            target = base.with_name(f"{base.name}-{number}")
        return target

    def _remove_stale_staging(self) -> None:
        """Remove what an interrupted backup left (also the ``.part`` folders of older versions)."""
        cutoff = (self._clock() - STALE_STAGING).timestamp()
        folder = self._paths.backup_dir
        leftovers = [*folder.glob(f"{STAGING_PREFIX}*"), *folder.glob(f"{PREFIX}*.part")]
        for leftover in leftovers:
            try:
                if leftover.is_dir() and leftover.stat().st_mtime < cutoff:
                    shutil.rmtree(leftover)
            except OSError:
                logger.warning("An unfinished backup folder could not be removed; it is tried again next time.")


@contextmanager
def _staging_in(folder: Path) -> Iterator[Path]:
    """A new private folder in ``folder``, removed (with whatever is left in it) unless renamed away."""
    staging = Path(tempfile.mkdtemp(dir=folder, prefix=STAGING_PREFIX))
    try:
        yield staging
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _verify_restorable(
    staging: Path, key: DatabaseKey, key_file: KeyFile, manifest: dict[str, Any] | None, name: str
) -> None:
    try:
        database, _ = Database.open(staging / DATABASE_FILE, key, upgrade=False)
    except FaceDeskError as exc:
        raise DatabaseDamagedError(f"The backup {name} cannot be restored: {exc}") from None
    try:
        copy = check_database(database, what=f"The backup {name}")
    finally:
        database.close()
    for suffix in ("-wal", "-shm"):
        (staging / (DATABASE_FILE + suffix)).unlink(missing_ok=True)
    anchor = key_file.anchor
    if anchor is not None:
        if not anchor.verified(key):
            raise KeyFileDamagedError(f"The key file of the backup {name} was edited; nothing was restored.")
        if copy.head is None or copy.head.sequence < anchor.head.sequence:
            raise DatabaseDamagedError(
                f"The backup {name} holds an older database than its own key file records; nothing was restored."
            )
    if manifest is not None and isinstance(manifest.get("audit_head"), dict):
        recorded = manifest["audit_head"]
        if copy.head is None or (copy.head.sequence, copy.head.row_hash) != (
            recorded.get("sequence"),
            recorded.get("row_hash"),
        ):
            raise DatabaseDamagedError(
                f"The backup {name} does not match its manifest (its database was changed or replaced); "
                "nothing was restored."
            )
