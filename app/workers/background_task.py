"""One-off jobs off the GUI thread (a purge, an enrolment's final write, an export).

A job emits ``finished(result)`` or ``failed(error)`` exactly once; both are delivered on the GUI
thread through queued connections.
"""

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.domain.errors import FaceDeskError

logger = logging.getLogger(__name__)


class TaskSignals(QObject):
    """Signals of one job.

    Signals:
        finished(object): the job's return value.
        failed(object): the FaceDeskError it raised (its message is safe to show).
    """

    finished = Signal(object)
    failed = Signal(object)


class BackgroundTask(QRunnable):
    """Runs ``job()`` on the shared thread pool."""

    def __init__(self, job: Callable[[], object]) -> None:
        super().__init__()
        self._job = job
        self.signals = TaskSignals()
        self.setAutoDelete(False)  # the caller keeps the task (and its signals) alive until done

    def run(self) -> None:
        """The job, with its outcome turned into a signal."""
        try:
            result = self._job()
        except FaceDeskError as exc:
            self.signals.failed.emit(exc)
            return
        except Exception as exc:
            logger.exception("A background job failed unexpectedly.")
            self.signals.failed.emit(FaceDeskError(f"Something went wrong ({type(exc).__name__}); see the log."))
            return
        self.signals.finished.emit(result)


def run_in_background(
    job: Callable[[], object],
    on_finished: Callable[[object], None],
    on_failed: Callable[[object], None],
    pool: QThreadPool | None = None,
) -> BackgroundTask:
    """Connect the outcome handlers, then start ``job``; keep the returned task until it reports."""
    task = BackgroundTask(job)
    task.signals.finished.connect(on_finished)
    task.signals.failed.connect(on_failed)
    (pool or QThreadPool.globalInstance()).start(task)
    return task
