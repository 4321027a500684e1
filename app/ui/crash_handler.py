"""Unexpected errors anywhere in the desk: one log record with the traceback, one calm dialog.

An exception that escapes a slot, a timer or a worker thread is a bug, not something the
operator did. The desk keeps running: the database rolled back whatever was half-done (every
change is one transaction), so the dialog can say that nothing was lost and where the details are.
The traceback goes to the log only (never names, ID numbers or templates: FaceDesk's own error
messages never carry them, and locals are not logged).
"""

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox

from app.ui.labels import own_icon

logger = logging.getLogger(__name__)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class CrashHandler(QObject):
    """Installs ``sys.excepthook`` and ``threading.excepthook`` for the desk application.

    Signals:
        crashed(str): an unexpected error was logged (the exception's type name); delivered on
            the GUI thread, which shows the dialog.
    """

    crashed = Signal(str)

    def __init__(self, log_file: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._log_file = log_file
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self.dialog: QMessageBox | None = None
        self.crashed.connect(self._show_dialog, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        """Take over unhandled exceptions of this process."""
        self._previous_hook, self._previous_thread_hook = sys.excepthook, threading.excepthook
        sys.excepthook = self._on_exception
        threading.excepthook = self._on_thread_exception
        logger.info("Unexpected errors are now logged and explained calmly; the desk keeps running.")

    def uninstall(self) -> None:
        """Give unhandled exceptions back to whoever handled them before."""
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook

    def _on_exception(self, exc_type: type[BaseException], exc: BaseException, traceback: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_hook(exc_type, exc, traceback)
            return
        self._report((exc_type, exc, traceback))

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self._report((args.exc_type, args.exc_value, args.exc_traceback))

    def _report(self, info: ExcInfo) -> None:
        logger.error("Unexpected error (%s); the desk keeps running.", info[0].__name__, exc_info=info)
        self.crashed.emit(info[0].__name__)

    def _show_dialog(self, kind: str) -> None:
        del kind  # the type is in the log; the operator needs what to do, not what broke
        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog for a burst of errors
        where = str(self._log_file) if self._log_file is not None else self.tr("the FaceDesk log")
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Something went wrong"), "", QMessageBox.StandardButton.Ok
        )
        own_icon(box)
        box.setText(self.tr("Something went wrong; nothing was lost."))
        box.setInformativeText(self.tr("You can go on working. The details are in the log: %1").replace("%1", where))
        box.setWindowModality(Qt.WindowModality.ApplicationModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.dialog = box
        box.open()
