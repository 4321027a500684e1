"""Keeping secrets out of crash dumps.

A core dump of a FaceDesk process would hold whatever was in memory: the database key, a typed
passphrase, face templates, camera frames. So every FaceDesk process turns dumps off first thing:
on Linux the core size limit goes to 0 and the process is marked not dumpable (which also stops
other processes of the same user from attaching a debugger to read its memory); on Windows the
crash dialog is suppressed and Windows Error Reporting is told not to collect the heap.
"""

import ctypes
import ctypes.util
import logging
import sys

logger = logging.getLogger(__name__)

_PR_SET_DUMPABLE = 4
_PR_GET_DUMPABLE = 3
_SEM_FAILCRITICALERRORS = 0x0001
_SEM_NOGPFAULTERRORBOX = 0x0002
_WER_FAULT_REPORTING_FLAG_NOHEAP = 0x0001


def forbid_core_dumps() -> None:
    """Turn crash dumps off for this process (best effort: a platform without the calls is left as is)."""
    if sys.platform.startswith("linux"):
        import resource

        try:
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        except (ValueError, OSError):
            logger.warning("The core dump size limit could not be set to 0.")
        libc = _libc()
        if libc is None or libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
            logger.warning("The process could not be marked as not dumpable.")
    elif sys.platform == "win32":
        kernel32 = ctypes.WinDLL("kernel32")
        kernel32.SetErrorMode(_SEM_FAILCRITICALERRORS | _SEM_NOGPFAULTERRORBOX)
        kernel32.WerSetFlags(_WER_FAULT_REPORTING_FLAG_NOHEAP)


def core_dumps_state() -> str:
    """``"off"`` when this process cannot leave a core dump, else what is still on (for ``doctor``)."""
    state = "not checked on this platform"
    if sys.platform.startswith("linux"):
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
        libc = _libc()
        dumpable = libc.prctl(_PR_GET_DUMPABLE, 0, 0, 0, 0) if libc is not None else 1
        state = "off" if soft == 0 and hard == 0 and dumpable == 0 else f"on (core limit {soft}, dumpable {dumpable})"
    elif sys.platform == "win32":
        state = "off"
    return state


def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    return ctypes.CDLL(name, use_errno=True) if name else None
