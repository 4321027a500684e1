"""Writing an output file without following anything planted beside it.

Every document, export and CSV goes through :func:`write_via_new_file`: the content is written to a
temporary file that ``mkstemp`` creates exclusively, under an unpredictable name, in the target's
folder (so a symlink planted at a ``.part`` name is never followed), and then renamed onto the
target (a rename replaces a symlink standing at the target instead of writing through it). An
error leaves the target as it was and no temporary file behind.
"""

import errno
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from app.domain.errors import DiskFullError, FaceDeskError, InvalidInputError, ReadOnlyError, StorageError

LOW_SPACE_BYTES = 256 * 1024  # below this a database write or a log line no longer fits reliably


def write_via_new_file(target: Path, write: Callable[[Path], object]) -> Path:
    """Let ``write`` fill a fresh temporary file beside ``target``, flush it, then move it onto ``target``.

    Raises:
        OSError: the folder is missing or not writable, or ``write`` failed (nothing is left behind).
    """
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(fd)
    partial = Path(name)
    try:
        write(partial)
        _flush(partial)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def _flush(path: Path) -> None:
    """Make the written bytes durable before the rename makes them visible."""
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_durably(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` (readable by this user only) so that a crash leaves old or new.

    The bytes go to a new file created exclusively beside ``target`` (mode 0600), are flushed to
    the disk, renamed onto ``target``, and the rename itself is flushed (POSIX).

    Raises:
        OSError: nothing was changed (no temporary file is left behind).
    """
    write_via_new_file(target, lambda partial: partial.write_bytes(data))
    if hasattr(os, "O_DIRECTORY"):
        dir_fd = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def folder_state(folder: Path) -> str | None:
    """``"full"``, ``"read-only"`` or ``None``: why writing into ``folder`` (or its nearest existing parent) fails."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    try:
        stats = os.statvfs(existing) if hasattr(os, "statvfs") else None
        if stats is not None and stats.f_flag & os.ST_RDONLY:
            return "read-only"
        if shutil.disk_usage(existing).free < LOW_SPACE_BYTES:
            return "full"
    except OSError:
        return None
    if not os.access(existing, os.W_OK):
        return "read-only"
    return None


def full_disk_error(folder: Path, what: str) -> DiskFullError:
    """The one line for a full disk."""
    return DiskFullError(
        f"The disk holding {folder} is full: {what}. Free some space (empty the recycle bin, remove old "
        "files), then try again; nothing was lost."
    )


def read_only_error(folder: Path, what: str) -> ReadOnlyError:
    """The one line for a folder FaceDesk may not write to."""
    return ReadOnlyError(
        f"FaceDesk cannot write to {folder} (a read-only disk or folder, or missing permission): {what}. "
        "Make it writable or choose another folder with --data-dir; nothing was lost."
    )


def os_error(exc: OSError, folder: Path, what: str) -> StorageError:
    """A one-line error by kind for an ``OSError`` while writing in ``folder``.

    Args:
        exc: the error.
        folder: where FaceDesk was writing.
        what: what that means for the person, e.g. "the backup was not written".
    """
    state = folder_state(folder)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT) or state == "full":
        return full_disk_error(folder, what)
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM) or state == "read-only":
        return read_only_error(folder, what)
    return StorageError(f"{what[:1].upper()}{what[1:]}: {exc.strerror or exc} ({folder}).")


def output_error(exc: OSError, target: Path) -> FaceDeskError:
    """One line for an output file (a document, an export, a CSV) that could not be written."""
    if isinstance(exc, FileNotFoundError):
        return InvalidInputError(f"The folder {target.parent} does not exist; {target.name} was not written.")
    if isinstance(exc, (IsADirectoryError, NotADirectoryError)):
        return InvalidInputError(f"{target} is not a file name in an existing folder; nothing was written.")
    return os_error(exc, target.parent, f"{target.name} was not written")
