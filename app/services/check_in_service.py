"""Guest check-in: details and stay, the method choice, decline, the manual ID check, checkout.

The manual ID check is a first-class route (R8): it completes exactly the same check-in as the
face route, and it keeps only the document type and the last four characters of the number.
A decline is recorded once per stay and face is never offered again during that stay (R9);
declines carry no operator attribution anywhere a statistic could read them.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from app.config.settings import DECLINE_QUIET_HOURS, GUARDIAN_FLOW_ENABLED, GUEST_GRACE_HOURS
from app.domain.audit import GUEST_ACTOR, AuditAction, AuditHead, operator_actor
from app.domain.business import Purpose
from app.domain.check_in import CheckInMethod, FaceUnavailableReason, MethodOffer
from app.domain.checks import CheckPurpose, DocumentCheck
from app.domain.clock import Clock
from app.domain.errors import InvalidInputError, NotFoundError, StateError
from app.domain.guests import GuestDetails, StayDetails, is_minor, same_name
from app.domain.id_cards import IdCardRead
from app.domain.operators import OperatorSession
from app.domain.people import IdDocumentType, PersonKind
from app.domain.records import PersonRecord, StayRecord
from app.domain.retention import guest_retention_until
from app.domain.roles import Permission
from app.services.access_control import AccessControl
from app.services.business_service import load_profile
from app.services.document_checks import (
    OTHER_CARD,
    last_four,
    record_card_check,
    record_confirmation,
    record_document_check,
)
from app.services.pia_service import pia_status
from app.storage.database import Database
from app.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class GuestStay:
    """A registered guest and stay, ready for the method choice."""

    person_id: int
    stay_id: int
    returning: bool


@dataclass(frozen=True)
class CheckInResult:
    """A completed check-in."""

    person_id: int
    stay_id: int
    method: CheckInMethod
    checked_in_at: datetime
    document_check: DocumentCheck | None = None  # how the ID document was checked (manual method only)


@dataclass(frozen=True)
class Checkout:
    """A recorded checkout: what was deleted at once, or when the face data goes."""

    stay_id: int
    at: datetime
    templates_deleted: int
    ended_consents: tuple[int, ...]  # consents whose templates went at checkout (a deletion receipt each)
    face_data_until: datetime | None  # set when a grace period keeps face data after checkout
    checkpoint: str  # the checkout's audit event, N:HASH, printed on deletion receipts


FaceCompletion = Callable[[UnitOfWork, datetime], CheckInResult]
DocumentComparison = Callable[[UnitOfWork, int, StayRecord, PersonRecord, datetime], bool]


def load_stay(uow: UnitOfWork, stay_id: int) -> tuple[StayRecord, PersonRecord]:
    """A stay and its guest.

    Raises:
        NotFoundError: no such stay.
    """
    people = uow.people
    stay = people.get_stay(stay_id)
    person = people.get(stay.person_id) if stay else None
    if stay is None or person is None:
        raise NotFoundError("There is no such stay.")
    return stay, person


def face_unavailable_reason(
    uow: UnitOfWork, person: PersonRecord, stay: StayRecord | None, today: datetime, *, guest_asked: bool = False
) -> FaceUnavailableReason | None:
    """Why face verification cannot be offered to this guest now, or ``None``.

    ``guest_asked``: the guest asks for face themselves, so a recent no does not stand in the way.
    """
    if Purpose.GUEST_VERIFICATION not in load_profile(uow).purposes:
        return FaceUnavailableReason.PURPOSE_NOT_ENABLED
    if not pia_status(uow).current:
        return FaceUnavailableReason.IMPACT_ASSESSMENT_MISSING
    minor = person.date_of_birth is not None and is_minor(person.date_of_birth, today.date())
    if minor and not uow.policy(GUARDIAN_FLOW_ENABLED):
        return FaceUnavailableReason.UNDER_14
    if stay is not None and stay.face_declined_at is not None:
        return FaceUnavailableReason.DECLINED_THIS_STAY
    declined = None if guest_asked else uow.people.last_decline(person.id)
    if declined is not None and today - declined < timedelta(hours=uow.policy(DECLINE_QUIET_HOURS)):
        return FaceUnavailableReason.DECLINED_RECENTLY
    return None


class CheckInService:
    """The desk's check-in steps, each permission-checked and audited."""

    def __init__(self, database: Database, access: AccessControl, clock: Clock, local_zone: tzinfo) -> None:
        self._db = database
        self._access = access
        self._clock = clock
        self._zone = local_zone

    def register(self, session: OperatorSession, guest: GuestDetails, stay: StayDetails) -> GuestStay:
        """Record the guest (once per identity document) and the stay.

        Raises:
            PermissionDeniedError; InvalidInputError when the document is on file under another name.
        """
        operator = self._access.require(session, Permission.CHECK_IN_GUEST)
        now = self._clock()
        with self._db.unit() as uow:
            people = uow.people
            known = people.find_by_document(guest.document)
            if known is not None and not same_name(known.full_name, guest.full_name):
                raise InvalidInputError(
                    "This document is on file under another name: check the document, or have a manager "
                    "correct the record."
                )
            person_id = known.id if known else people.add(PersonKind.GUEST, guest, at=now)
            stay_id = people.add_stay(person_id, stay, by_operator=operator.id, at=now)
            uow.audit(
                AuditAction.GUEST_REGISTERED,
                operator_actor(operator.id),
                at=now,
                subject=("person", person_id),
                details={"stay_id": stay_id, "returning": known is not None},
            )
        return GuestStay(person_id, stay_id, known is not None)

    def method_offer(self, session: OperatorSession, stay_id: int, *, guest_asked: bool = False) -> MethodOffer:
        """Face and manual side by side, or manual alone with the neutral reason why (R8, R9).

        Args:
            session: the operator.
            stay_id: the stay being checked in.
            guest_asked: the guest asks for face verification themselves (after saying no on an
                earlier stay less than the quiet period ago, face is otherwise not offered).
        """
        self._access.require(session, Permission.CHECK_IN_GUEST)
        today = self._clock().astimezone(self._zone)
        with self._db.reading() as uow:
            stay, person = load_stay(uow, stay_id)
            reason = face_unavailable_reason(uow, person, stay, today, guest_asked=guest_asked)
        if reason is not None:
            return MethodOffer.manual_only(reason)
        return MethodOffer.both(
            guardian_needed=person.date_of_birth is not None and is_minor(person.date_of_birth, today.date())
        )

    def registered(self, session: OperatorSession, stay_id: int) -> tuple[GuestDetails, GuestStay, StayDetails]:
        """A registered arrival, to continue its check-in (from the Front desk).

        Raises:
            NotFoundError: no such stay. StateError: it is already checked in or checked out.
        """
        self._access.require(session, Permission.CHECK_IN_GUEST)
        with self._db.reading() as uow:
            stay, person = load_stay(uow, stay_id)
        if stay.checked_in or stay.checked_out_at is not None:
            raise StateError("This stay is already checked in.")
        if person.document is None or person.date_of_birth is None:
            raise StateError("This guest's registration is incomplete: register the guest again.")
        guest = GuestDetails(person.full_name, person.document, person.date_of_birth)
        return guest, GuestStay(person.id, stay.id, False), StayDetails(stay.room, stay.arrival, stay.departure)

    def decline_face(self, session: OperatorSession, stay_id: int) -> None:
        """The guest said no to face verification: recorded once, never asked again this stay."""
        self._access.require(session, Permission.CHECK_IN_GUEST)
        now = self._clock()
        with self._db.unit() as uow:
            stay, _ = load_stay(uow, stay_id)
            if stay.face_declined_at is not None:
                return
            uow.people.mark_declined(stay_id, at=now)
            # the guest's choice, not the receptionist's: no operator a report could count it against
            uow.audit(AuditAction.FACE_DECLINED, GUEST_ACTOR, at=now, subject=("stay", stay_id))

    def complete_manual(
        self, session: OperatorSession, stay_id: int, document_type: IdDocumentType, number_seen: str
    ) -> CheckInResult:
        """Complete the check-in by looking at the ID document and typing its number (R8).

        Only the document type and the last four characters are kept, never an image.

        Raises:
            InvalidInputError: the document shown is not the one registered (the mismatch is recorded).
            StateError: the stay is already checked in.
        """
        seen = last_four(number_seen)
        purpose = CheckPurpose.GUEST_CHECK_IN
        return self._complete_by_document(
            session,
            stay_id,
            lambda uow, operator_id, stay, person, now: record_document_check(
                uow, operator_id, stay, person, purpose, document_type, seen, now
            ),
        )

    def confirm_document(self, session: OperatorSession, stay_id: int, *, matches: bool) -> CheckInResult:
        """Complete the check-in by comparing the document shown with the one registered (R8).

        The receptionist is shown the registered document ("Resident ID card ending 0023") and
        answers matches or does not match; nothing is typed again. Only the type and the last four
        characters of the registered document are kept, and only when it matched.

        Raises:
            InvalidInputError: the receptionist said it does not match (the mismatch is recorded).
            StateError: the stay is already checked in.
        """
        purpose = CheckPurpose.GUEST_CHECK_IN
        return self._complete_by_document(
            session,
            stay_id,
            lambda uow, operator_id, stay, person, now: record_confirmation(
                uow, operator_id, stay, person, purpose, matches=matches, now=now
            ),
        )

    def complete_by_card(self, session: OperatorSession, stay_id: int, card: IdCardRead) -> CheckInResult:
        """Complete the check-in with the guest's ID card read by the reader (R8): no typing.

        The card's chip says the document is genuine and whose it is; the receptionist has
        compared its printed photo with the guest. Recorded as a card read, type and last four only.

        Raises:
            InvalidInputError: the card has expired (nothing recorded), or it is not the registered
                document (the mismatch is recorded).
            StateError: the stay is already checked in.
        """
        purpose = CheckPurpose.GUEST_CHECK_IN
        return self._complete_by_document(
            session,
            stay_id,
            lambda uow, operator_id, stay, person, now: record_card_check(
                uow, operator_id, stay, person, purpose, card, now
            ),
            mismatch=OTHER_CARD,
            how=DocumentCheck.CARD_READ,
        )

    def _complete_by_document(
        self,
        session: OperatorSession,
        stay_id: int,
        check: DocumentComparison,
        *,
        mismatch: str = "The document shown does not match the one registered for this stay.",
        how: DocumentCheck = DocumentCheck.LOOKED_AT,
    ) -> CheckInResult:
        """Record the document check; when it matched, the check-in is complete in the same transaction."""
        operator = self._access.require(session, Permission.CHECK_IN_GUEST)
        now = self._clock()
        with self._db.unit() as uow:
            stay, person = load_stay(uow, stay_id)
            self._refuse_if_checked_in(stay)
            matches = check(uow, operator.id, stay, person, now)
            if matches:
                self._mark_checked_in(uow, operator.id, stay_id, CheckInMethod.MANUAL, now)
        if not matches:
            raise InvalidInputError(mismatch)
        return CheckInResult(person.id, stay_id, CheckInMethod.MANUAL, now, how)

    def confirm_document_during_stay(self, session: OperatorSession, stay_id: int, *, matches: bool) -> bool:
        """A manual ID check during the stay, answered matches / does not match (R8).

        Returns:
            ``matches``, once recorded like any check.
        """
        operator = self._access.require(session, Permission.VERIFY_PERSON)
        now = self._clock()
        with self._db.unit() as uow:
            stay, person = load_stay(uow, stay_id)
            purpose = CheckPurpose.GUEST_VERIFICATION
            record_confirmation(uow, operator.id, stay, person, purpose, matches=matches, now=now)
        return matches

    def confirm_card_during_stay(self, session: OperatorSession, stay_id: int, card: IdCardRead) -> bool:
        """A check during the stay with the guest's ID card read by the reader (R8).

        Returns:
            Whether the card is the registered document, once recorded as a card read.

        Raises:
            InvalidInputError: the card has expired (nothing recorded).
        """
        operator = self._access.require(session, Permission.VERIFY_PERSON)
        now = self._clock()
        with self._db.unit() as uow:
            stay, person = load_stay(uow, stay_id)
            return record_card_check(uow, operator.id, stay, person, CheckPurpose.GUEST_VERIFICATION, card, now)

    def registered_document(self, session: OperatorSession, stay_id: int) -> tuple[IdDocumentType, str] | None:
        """The type and last four characters of the document registered for a stay's guest."""
        self._access.require(session, Permission.VIEW_PEOPLE)
        with self._db.reading() as uow:
            _, person = load_stay(uow, stay_id)
        return (person.document.type, person.document.last4) if person.document else None

    def verify_manually(
        self, session: OperatorSession, stay_id: int, document_type: IdDocumentType, number_seen: str
    ) -> bool:
        """A manual ID check during the stay (key re-issue, luggage): recorded like any check (R8).

        Returns:
            Whether the document shown is the one registered.
        """
        operator = self._access.require(session, Permission.VERIFY_PERSON)
        seen = last_four(number_seen)
        now = self._clock()
        with self._db.unit() as uow:
            stay, person = load_stay(uow, stay_id)
            purpose = CheckPurpose.GUEST_VERIFICATION
            return record_document_check(uow, operator.id, stay, person, purpose, document_type, seen, now)

    def complete_with_face(self, session: OperatorSession, stay_id: int) -> CheckInResult:
        """Complete the check-in after the guest consented and was enrolled.

        Raises:
            StateError: no face data was captured for this stay, or it is already checked in.
        """
        completion = self.face_completion(session, stay_id)
        now = self._clock()
        with self._db.unit() as uow:
            return completion(uow, now)

    def face_completion(self, session: OperatorSession, stay_id: int) -> FaceCompletion:
        """The check-in completion to run in the same transaction as the guest's enrolment.

        The desk's check-in flow stores consent, templates and the completed check-in as one
        story: all of it, or (after a crash or an error) none of it.
        """
        operator = self._access.require(session, Permission.CHECK_IN_GUEST)

        def complete(uow: UnitOfWork, now: datetime) -> CheckInResult:
            stay, person = load_stay(uow, stay_id)
            self._refuse_if_checked_in(stay)
            consents = uow.consents
            consent = consents.live_consent(person.id, Purpose.GUEST_VERIFICATION)
            if consent is None or consent.stay_id != stay_id or consents.template_count(person.id) == 0:
                raise StateError("No face data was captured for this stay: use the manual ID check.")
            self._mark_checked_in(uow, operator.id, stay_id, CheckInMethod.FACE, now)
            return CheckInResult(person.id, stay_id, CheckInMethod.FACE, now)

        return complete

    def check_out(self, session: OperatorSession, stay_id: int) -> Checkout:
        """Record the checkout; face data of this stay goes at checkout plus the grace period (R13).

        Early checkouts work the same: the rule is "when you check out", whatever the planned date.
        """
        operator = self._access.require(session, Permission.CHECK_IN_GUEST)
        now = self._clock()
        deleted, ended, until = 0, [], None
        with self._db.unit() as uow:
            stay, person = load_stay(uow, stay_id)
            if stay.checked_out_at is not None:
                raise StateError("This stay is already checked out.")
            uow.people.mark_checked_out(stay_id, at=now)
            consents = uow.consents
            for consent in consents.consents_of(person.id):
                if consent.live and consent.stay_id == stay_id:
                    until = guest_retention_until(now, uow.policy(GUEST_GRACE_HOURS))
                    consents.set_retention_until(consent.id, until)
                    if until <= now:
                        deleted += consents.templates_under(consent.id)
                        consents.expire(consent.id, at=now)
                        ended.append(consent.id)
            event = uow.audit(
                AuditAction.CHECKED_OUT,
                operator_actor(operator.id),
                at=now,
                subject=("stay", stay_id),
                details={"templates_deleted": deleted},
            )
        if deleted:
            self._db.checkpoint()
        pending = until if until is not None and not ended else None
        return Checkout(stay_id, now, deleted, tuple(ended), pending, AuditHead(event.id, event.row_hash).checkpoint())

    def stay(self, session: OperatorSession, stay_id: int) -> StayRecord:
        """One stay (any desk role)."""
        self._access.require(session, Permission.VIEW_PEOPLE)
        with self._db.reading() as uow:
            return load_stay(uow, stay_id)[0]

    def _refuse_if_checked_in(self, stay: StayRecord) -> None:
        if stay.checked_in:
            raise StateError("This stay is already checked in.")

    def _mark_checked_in(
        self, uow: UnitOfWork, operator_id: int, stay_id: int, method: CheckInMethod, now: datetime
    ) -> None:
        uow.people.mark_checked_in(stay_id, method, at=now)
        uow.audit(
            AuditAction.CHECK_IN_COMPLETED,
            operator_actor(operator_id),
            at=now,
            subject=("stay", stay_id),
            details={"method": method.value},
        )
