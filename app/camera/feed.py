"""A camera session: open a source, deliver frames, report a lost camera and reconnect.

``CameraFeed.run`` is meant for one dedicated thread that owns the source from open to release.
It stops cooperatively when its stop event is set (no thread is ever killed), and it never lets
a camera failure escape as an exception: failures become states a desk UI can show.
"""

import logging
import threading
from collections.abc import Callable

from app.camera.frames import Frame
from app.camera.source import FrameSource
from app.domain.camera_state import FeedState
from app.domain.errors import CameraLostError, CameraUnavailableError

logger = logging.getLogger(__name__)

DEFAULT_RECONNECT_SECONDS = 2.0

__all__ = ["DEFAULT_RECONNECT_SECONDS", "CameraFeed", "FeedState"]


class CameraFeed:
    """Runs one camera session on the calling thread until stopped or the file ends."""

    def __init__(
        self,
        make_source: Callable[[], FrameSource],
        *,
        on_frame: Callable[[Frame], None],
        on_state: Callable[[FeedState, str], None],
        reconnect_seconds: float = DEFAULT_RECONNECT_SECONDS,
    ) -> None:
        """Create a feed.

        Args:
            make_source: builds a fresh, unopened source (called again for each reconnect).
            on_frame: receives each frame (on the feed's thread).
            on_state: receives each state change with a plain explanation.
            reconnect_seconds: pause between reconnection attempts.
        """
        self._make_source = make_source
        self._on_frame = on_frame
        self._on_state = on_state
        self._reconnect_seconds = reconnect_seconds

    def run(self, stop: threading.Event) -> FeedState:
        """Deliver frames until ``stop`` is set or the source ends; return the final state."""
        final = FeedState.STOPPED
        last_problem: FeedState | None = None
        while not stop.is_set():
            self._on_state(FeedState.STARTING, "")
            source = self._make_source()
            try:
                source.open()
            except CameraUnavailableError as exc:
                if last_problem is not FeedState.UNAVAILABLE:  # once, not at every retry
                    logger.warning("Camera unavailable: %s", exc)
                last_problem = FeedState.UNAVAILABLE
                self._on_state(FeedState.UNAVAILABLE, str(exc))
                if stop.wait(self._reconnect_seconds):
                    break
                continue
            last_problem = None
            try:
                self._on_state(FeedState.LIVE, source.name)
                while not stop.is_set():
                    frame = source.read()
                    if frame is None:
                        final = FeedState.ENDED
                        break
                    self._on_frame(frame)
            except CameraLostError as exc:
                logger.warning("Camera lost: %s", exc)
                last_problem = FeedState.LOST
                self._on_state(FeedState.LOST, str(exc))
            finally:
                source.close()
            if final is FeedState.ENDED:
                break
            if stop.wait(self._reconnect_seconds):
                break
        self._on_state(final, "")
        return final
