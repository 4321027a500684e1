"""A job that runs now and then every hour on the GUI thread's event loop; never fatal."""

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from app.domain.errors import FaceDeskError

logger = logging.getLogger(__name__)

HOUR_MS = 60 * 60 * 1000


class HourlyJob(QObject):
    """Runs ``job`` at :meth:`start` and then every ``interval_ms``; a FaceDeskError is logged, not raised."""

    def __init__(self, job: Callable[[], object], interval_ms: int = HOUR_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.run)

    def start(self) -> None:
        """Run now, then on every interval."""
        self.run()
        self.timer.start()

    def run(self) -> None:
        """Run the job once."""
        try:
            self._job()
        except FaceDeskError as exc:
            logger.error("The scheduled job could not run: %s", exc)

    def stop(self) -> None:
        """No more runs."""
        self.timer.stop()
