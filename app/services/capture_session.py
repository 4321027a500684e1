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
from app.domain.audit import AuditAction, operator_actor
from app.domain.business import Purpose
from app.domain.clock import Clock
from app.domain.errors import StateError
from app.domain.flows import AbandonReason
from app.domain.operators import Operator
from app.recognition.analyzer import FaceAnalyzer
from app.recognition.encoder import EncoderProcess
from app.storage.database import Database

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
    """What both sessions share: the one place a source is created, and what an abandon records."""

    def __init__(
        self, source_factory: SourceFactory, *, database: Database, clock: Clock, engine: FaceEngine, operator: Operator
    ) -> None:
        self._factory = source_factory
        self._db = database
        self._clock = clock
        self._engine = engine
        self._operator = operator
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

    def _record_capture_ended(self, person_id: int, purpose: Purpose, reason: AbandonReason) -> None:
        """Audit a capture that stopped before storing anything, if its camera was ever opened.

        The log then tells what happened (a capture ran and kept nothing) without a consent or a
        decision that covers no data.
        """
        if self.sources_created == 0:
            return
        with self._db.unit() as uow:
            uow.audit(
                AuditAction.FACE_CAPTURE_ENDED,
                operator_actor(self._operator.id),
                at=self._clock(),
                subject=("person", person_id),
                details={"purpose": purpose.value, "reason": reason.value, "templates_kept": 0},
            )
