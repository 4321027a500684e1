"""USB webcams through OpenCV, with the capture backend each operating system needs.

Windows uses DirectShow (fast to open, honours the requested size) with Media Foundation as the
fallback, macOS AVFoundation, Linux V4L2. A camera that is unplugged mid-session stops returning
frames: after a run of failed reads, or once its device node disappears, ``read`` raises
``CameraLostError`` so the session can show a clear state and try to reconnect.
"""

import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.camera.frames import Frame
from app.camera.opencv import cv2
from app.domain.errors import CameraLostError, CameraUnavailableError

logger = logging.getLogger(__name__)

MAX_FAILED_READS = 10  # about a third of a second of silence at 30 fps
PROBE_INDICES = range(6)
_V4L_ROOT = Path("/sys/class/video4linux")


def capture_backends(platform: str = sys.platform) -> tuple[int, ...]:
    """The OpenCV capture backends to try, in order, on ``platform``."""
    if platform.startswith("win"):
        return (cv2.CAP_DSHOW, cv2.CAP_MSMF)
    if platform == "darwin":
        return (cv2.CAP_AVFOUNDATION,)
    return (cv2.CAP_V4L2,)


@dataclass(frozen=True)
class CameraInfo:
    """A camera found on this computer."""

    index: int
    name: str


def list_cameras(platform: str = sys.platform) -> list[CameraInfo]:
    """Cameras present now.

    On Linux they are read from sysfs without opening any device; elsewhere each likely index is
    opened briefly, which only ever happens on an operator's action (``doctor`` or settings).
    """
    if platform.startswith("linux"):
        cameras = []
        for node in sorted(_V4L_ROOT.glob("video*")) if _V4L_ROOT.is_dir() else []:
            try:
                index = int(node.name.removeprefix("video"))
                name = (node / "name").read_text(encoding="utf-8", errors="replace").strip()
            except (ValueError, OSError):
                continue
            cameras.append(CameraInfo(index, name or f"Camera {index}"))
        return cameras
    found = []
    for index in PROBE_INDICES:
        capture = cv2.VideoCapture(index, capture_backends(platform)[0])
        try:
            if capture.isOpened():
                found.append(CameraInfo(index, f"Camera {index}"))
        finally:
            capture.release()
    return found


class UsbCameraSource:
    """A webcam by index, asked for a resolution and frame rate."""

    def __init__(
        self,
        index: int,
        *,
        width: int = 1280,
        height: int = 720,
        fps: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._index = index
        self._width = width
        self._height = height
        self._requested_fps = fps
        self._fps = fps
        self._clock = clock
        self._capture: cv2.VideoCapture | None = None
        self._count = 0
        self._started = 0.0

    @property
    def name(self) -> str:
        """``USB camera <index>``."""
        return f"USB camera {self._index}"

    @property
    def fps(self) -> float:
        """The frame rate the camera agreed to."""
        return self._fps

    def open(self) -> None:
        """Open the camera with the first backend that works.

        Raises:
            CameraUnavailableError: no camera at that index, or another program holds it.
        """
        for backend in capture_backends():
            capture = cv2.VideoCapture(self._index, backend)
            if capture.isOpened():
                capture.set(cv2.CAP_PROP_FRAME_WIDTH, self._width)
                capture.set(cv2.CAP_PROP_FRAME_HEIGHT, self._height)
                capture.set(cv2.CAP_PROP_FPS, self._requested_fps)
                agreed = capture.get(cv2.CAP_PROP_FPS)
                self._fps = agreed if 1.0 <= agreed <= 240.0 else self._requested_fps
                self._capture, self._count, self._started = capture, 0, self._clock()
                logger.info(
                    "Camera %d open (%dx%d at %.0f fps).",
                    self._index,
                    capture.get(cv2.CAP_PROP_FRAME_WIDTH),
                    capture.get(cv2.CAP_PROP_FRAME_HEIGHT),
                    self._fps,
                )
                return
            capture.release()
        raise CameraUnavailableError(
            f"Camera {self._index} could not be opened: check it is plugged in and not in use by another program."
        )

    def read(self) -> Frame:
        """The next frame; ``CameraLostError`` once the camera stops delivering."""
        if self._capture is None:
            raise CameraLostError("The camera is not open.")
        for _ in range(MAX_FAILED_READS):
            ok, image = self._capture.read()
            if ok and image is not None and image.size:
                frame = Frame.own(image.astype(np.uint8, copy=False), self._count, self._clock() - self._started)
                self._count += 1
                return frame
            if sys.platform.startswith("linux") and not Path(f"/dev/video{self._index}").exists():
                break
        raise CameraLostError(f"Camera {self._index} stopped sending pictures; it may have been unplugged.")

    def close(self) -> None:
        """Release the camera so its light goes off and other programs may use it."""
        if self._capture is not None:
            self._capture.release()
            self._capture = None
            logger.info("Camera %d released.", self._index)
