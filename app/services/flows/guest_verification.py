"""Verifying a returning guest as a plain-Python state machine (R6, R8, R10, R17).

States::

    READY --start_face--> LIVE --decided(match)--> DONE
      |         |           |--decided(no match / uncertain)--> MANUAL_CHECK
      |         |           |--to_manual (operator stops waiting: "uncertain")--> MANUAL_CHECK
      |         v
      |      RENEWAL --renew--> READY (then start_face)
      |         |--decline_renewal (templates deleted)--> MANUAL_CHECK
      |--to_manual--> MANUAL_CHECK --confirm_document / check_document--> DONE

    any state --abandon(reason)--> ABANDONED

One face attempt gives one decision, recorded without biometrics; anything but a match goes to
the ID document check, never to another face attempt. Abandoning before a decision records no
decision (the audit log says a capture ran and kept nothing); a renewal left open leaves the
consent as it was, so the new notice is shown again next time.
"""

import threading
from dataclasses import dataclass
from enum import StrEnum

from app.domain.consent import Affirmation
from app.domain.errors import StateError
from app.domain.flows import AbandonReason
from app.domain.id_cards import IdCardRead
from app.domain.operators import OperatorSession
from app.domain.people import IdDocumentType
from app.services.capture_session import SourceFactory
from app.services.check_in_service import CheckInService
from app.services.consent_service import ConsentService
from app.services.face_service import FaceService
from app.services.receipts import Receipt
from app.services.verification_session import RenewalRequired, VerificationResult, VerificationSession


class VerificationState(StrEnum):
    """Where one verification stands."""

    READY = "ready"
    RENEWAL = "renewal"
    LIVE = "live"
    MANUAL_CHECK = "manual_check"
    DONE = "done"
    ABANDONED = "abandoned"


@dataclass(frozen=True)
class VerificationFlowServices:
    """What a verification flow calls."""

    faces: FaceService
    consents: ConsentService
    check_in: CheckInService
    open_camera: SourceFactory


class GuestVerificationFlow:
    """One check of one guest; see the module docstring."""

    def __init__(
        self, services: VerificationFlowServices, session: OperatorSession, person_id: int, stay_id: int | None
    ) -> None:
        self._services = services
        self._session = session
        self.person_id = person_id
        self.stay_id = stay_id
        self._lock = threading.RLock()
        self.state = VerificationState.READY
        self.live: VerificationSession | None = None
        self.renewal: RenewalRequired | None = None
        self.result: VerificationResult | None = None
        self.document_matches: bool | None = None
        self.abandoned_because: AbandonReason | None = None

    def start_face(self) -> VerificationSession | RenewalRequired:
        """Begin the 1:1 check, or show the new notice first when it changed (R6).

        Raises:
            FaceDeskError: no face data or face switched off (the page offers the ID check).
        """
        with self._lock:
            self._require(VerificationState.READY)
            outcome = self._services.faces.begin_verification(
                self._session, person_id=self.person_id, stay_id=self.stay_id, source_factory=self._services.open_camera
            )
            if isinstance(outcome, RenewalRequired):
                self.renewal = outcome
                self.state = VerificationState.RENEWAL
            else:
                self.live = outcome
                self.state = VerificationState.LIVE
            return outcome

    def renew(self, affirmation: Affirmation) -> None:
        """The guest accepted the new notice: their templates stay; the check can start."""
        with self._lock:
            self._require(VerificationState.RENEWAL)
            renewal = self._renewal()
            self._services.consents.renew(self._session, renewal.consent_id, renewal.notice, affirmation)
            self.renewal = None
            self.state = VerificationState.READY

    def decline_renewal(self) -> Receipt:
        """The guest declined the new notice: the consent ends and the templates go (R6, R10)."""
        with self._lock:
            self._require(VerificationState.RENEWAL)
            receipt = self._services.consents.decline_renewal(self._session, self._renewal().consent_id)
            self.renewal = None
            self.state = VerificationState.MANUAL_CHECK
            return receipt

    def decided(self, result: VerificationResult) -> None:
        """The live check gave its one decision (already recorded by the session)."""
        with self._lock:
            self._require(VerificationState.LIVE)
            self.result = result
            self.live = None
            self.state = (
                VerificationState.DONE if result is VerificationResult.MATCH else VerificationState.MANUAL_CHECK
            )

    def to_manual(self) -> None:
        """The operator goes to the ID check; a live check still waiting is recorded as uncertain."""
        with self._lock:
            self._require(VerificationState.READY, VerificationState.LIVE, VerificationState.MANUAL_CHECK)
            if self.live is not None:
                self.result = self.live.give_up()
                self.live = None
            self.state = VerificationState.MANUAL_CHECK

    def check_document(self, document_type: IdDocumentType, number_seen: str) -> bool:
        """The ID document check (R8); whether the document is the registered one."""
        with self._lock:
            self._require(VerificationState.MANUAL_CHECK)
            if self.stay_id is None:
                raise StateError("This person has no stay to check a document against.")
            matches = self._services.check_in.verify_manually(self._session, self.stay_id, document_type, number_seen)
            self.document_matches = matches
            self.state = VerificationState.DONE
            return matches

    def confirm_document(self, *, matches: bool) -> bool:
        """The receptionist compared the document shown with the registered one (R8, no retyping)."""
        with self._lock:
            self._require(VerificationState.MANUAL_CHECK)
            if self.stay_id is None:
                raise StateError("This person has no stay to check a document against.")
            self._services.check_in.confirm_document_during_stay(self._session, self.stay_id, matches=matches)
            self.document_matches = matches
            self.state = VerificationState.DONE
            return matches

    def confirm_card(self, card: IdCardRead) -> bool:
        """The guest's ID card was read and its photo compared (R8); whether it is the registered document."""
        with self._lock:
            self._require(VerificationState.MANUAL_CHECK)
            if self.stay_id is None:
                raise StateError("This person has no stay to check a document against.")
            matches = self._services.check_in.confirm_card_during_stay(self._session, self.stay_id, card)
            self.document_matches = matches
            self.state = VerificationState.DONE
            return matches

    def abandon(self, reason: AbandonReason) -> None:
        """Leave the check wherever it is; idempotent."""
        with self._lock:
            if self.state in (VerificationState.DONE, VerificationState.ABANDONED):
                return
            if self.live is not None:
                self.live.abandon(reason)
                self.live = None
            self.renewal = None
            self.abandoned_because = reason
            self.state = VerificationState.ABANDONED

    def _renewal(self) -> RenewalRequired:
        if self.renewal is None:
            raise StateError("No new notice is waiting for an answer.")
        return self.renewal

    def _require(self, *states: VerificationState) -> None:
        if self.state not in states:
            raise StateError("This verification step is not available now.")
