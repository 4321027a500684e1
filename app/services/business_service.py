"""The deploying business: profile, location and the purposes face recognition is used for (R1, R22)."""

from dataclasses import replace
from datetime import tzinfo

from app.domain.audit import AuditAction, operator_actor
from app.domain.business import BusinessProfile, LocationType, Purpose
from app.domain.clock import Clock
from app.domain.errors import InvalidInputError, NotFoundError
from app.domain.operators import OperatorSession
from app.domain.roles import Permission
from app.domain.text import printable_field
from app.services.access_control import AccessControl
from app.services.filing_service import note_profile_change
from app.services.security_alerts import note_deletions_outside_purge
from app.services.setup_service import MAX_PROFILE_TEXT, PRIVATE_SPACE_REFUSAL
from app.storage.database import Database
from app.storage.unit_of_work import UnitOfWork


def load_profile(uow: UnitOfWork) -> BusinessProfile:
    """The business profile on an open connection.

    Raises:
        NotFoundError: setup never completed.
    """
    profile = uow.business.load()
    if profile is None:
        raise NotFoundError("The business profile is missing: complete the setup first.")
    return profile


class BusinessService:
    """Reads and changes the business profile; every change is audited and Admin-only."""

    def __init__(self, database: Database, access: AccessControl, clock: Clock, local_zone: tzinfo) -> None:
        self._db = database
        self._access = access
        self._clock = clock
        self._zone = local_zone

    def profile(self) -> BusinessProfile:
        """The current profile."""
        with self._db.reading() as uow:
            return load_profile(uow)

    def purpose_enabled(self, purpose: Purpose) -> bool:
        """Whether face recognition may be used for ``purpose`` at all (R1)."""
        return purpose in self.profile().purposes

    def update(
        self,
        session: OperatorSession,
        *,
        processor_name: str | None = None,
        contact: str | None = None,
        location_type: LocationType | None = None,
        purposes: frozenset[Purpose] | None = None,
    ) -> BusinessProfile:
        """Change any part of the profile. Private-space locations are refused (R22).

        Switching a purpose off deletes the face data held for it at once (R13): every live consent
        for that purpose ends, its templates go in the same transaction, and the audit event says
        how many (ask with :meth:`face_data_for` first, to confirm with the number).

        Raises:
            PermissionDeniedError, InvalidInputError.
        """
        admin = self._access.require(session, Permission.EDIT_BUSINESS_PROFILE)
        if location_type is not None and location_type.is_private_space:
            raise InvalidInputError(PRIVATE_SPACE_REFUSAL)
        for text, what in ((processor_name, "business name"), (contact, "contact")):
            if text is not None and not (0 < len(text.strip()) <= MAX_PROFILE_TEXT):
                raise InvalidInputError(f"Business name and contact need 1 to {MAX_PROFILE_TEXT} characters.")
            if text is not None:
                printable_field(text, what, max_length=MAX_PROFILE_TEXT)
        now = self._clock()
        with self._db.unit() as uow:
            current = load_profile(uow)
            updated = replace(
                current,
                processor_name=processor_name.strip() if processor_name is not None else current.processor_name,
                contact=contact.strip() if contact is not None else current.contact,
                location_type=location_type or current.location_type,
                purposes=purposes if purposes is not None else current.purposes,
            )
            uow.business.save(updated, at=now, by_operator=admin.id)
            switched_off = current.purposes - updated.purposes
            ended = [consent for consent in uow.consents.live_consents() if consent.purpose in switched_off]
            deleted = 0
            for consent in ended:
                deleted += uow.consents.templates_under(consent.id)
                uow.consents.expire(consent.id, at=now)
            changed = [
                name
                for name in ("processor_name", "contact", "location_type", "purposes")
                if getattr(updated, name) != getattr(current, name)
            ]
            uow.audit(
                AuditAction.BUSINESS_UPDATED,
                operator_actor(admin.id),
                at=now,
                details={
                    "changed": ",".join(changed) or "nothing",
                    "purposes": ",".join(sorted(p.value for p in updated.purposes)) or "none",
                    "location_type": updated.location_type.value,
                    "consents_ended": len(ended),
                    "templates_deleted": deleted,
                },
            )
            if ended:
                note_deletions_outside_purge(uow, now, people=len(ended))
            note_profile_change(uow, operator_actor(admin.id), now, now.astimezone(self._zone).date(), current, updated)
        if deleted:
            self._db.checkpoint()
        return updated

    def face_data_for(self, session: OperatorSession, purposes: frozenset[Purpose]) -> tuple[int, int]:
        """How many people and templates switching ``purposes`` off would delete now."""
        self._access.require(session, Permission.EDIT_BUSINESS_PROFILE)
        with self._db.reading() as uow:
            ended = [consent for consent in uow.consents.live_consents() if consent.purpose in purposes]
            return len({consent.person_id for consent in ended}), sum(
                uow.consents.templates_under(consent.id) for consent in ended
            )
