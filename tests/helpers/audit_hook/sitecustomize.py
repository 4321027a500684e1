"""Loaded into every Python process of a test run (via PYTHONPATH): report files opened for writing.

Each violation is one stderr line starting with FACEDESK-WRITE, so the test can see writes made
by the application process and by the encoder process it spawns.
"""

import os
import sys

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_ALLOWED = ("/dev/null",)


def _hook(event: str, args: tuple) -> None:
    if event != "open":
        return
    path, mode, flags = (*args, None, None, None)[:3]
    if not isinstance(path, str | bytes) or (isinstance(path, str) and path.startswith(_ALLOWED)):
        return
    writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
        isinstance(flags, int) and flags & _WRITE_FLAGS
    )
    if writes:
        sys.stderr.write(f"FACEDESK-WRITE {path!r} mode={mode!r} flags={flags!r}\n")


sys.addaudithook(_hook)
