"""Capture sessions: enrolment after consent, and 1:1 verification of a guest (R3, R5, R12).

A session is the only thing that creates a camera source, and a session can only be obtained
after the consent checks pass, so the camera cannot be opened before consent: the frame source
factory passed in is called by ``open_source`` and nowhere else. Frames are analysed in memory
and only 128-value templates are stored (never a frame or a face image). A verification gives
one decision; anything but a match offers the manual ID check, never another face attempt loop.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

import numpy as np
import numpy.typing as npt

from app.camera.frames import Frame
from app.camera.source import FrameSource
from app.domain.audit import AuditAction, operator_actor
from app.domain.business import Purpose
from app.domain.checks import CheckMethod, CheckPurpose, CheckResult
from app.domain.clock import Clock
from app.domain.errors import ComplianceBlockedError, StateError
from app.domain.faces import FaceBox, QualityIssue
from app.domain.flows import AbandonReason
from app.domain.matching import VerificationDecision, verification_decision
from app.domain.operators import Operator, OperatorSession
from app.domain.records import ConsentRecord
from app.domain.roles import Permission
from app.recognition.analyzer import FaceAnalyzer
from app.recognition.encoder import EncoderProcess
from app.recognition.gallery import closest_distance
from app.services.access_control import AccessControl
from app.services.business_service import load_profile
from app.services.consent_service import ConsentDraft, ConsentService, consent_is_current, render_notice_for
from app.services.notice_service import NoticeCatalog, RenderedNotice
from app.services.pia_service import require_current_pia
from app.services.settings_service import SettingsService
from app.services.statistics_service import record_filing_milestones
from app.storage.database import Database
from app.storage.unit_of_work import UnitOfWork

SourceFactory = Callable[[], FrameSource]
AlsoInTransaction = Callable[[UnitOfWork, datetime], None]
ENROLMENT_FRAMES = 3
MIN_SECONDS_BETWEEN_CAPTURES = 0.3
VERIFICATION_FRAME_LIMIT = 150  # about five seconds of a 30 fps camera without a usable face


class FaceEngine(Protocol):
    """The recognition parts a session needs (a FaceAnalyzer and an EncoderProcess)."""

    analyzer: FaceAnalyzer
    encoder: EncoderProcess


@dataclass
class LocalFaceEngine:
    """The analyzer and encoder of this process."""

    analyzer: FaceAnalyzer
    encoder: EncoderProcess


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


def frame_size(frame: Frame) -> tuple[int, int]:
    """(width, height) of a frame, so a face box can be drawn over any picture size."""
    height, width = frame.image.shape[:2]
    return width, height


@dataclass(frozen=True)
class EnrolmentOutcome:
    """What an enrolment stored: the consent the templates are under, and how many."""

    consent_id: int
    templates: int


class VerificationResult(StrEnum):
    """The one decision of a verification session."""

    MATCH = "match"
    NO_MATCH = "no_match"
    UNCERTAIN = "uncertain"  # no usable face in time


@dataclass(frozen=True)
class VerificationProgress:
    """After each frame: a hint, or the decision and what to do next."""

    hint: str
    face: FaceBox | None
    result: VerificationResult | None
    frame_size: tuple[int, int] = (0, 0)  # (width, height) of the frame ``face`` was found in

    @property
    def offer_manual_check(self) -> bool:
        """Anything but a match goes to the manual ID check."""
        return self.result is not None and self.result is not VerificationResult.MATCH


@dataclass(frozen=True)
class RenewalRequired:
    """The notice changed since the person consented: show it and renew, or decline (R6)."""

    consent_id: int
    notice: RenderedNotice


class _CameraSession:
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


class EnrolmentSession(_CameraSession):
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
        super().__init__(source_factory)
        self._db = database
        self._clock = clock
        self._engine = engine
        self._operator = operator
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
        analysis = self._engine.analyzer.analyse(frame.image, for_enrolment=True)
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
        opened = self.sources_created > 0
        purpose = self._consent.purpose
        self.cancel()
        if opened:
            with self._db.unit() as uow:
                uow.audit(
                    AuditAction.FACE_CAPTURE_ENDED,
                    operator_actor(self._operator.id),
                    at=self._clock(),
                    subject=("person", self.person_id),
                    details={"purpose": purpose.value, "reason": reason.value, "templates_kept": 0},
                )
        return True

    def cancel(self) -> None:
        """End the session and forget every template collected in memory."""
        self.closed = True
        for template in self._templates:
            template.fill(0.0)
        self._templates.clear()

    def _progress(self, hint: str, issues: tuple[QualityIssue, ...], face: FaceBox | None) -> CaptureProgress:
        return CaptureProgress(hint, issues, face, len(self._templates), self._required, self._frame_size)


class VerificationSession(_CameraSession):
    """One 1:1 decision for one person, recorded without biometrics."""

    def __init__(
        self,
        *,
        database: Database,
        clock: Clock,
        engine: FaceEngine,
        operator: Operator,
        person_id: int,
        stay_id: int | None,
        templates: npt.NDArray[np.float32],
        source_factory: SourceFactory,
        settings: SettingsService,
    ) -> None:
        super().__init__(source_factory)
        self._db = database
        self._clock = clock
        self._engine = engine
        self._operator = operator
        self._person_id = person_id
        self._stay_id = stay_id
        self._templates = templates
        self._settings = settings
        self._frames = 0
        self.result: VerificationResult | None = None

    def submit(self, frame: Frame) -> VerificationProgress:
        """Look for a usable face; the first one decides."""
        if self.result is not None:
            return VerificationProgress("", None, self.result)
        if self.closed:
            raise StateError("This verification has ended.")
        self._frames += 1
        size = frame_size(frame)
        analysis = self._engine.analyzer.analyse(frame.image)
        face = analysis.face.box if analysis.face else None
        if analysis.face is None or not analysis.verdict.usable_for_matching:
            if self._frames >= VERIFICATION_FRAME_LIMIT:
                self._decide(VerificationResult.UNCERTAIN)
                return VerificationProgress("", face, self.result, size)
            return VerificationProgress(analysis.verdict.hint, face, None, size)
        distance = closest_distance(self._templates, self._engine.encoder.probe(analysis.face))
        decision = verification_decision(distance, self._settings.match_thresholds())
        self._decide(
            VerificationResult.MATCH if decision is VerificationDecision.MATCH else VerificationResult.NO_MATCH
        )
        return VerificationProgress("", face, self.result, size)

    @property
    def person_id(self) -> int:
        """Whom this session checks."""
        return self._person_id

    def abandon(self, reason: AbandonReason) -> bool:
        """Stop before a decision without recording one (the desk locked, the page closed).

        When the camera had been opened, the audit log says that a capture ran and kept nothing.

        Returns:
            Whether the session was still open.
        """
        if self.closed or self.result is not None:
            return False
        opened = self.sources_created > 0
        self.closed = True
        self._templates = np.empty((0, 128), dtype=np.float32)
        if opened:
            with self._db.unit() as uow:
                uow.audit(
                    AuditAction.FACE_CAPTURE_ENDED,
                    operator_actor(self._operator.id),
                    at=self._clock(),
                    subject=("person", self._person_id),
                    details={"purpose": Purpose.GUEST_VERIFICATION.value, "reason": reason.value, "templates_kept": 0},
                )
        return True

    def give_up(self) -> VerificationResult:
        """The operator stopped waiting: recorded as uncertain, and the manual check is offered."""
        if self.result is None:
            self._decide(VerificationResult.UNCERTAIN)
        assert self.result is not None  # noqa: S101 - set by _decide
        return self.result

    def _decide(self, result: VerificationResult) -> None:
        now = self._clock()
        with self._db.unit() as uow:
            consents = uow.consents
            consents.add_verification(
                person_id=self._person_id,
                stay_id=self._stay_id,
                purpose=CheckPurpose.GUEST_VERIFICATION,
                method=CheckMethod.FACE,
                result=CheckResult(result.value),
                operator_id=self._operator.id,
                at=now,
            )
            if result is VerificationResult.MATCH:
                consents.touch_templates(self._person_id, at=now)
            uow.audit(
                AuditAction.FACE_VERIFIED,
                operator_actor(self._operator.id),
                at=now,
                subject=("person", self._person_id),
                details={"result": result.value},
            )
        self.result = result
        self.closed = True
        self._templates = np.empty((0, 128), dtype=np.float32)


class FaceService:
    """Starts capture sessions once every rule allows it."""

    def __init__(
        self,
        database: Database,
        access: AccessControl,
        clock: Clock,
        catalog: NoticeCatalog,
        settings: SettingsService,
        engine: FaceEngine,
        consents: ConsentService,
    ) -> None:
        self._db = database
        self._access = access
        self._clock = clock
        self._catalog = catalog
        self._settings = settings
        self._engine = engine
        self._consents = consents

    def begin_enrolment(
        self,
        session: OperatorSession,
        *,
        person_id: int,
        purpose: Purpose,
        source_factory: SourceFactory,
        pending: ConsentDraft | None = None,
    ) -> EnrolmentSession:
        """A capture session for a person who has just consented (R3, R4, R5).

        Args:
            session: the operator.
            person_id: who is enrolled.
            purpose: what for.
            source_factory: builds the camera source (called only by the session).
            pending: the consent just given on screen, checked but not stored; it is stored with
                the templates. Without it, a live consent to the current notice must be on file.

        Raises:
            ComplianceBlockedError: purpose off, no current assessment, or no consent to the
                current notice: the camera is not opened. StateError: the notice changed.
        """
        operator = self._access.require(session, Permission.ENROL_FACE)
        consent: ConsentRecord | ConsentDraft
        with self._db.reading() as uow:
            if purpose not in load_profile(uow).purposes:
                raise ComplianceBlockedError("Face recognition is not enabled for this purpose.")
            require_current_pia(uow)
            if pending is not None:
                if (pending.person_id, pending.purpose, pending.operator_id) != (person_id, purpose, operator.id):
                    raise StateError("This consent was given for another person, purpose or operator.")
                self._consents.check(uow, pending)
                consent = pending
            else:
                live = uow.consents.live_consent(person_id, purpose)
                if live is None or not consent_is_current(uow, self._catalog, live):
                    raise ComplianceBlockedError(
                        "There is no consent to the current notice: show the notice and ask for consent first."
                    )
                consent = live
        return EnrolmentSession(
            database=self._db,
            clock=self._clock,
            engine=self._engine,
            operator=operator,
            consent=consent,
            source_factory=source_factory,
            match_threshold=self._settings.match_thresholds().verify,
            consents=self._consents,
        )

    def begin_verification(
        self, session: OperatorSession, *, person_id: int, stay_id: int | None, source_factory: SourceFactory
    ) -> VerificationSession | RenewalRequired:
        """A 1:1 check of a guest against their own templates, or the renewal the new notice needs.

        Raises:
            ComplianceBlockedError: no live consent or no templates (withdrawn, expired, never
                enrolled): use the manual ID check.
        """
        operator = self._access.require(session, Permission.VERIFY_PERSON)
        with self._db.reading() as uow:
            if Purpose.GUEST_VERIFICATION not in load_profile(uow).purposes:
                raise ComplianceBlockedError("Face verification is not enabled: use the manual ID check.")
            consents = uow.consents
            consent = consents.live_consent(person_id, Purpose.GUEST_VERIFICATION)
            templates = consents.templates_of(person_id)
            if consent is None or len(templates) == 0:
                raise ComplianceBlockedError("No face data is held for this person: use the manual ID check.")
            if not consent_is_current(uow, self._catalog, consent):
                return RenewalRequired(
                    consent.id, render_notice_for(uow, self._catalog, consent.purpose, consent.language)
                )
        return VerificationSession(
            database=self._db,
            clock=self._clock,
            engine=self._engine,
            operator=operator,
            person_id=person_id,
            stay_id=stay_id,
            templates=templates,
            source_factory=source_factory,
            settings=self._settings,
        )
