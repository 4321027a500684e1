"""Separate, explicit consent to face processing, its renewal, and withdrawal (R4-R7, R9, R10).

A consent can only be given for an enabled purpose with a current impact assessment, to the
notice exactly as it was shown (its hash is checked against a fresh rendering), with an
affirmative act, and by a guardian for a child under 14 (only where the guardian flow is on).
Withdrawal is one call with no reason: the consent is marked withdrawn, its templates are deleted
in the same transaction by the schema, the write-ahead log is emptied, and a receipt is returned.
"""

from dataclasses import dataclass, replace
from datetime import datetime, tzinfo

from app.config.settings import BACKUP_DAYS, GUARDIAN_FLOW_ENABLED, GUEST_GRACE_HOURS
from app.domain.audit import AuditAction, AuditHead, operator_actor
from app.domain.business import Purpose
from app.domain.clock import Clock
from app.domain.consent import (
    Affirmation,
    Consenter,
    Guardian,
    affirmation_record,
    guardian_document_hash,
    new_withdrawal_code,
    normalise_withdrawal_code,
)
from app.domain.errors import ComplianceBlockedError, InvalidInputError, NotFoundError, StateError
from app.domain.guests import clean_name, is_minor
from app.domain.operators import OperatorSession
from app.domain.records import ConsentRecord, PersonRecord
from app.domain.retention import guest_retention_until, planned_checkout
from app.domain.roles import Permission
from app.services.access_control import AccessControl
from app.services.business_service import load_profile
from app.services.check_in_service import Checkout
from app.services.notice_service import NoticeCatalog, RenderedNotice, render_notice
from app.services.pia_service import require_current_pia
from app.services.receipts import UNTIL_EMPLOYMENT_ENDS, Receipt, ReceiptWriter
from app.services.security_alerts import note_deletions_outside_purge
from app.storage.consent_repository import NewConsent
from app.storage.database import Database
from app.storage.unit_of_work import UnitOfWork


def render_notice_for(uow: UnitOfWork, catalog: NoticeCatalog, purpose: Purpose, language: str) -> RenderedNotice:
    """The notice as it must be shown now, from the profile and settings."""
    return render_notice(
        catalog,
        purpose,
        language,
        load_profile(uow),
        grace_hours=uow.policy(GUEST_GRACE_HOURS),
        backup_days=uow.policy(BACKUP_DAYS),
    )


def consent_is_current(uow: UnitOfWork, catalog: NoticeCatalog, consent: ConsentRecord) -> bool:
    """Whether the person accepted exactly the notice text now in force (R6).

    The text, not only the template's version: a changed grace period, contact or purpose changes
    what the notice says, and so its SHA-256, and the person is asked again at the next use.
    """
    accepted = uow.consents.accepted_notice(consent.id)
    if accepted is None:
        return False
    sha256, language = accepted
    return render_notice_for(uow, catalog, consent.purpose, language).sha256 == sha256


def renewal_notice(uow: UnitOfWork, catalog: NoticeCatalog, consent: ConsentRecord) -> RenderedNotice:
    """The notice in force, in the language the person last accepted a notice in (to renew or decline)."""
    _, language = uow.consents.accepted_notice(consent.id) or ("", consent.language)
    return render_notice_for(uow, catalog, consent.purpose, language)


@dataclass(frozen=True)
class ConsentDraft:
    """A consent just given on screen: checked against every rule, not stored yet.

    Held by a desk flow while the camera runs; stored with the templates it covers, or dropped.
    """

    operator_id: int
    person_id: int
    stay_id: int | None
    purpose: Purpose
    notice: RenderedNotice
    affirmation: Affirmation
    guardian: Guardian | None
    given_at: datetime


class ConsentService:
    """Consent, renewal and withdrawal."""

    def __init__(
        self, database: Database, access: AccessControl, clock: Clock, local_zone: tzinfo, catalog: NoticeCatalog
    ) -> None:
        self._db = database
        self._access = access
        self._clock = clock
        self._zone = local_zone
        self._catalog = catalog
        self._receipts = ReceiptWriter(local_zone)

    def notice(self, purpose: Purpose, language: str) -> RenderedNotice:
        """The notice to show before asking for consent (R3)."""
        with self._db.reading() as uow:
            return render_notice_for(uow, self._catalog, purpose, language)

    def give(
        self,
        session: OperatorSession,
        *,
        person_id: int,
        stay_id: int | None,
        purpose: Purpose,
        notice: RenderedNotice,
        affirmation: Affirmation,
        guardian: Guardian | None = None,
    ) -> Receipt:
        """Record a separate, explicit consent for ``purpose`` after ``notice`` was shown.

        Desk flows use :meth:`prepare` instead and store the consent together with the face data
        it covers; this stores it at once (command line, renewal tests).

        Raises:
            ComplianceBlockedError: purpose off, no current assessment, under 14 without the
                guardian flow, or face declined earlier this stay.
            InvalidInputError: the affirmative act or guardian details are missing or wrong.
            StateError: the notice changed since it was shown, or a live consent already exists.
        """
        draft = self.prepare(
            session,
            person_id=person_id,
            stay_id=stay_id,
            purpose=purpose,
            notice=notice,
            affirmation=affirmation,
            guardian=guardian,
        )
        with self._db.unit() as uow:
            record = self.record(uow, draft, at=draft.given_at)
            profile = load_profile(uow)
        return self._receipts.consent(record, profile.processor_name, profile.contact)

    def prepare(
        self,
        session: OperatorSession,
        *,
        person_id: int,
        stay_id: int | None,
        purpose: Purpose,
        notice: RenderedNotice,
        affirmation: Affirmation,
        guardian: Guardian | None = None,
    ) -> "ConsentDraft":
        """Check a consent just given on screen without storing it (every rule of :meth:`give`).

        The desk's flows open the camera only with a checked draft, and store the consent in the
        same transaction as the templates it covers: a capture that stops keeps nothing at all.

        Raises:
            The errors of :meth:`give`.
        """
        operator = self._access.require(session, Permission.ENROL_FACE)
        draft = ConsentDraft(
            operator_id=operator.id,
            person_id=person_id,
            stay_id=stay_id,
            purpose=purpose,
            notice=notice,
            affirmation=affirmation,
            guardian=guardian,
            given_at=self._clock(),
        )
        with self._db.reading() as uow:
            self._new_consent(uow, draft)
        return draft

    def check(self, uow: UnitOfWork, draft: "ConsentDraft") -> None:
        """Raise what :meth:`prepare` raises if ``draft`` could not be stored now."""
        self._new_consent(uow, draft)

    def record(self, uow: UnitOfWork, draft: "ConsentDraft", *, at: datetime) -> ConsentRecord:
        """Store a checked consent inside the caller's transaction, audited at ``at`` (checks re-run)."""
        consents = uow.consents
        new = self._new_consent(uow, draft)
        code = new_withdrawal_code()
        while consents.by_withdrawal_code(code) is not None:
            code = new_withdrawal_code()
        consent_id = consents.add(replace(new, withdrawal_code=code))
        uow.audit(
            AuditAction.CONSENT_GIVEN,
            operator_actor(draft.operator_id),
            at=at,
            subject=("person", draft.person_id),
            details={
                "consent_id": consent_id,
                "purpose": draft.purpose.value,
                "notice_version": new.notice_version,
                "consenter": new.consenter.value,
                "method": new.method.value,
            },
        )
        record = consents.get(consent_id)
        assert record is not None  # noqa: S101 - inserted in the same transaction
        return record

    def receipt(self, session: OperatorSession, consent_id: int) -> Receipt:
        """The consent receipt of a stored consent, in the language the notice was read in."""
        self._access.require(session, Permission.ENROL_FACE)
        with self._db.reading() as uow:
            record = uow.consents.get(consent_id)
            profile = load_profile(uow)
        if record is None:
            raise NotFoundError("There is no such consent.")
        return self._receipts.consent(record, profile.processor_name, profile.contact)

    def _new_consent(self, uow: UnitOfWork, draft: "ConsentDraft") -> NewConsent:
        profile = load_profile(uow)
        if draft.purpose not in profile.purposes:
            raise ComplianceBlockedError("Face recognition is not enabled for this purpose: use the manual ID check.")
        require_current_pia(uow)
        person = _person(uow, draft.person_id)
        self._check_stay(uow, person, draft.stay_id, draft.purpose)
        consenter, consenter_name, guardian_hash = self._consenter(
            uow, person, draft.guardian, profile.device_id, draft.given_at
        )
        fresh = render_notice_for(uow, self._catalog, draft.purpose, draft.notice.language)
        if fresh.sha256 != draft.notice.sha256:
            raise StateError("The notice has changed since it was shown: please show it again.")
        if uow.consents.live_consent(draft.person_id, draft.purpose) is not None:
            raise StateError("This person has already consented for this purpose.")
        method, evidence = affirmation_record(draft.affirmation, consenter_name)
        guardian = draft.guardian
        return NewConsent(
            person_id=draft.person_id,
            stay_id=draft.stay_id,
            purpose=draft.purpose,
            notice_version=fresh.version,
            notice_sha256=fresh.sha256,
            language=fresh.language,
            method=method,
            affirmation=evidence,
            consenter=consenter,
            guardian_name=clean_name(guardian.name) if guardian else None,
            guardian_relation=guardian.relation.strip() if guardian else None,
            guardian_id_hash=guardian_hash,
            operator_id=draft.operator_id,
            device_id=profile.device_id,
            given_at=draft.given_at,
            given_at_local=draft.given_at.astimezone(self._zone).isoformat(timespec="seconds"),
            retention_until=self._retention_until(uow, draft.stay_id, draft.purpose),
            withdrawal_code="",
        )

    def renew(
        self, session: OperatorSession, consent_id: int, notice: RenderedNotice, affirmation: Affirmation
    ) -> None:
        """The person accepted the new notice version: keep their templates, record the renewal (R6)."""
        operator = self._access.require(session, Permission.VERIFY_PERSON)
        now = self._clock()
        with self._db.unit() as uow:
            consents = uow.consents
            consent = consents.get(consent_id)
            if consent is None or not consent.live:
                raise NotFoundError("There is no live consent to renew.")
            fresh = render_notice_for(uow, self._catalog, consent.purpose, notice.language)
            if fresh.sha256 != notice.sha256:
                raise StateError("The notice has changed since it was shown: please show it again.")
            person = _person(uow, consent.person_id)
            name = consent.guardian_name if consent.consenter is Consenter.GUARDIAN else person.full_name
            method, evidence = affirmation_record(affirmation, name or person.full_name)
            consents.add_renewal(
                consent_id,
                NewConsent(
                    person_id=person.id,
                    stay_id=consent.stay_id,
                    purpose=consent.purpose,
                    notice_version=fresh.version,
                    notice_sha256=fresh.sha256,
                    language=fresh.language,
                    method=method,
                    affirmation=evidence,
                    consenter=consent.consenter,
                    guardian_name=None,
                    guardian_relation=None,
                    guardian_id_hash=None,
                    operator_id=operator.id,
                    device_id=load_profile(uow).device_id,
                    given_at=now,
                    given_at_local=now.astimezone(self._zone).isoformat(timespec="seconds"),
                    retention_until=consent.retention_until,
                    withdrawal_code=consent.withdrawal_code,
                ),
            )
            if consent.purpose is Purpose.GUEST_VERIFICATION:
                # the renewed notice's retention rule applies from now on (the stay may have moved too)
                consents.set_retention_until(consent_id, self._retention_until(uow, consent.stay_id, consent.purpose))
            uow.audit(
                AuditAction.CONSENT_RENEWED,
                operator_actor(operator.id),
                at=now,
                subject=("person", person.id),
                details={"consent_id": consent_id, "notice_version": fresh.version},
            )

    def outdated_consent(self, session: OperatorSession, person_id: int, purpose: Purpose) -> int | None:
        """The person's live consent for ``purpose`` if it was given to a notice no longer in force (R6)."""
        self._access.require(session, Permission.VERIFY_PERSON)
        with self._db.reading() as uow:
            live = uow.consents.live_consent(person_id, purpose)
            if live is None or consent_is_current(uow, self._catalog, live):
                return None
            return live.id

    def decline_renewal(self, session: OperatorSession, consent_id: int) -> Receipt:
        """The person did not accept the new notice: the consent ends and the templates go (R6)."""
        return self._withdraw(session, consent_id, Permission.VERIFY_PERSON, "declined_new_notice")

    def checkout_receipts(self, session: OperatorSession, checkout: Checkout) -> tuple[Receipt, ...]:
        """The deletion receipts of the consents that ended at a checkout (for a guest who wants one)."""
        self._access.require(session, Permission.CHECK_IN_GUEST)
        with self._db.reading() as uow:
            profile = load_profile(uow)
            backup_days = uow.policy(BACKUP_DAYS)
            records = [uow.consents.get(consent_id) for consent_id in checkout.ended_consents]
        return tuple(
            self._receipts.deletion(
                record,
                profile.processor_name,
                profile.contact,
                withdrawn_at=checkout.at,
                templates_deleted=checkout.templates_deleted,
                backup_days=backup_days,
                checkpoint=checkout.checkpoint,
                at_checkout=True,
            )
            for record in records
            if record is not None
        )

    def find_by_code(self, session: OperatorSession, code: str) -> ConsentRecord:
        """The consent printed with a withdrawal code: found without any face scan (R10).

        Raises:
            InvalidInputError: not a withdrawal code. NotFoundError: no such consent.
        """
        self._access.require(session, Permission.WITHDRAW_CONSENT)
        with self._db.reading() as uow:
            consent = uow.consents.by_withdrawal_code(normalise_withdrawal_code(code))
        if consent is None:
            raise NotFoundError("No consent has this withdrawal code: check it for typing mistakes.")
        return consent

    def consents_of(self, session: OperatorSession, person_id: int) -> list[ConsentRecord]:
        """All consents of a person (to find one to withdraw by name or room)."""
        self._access.require(session, Permission.VIEW_PEOPLE)
        with self._db.reading() as uow:
            return uow.consents.consents_of(person_id)

    def withdraw(self, session: OperatorSession, consent_id: int) -> Receipt:
        """Withdraw & delete, in one step, with no reason asked (R10)."""
        return self._withdraw(session, consent_id, Permission.WITHDRAW_CONSENT, "withdrawn")

    def _withdraw(self, session: OperatorSession, consent_id: int, permission: Permission, reason: str) -> Receipt:
        operator = self._access.require(session, permission)
        now = self._clock()
        with self._db.unit() as uow:
            consents = uow.consents
            consent = consents.get(consent_id)
            if consent is None:
                raise NotFoundError("There is no such consent.")
            if not consent.live:
                raise StateError("This consent was already withdrawn or has ended; no face data is held under it.")
            templates = consents.templates_under(consent_id)
            consents.withdraw(consent_id, at=now)
            event = uow.audit(
                AuditAction.CONSENT_WITHDRAWN,
                operator_actor(operator.id),
                at=now,
                subject=("person", consent.person_id),
                details={"consent_id": consent_id, "templates_deleted": templates, "reason": reason},
            )
            note_deletions_outside_purge(uow, now, people=1)
            profile = load_profile(uow)
            backup_days = uow.policy(BACKUP_DAYS)
        self._db.checkpoint()
        return self._receipts.deletion(
            consent,
            profile.processor_name,
            profile.contact,
            withdrawn_at=now,
            templates_deleted=templates,
            backup_days=backup_days,
            checkpoint=AuditHead(event.id, event.row_hash).checkpoint(),
        )

    def _check_stay(self, uow: UnitOfWork, person: PersonRecord, stay_id: int | None, purpose: Purpose) -> None:
        if purpose is not Purpose.GUEST_VERIFICATION:
            return
        stay = uow.people.get_stay(stay_id) if stay_id is not None else None
        if stay is None or stay.person_id != person.id:
            raise InvalidInputError("Guest consent belongs to one of the guest's stays.")
        if stay.face_declined_at is not None:
            raise ComplianceBlockedError(
                "The guest declined face verification for this stay; it is not offered again (manual ID check)."
            )

    def _consenter(
        self, uow: UnitOfWork, person: PersonRecord, guardian: Guardian | None, secret: str, now: datetime
    ) -> tuple[Consenter, str, str | None]:
        minor = person.date_of_birth is not None and is_minor(person.date_of_birth, now.astimezone(self._zone).date())
        if minor and not uow.policy(GUARDIAN_FLOW_ENABLED):
            raise ComplianceBlockedError(
                "Face verification is not offered to children under 14: use the manual ID check."
            )
        if minor and guardian is None:
            raise InvalidInputError("For a child under 14 a parent or guardian must give consent.")
        if not minor and guardian is not None:
            raise InvalidInputError("Only a child under 14 needs a guardian's consent: the guest consents.")
        if guardian is None:
            return Consenter.SELF, person.full_name, None
        if not guardian.relation.strip():
            raise InvalidInputError("Enter how the guardian is related to the child.")
        return Consenter.GUARDIAN, clean_name(guardian.name), guardian_document_hash(guardian.document, secret)

    def _retention_until(self, uow: UnitOfWork, stay_id: int | None, purpose: Purpose) -> datetime:
        if purpose is Purpose.STAFF_ENTRY or stay_id is None:
            return UNTIL_EMPLOYMENT_ENDS
        stay = uow.people.get_stay(stay_id)
        assert stay is not None  # noqa: S101 - checked by _check_stay
        grace = uow.policy(GUEST_GRACE_HOURS)
        return guest_retention_until(planned_checkout(stay.departure, self._zone), grace)


def _person(uow: UnitOfWork, person_id: int) -> PersonRecord:
    person = uow.people.get(person_id)
    if person is None:
        raise NotFoundError("There is no such person.")
    return person
