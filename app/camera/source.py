"""The ``FrameSource`` protocol shared by USB cameras and their stand-ins (video files, photos)."""

from typing import Protocol

from app.camera.frames import Frame


class FrameSource(Protocol):
    """Something that delivers frames from open() to close(), on one thread.

    ``open`` raises :class:`app.domain.errors.CameraUnavailableError` when the device or file
    cannot be used; ``read`` returns the next frame, ``None`` at the natural end of a file, and
    raises :class:`app.domain.errors.CameraLostError` when frames stop arriving mid-stream.
    """

    @property
    def name(self) -> str:
        """What this source is, for people ("USB camera 0", "clip.mp4")."""
        ...

    @property
    def fps(self) -> float:
        """Nominal frames per second."""
        ...

    def open(self) -> None:
        """Acquire the device or file."""
        ...

    def read(self) -> Frame | None:
        """The next frame (waiting for it), or ``None`` at the end of a file."""
        ...

    def close(self) -> None:
        """Release the device or file; safe to call twice."""
        ...
