"""The staff-entry kiosk: Managers start sessions (app/services/kiosk_session.py runs each one).

Face entry runs only where the purpose is enabled, the impact assessment is current and this
process can recognise faces; the gallery holds only staff whose consent is live and current (R6).
"""

from datetime import date, timedelta, tzinfo

import numpy as np

from app.config.settings import (
    KIOSK_REPEAT_SECONDS,
    LIVENESS_CHALLENGE,
    LIVENESS_MIN_TURN,
    LIVENESS_PROMPTS,
    LIVENESS_SECONDS,
)
from app.domain.audit import AuditAction, operator_actor
from app.domain.business import Purpose
from app.domain.clock import Clock
from app.domain.operators import OperatorSession
from app.domain.roles import Permission
from app.recognition.gallery import TemplateGallery
from app.recognition.liveness import ChallengeKind, LivenessRules
from app.services.access_control import AccessControl
from app.services.business_service import load_profile
from app.services.capture_session import FaceEngine, SourceFactory
from app.services.consent_service import consent_is_current
from app.services.kiosk_session import RESULT_SECONDS, UNKNOWN_AFTER_PROBES, KioskSession
from app.services.kiosk_values import ClockOutcome, KioskPhase, KioskProgress, StaffEntry
from app.services.notice_service import NoticeCatalog
from app.services.passwords import PasswordHashing
from app.services.pia_service import pia_status
from app.services.settings_service import SettingsService
from app.storage.database import Database
from app.storage.unit_of_work import UnitOfWork

__all__ = [
    "RESULT_SECONDS",
    "UNKNOWN_AFTER_PROBES",
    "ClockOutcome",
    "KioskPhase",
    "KioskProgress",
    "KioskService",
    "KioskSession",
    "StaffEntry",
    "active_staff",
    "liveness_rules",
]


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
        prompts=uow.policy(LIVENESS_PROMPTS),
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
