"""Enrolment: collect three good frames of one person and store their templates with the consent (R5, R12).

Frames are analysed in memory and only 128-value templates are stored, never a frame or a face
image. The consent, when only checked so far, is stored in the same transaction as the templates
(and, for a guest, the completed check-in): all of it or none of it.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import numpy.typing as npt

from app.camera.frames import Frame
from app.domain.audit import AuditAction, operator_actor
from app.domain.clock import Clock
from app.domain.errors import ComplianceBlockedError, StateError
from app.domain.faces import FaceBox, QualityIssue
from app.domain.flows import AbandonReason
from app.domain.operators import Operator
from app.domain.records import ConsentRecord
from app.recognition.alignment import SecondPass
from app.recognition.gallery import closest_distance
from app.services.capture_session import CameraSession, FaceEngine, SourceFactory, frame_size
from app.services.consent_service import ConsentDraft, ConsentService
from app.services.statistics_service import record_filing_milestones
from app.storage.database import Database
from app.storage.unit_of_work import UnitOfWork

AlsoInTransaction = Callable[[UnitOfWork, datetime], None]
ENROLMENT_FRAMES = 3
MIN_SECONDS_BETWEEN_CAPTURES = 0.3


@dataclass(frozen=True)
class CaptureProgress:
    """What the capture page shows after each frame (never distances or scores)."""

    hint: str
    issues: tuple[QualityIssue, ...]
    face: FaceBox | None
    collected: int
    required: int
    frame_size: tuple[int, int] = (0, 0)  # (width, height) of the frame ``face`` was found in

    @property
    def complete(self) -> bool:
        """Enough good frames were collected."""
        return self.collected >= self.required


@dataclass(frozen=True)
class EnrolmentOutcome:
    """What an enrolment stored: the consent the templates are under, and how many."""

    consent_id: int
    templates: int


class EnrolmentSession(CameraSession):
    """Collects several quality-passing frames of one person and stores their templates."""

    def __init__(
        self,
        *,
        database: Database,
        clock: Clock,
        engine: FaceEngine,
        operator: Operator,
        consent: ConsentRecord | ConsentDraft,
        source_factory: SourceFactory,
        match_threshold: float,
        consents: ConsentService | None = None,
        required: int = ENROLMENT_FRAMES,
    ) -> None:
        super().__init__(source_factory, database=database, clock=clock, engine=engine, operator=operator)
        self._consent = consent
        self._consents = consents
        self._threshold = match_threshold
        self._required = required
        self._frame_size = (0, 0)
        self._templates: list[npt.NDArray[np.float32]] = []
        self._last_capture: float | None = None
        self._ending = threading.Lock()  # commit (a worker thread) and abandon (the GUI thread) never overlap

    @property
    def person_id(self) -> int:
        """Whom this session enrols."""
        return self._consent.person_id

    def submit(self, frame: Frame) -> CaptureProgress:
        """Judge a frame; keep its template if it passes (the frame itself is never kept)."""
        if self.closed:
            raise StateError("This capture session has ended.")
        if len(self._templates) >= self._required:
            return self._progress("", (), None)
        self._frame_size = frame_size(frame)
        # A short session with a person waiting: look twice before saying "no face".
        analysis = self._engine.analyzer.analyse(frame.image, for_enrolment=True, second_pass=SecondPass.UPSAMPLED)
        face = analysis.face.box if analysis.face else None
        if not analysis.verdict.acceptable or analysis.face is None:
            return self._progress(analysis.verdict.hint, analysis.verdict.issues, face)
        if self._last_capture is not None and frame.timestamp - self._last_capture < MIN_SECONDS_BETWEEN_CAPTURES:
            return self._progress("", (), face)
        template = self._engine.encoder.enrolment_template(analysis.face)
        if self._templates and closest_distance(np.stack(self._templates), template) > self._threshold:
            # A different face than the frames before: start again rather than mix two people.
            self._templates.clear()
            self._last_capture = None
            return self._progress(
                "Only one person in front of the camera, please.", (QualityIssue.MORE_THAN_ONE_FACE,), face
            )
        self._templates.append(template)
        self._last_capture = frame.timestamp
        return self._progress("", (), face)

    def finish(self) -> int:
        """Store the collected templates under the consent; return how many were stored.

        Raises:
            StateError: not enough good frames yet. ComplianceBlockedError: the consent was
            withdrawn meanwhile (nothing is stored).
        """
        return self.commit().templates

    def commit(self, also: AlsoInTransaction | None = None) -> "EnrolmentOutcome":
        """Store the templates, the consent they need when it was only checked so far, and ``also``.

        Everything happens in one transaction: a crash or an error leaves none of it.

        Args:
            also: more of the same story (the check-in it completes), run inside the transaction.

        Raises:
            The errors of :meth:`finish`, and those of ``also`` (nothing is stored then).
        """
        with self._ending:
            return self._commit(also)

    def _commit(self, also: AlsoInTransaction | None) -> "EnrolmentOutcome":
        if len(self._templates) < self._required:
            raise StateError("Not enough good pictures yet: keep looking at the camera.")
        if self.closed:
            raise StateError("This capture session has ended.")
        now = self._clock()
        with self._db.unit() as uow:
            consents = uow.consents
            if isinstance(self._consent, ConsentDraft):
                assert self._consents is not None  # noqa: S101 - FaceService passes it with every draft
                consent_id = self._consents.record(uow, self._consent, at=now).id
            else:
                current = consents.get(self._consent.id)
                if current is None or not current.live:
                    raise ComplianceBlockedError("The consent was withdrawn: nothing was stored.")
                consent_id = current.id
            for template in self._templates:
                consents.add_template(self.person_id, consent_id, template, at=now)
            uow.audit(
                AuditAction.FACE_ENROLLED,
                operator_actor(self._operator.id),
                at=now,
                subject=("person", self.person_id),
                details={"consent_id": consent_id, "templates": len(self._templates)},
            )
            record_filing_milestones(uow, now)
            if also is not None:
                also(uow, now)
        stored = len(self._templates)
        self.cancel()
        return EnrolmentOutcome(consent_id, stored)

    def abandon(self, reason: AbandonReason) -> bool:
        """Stop without storing anything: the consent draft and the templates are forgotten.

        When the camera had been opened, the audit log says that a capture ran and kept nothing,
        so the log tells what happened without holding a consent that covers no data.

        Returns:
            Whether anything was still open (``False`` after :meth:`commit` or an earlier abandon).
        """
        with self._ending:
            return self._abandon(reason)

    def _abandon(self, reason: AbandonReason) -> bool:
        if self.closed:
            return False
        self.cancel()
        self._record_capture_ended(self.person_id, self._consent.purpose, reason)
        return True

    def cancel(self) -> None:
        """End the session and forget every template collected in memory."""
        self.closed = True
        for template in self._templates:
            template.fill(0.0)
        self._templates.clear()

    def _progress(self, hint: str, issues: tuple[QualityIssue, ...], face: FaceBox | None) -> CaptureProgress:
        return CaptureProgress(hint, issues, face, len(self._templates), self._required, self._frame_size)
