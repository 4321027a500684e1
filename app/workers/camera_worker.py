"""The camera thread: owns one frame source from open to release, and feeds preview and recognition.

It runs :class:`app.camera.feed.CameraFeed` on its own ``QThread``. Each frame goes two ways:
as a ``QImage`` copy for the preview (``frame_ready``), and into a one-frame "latest" slot that
the recognition thread takes from, so recognition always sees the newest frame and never slows
the preview down. Stopping is cooperative: a flag, then ``wait`` with a timeout; the thread is
never terminated.
"""

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QThread, Signal
from PySide6.QtGui import QImage

from app.camera.feed import CameraFeed, FeedState
from app.camera.frames import Frame
from app.camera.source import FrameSource

logger = logging.getLogger(__name__)

STOP_TIMEOUT_MS = 5000


class LatestFrame:
    """A one-frame mailbox: putting replaces whatever is waiting (stale frames are dropped)."""

    def __init__(self) -> None:
        self._frame: Frame | None = None
        self._ready = threading.Condition()
        self.dropped = 0

    def put(self, frame: Frame) -> None:
        """Offer the newest frame."""
        with self._ready:
            if self._frame is not None:
                self.dropped += 1
            self._frame = frame
            self._ready.notify()

    def take(self, timeout: float) -> Frame | None:
        """The newest frame, waiting up to ``timeout`` seconds; ``None`` if none came."""
        with self._ready:
            if self._frame is None:
                self._ready.wait(timeout)
            frame, self._frame = self._frame, None
            return frame


def frame_to_image(frame: Frame) -> QImage:
    """A deep-copied ``QImage`` of a BGR frame (safe to hand to the GUI thread)."""
    height, width = frame.image.shape[:2]
    image = QImage(frame.image.data, width, height, frame.image.strides[0], QImage.Format.Format_BGR888)
    return image.copy()


class CameraThread(QThread):
    """Runs a camera session on its own thread.

    Signals:
        frame_ready(QImage): each frame, for the preview.
        state_changed(str, str): a :class:`FeedState` value and a plain explanation.
    """

    frame_ready = Signal(QImage)
    state_changed = Signal(str, str)

    def __init__(self, make_source: Callable[[], FrameSource], latest: LatestFrame | None = None) -> None:
        super().__init__()
        self._make_source = make_source
        self.latest = latest or LatestFrame()
        self._stop = threading.Event()
        self.setObjectName("camera")

    def run(self) -> None:
        """The thread body: the feed, until stopped or the file ends."""
        feed = CameraFeed(self._make_source, on_frame=self._deliver, on_state=self._report)
        final = feed.run(self._stop)
        logger.info("Camera session ended (%s).", final.value)

    def stop(self) -> bool:
        """Ask the session to end, release the camera, and wait; return whether it stopped in time."""
        self._stop.set()
        self.quit()
        stopped = self.wait(STOP_TIMEOUT_MS)
        if not stopped:
            logger.error("The camera thread did not stop within %d ms.", STOP_TIMEOUT_MS)
        return stopped

    def _deliver(self, frame: Frame) -> None:
        self.latest.put(frame)
        self.frame_ready.emit(frame_to_image(frame))

    def _report(self, state: FeedState, message: str) -> None:
        self.state_changed.emit(state.value, message)
