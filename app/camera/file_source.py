"""Stand-ins for a webcam: a video file, or a folder of photos (or one photo), played as frames.

Paced at the source's real frame rate by default (as a camera would deliver them), or as fast as
possible for benchmarks. The pacing sleep happens on the camera thread, never on the UI thread.
"""

import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from app.camera.frames import IMAGE_SUFFIXES, Frame, load_image
from app.camera.opencv import cv2
from app.domain.errors import CameraLostError, CameraUnavailableError, InvalidInputError

logger = logging.getLogger(__name__)

DEFAULT_STILL_FPS = 15.0
# A file whose container promises more frames than can be decoded has failed mid-stream; allow
# for containers that round their frame count.
FRAME_COUNT_TOLERANCE = 2


class _Pacer:
    """Waits until each frame is due, so frames come at the source's frame rate."""

    def __init__(self, fps: float, realtime: bool, clock: Callable[[], float], sleep: Callable[[float], None]) -> None:
        self._interval = 1.0 / fps
        self._realtime = realtime
        self._clock = clock
        self._sleep = sleep
        self._start: float | None = None

    def wait_for(self, index: int) -> None:
        if not self._realtime:
            return
        if self._start is None:
            self._start = self._clock()
        delay = self._start + index * self._interval - self._clock()
        if delay > 0:
            self._sleep(delay)

    def restart(self) -> None:
        self._start = None


class VideoFileSource:
    """Plays a video file (anything OpenCV's FFmpeg backend decodes)."""

    def __init__(
        self,
        path: Path,
        *,
        realtime: bool = True,
        loop: bool = False,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._path = path
        self._realtime = realtime
        self._loop = loop
        self._clock = clock
        self._sleep = sleep
        self._capture: cv2.VideoCapture | None = None
        self._fps = 30.0
        self._frame_count = 0
        self._index = 0
        self._pacer: _Pacer | None = None

    @property
    def name(self) -> str:
        """The file name."""
        return self._path.name

    @property
    def fps(self) -> float:
        """The file's frame rate (30 if it does not say)."""
        return self._fps

    @property
    def frame_count(self) -> int:
        """Frames the container says it holds (0 if unknown)."""
        return self._frame_count

    def open(self) -> None:
        """Open the file.

        Raises:
            CameraUnavailableError: missing, unreadable, or not a video.
        """
        if not self._path.is_file():
            raise CameraUnavailableError(f"The video file {self._path.name} was not found.")
        capture = cv2.VideoCapture(str(self._path), cv2.CAP_FFMPEG)
        if not capture.isOpened():
            capture.release()
            raise CameraUnavailableError(f"The video file {self._path.name} could not be opened.")
        reported_fps = capture.get(cv2.CAP_PROP_FPS)
        self._fps = reported_fps if 1.0 <= reported_fps <= 240.0 else 30.0
        self._frame_count = max(0, int(capture.get(cv2.CAP_PROP_FRAME_COUNT)))
        self._capture = capture
        self._index = 0
        self._pacer = _Pacer(self._fps, self._realtime, self._clock, self._sleep)
        logger.info("Playing a video file at %.2f fps (%d frames).", self._fps, self._frame_count)

    def read(self) -> Frame | None:
        """The next frame, ``None`` at the end, or ``CameraLostError`` if decoding stops early."""
        if self._capture is None or self._pacer is None:
            raise CameraLostError("The video is not open.")
        self._pacer.wait_for(self._index)
        ok, image = self._capture.read()
        if not ok or image is None:
            if self._frame_count and self._index < self._frame_count - FRAME_COUNT_TOLERANCE:
                raise CameraLostError(
                    f"The video stopped after frame {self._index} of {self._frame_count}: the file is damaged."
                )
            if not self._loop or self._index == 0:
                return None
            self._capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
            self._index = 0
            self._pacer.restart()
            return self.read()
        frame = Frame.own(image.astype(np.uint8, copy=False), self._index, self._index / self._fps)
        self._index += 1
        return frame

    def close(self) -> None:
        """Release the file."""
        if self._capture is not None:
            self._capture.release()
            self._capture = None


class ImageSequenceSource:
    """Plays photos as frames: a folder (sorted by name), or a single photo repeated."""

    def __init__(
        self,
        paths: Sequence[Path],
        *,
        name: str,
        fps: float = DEFAULT_STILL_FPS,
        realtime: bool = True,
        loop: bool = False,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if not paths:
            raise CameraUnavailableError(f"{name} holds no photos.")
        self._paths = list(paths)
        self._name = name
        self._fps = fps
        self._loop = loop
        self._pacer = _Pacer(fps, realtime, clock, sleep)
        self._index = 0
        self._opened = False

    @classmethod
    def from_folder(
        cls, folder: Path, *, fps: float = DEFAULT_STILL_FPS, realtime: bool = True
    ) -> "ImageSequenceSource":
        """Every photo in ``folder``, in name order."""
        if not folder.is_dir():
            raise CameraUnavailableError(f"The folder {folder.name} was not found.")
        photos = sorted(p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
        return cls(photos, name=folder.name, fps=fps, realtime=realtime)

    @classmethod
    def still(cls, photo: Path, *, fps: float = DEFAULT_STILL_FPS, realtime: bool = True) -> "ImageSequenceSource":
        """One photo, repeated for as long as frames are read."""
        return cls([photo], name=photo.name, loop=True, fps=fps, realtime=realtime)

    @property
    def name(self) -> str:
        """The folder or photo name."""
        return self._name

    @property
    def fps(self) -> float:
        """Frames per second the photos are played at."""
        return self._fps

    def open(self) -> None:
        """Check the first photo can be read."""
        if not self._paths[0].is_file():
            raise CameraUnavailableError(f"The photo {self._paths[0].name} was not found.")
        self._index = 0
        self._pacer.restart()
        self._opened = True

    def read(self) -> Frame | None:
        """The next photo as a frame; ``CameraLostError`` if a photo vanished or is damaged."""
        if not self._opened:
            raise CameraLostError("The photo source is not open.")
        position = self._index % len(self._paths) if self._loop else self._index
        if position >= len(self._paths):
            return None
        self._pacer.wait_for(self._index)
        try:
            image = load_image(self._paths[position])
        except InvalidInputError as exc:
            raise CameraLostError(f"The photo source stopped: {exc}") from None
        frame = Frame.own(image, self._index, self._index / self._fps)
        self._index += 1
        return frame

    def close(self) -> None:
        """Nothing to release; marks the source closed."""
        self._opened = False
