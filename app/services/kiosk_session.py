"""One staff-entry kiosk session: what the camera sees, liveness, PINs, and one decision per walk-up.

The camera is live only inside a session (R22), and this is the only place a face is searched
among several people (R24). A search that is not clearly one enrolled person is "unknown",
never the nearest stranger. A recognised face must then pass the liveness challenge; a failed
or uncertain challenge offers the PIN and does not ask again for that person until the repeat
interval ends (no loop). The PIN works for everyone, with or without face entry (R8, R9). One
walk-up is one event: the same person is not clocked again within the repeat interval. What is
written (clock events, the entry log) is in app/services/kiosk_records.py.
"""

import threading
from datetime import datetime, timedelta, tzinfo

from app.camera.frames import Frame
from app.camera.source import FrameSource
from app.domain.attendance import ClockMethod
from app.domain.audit import AuditAction, operator_actor
from app.domain.checks import CheckResult
from app.domain.clock import Clock
from app.domain.errors import AuthenticationError, NotFoundError, StateError
from app.domain.faces import FaceBox
from app.domain.matching import MatchThresholds
from app.domain.operators import Operator, OperatorSession
from app.domain.roles import Permission
from app.recognition.gallery import TemplateGallery
from app.recognition.liveness import LivenessChallenge, LivenessRules, LivenessState, new_challenge
from app.services.access_control import AccessControl
from app.services.capture_session import FaceEngine, SourceFactory, frame_size
from app.services.kiosk_records import KioskRecords
from app.services.kiosk_values import ClockOutcome, KioskPhase, KioskProgress, StaffEntry
from app.services.passwords import PasswordHashing
from app.storage.database import Database

UNKNOWN_AFTER_PROBES = 3  # usable faces in a row that match nobody before the kiosk says "unknown"
RESULT_SECONDS = 4.0  # how long a result stays on screen before the kiosk is ready again


class KioskSession:
    """One kiosk session, from a Manager's start to their stop."""

    def __init__(
        self,
        *,
        kiosk_id: int,
        database: Database,
        clock: Clock,
        zone: tzinfo,
        hashing: PasswordHashing,
        engine: FaceEngine | None,
        manager: Operator,
        gallery: TemplateGallery,
        thresholds: MatchThresholds,
        rules: LivenessRules,
        repeat: timedelta,
        source_factory: SourceFactory,
        roster: list[tuple[int, str]],
        door_configured: bool = False,
    ) -> None:
        self.kiosk_id = kiosk_id
        self.door_configured = door_configured
        self._records = KioskRecords(
            kiosk_id=kiosk_id,
            database=database,
            clock=clock,
            zone=zone,
            manager=manager,
            door_configured=door_configured,
        )
        self._db = database
        self._clock = clock
        self._hashing = hashing
        self._engine = engine
        self._manager = manager
        self._gallery = gallery
        self._thresholds = thresholds  # read once when the session starts: no settings query per frame
        self._rules = rules
        self._repeat = repeat
        self._source_factory = source_factory
        self._roster = roster
        self._lock = threading.Lock()
        self._last_event: dict[int, ClockOutcome] = {}
        self._last_event_at: dict[int, datetime] = {}
        self._liveness_failed_at: dict[int, datetime] = {}
        self._unknown_probes = 0
        self._candidate: int | None = None
        self._challenge: LivenessChallenge | None = None
        self._showing: KioskProgress | None = None
        self._showing_from = 0.0
        self._showing_until = 0.0
        self.sources_created = 0
        self.closed = False

    @property
    def face_enabled(self) -> bool:
        """Whether face entry runs in this session (otherwise the kiosk is PIN only)."""
        return self._engine is not None

    def open_source(self) -> FrameSource:
        """A new, unopened camera source for this session (only while it is open, R22)."""
        with self._lock:
            if self.closed:
                raise StateError("The kiosk session has ended.")
            if not self.face_enabled:
                raise StateError("Face entry is not in use: staff clock in with their PIN.")
            self.sources_created += 1
        return self._source_factory()

    def roster(self) -> list[StaffEntry]:
        """The names staff choose from before typing their PIN."""
        return [StaffEntry(person_id, name) for person_id, name in self._roster]

    def submit(self, frame: Frame) -> KioskProgress:
        """Take one camera frame (on the recognition thread); the frame is never kept."""
        if self.closed:
            raise StateError("The kiosk session has ended.")
        if self._engine is None:
            raise StateError("Face entry is not in use: staff clock in with their PIN.")
        size = frame_size(frame)
        if self._showing is not None:
            # A reopened camera starts its timestamps again: that also ends the result.
            if self._showing_from <= frame.timestamp < self._showing_until:
                return self._showing
            self._showing = None
        analysis = self._engine.analyzer.analyse(frame.image)
        face = analysis.face.box if analysis.face else None
        usable_face = analysis.face is not None and analysis.verdict.usable_for_matching
        if self._challenge is not None and self._candidate is not None:
            usable = analysis.face if usable_face else None
            state = self._challenge.observe(usable.landmarks if usable else None, frame.timestamp)
            if state is LivenessState.PASSED and usable is not None:
                probe = self._engine.encoder.probe(usable)
                result = self._gallery.identify(probe, self._thresholds)
                person, self._candidate, self._challenge = self._candidate, None, None
                if result.person_id != person:
                    return self._show(KioskProgress(KioskPhase.UNKNOWN, face=face, frame_size=size), frame)
                return self._show(self._clock_face(person, face, size), frame)
            if state is LivenessState.FAILED:
                person, self._candidate, self._challenge = self._candidate, None, None
                self._records.face_check(person, CheckResult.UNCERTAIN)
                with self._lock:
                    self._liveness_failed_at[person] = self._clock()
                return self._show(KioskProgress(KioskPhase.USE_PIN, face=face, frame_size=size), frame)
            return self._turn_head(face, size)
        if not usable_face:
            self._unknown_probes = 0
            hint = analysis.verdict.hint if analysis.face is not None or len(analysis.faces) > 1 else ""
            return KioskProgress(KioskPhase.READY, hint, face, size)
        if analysis.face is None:  # usable_face implies a face; stated for the type checker
            return KioskProgress(KioskPhase.READY, "", face, size)
        probe = self._engine.encoder.probe(analysis.face)
        result = self._gallery.identify(probe, self._thresholds)
        if result.person_id is None:
            self._unknown_probes += 1
            if self._unknown_probes >= UNKNOWN_AFTER_PROBES:
                self._unknown_probes = 0
                self._records.face_check(None, CheckResult.NO_MATCH)
                return self._show(KioskProgress(KioskPhase.UNKNOWN, face=face, frame_size=size), frame)
            return KioskProgress(KioskPhase.READY, "", face, size)
        self._unknown_probes = 0
        person = result.person_id
        now = self._clock()
        with self._lock:
            recent = self._last_event.get(person)
            recent_at = self._last_event_at.get(person)
            failed_at = self._liveness_failed_at.get(person)
        if recent is not None and recent_at is not None and now - recent_at < self._repeat:
            phase = KioskPhase.REFUSED if recent.refusal else KioskPhase.ALREADY_CLOCKED
            return self._show(KioskProgress(phase, face=face, frame_size=size, outcome=recent), frame)
        if failed_at is not None and now - failed_at < self._repeat:
            return self._show(KioskProgress(KioskPhase.USE_PIN, face=face, frame_size=size), frame)
        self._candidate = person
        self._challenge = new_challenge(self._rules)
        self._challenge.observe(analysis.face.landmarks, frame.timestamp)
        return self._turn_head(face, size)

    def _turn_head(self, face: FaceBox | None, size: tuple[int, int]) -> KioskProgress:
        challenge = self._challenge
        if challenge is None:
            raise StateError("No liveness check is running.")
        step, steps = challenge.step
        return KioskProgress(
            KioskPhase.TURN_HEAD, face=face, frame_size=size, turn_side=challenge.side, prompt=step, prompts=steps
        )

    def clock_with_pin(self, person_id: int, pin: str) -> ClockOutcome:
        """Clock a staff member in or out with their PIN (any thread but the GUI's: Argon2 takes time).

        Raises:
            AuthenticationError: wrong PIN, no PIN set, or the PIN is paused after wrong attempts.
            NotFoundError: not a current staff member.
        """
        if self.closed:
            raise StateError("The kiosk session has ended.")
        if person_id not in {entry.person_id for entry in self.roster()}:
            raise NotFoundError("There is no such staff member.")
        now = self._clock()
        with self._db.reading() as uow:
            record = uow.attendance.pin_of(person_id)
        if record is None:
            raise AuthenticationError("No PIN is set for this name yet: ask the manager to set one.")
        if record.paused_until is not None and now < record.paused_until:
            raise AuthenticationError("Too many wrong PINs: the PIN works again in 15 minutes, or ask the manager.")
        if not self._hashing.verify(record.pin_hash, pin):
            self._records.pin_failed(person_id, record.failed_attempts + 1, now)
            raise AuthenticationError("That PIN is not right. Please try again.")
        with self._lock:
            recent = self._last_event.get(person_id)
            recent_at = self._last_event_at.get(person_id)
        if recent is not None and recent_at is not None and now - recent_at < self._repeat:
            return self._records.door_again(recent, now)
        return self._remember(self._records.clock(person_id, ClockMethod.PIN, reset_pin=True), self._clock())

    def end(self, session: OperatorSession, access: AccessControl, *, reason: str = "ended_by_manager") -> None:
        """Stop the session (a Manager): the gallery is wiped from memory and the stop is audited.

        Args:
            session: the Manager.
            access: permission checks.
            reason: why it ended (the Manager ended it, or the desk locked or closed around it).
        """
        manager = access.require(session, Permission.RUN_KIOSK)
        with self._lock:
            if self.closed:
                return
            self.closed = True
        self._gallery.clear()
        now = self._clock()
        with self._db.unit() as uow:
            uow.attendance.end_kiosk(self.kiosk_id, by_operator=manager.id, at=now)
            uow.audit(
                AuditAction.KIOSK_ENDED,
                operator_actor(manager.id),
                at=now,
                subject=("kiosk_session", self.kiosk_id),
                details={"reason": reason},
            )

    def _show(self, progress: KioskProgress, frame: Frame) -> KioskProgress:
        """Hold a result on screen for a few seconds of camera time, then get ready again."""
        self._showing = progress
        self._showing_from = frame.timestamp
        self._showing_until = frame.timestamp + RESULT_SECONDS
        return progress

    def _clock_face(self, person_id: int, face: FaceBox | None, size: tuple[int, int]) -> KioskProgress:
        outcome = self._remember(self._records.clock(person_id, ClockMethod.FACE), self._clock())
        phase = KioskPhase.REFUSED if outcome.refusal else KioskPhase.CLOCKED
        return KioskProgress(phase, face=face, frame_size=size, outcome=outcome)

    def record_door_result(self, entry_id: int, *, opened: bool) -> None:
        """What the relay did for a granted entry (the entry log keeps "could not open" for the manager)."""
        self._records.door_result(entry_id, opened=opened)

    def _remember(self, outcome: ClockOutcome, now: datetime) -> ClockOutcome:
        """One walk-up is one decision: the same person is not clocked or refused again for a while."""
        with self._lock:
            self._last_event[outcome.person_id] = outcome
            self._last_event_at[outcome.person_id] = now
        return outcome
