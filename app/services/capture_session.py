"""What every capture session shares: the face engine it uses, and the one place a camera source is made.

A session is the only thing that creates a camera source, and a session can only be obtained
after the consent checks pass (app/services/face_service.py), so the camera cannot be opened before
consent: the frame source factory passed in is called by ``open_source`` and nowhere else.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from app.camera.frames import Frame
from app.camera.source import FrameSource
from app.domain.errors import StateError
from app.recognition.analyzer import FaceAnalyzer
from app.recognition.encoder import EncoderProcess

SourceFactory = Callable[[], FrameSource]


class FaceEngine(Protocol):
    """The recognition parts a session needs (a FaceAnalyzer and an EncoderProcess)."""

    analyzer: FaceAnalyzer
    encoder: EncoderProcess


@dataclass
class LocalFaceEngine:
    """The analyzer and encoder of this process."""

    analyzer: FaceAnalyzer
    encoder: EncoderProcess


def frame_size(frame: Frame) -> tuple[int, int]:
    """(width, height) of a frame, so a face box can be drawn over any picture size."""
    height, width = frame.image.shape[:2]
    return width, height


class CameraSession:
    """The camera part shared by both sessions: the one place a source is created."""

    def __init__(self, source_factory: SourceFactory) -> None:
        self._factory = source_factory
        self._lock = threading.Lock()
        self.sources_created = 0
        self.closed = False

    def open_source(self) -> FrameSource:
        """A new, unopened frame source for this session (the camera worker opens and owns it)."""
        with self._lock:
            if self.closed:
                raise StateError("This capture session has ended.")
            self.sources_created += 1
        return self._factory()
