"""One 1:1 verification of a guest against their own templates, recorded without biometrics (R8, R17).

The first few usable frames decide together (quality-weighted mean distance, recognition/fusion.py);
anything but a match offers the manual ID check, never another face attempt loop. Where the
business enables it, a liveness challenge (a random sequence of head turns) comes first, and the
deciding frames must follow it without the face leaving the picture.
"""

from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from app.camera.frames import Frame
from app.domain.audit import AuditAction, operator_actor
from app.domain.business import Purpose
from app.domain.checks import CheckMethod, CheckPurpose, CheckResult
from app.domain.clock import Clock
from app.domain.errors import StateError
from app.domain.faces import FaceBox, FaceLandmarks, TurnSide
from app.domain.flows import AbandonReason
from app.domain.matching import VerificationDecision, verification_decision
from app.domain.operators import Operator
from app.recognition.alignment import SecondPass
from app.recognition.fusion import FUSED_FRAMES, WeightedProbe, frame_weight, fused_distance
from app.recognition.liveness import LivenessChallenge, LivenessState, new_challenge
from app.services.capture_session import CameraSession, FaceEngine, SourceFactory, frame_size
from app.services.notice_service import RenderedNotice
from app.services.settings_service import SettingsService
from app.storage.database import Database

VERIFICATION_FRAME_LIMIT = 150  # about five seconds of a 30 fps camera without a usable face
# After the liveness challenge passes, this many frames in a row without a usable face end the
# check as uncertain: the face that turned must be the face that is compared (a third of a second).
CONTINUITY_FRAMES = 10


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
    liveness_failed: bool = False  # uncertain because the liveness challenge did not pass
    turn_side: TurnSide | None = None  # a liveness prompt is showing: turn this way
    prompt: int = 0  # which prompt of ``prompts`` (from 1)
    prompts: int = 0

    @property
    def offer_manual_check(self) -> bool:
        """Anything but a match goes to the manual ID check."""
        return self.result is not None and self.result is not VerificationResult.MATCH


@dataclass(frozen=True)
class RenewalRequired:
    """The notice changed since the person consented: show it and renew, or decline (R6)."""

    consent_id: int
    notice: RenderedNotice


class VerificationSession(CameraSession):
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
        super().__init__(source_factory, database=database, clock=clock, engine=engine, operator=operator)
        self._person_id = person_id
        self._stay_id = stay_id
        self._templates = templates
        self._settings = settings
        self._frames = 0
        self._probes: list[WeightedProbe] = []
        rules = settings.guest_liveness_rules()
        self._challenge: LivenessChallenge | None = new_challenge(rules) if rules is not None else None
        self._challenge_seen_face = False
        self._gap = 0
        self.result: VerificationResult | None = None

    def submit(self, frame: Frame) -> VerificationProgress:
        """Look for a usable face; the first few usable frames decide together."""
        if self.result is not None:
            return VerificationProgress("", None, self.result)
        if self.closed:
            raise StateError("This verification has ended.")
        self._frames += 1
        size = frame_size(frame)
        # A short session with a guest waiting: look twice before saying "no face".
        analysis = self._engine.analyzer.analyse(frame.image, second_pass=SecondPass.UPSAMPLED)
        face = analysis.face.box if analysis.face else None
        usable = analysis.face is not None and analysis.verdict.usable_for_matching
        if self._challenge is not None:
            landmarks = analysis.face.landmarks if usable and analysis.face is not None else None
            progress = self._liveness(landmarks, frame.timestamp, face, size, hint=analysis.verdict.hint)
            if progress is not None:
                return progress
        if usable and analysis.face is not None:
            weight = frame_weight(analysis.verdict.measures)
            self._probes.append(WeightedProbe(self._engine.encoder.probe(analysis.face), weight))
        if len(self._probes) >= FUSED_FRAMES or (self._probes and self._frames >= VERIFICATION_FRAME_LIMIT):
            self._decide_from_probes()
            return VerificationProgress("", face, self.result, size)
        if self._frames >= VERIFICATION_FRAME_LIMIT:
            self._decide(VerificationResult.UNCERTAIN)
            return VerificationProgress("", face, self.result, size)
        return VerificationProgress("" if usable else analysis.verdict.hint, face, None, size)

    def _liveness(
        self, landmarks: FaceLandmarks | None, timestamp: float, face: FaceBox | None, size: tuple[int, int], hint: str
    ) -> VerificationProgress | None:
        """Run the challenge; ``None`` once it has passed and the frame may be compared."""
        challenge = self._challenge
        if challenge is None:
            return None
        if challenge.state is LivenessState.PASSED:
            self._gap = 0 if landmarks is not None else self._gap + 1
            if self._gap > CONTINUITY_FRAMES:
                self._decide(VerificationResult.UNCERTAIN)
                return VerificationProgress("", face, self.result, size)
            return None
        if landmarks is None and not self._challenge_seen_face:
            # Nobody in front of the camera yet: the challenge (and its clock) starts with the face.
            if self._frames >= VERIFICATION_FRAME_LIMIT:
                self._decide(VerificationResult.UNCERTAIN)
                return VerificationProgress("", face, self.result, size)
            return VerificationProgress(hint, face, None, size)
        self._challenge_seen_face = True
        state = challenge.observe(landmarks, timestamp)
        if state is LivenessState.FAILED:
            self._decide(VerificationResult.UNCERTAIN)
            return VerificationProgress("", face, self.result, size, liveness_failed=True)
        if state is LivenessState.PASSED:
            self._frames = 0  # the deciding frames start now
            return VerificationProgress("", face, None, size)
        step, steps = challenge.step
        return VerificationProgress("", face, None, size, turn_side=challenge.side, prompt=step, prompts=steps)

    def _decide_from_probes(self) -> None:
        distance = fused_distance(self._templates, self._probes)
        decision = verification_decision(distance, self._settings.match_thresholds())
        self._probes = []  # nothing of the live face is kept once decided
        self._decide(
            VerificationResult.MATCH if decision is VerificationDecision.MATCH else VerificationResult.NO_MATCH
        )

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
        self.closed = True
        self._templates = np.empty((0, 128), dtype=np.float32)
        self._probes = []
        self._record_capture_ended(self._person_id, Purpose.GUEST_VERIFICATION, reason)
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
