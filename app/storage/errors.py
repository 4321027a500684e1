"""SQLite errors as FaceDesk errors a person can act on, classified by result code (never by wording).

A full disk, a read-only folder and damage each get their own error class; SQLite's I/O errors and
its backup API's errors without a code are told apart by looking at the folder itself.
"""

from pathlib import Path
from typing import NoReturn

from sqlcipher3 import dbapi2

from app.config.files import folder_state, full_disk_error, read_only_error
from app.domain.errors import DatabaseDamagedError, DiskFullError, ReadOnlyError, StorageError

_DISK_CODES = frozenset({dbapi2.SQLITE_FULL, dbapi2.SQLITE_IOERR, dbapi2.SQLITE_CANTOPEN, dbapi2.SQLITE_READONLY})

# The error class for a result code (StorageError for the others).
_ERROR_CLASSES: dict[int, type[StorageError]] = {
    dbapi2.SQLITE_FULL: DiskFullError,
    dbapi2.SQLITE_READONLY: ReadOnlyError,
    dbapi2.SQLITE_CORRUPT: DatabaseDamagedError,
    dbapi2.SQLITE_NOTADB: DatabaseDamagedError,
}

# Primary SQLite result codes (the low byte of an extended code) that a person can act on.
_KNOWN_CODES: dict[int, str] = {
    dbapi2.SQLITE_FULL: "The disk is full: free some space; nothing was saved.",
    dbapi2.SQLITE_READONLY: "The data folder is read-only: FaceDesk cannot save; nothing was saved.",
    dbapi2.SQLITE_BUSY: "The database is busy in another FaceDesk window; try again in a moment.",
    dbapi2.SQLITE_LOCKED: "The database is busy in another FaceDesk window; try again in a moment.",
    dbapi2.SQLITE_CANTOPEN: "The database file could not be opened: check the data folder exists and is writable.",
    dbapi2.SQLITE_IOERR: "The disk could not be read or written (a disk or storage fault); nothing was saved.",
    dbapi2.SQLITE_CORRUPT: (
        "The database file is damaged; nothing was saved. 'facedesk doctor' shows the damage and "
        "'facedesk restore' puts the latest backup into a new data folder."
    ),
    dbapi2.SQLITE_NOTADB: (
        "The database file is damaged; nothing was saved. 'facedesk doctor' shows the damage and "
        "'facedesk restore' puts the latest backup into a new data folder."
    ),
    dbapi2.SQLITE_CONSTRAINT: "The change breaks a data rule of FaceDesk and was not saved.",
}


def sqlite_result_code(exc: dbapi2.Error) -> int | None:
    """The primary SQLite result code of ``exc`` (``None`` when SQLite gave none)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def translate_error(exc: dbapi2.Error, folder: Path | None = None) -> StorageError | None:
    """A FaceDesk error with a message a person can act on, or ``None`` for a bug.

    Classified by SQLite's result code, never by the words of the message. Anything else (a
    syntax error, a missing table, a misuse of the API) is a bug in FaceDesk: the caller re-raises
    the original exception, so it is logged with its traceback instead of shown as advice.
    """
    code = sqlite_result_code(exc)
    if folder is not None and (code is None or code in _DISK_CODES):
        # SQLite reports a full disk as an I/O error when the shared-memory file cannot grow, a
        # read-only mount as "cannot open", and its backup API gives no code at all: the folder
        # itself tells which it is.
        state = folder_state(folder)
        if state == "full" or code == dbapi2.SQLITE_FULL:
            return full_disk_error(folder, "nothing was saved")
        if state == "read-only" or code == dbapi2.SQLITE_READONLY:
            return read_only_error(folder, "nothing was saved")
    message = _KNOWN_CODES.get(code) if code is not None else None
    if message is None or code is None:
        return None
    return _ERROR_CLASSES.get(code, StorageError)(message)


def raise_translated(exc: dbapi2.Error, folder: Path | None = None) -> NoReturn:
    """Raise :func:`translate_error`'s error for ``exc``, or ``exc`` itself when it is a bug."""
    known = translate_error(exc, folder)
    if known is None:
        raise exc
    raise known from exc
