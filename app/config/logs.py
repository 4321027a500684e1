"""Logging set-up, done in exactly one place (the entry points call :func:`configure_logging`).

Modules only ever call ``logging.getLogger(__name__)``. Log lines never carry names, ID numbers,
templates, keys or passphrases; the code that logs is responsible for that, and the leak tests
scan the files after full flows.
"""

import logging
import logging.handlers
import sys
from pathlib import Path
from typing import TextIO

LOG_FILE = "facedesk.log"
LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
_MARK = "_facedesk_handler"


def configure_logging(log_dir: Path | None, *, verbose: bool = False) -> Path | None:
    """Send records to a rotating file in ``log_dir`` and, when verbose, to stderr.

    Calling it again replaces the handlers it installed before, so it is safe to call once per
    command in the same process.

    Returns:
        The log file path, or ``None`` when there is no log folder (yet).
    """
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _MARK, False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    formatter = logging.Formatter(LOG_FORMAT)

    log_file: Path | None = None
    if log_dir is not None:
        try:
            log_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            log_file = log_dir / LOG_FILE
            file_handler = _LogFileHandler(log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
            log_file.chmod(0o600)
        except OSError:
            # A read-only or full disk: the command itself says so in one line; logging must not
            # turn that into a traceback.
            log_file = None
        else:
            file_handler.setFormatter(formatter)
            setattr(file_handler, _MARK, True)
            root.addHandler(file_handler)
    if verbose:
        console = logging.StreamHandler(sys.stderr)
        console.setFormatter(formatter)
        setattr(console, _MARK, True)
        root.addHandler(console)
    return log_file


class _LogFileHandler(logging.handlers.RotatingFileHandler):
    """The log file; when the disk fills up or turns read-only, logging stops quietly.

    The standard handler prints "--- Logging error ---" and a traceback to stderr for every line
    it cannot write, burying the one clear line the command prints about the disk.
    """

    def handleError(self, record: logging.LogRecord) -> None:
        """Give up on the file for the rest of the process instead of printing a traceback."""
        self._failed = True

    def emit(self, record: logging.LogRecord) -> None:
        """Write the record unless writing already failed in this process."""
        if not getattr(self, "_failed", False):
            super().emit(record)


def one_line(message: str) -> str:
    """A multi-line message folded into one line (whitespace runs become one space)."""
    return " ".join(message.split())


def route_qt_messages(terminal: TextIO | None = None, log_file: Path | None = None) -> None:
    """Send Qt's own warnings and errors into ``logging`` under the ``qt`` logger.

    A fatal message (Qt aborts right after it, for example when no platform plug-in can be
    loaded) also reaches ``terminal`` (stderr by default) as one clear line, together with the
    platform plug-in warning that explains it, because the process ends before anyone could
    read the log.
    """
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    out = terminal if terminal is not None else sys.stderr
    plugin_problems: list[str] = []

    qt_logger = logging.getLogger("qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(msg_type: QtMsgType, context: QMessageLogContext, message: str) -> None:
        category = context.category or "default"
        qt_logger.log(levels.get(msg_type, logging.WARNING), "[%s] %s", category, message)
        if category.startswith("qt.qpa") and msg_type is not QtMsgType.QtFatalMsg:
            plugin_problems.append(one_line(message))
        if msg_type is QtMsgType.QtFatalMsg:
            reasons = [*plugin_problems[-1:], one_line(message)]
            where = f" Details: {log_file}." if log_file is not None else ""
            out.write(f"facedesk: the desk window cannot start: {' '.join(reasons)}{where}\n")
            out.flush()

    qInstallMessageHandler(handler)
