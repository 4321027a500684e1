"""The staff-entry kiosk: a Manager-started session with 1:N identification, liveness and PINs.

The camera is live only inside a session (R22), and this is the only place a face is searched
among several people (R24). A search that is not clearly one enrolled person is "unknown",
never the nearest stranger. A recognised face must then pass the liveness challenge; a failed
or uncertain challenge offers the PIN and does not ask again for that person until the repeat
interval ends (no loop). The PIN works for everyone, with or without face entry (R8, R9). One
walk-up is one event: the same person is not clocked again within the repeat interval. No frame
or image is stored (R12): only the clock event and a face-verification result without scores.
"""

import dataclasses
import threading
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum

import numpy as np

from app.camera.frames import Frame
from app.camera.source import FrameSource
from app.config.settings import KIOSK_REPEAT_SECONDS, LIVENESS_CHALLENGE, LIVENESS_MIN_TURN, LIVENESS_SECONDS
from app.domain.access_rules import EntryRefusal
from app.domain.attendance import (
    LONGEST_SHIFT,
    PIN_ATTEMPTS_BEFORE_PAUSE,
    PIN_PAUSE,
    ClockDirection,
    ClockMethod,
    next_direction,
)
from app.domain.audit import Actor, AuditAction, operator_actor
from app.domain.business import Purpose
from app.domain.checks import CheckMethod, CheckPurpose, CheckResult
from app.domain.clock import Clock
from app.domain.errors import AuthenticationError, NotFoundError, StateError
from app.domain.faces import FaceBox, TurnSide
from app.domain.matching import MatchThresholds
from app.domain.operators import Operator, OperatorSession
from app.domain.roles import Permission
from app.recognition.gallery import TemplateGallery
from app.recognition.liveness import ChallengeKind, HeadTurnChallenge, LivenessRules, LivenessState
from app.services.access_control import AccessControl
from app.services.business_service import load_profile
from app.services.capture_session import FaceEngine, SourceFactory, frame_size
from app.services.consent_service import consent_is_current
from app.services.entry_service import entry_refusal
from app.services.notice_service import NoticeCatalog
from app.services.passwords import PasswordHashing
from app.services.pia_service import pia_status
from app.services.settings_service import SettingsService
from app.storage.database import Database
from app.storage.unit_of_work import UnitOfWork

UNKNOWN_AFTER_PROBES = 3  # usable faces in a row that match nobody before the kiosk says "unknown"
RESULT_SECONDS = 4.0  # how long a result stays on screen before the kiosk is ready again


class KioskPhase(StrEnum):
    """What the kiosk screen shows."""

    READY = "ready"  # waiting for someone (or showing a plain hint)
    TURN_HEAD = "turn_head"  # recognised: the liveness challenge is running
    CLOCKED = "clocked"  # an event was recorded
    ALREADY_CLOCKED = "already_clocked"  # same person again within the repeat interval: no new event
    UNKNOWN = "unknown"  # nobody enrolled was clearly recognised: use the PIN
    USE_PIN = "use_pin"  # the liveness check did not pass: use the PIN
    REFUSED = "refused"  # recognised, but outside their access: the door stays shut, nothing is clocked


@dataclass(frozen=True)
class ClockOutcome:
    """A recorded (or repeated) clock event, or a refused entry, as the kiosk confirms it.

    Attributes:
        event_id: the clock event (None: refused, nothing was clocked).
        entry_id: the entry log row of this door decision.
        refusal: why the door stays shut (None: granted; open the door).
    """

    event_id: int | None
    person_id: int
    person_name: str
    direction: ClockDirection
    method: ClockMethod
    local_time: time
    local_hour: int
    entry_id: int | None = None
    refusal: EntryRefusal | None = None

    def __repr__(self) -> str:
        refused = f", refused={self.refusal.value}" if self.refusal else ""
        return f"ClockOutcome(event_id={self.event_id}, {self.direction.value}, {self.method.value}{refused})"

    __str__ = __repr__


@dataclass(frozen=True)
class KioskProgress:
    """After each frame: the phase, a plain hint, where the face is, and any outcome."""

    phase: KioskPhase
    hint: str = ""
    face: FaceBox | None = None
    frame_size: tuple[int, int] = (0, 0)
    outcome: ClockOutcome | None = None
    turn_side: TurnSide | None = None


@dataclass(frozen=True)
class StaffEntry:
    """A name on the kiosk's PIN list."""

    person_id: int
    name: str

    def __repr__(self) -> str:
        return f"StaffEntry(person_id={self.person_id})"

    __str__ = __repr__


def active_staff(uow: UnitOfWork, today: date) -> list[tuple[int, str]]:
    """Staff members whose employment has not ended before ``today``: (id, name)."""
    return [
        (person.id, person.full_name)
        for person in uow.people.staff()
        if person.employment_ended_on is None or person.employment_ended_on >= today
    ]


def liveness_rules(uow: UnitOfWork) -> LivenessRules:
    """The liveness policy currently in force."""
    return LivenessRules(
        challenge=ChallengeKind(uow.policy(LIVENESS_CHALLENGE)),
        min_turn=uow.policy(LIVENESS_MIN_TURN),
        timeout_seconds=uow.policy(LIVENESS_SECONDS),
    )


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
        self._db = database
        self._clock = clock
        self._zone = zone
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
        self._challenge: HeadTurnChallenge | None = None
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
                self._record_face_check(person, CheckResult.UNCERTAIN)
                with self._lock:
                    self._liveness_failed_at[person] = self._clock()
                return self._show(KioskProgress(KioskPhase.USE_PIN, face=face, frame_size=size), frame)
            return KioskProgress(KioskPhase.TURN_HEAD, face=face, frame_size=size, turn_side=self._challenge.side)
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
                self._record_face_check(None, CheckResult.NO_MATCH)
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
        self._challenge = HeadTurnChallenge(self._rules)
        self._challenge.observe(analysis.face.landmarks, frame.timestamp)
        return KioskProgress(KioskPhase.TURN_HEAD, face=face, frame_size=size, turn_side=self._challenge.side)

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
            self._pin_failed(person_id, record.failed_attempts + 1, now)
            raise AuthenticationError("That PIN is not right. Please try again.")
        with self._lock:
            recent = self._last_event.get(person_id)
            recent_at = self._last_event_at.get(person_id)
        if recent is not None and recent_at is not None and now - recent_at < self._repeat:
            return self._pin_again(recent, now)
        return self._record_event(person_id, ClockMethod.PIN, reset_pin=True)

    def _pin_again(self, recent: ClockOutcome, now: datetime) -> ClockOutcome:
        """A right PIN again within the repeat interval: no new clock event, but the door opens again.

        Typing the PIN is deliberate (the door may not have opened the first time), so a granted
        walk-up opens the door once more, as its own row in the entry log. A refusal stays a refusal.
        """
        if recent.refusal is not None:
            return recent
        with self._db.unit() as uow:
            uow.attendance.record_pin_attempt(recent.person_id, failed_attempts=0, paused_until=None)
            entry_id = uow.entries.add_entry(
                at=now,
                person_id=recent.person_id,
                method=ClockMethod.PIN,
                direction=recent.direction,
                refusal=None,
                door_result=None if self.door_configured else "no_door",
                kiosk_session_id=self.kiosk_id,
                operator_id=None,
            )
        return dataclasses.replace(recent, entry_id=entry_id)

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
        outcome = self._record_event(person_id, ClockMethod.FACE)
        phase = KioskPhase.REFUSED if outcome.refusal else KioskPhase.CLOCKED
        return KioskProgress(phase, face=face, frame_size=size, outcome=outcome)

    def record_door_result(self, entry_id: int, *, opened: bool) -> None:
        """What the relay did for a granted entry (the entry log keeps "could not open" for the manager)."""
        with self._db.unit() as uow:
            uow.entries.set_door_result(entry_id, "opened" if opened else "failed")

    def _record_event(self, person_id: int, method: ClockMethod, *, reset_pin: bool = False) -> ClockOutcome:
        now = self._clock()
        local = now.astimezone(self._zone)
        with self._db.unit() as uow:
            attendance = uow.attendance
            last = attendance.last_valid_event(person_id, now - LONGEST_SHIFT, now + timedelta(seconds=1))
            direction = next_direction(last, now)
            # only coming in is limited by the access rule: leaving is never refused
            refusal = entry_refusal(uow, person_id, local) if direction is ClockDirection.IN else None
            entry_id = uow.entries.add_entry(
                at=now,
                person_id=person_id,
                method=method,
                direction=direction,
                refusal=refusal,
                door_result=None if refusal or self.door_configured else "no_door",
                kiosk_session_id=self.kiosk_id,
                operator_id=None,
            )
            if refusal is not None:
                if reset_pin:
                    attendance.record_pin_attempt(person_id, failed_attempts=0, paused_until=None)
                person = uow.people.get(person_id)
                return self._remember(
                    ClockOutcome(
                        event_id=None,
                        person_id=person_id,
                        person_name=person.full_name if person else "",
                        direction=direction,
                        method=method,
                        local_time=local.time().replace(second=0, microsecond=0),
                        local_hour=local.hour,
                        entry_id=entry_id,
                        refusal=refusal,
                    ),
                    now,
                )
            event_id = attendance.add_event(
                person_id=person_id,
                at=now,
                direction=direction,
                method=method,
                kiosk_session_id=self.kiosk_id,
                recorded_by=self._manager.id,
            )
            if reset_pin:
                attendance.record_pin_attempt(person_id, failed_attempts=0, paused_until=None)
            if method is ClockMethod.FACE:
                consents = uow.consents
                consents.add_verification(
                    person_id=person_id,
                    stay_id=None,
                    purpose=CheckPurpose.STAFF_ENTRY,
                    method=CheckMethod.FACE,
                    result=CheckResult.MATCH,
                    operator_id=self._manager.id,
                    at=now,
                )
                consents.touch_templates(person_id, at=now)
            uow.audit(
                AuditAction.CLOCKED,
                Actor.kiosk(self.kiosk_id),
                at=now,
                subject=("person", person_id),
                details={"event_id": event_id, "direction": direction.value, "method": method.value},
            )
            person = uow.people.get(person_id)
        assert person is not None  # noqa: S101 - the roster and gallery only hold existing staff
        outcome = ClockOutcome(
            event_id=event_id,
            person_id=person_id,
            person_name=person.full_name,
            direction=direction,
            method=method,
            local_time=local.time().replace(second=0, microsecond=0),
            local_hour=local.hour,
            entry_id=entry_id,
        )
        return self._remember(outcome, now)

    def _remember(self, outcome: ClockOutcome, now: datetime) -> ClockOutcome:
        """One walk-up is one decision: the same person is not clocked or refused again for a while."""
        with self._lock:
            self._last_event[outcome.person_id] = outcome
            self._last_event_at[outcome.person_id] = now
        return outcome

    def _record_face_check(self, person_id: int | None, result: CheckResult) -> None:
        """A face attempt that did not clock anyone: counted for the processing records, no score kept."""
        now = self._clock()
        with self._db.unit() as uow:
            if person_id is None:  # nobody recognised: the door stays shut, and the log says so
                uow.entries.add_entry(
                    at=now,
                    person_id=None,
                    method=ClockMethod.FACE,
                    direction=None,
                    refusal=EntryRefusal.UNKNOWN_FACE,
                    door_result=None,
                    kiosk_session_id=self.kiosk_id,
                    operator_id=None,
                )
            uow.consents.add_verification(
                person_id=person_id,
                stay_id=None,
                purpose=CheckPurpose.STAFF_ENTRY,
                method=CheckMethod.FACE,
                result=result,
                operator_id=self._manager.id,
                at=now,
            )

    def _pin_failed(self, person_id: int, failed: int, now: datetime) -> None:
        paused = failed >= PIN_ATTEMPTS_BEFORE_PAUSE
        with self._db.unit() as uow:
            uow.entries.add_entry(
                at=now,
                person_id=person_id,
                method=ClockMethod.PIN,
                direction=None,
                refusal=EntryRefusal.WRONG_PIN,
                door_result=None,
                kiosk_session_id=self.kiosk_id,
                operator_id=None,
            )
            uow.attendance.record_pin_attempt(
                person_id, failed_attempts=0 if paused else failed, paused_until=now + PIN_PAUSE if paused else None
            )
            if paused:
                uow.audit(
                    AuditAction.STAFF_PIN_PAUSED,
                    Actor.kiosk(self.kiosk_id),
                    at=now,
                    subject=("person", person_id),
                    details={"attempts": failed},
                )


class KioskService:
    """Starts kiosk sessions (Managers)."""

    def __init__(
        self,
        database: Database,
        access: AccessControl,
        clock: Clock,
        zone: tzinfo,
        hashing: PasswordHashing,
        settings: SettingsService,
        engine: FaceEngine | None,
        catalog: NoticeCatalog,
    ) -> None:
        self._db = database
        self._access = access
        self._clock = clock
        self._zone = zone
        self._hashing = hashing
        self._settings = settings
        self._engine = engine
        self._catalog = catalog

    def start(
        self, session: OperatorSession, source_factory: SourceFactory, *, door_configured: bool = False
    ) -> KioskSession:
        """Open a kiosk session.

        Face entry runs only when the staff-entry purpose is enabled, the impact assessment is
        current and this process can recognise faces; otherwise the kiosk is PIN only and the
        camera stays closed. With ``door_configured`` each granted entry waits for the relay's
        answer in the entry log; without, it is logged as "no door".
        """
        manager = self._access.require(session, Permission.RUN_KIOSK)
        now = self._clock()
        today = now.astimezone(self._zone).date()
        gallery = TemplateGallery()
        renewal_needed = 0
        with self._db.unit() as uow:
            face_enabled = (
                self._engine is not None
                and Purpose.STAFF_ENTRY in load_profile(uow).purposes
                and pia_status(uow).current
            )
            roster = active_staff(uow, today)
            if face_enabled:
                consents = uow.consents
                for person_id, _name in roster:
                    live = consents.live_consent(person_id, Purpose.STAFF_ENTRY)
                    if live is None:
                        continue
                    if not consent_is_current(uow, self._catalog, live):
                        renewal_needed += 1  # the notice changed since they agreed: PIN until they renew (R6)
                        continue
                    templates = consents.templates_of(person_id)
                    if len(templates):
                        gallery.add(np.full(len(templates), person_id), templates)
                        templates.fill(0.0)
            rules = liveness_rules(uow)
            repeat = timedelta(seconds=uow.policy(KIOSK_REPEAT_SECONDS))
            kiosk_id = uow.attendance.start_kiosk(by_operator=manager.id, face_enabled=face_enabled, at=now)
            uow.audit(
                AuditAction.KIOSK_STARTED,
                operator_actor(manager.id),
                at=now,
                subject=("kiosk_session", kiosk_id),
                details={
                    "face_entry": face_enabled,
                    "people_enrolled": gallery.person_count(),
                    "renewal_needed": renewal_needed,
                },
            )
        return KioskSession(
            kiosk_id=kiosk_id,
            database=self._db,
            clock=self._clock,
            zone=self._zone,
            hashing=self._hashing,
            engine=self._engine if face_enabled else None,
            manager=manager,
            gallery=gallery,
            thresholds=self._settings.match_thresholds(),
            rules=rules,
            repeat=repeat,
            source_factory=source_factory,
            roster=[(person_id, name) for person_id, name in roster],
            door_configured=door_configured,
        )
