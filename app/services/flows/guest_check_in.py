"""One guest's check-in as a plain-Python state machine (R3-R5, R8-R10, R12).

States and the steps that move between them::

    DETAILS --register / resume--> METHOD_CHOICE --choose_face--> NOTICE --consent--> CAPTURE --complete--> RECEIPT
       |                              |   (under 14: GUARDIAN           |                 |                    |
       | (face not offered)           |    --set_guardian--> NOTICE)    |                 |              finish_receipt
       v                              +--------decline------------------+-----decline-----+                    v
    MANUAL_CHECK <----------------------------------------------------------------------+ capture_failed  DONE
       |--confirm_document(matches) / check_document--> DONE

    any state --abandon(reason)--> ABANDONED

What is stored, and when:

- ``register`` records the guest and the stay (the hotel's register; an abandoned flow leaves
  them as an arrival that is not checked in yet, which ``resume`` picks up again from the Front desk);
- for a child under 14 (guardian flow on) a parent or guardian named at GUARDIAN gives the consent
  with their own affirmation (R7); nothing is stored at that step;
- ``consent`` only *checks* the consent: the camera opens with a checked draft, and nothing about
  face data is stored until ``complete`` stores consent, templates and the completed check-in in
  one transaction. So a capture that stops, fails, is locked away or crashes keeps nothing; the
  audit log records that a capture ran and kept nothing;
- ``decline`` records the decline for the stay, so face is never offered again during it (R9);
- ``check_document`` completes the same check-in by the manual ID check (R8).

The flow is safe to drive from two threads at once (the final write runs on a worker thread
while the operator may lock the desk): every step takes the flow's lock.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from app.domain.business import Purpose
from app.domain.check_in import CheckInMethod, FaceUnavailableReason, MethodOffer
from app.domain.consent import Affirmation, Guardian
from app.domain.errors import StateError
from app.domain.flows import AbandonReason
from app.domain.guests import GuestDetails, StayDetails
from app.domain.id_cards import IdCardRead
from app.domain.operators import OperatorSession
from app.domain.people import IdDocumentType
from app.services.capture_session import SourceFactory
from app.services.check_in_service import CheckInResult, CheckInService, GuestStay
from app.services.consent_service import ConsentService
from app.services.enrolment_session import EnrolmentSession
from app.services.face_service import FaceService
from app.services.notice_service import RenderedNotice
from app.services.receipts import Receipt


class CheckInState(StrEnum):
    """Where one guest's check-in stands."""

    DETAILS = "details"
    METHOD_CHOICE = "method_choice"
    GUARDIAN = "guardian"
    NOTICE = "notice"
    CAPTURE = "capture"
    RECEIPT = "receipt"
    MANUAL_CHECK = "manual_check"
    DONE = "done"
    ABANDONED = "abandoned"


GUEST_FACING = frozenset(
    {CheckInState.METHOD_CHOICE, CheckInState.GUARDIAN, CheckInState.NOTICE, CheckInState.CAPTURE, CheckInState.RECEIPT}
)


@dataclass(frozen=True)
class CheckInFlowServices:
    """What a check-in flow calls: nothing else of the desk."""

    check_in: CheckInService
    consents: ConsentService
    faces: Callable[[], FaceService]  # only a desk with a face engine captures
    open_camera: SourceFactory


@dataclass(frozen=True)
class CaptureProblem:
    """Why the face route ended in the ID document check (safe to show)."""

    message: str


ManualReason = FaceUnavailableReason | CaptureProblem


class GuestCheckInFlow:
    """One guest, from details to checked in; see the module docstring for the states."""

    def __init__(self, services: CheckInFlowServices, session: OperatorSession) -> None:
        self._services = services
        self._session = session
        self._lock = threading.RLock()
        self.state = CheckInState.DETAILS
        self.guest: GuestDetails | None = None
        self.stay: GuestStay | None = None
        self.stay_details: StayDetails | None = None
        self.offer: MethodOffer | None = None
        self.manual_reason: ManualReason | None = None
        self.guardian: Guardian | None = None
        self.capture: EnrolmentSession | None = None
        self.receipt: Receipt | None = None
        self.result: CheckInResult | None = None
        self.abandoned_because: AbandonReason | None = None

    # --- the steps -----------------------------------------------------------------------------

    def register(self, guest: GuestDetails, stay: StayDetails) -> MethodOffer:
        """Record the guest and stay; face is offered beside the manual check, or not at all.

        Raises:
            FaceDeskError: the details are refused (the flow stays at DETAILS).
        """
        with self._lock:
            self._require(CheckInState.DETAILS)
            registered = self._services.check_in.register(self._session, guest, stay)
            return self._offer(guest, registered, stay)

    def resume(self, stay_id: int) -> MethodOffer:
        """Continue the check-in of an arrival registered earlier (the Front desk's "Check in").

        Raises:
            FaceDeskError: no such arrival, or it is already checked in (the flow stays at DETAILS).
        """
        with self._lock:
            self._require(CheckInState.DETAILS)
            guest, registered, stay = self._services.check_in.registered(self._session, stay_id)
            return self._offer(guest, registered, stay)

    def _offer(self, guest: GuestDetails, registered: GuestStay, stay: StayDetails) -> MethodOffer:
        offer = self._services.check_in.method_offer(self._session, registered.stay_id)
        self.guest, self.stay, self.offer = guest, registered, offer
        self.stay_details = stay
        if CheckInMethod.FACE in offer.options:
            self.state = CheckInState.METHOD_CHOICE
        else:
            self._to_manual(offer.face_unavailable)
        return offer

    def choose_face(self, language: str) -> RenderedNotice:
        """The guest chose face: the notice to show them (R3), after the guardian step for a child."""
        with self._lock:
            self._require(CheckInState.METHOD_CHOICE)
            notice = self.notice(language)
            self.state = CheckInState.GUARDIAN if self.guardian_needed else CheckInState.NOTICE
            return notice

    @property
    def room(self) -> str:
        """The room of the stay being checked in ("" before registration)."""
        return self.stay_details.room if self.stay_details else ""

    @property
    def guardian_needed(self) -> bool:
        """Whether a parent or guardian consents for this guest (a child under 14, R7)."""
        return self.offer is not None and self.offer.guardian_needed

    def set_guardian(self, guardian: Guardian) -> None:
        """The adult consenting for the child: the notice is shown to them next (nothing stored)."""
        with self._lock:
            self._require(CheckInState.GUARDIAN)
            self.guardian = guardian
            self.state = CheckInState.NOTICE

    def notice(self, language: str) -> RenderedNotice:
        """The notice in ``language`` (the guest may switch language while reading)."""
        return self._services.consents.notice(Purpose.GUEST_VERIFICATION, language)

    def consent(
        self, notice: RenderedNotice, affirmation: Affirmation, guardian: Guardian | None = None
    ) -> EnrolmentSession:
        """The guest consented: check it (nothing stored yet) and start the capture session.

        Raises:
            FaceDeskError: the consent is refused (the flow stays at NOTICE and nothing was stored).
        """
        with self._lock:
            self._require(CheckInState.NOTICE)
            stay = self._stay()
            draft = self._services.consents.prepare(
                self._session,
                person_id=stay.person_id,
                stay_id=stay.stay_id,
                purpose=Purpose.GUEST_VERIFICATION,
                notice=notice,
                affirmation=affirmation,
                guardian=guardian or self.guardian,
            )
            self.capture = self._services.faces().begin_enrolment(
                self._session,
                person_id=stay.person_id,
                purpose=Purpose.GUEST_VERIFICATION,
                source_factory=self._services.open_camera,
                pending=draft,
            )
            self.state = CheckInState.CAPTURE
            return self.capture

    def complete(self) -> Receipt:
        """Store consent, templates and the completed check-in together; the receipt to show.

        Runs on a worker thread. On an error nothing is stored and the flow stays at CAPTURE
        (the page then calls :meth:`capture_failed`).
        """
        with self._lock:
            self._require(CheckInState.CAPTURE)
            capture, stay = self._capture(), self._stay()
            completion = self._services.check_in.face_completion(self._session, stay.stay_id)
            results: list[CheckInResult] = []
            outcome = capture.commit(lambda tx, now: results.append(completion(tx, now)))
            self.result = results[0]
            self.receipt = self._services.consents.receipt(self._session, outcome.consent_id)
            self.capture = None
            self.state = CheckInState.RECEIPT
            return self.receipt

    def finish_receipt(self) -> CheckInResult:
        """The guest is done with the receipt: the check-in is complete."""
        with self._lock:
            self._require(CheckInState.RECEIPT)
            self.state = CheckInState.DONE
            return self._result()

    def decline(self) -> None:
        """The guest (or the operator for them) chose the ID document check: recorded once (R9)."""
        with self._lock:
            self._require(CheckInState.METHOD_CHOICE, CheckInState.GUARDIAN, CheckInState.NOTICE, CheckInState.CAPTURE)
            self._end_capture(AbandonReason.STOPPED)
            self._services.check_in.decline_face(self._session, self._stay().stay_id)
            self._to_manual(FaceUnavailableReason.DECLINED_THIS_STAY)

    def capture_failed(self, message: str, reason: AbandonReason = AbandonReason.CAPTURE_FAILED) -> None:
        """The capture could not go on: nothing is kept, and the ID document check completes it."""
        with self._lock:
            self._require(CheckInState.CAPTURE)
            self._end_capture(reason)
            self._to_manual(CaptureProblem(message))

    def check_document(self, document_type: IdDocumentType, number_seen: str) -> CheckInResult:
        """Complete the check-in by the manual ID check (R8).

        Raises:
            FaceDeskError: the document does not match, or the input is wrong (the flow stays).
        """
        with self._lock:
            self._require(CheckInState.MANUAL_CHECK)
            self.result = self._services.check_in.complete_manual(
                self._session, self._stay().stay_id, document_type, number_seen
            )
            self.state = CheckInState.DONE
            return self.result

    @property
    def guest_may_ask_for_face(self) -> bool:
        """Face was not offered because the guest said no recently; they may still ask for it (R9)."""
        return self.state is CheckInState.MANUAL_CHECK and self.manual_reason is FaceUnavailableReason.DECLINED_RECENTLY

    def guest_asks_for_face(self, language: str) -> RenderedNotice:
        """The guest asks for face verification after all: the notice (or the guardian step) next.

        Raises:
            StateError: face was not held back for a recent no.
            FaceDeskError: face cannot be offered for another reason.
        """
        with self._lock:
            if not self.guest_may_ask_for_face:
                raise StateError("Face verification was not held back for this guest.")
            offer = self._services.check_in.method_offer(self._session, self._stay().stay_id, guest_asked=True)
            if CheckInMethod.FACE not in offer.options:
                self._to_manual(offer.face_unavailable)
                raise StateError("Face verification cannot be offered now: check the ID document.")
            self.offer, self.manual_reason, self.state = offer, None, CheckInState.METHOD_CHOICE
            return self.choose_face(language)

    def confirm_document(self, *, matches: bool) -> CheckInResult:
        """The receptionist compared the document shown with the registered one (R8, no retyping).

        Raises:
            FaceDeskError: it does not match (recorded; the flow stays at MANUAL_CHECK).
        """
        with self._lock:
            self._require(CheckInState.MANUAL_CHECK)
            self.result = self._services.check_in.confirm_document(self._session, self._stay().stay_id, matches=matches)
            self.state = CheckInState.DONE
            return self.result

    def confirm_card(self, card: IdCardRead) -> CheckInResult:
        """The guest's ID card was read and its photo compared: the check-in is complete (R8).

        Raises:
            FaceDeskError: the card has expired or is another document (the flow stays at MANUAL_CHECK).
        """
        with self._lock:
            self._require(CheckInState.MANUAL_CHECK)
            self.result = self._services.check_in.complete_by_card(self._session, self._stay().stay_id, card)
            self.state = CheckInState.DONE
            return self.result

    def abandon(self, reason: AbandonReason) -> None:
        """Leave the flow at whatever step it is: nothing about face data stays behind.

        The registration stays (an arrival not checked in yet); a consent is never stored without
        its templates; a completed check-in stays complete. Calling it again does nothing.
        """
        with self._lock:
            if self.state in (CheckInState.DONE, CheckInState.ABANDONED):
                return
            self._end_capture(reason)
            self.abandoned_because = reason
            self.state = CheckInState.ABANDONED

    # --- helpers -------------------------------------------------------------------------------

    @property
    def guest_facing(self) -> bool:
        """Whether the guest is using the screen (method choice, guardian, notice, capture, receipt)."""
        return self.state in GUEST_FACING

    def _to_manual(self, reason: ManualReason | None) -> None:
        self.manual_reason = reason
        self.state = CheckInState.MANUAL_CHECK

    def _end_capture(self, reason: AbandonReason) -> None:
        if self.capture is not None:
            self.capture.abandon(reason)
            self.capture = None

    def _require(self, *states: CheckInState) -> None:
        if self.state not in states:
            raise StateError("This check-in step is not available now.")

    def _stay(self) -> GuestStay:
        if self.stay is None:
            raise StateError("The guest is not registered yet.")
        return self.stay

    def _capture(self) -> EnrolmentSession:
        if self.capture is None:
            raise StateError("No capture is running.")
        return self.capture

    def _result(self) -> CheckInResult:
        if self.result is None:
            raise StateError("The check-in is not complete.")
        return self.result
