"""Starting capture sessions once every rule allows it (R1-R5).

Enrolment needs an enabled purpose, a current impact assessment and a consent to the current
notice (checked, or on file); verification needs live face data and, after a notice change, the
renewal first (R6). See app/services/enrolment_session.py and verification_session.py.
"""

from app.domain.business import Purpose
from app.domain.clock import Clock
from app.domain.errors import ComplianceBlockedError, StateError
from app.domain.operators import OperatorSession
from app.domain.records import ConsentRecord
from app.domain.roles import Permission
from app.services.access_control import AccessControl
from app.services.business_service import load_profile
from app.services.capture_session import FaceEngine, SourceFactory
from app.services.consent_service import ConsentDraft, ConsentService, consent_is_current, renewal_notice
from app.services.enrolment_session import EnrolmentSession
from app.services.notice_service import NoticeCatalog
from app.services.pia_service import require_current_pia
from app.services.settings_service import SettingsService
from app.services.verification_session import RenewalRequired, VerificationSession
from app.storage.database import Database


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
            require_current_pia(uow, "Face verification")
            consents = uow.consents
            consent = consents.live_consent(person_id, Purpose.GUEST_VERIFICATION)
            templates = consents.templates_of(person_id)
            if consent is None or len(templates) == 0:
                raise ComplianceBlockedError("No face data is held for this person: use the manual ID check.")
            if not consent_is_current(uow, self._catalog, consent):
                return RenewalRequired(consent.id, renewal_notice(uow, self._catalog, consent))
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
