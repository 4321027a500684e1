"""Writing an output file without following anything planted beside it.

Every document, export and CSV goes through :func:`write_via_new_file`: the content is written to a
temporary file that ``mkstemp`` creates exclusively, under an unpredictable name, in the target's
folder (so a symlink planted at a ``.part`` name is never followed), and then renamed onto the
target (a rename replaces a symlink standing at the target instead of writing through it). An
error leaves the target as it was and no temporary file behind.
"""

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_via_new_file(target: Path, write: Callable[[Path], object]) -> Path:
    """Let ``write`` fill a fresh temporary file beside ``target``, then move it onto ``target``.

    Raises:
        OSError: the folder is missing or not writable, or ``write`` failed (nothing is left behind).
    """
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(fd)
    partial = Path(name)
    try:
        write(partial)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def replace_durably(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` (readable by this user only) so that a crash leaves old or new.

    The bytes go to a new file created exclusively beside ``target`` (mode 0600), are flushed to
    the disk, renamed onto ``target``, and the rename itself is flushed (POSIX).

    Raises:
        OSError: nothing was changed (no temporary file is left behind).
    """

    def write(partial: Path) -> None:
        with partial.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())

    write_via_new_file(target, write)
    if hasattr(os, "O_DIRECTORY"):
        dir_fd = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
