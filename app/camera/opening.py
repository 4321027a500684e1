"""Turning ``--camera INDEX|FILE|FOLDER`` or the camera setting into a frame source."""

from pathlib import Path

from app.camera.file_source import ImageSequenceSource, VideoFileSource
from app.camera.frames import IMAGE_SUFFIXES, Frame
from app.camera.source import FrameSource
from app.camera.usb_camera import UsbCameraSource
from app.domain.errors import CameraUnavailableError, InvalidInputError


def frame_source(
    spec: str, *, width: int = 1280, height: int = 720, fps: float = 30.0, realtime: bool = True
) -> FrameSource:
    """A source for ``spec``: a camera index ("0"), a video file, a photo, or a folder of photos.

    Nothing is opened here; the caller opens the source when a session starts.

    Raises:
        InvalidInputError: ``spec`` is neither a camera index nor an existing file or folder.
    """
    text = spec.strip()
    if text.isdigit():
        return UsbCameraSource(int(text), width=width, height=height, fps=fps)
    path = Path(text).expanduser()
    if path.is_dir():
        return ImageSequenceSource.from_folder(path, realtime=realtime)
    if path.is_file():
        if path.suffix.lower() in IMAGE_SUFFIXES:
            return ImageSequenceSource.still(path, realtime=realtime)
        return VideoFileSource(path, realtime=realtime)
    raise InvalidInputError(f"--camera {spec}: give a camera number (0, 1, ...) or an existing video, photo or folder.")


class UnavailableSource:
    """Stands for a configured camera that does not exist: opening it says why, in plain words.

    The desk then shows "camera not available" and offers the ID check, exactly as it does for
    an unplugged webcam, instead of failing somewhere deep in a worker thread.
    """

    def __init__(self, spec: str, reason: str) -> None:
        self._spec = spec
        self._reason = reason

    @property
    def name(self) -> str:
        """The configured value."""
        return self._spec

    @property
    def fps(self) -> float:
        """Nominal rate (never used: the source never opens)."""
        return 30.0

    def open(self) -> None:
        """Always refuses."""
        raise CameraUnavailableError(self._reason)

    def read(self) -> Frame | None:
        """Never reached."""
        raise CameraUnavailableError(self._reason)

    def close(self) -> None:
        """Nothing to release."""


def configured_source(spec: str, *, width: int, height: int, fps: float) -> FrameSource:
    """Like :func:`frame_source`, but a wrong setting becomes a source that reports itself unavailable."""
    try:
        return frame_source(spec, width=width, height=height, fps=fps)
    except InvalidInputError as exc:
        return UnavailableSource(spec, str(exc))
