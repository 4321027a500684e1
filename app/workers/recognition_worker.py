"""The recognition thread: analyses the newest frame, drops stale ones, reports results as signals.

The work itself (a capture session's ``submit``) runs here: dlib's detector releases the GIL and
the encoder runs in its own process, so the preview on the GUI thread keeps the camera's frame
rate. Results are frozen dataclasses, safe to pass between threads.
"""

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QThread, Signal

from app.camera.frames import Frame
from app.domain.errors import FaceDeskError
from app.workers.camera_worker import STOP_TIMEOUT_MS, LatestFrame

logger = logging.getLogger(__name__)

POLL_SECONDS = 0.1


class RecognitionThread(QThread):
    """Calls ``handle(frame)`` on the newest frame until stopped or told the work is done.

    Signals:
        result_ready(object): whatever ``handle`` returned (a frozen progress value).
        failed(str): ``handle`` raised a FaceDesk error; the message is safe to show.
    """

    result_ready = Signal(object)
    failed = Signal(str)

    def __init__(
        self, latest: LatestFrame, handle: Callable[[Frame], object], is_done: Callable[[object], bool]
    ) -> None:
        super().__init__()
        self._latest = latest
        self._handle = handle
        self._is_done = is_done
        self._stop = threading.Event()
        self.processed = 0
        self.setObjectName("recognition")

    def run(self) -> None:
        """The thread body."""
        while not self._stop.is_set():
            frame = self._latest.take(POLL_SECONDS)
            if frame is None:
                continue
            try:
                result = self._handle(frame)
            except FaceDeskError as exc:
                logger.warning("Recognition stopped: %s", exc)
                self.failed.emit(str(exc))
                return
            self.processed += 1
            self.result_ready.emit(result)
            if self._is_done(result):
                return

    def stop(self) -> bool:
        """Ask the loop to end and wait for it."""
        self._stop.set()
        self.quit()
        return self.wait(STOP_TIMEOUT_MS)
