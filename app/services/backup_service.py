"""Encrypted backups: on demand and daily, rotated, restorable on a new computer (R14).

A backup is a folder ``backups/facedesk-backup-<UTC time>/`` holding a consistent copy of the
database (SQLCipher's backup API: encrypted with the same key, free pages zeroed because the
database uses ``secure_delete``) and a copy of the key file (the key wrapped by the passphrase
and by the recovery code, never the key itself). Restoring on a new computer needs the recovery
code. Backups older than ``retention/backup_days`` are deleted by overwriting and removing their
files, so a withdrawn template is gone from every backup within the window the notice states.
"""

import logging
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.config.paths import DATABASE_FILE, KEY_FILE, DataPaths
from app.config.settings import BACKUP_DAYS
from app.domain.audit import CLI_ACTOR, Actor, AuditAction, ChainVerdict, verify_chain
from app.domain.clock import Clock
from app.domain.errors import AlreadyInitializedError, InvalidInputError, StorageError
from app.storage.database import Database

logger = logging.getLogger(__name__)

PREFIX = "facedesk-backup-"
STAMP = "%Y%m%dT%H%M%SZ"
DAILY = timedelta(hours=24)


@dataclass(frozen=True)
class Backup:
    """One backup folder and when it was taken."""

    path: Path
    taken_at: datetime


def list_backups(folder: Path) -> list[Backup]:
    """The backups in ``folder``, oldest first (folders with an unreadable name are left alone)."""
    found = []
    for path in sorted(folder.glob(f"{PREFIX}*")) if folder.is_dir() else []:
        try:
            taken = datetime.strptime(path.name.removeprefix(PREFIX), STAMP).replace(tzinfo=UTC)
        except ValueError:
            continue
        if (path / DATABASE_FILE).is_file():
            found.append(Backup(path, taken))
    return found


def wipe(path: Path) -> None:
    """Overwrite each file once with zeros, then remove the folder."""
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        size = file.stat().st_size
        with file.open("r+b") as handle:
            handle.write(bytes(size))
            handle.flush()
            os.fsync(handle.fileno())
    shutil.rmtree(path)


class BackupService:
    """Takes, rotates and restores backups of one installation."""

    def __init__(self, paths: DataPaths, clock: Clock) -> None:
        self._paths = paths
        self._clock = clock

    def take(self, database: Database, *, actor: Actor) -> Backup:
        """Write a backup now, then delete the ones older than the backup window (audited)."""
        now = self._clock()
        target = self._paths.backup_dir / f"{PREFIX}{now.strftime(STAMP)}"
        if target.exists():
            raise StorageError("A backup was taken this very second; try again in a moment.")
        partial = target.with_name(target.name + ".part")
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(mode=0o700, parents=True)
        try:
            database.backup_to(partial / DATABASE_FILE)
            shutil.copy2(self._paths.key_file, partial / KEY_FILE)
            (partial / KEY_FILE).chmod(0o600)
            partial.rename(target)
        except OSError as exc:
            shutil.rmtree(partial, ignore_errors=True)
            raise StorageError(f"The backup could not be written: {exc.strerror or exc}.") from None
        removed = self.rotate(database)
        with database.unit() as uow:
            uow.audit(AuditAction.BACKUP_TAKEN, actor, at=now, details={"backup": target.name, "rotated_out": removed})
        logger.info("Encrypted backup written (%s); %d old backup(s) deleted.", target.name, removed)
        return Backup(target, now.replace(microsecond=0))

    def take_if_due(self, database: Database, *, actor: Actor) -> Backup | None:
        """The daily backup: taken when the newest one is a day old or there is none."""
        backups = list_backups(self._paths.backup_dir)
        if backups and self._clock() - backups[-1].taken_at < DAILY:
            self.rotate(database)
            return None
        return self.take(database, actor=actor)

    def rotate(self, database: Database) -> int:
        """Delete the backups older than the backup window; return how many."""
        with database.reading() as uow:
            keep = timedelta(days=uow.policy(BACKUP_DAYS))
        cutoff = self._clock() - keep
        old = [backup for backup in list_backups(self._paths.backup_dir) if backup.taken_at < cutoff]
        for backup in old:
            wipe(backup.path)
        return len(old)

    def backups(self) -> list[Backup]:
        """The backups kept now, oldest first."""
        return list_backups(self._paths.backup_dir)

    def record_restore(self, database: Database, backup_name: str) -> tuple[int, ChainVerdict]:
        """Audit a restore and check what came back: (people on file, the audit chain verdict)."""
        with database.unit() as uow:
            uow.audit(AuditAction.BACKUP_RESTORED, CLI_ACTOR, at=self._clock(), details={"backup": backup_name})
        with database.reading() as uow:
            verdict = verify_chain(uow.audit_log.iter_all())
            people = uow.statistics.counts()
        return people.guests + people.staff, verdict

    @staticmethod
    def place(backup: Path, target: DataPaths) -> None:
        """Copy a backup into an empty data folder (the key is then recovered with the recovery code).

        Raises:
            InvalidInputError: not a FaceDesk backup. AlreadyInitializedError: the target already
                holds an installation (it is never overwritten).
        """
        if not (backup / DATABASE_FILE).is_file() or not (backup / KEY_FILE).is_file():
            raise InvalidInputError(f"{backup} is not a FaceDesk backup (it needs {DATABASE_FILE} and {KEY_FILE}).")
        if target.is_initialized() or target.database.exists():
            raise AlreadyInitializedError(
                f"{target.root} already holds a FaceDesk installation; restore into a new, empty data folder."
            )
        target.ensure_root()
        for name in (DATABASE_FILE, KEY_FILE):
            shutil.copy2(backup / name, target.root / name)
            (target.root / name).chmod(0o600)
