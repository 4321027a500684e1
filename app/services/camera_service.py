"""Which cameras this computer has, and opening the one the desk is set to use."""

from collections.abc import Callable
from dataclasses import dataclass

from app.camera.opening import configured_source
from app.camera.source import FrameSource
from app.camera.usb_camera import list_cameras


@dataclass(frozen=True)
class CameraChoice:
    """The camera to open: an index ("0") or a video/photo path, with the requested format."""

    spec: str
    width: int = 1280
    height: int = 720
    fps: float = 30.0


def available_cameras() -> list[tuple[int, str]]:
    """(index, name) of each camera found."""
    return [(camera.index, camera.name) for camera in list_cameras()]


def camera_opener(choice: Callable[[], CameraChoice]) -> Callable[[], FrameSource]:
    """A factory of unopened sources for the current choice (read again at every call).

    The choice is read each time so a camera changed in the settings is used by the next
    capture; a choice that names nothing usable gives a source that reports "unavailable".
    """

    def open_camera() -> FrameSource:
        current = choice()
        return configured_source(current.spec, width=current.width, height=current.height, fps=current.fps)

    return open_camera
