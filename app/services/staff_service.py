"""Staff records: registering staff, their PINs, and ending employment (R8, R13).

Every staff member can have a PIN (an Argon2id hash), whether or not they use face entry, so
declining face entry costs nothing (R8, R9). Ending someone's employment makes their face data
due for deletion at the end of their last day (R13).
"""

from dataclasses import dataclass
from datetime import date, tzinfo

from app.domain.attendance import check_pin
from app.domain.audit import AuditAction, operator_actor
from app.domain.business import Purpose
from app.domain.clock import Clock
from app.domain.errors import InvalidInputError, NotFoundError
from app.domain.guests import GuestDetails
from app.domain.operators import OperatorSession
from app.domain.people import PersonKind
from app.domain.retention import staff_retention_until
from app.domain.roles import Permission
from app.services.access_control import AccessControl
from app.services.consent_service import consent_is_current
from app.services.notice_service import NoticeCatalog
from app.services.passwords import PasswordHashing
from app.storage.database import Database


@dataclass(frozen=True)
class StaffMember:
    """A row of the Staff page. Whether someone uses face entry is their choice, not a rating."""

    person_id: int
    name: str
    employment_ended_on: date | None
    has_pin: bool
    face_entry: bool
    renewal_needed: bool = False  # face entry paused: the staff notice changed since they agreed (R6)

    def __repr__(self) -> str:
        return f"StaffMember(person_id={self.person_id})"

    __str__ = __repr__


class StaffService:
    """Staff members' records (Managers)."""

    def __init__(
        self,
        database: Database,
        access: AccessControl,
        clock: Clock,
        local_zone: tzinfo,
        catalog: NoticeCatalog,
        hashing: PasswordHashing | None = None,
    ) -> None:
        self._db = database
        self._access = access
        self._clock = clock
        self._zone = local_zone
        self._catalog = catalog
        self._hashing = hashing or PasswordHashing()

    def members(self, session: OperatorSession) -> list[StaffMember]:
        """Every staff member, by name."""
        self._access.require(session, Permission.MANAGE_STAFF)
        with self._db.reading() as uow:
            with_pins = uow.attendance.people_with_pins()
            consents = uow.consents
            members = []
            for person in uow.people.staff():
                live = consents.live_consent(person.id, Purpose.STAFF_ENTRY)
                face_entry = live is not None and len(consents.templates_of(person.id)) > 0
                members.append(
                    StaffMember(
                        person_id=person.id,
                        name=person.full_name,
                        employment_ended_on=person.employment_ended_on,
                        has_pin=person.id in with_pins,
                        face_entry=face_entry,
                        renewal_needed=face_entry
                        and live is not None
                        and not consent_is_current(uow, self._catalog, live),
                    )
                )
            return members

    def set_pin(self, session: OperatorSession, person_id: int, pin: str) -> None:
        """Give a staff member a new PIN (it replaces the old one and lifts any pause).

        Raises:
            InvalidInputError: the PIN breaks the PIN rules. NotFoundError: not a staff member.
        """
        manager = self._access.require(session, Permission.MANAGE_STAFF)
        pin_hash = self._hashing.hash(check_pin(pin))
        now = self._clock()
        with self._db.unit() as uow:
            person = uow.people.get(person_id)
            if person is None or person.kind is not PersonKind.STAFF:
                raise NotFoundError("There is no such staff member.")
            uow.attendance.set_pin(person_id, pin_hash, by_operator=manager.id, at=now)
            uow.audit(AuditAction.STAFF_PIN_SET, operator_actor(manager.id), at=now, subject=("person", person_id))

    def register(self, session: OperatorSession, details: GuestDetails) -> int:
        """Add a staff member; return their person id."""
        manager = self._access.require(session, Permission.MANAGE_STAFF)
        now = self._clock()
        with self._db.unit() as uow:
            people = uow.people
            if people.find_by_document(details.document) is not None:
                raise InvalidInputError("A person with this document is already on file.")
            person_id = people.add(PersonKind.STAFF, details, at=now)
            uow.audit(AuditAction.STAFF_REGISTERED, operator_actor(manager.id), at=now, subject=("person", person_id))
        return person_id

    def end_employment(self, session: OperatorSession, person_id: int, last_day: date) -> None:
        """Record the last working day; face data goes at the end of it (at the next retention run)."""
        manager = self._access.require(session, Permission.MANAGE_STAFF)
        now = self._clock()
        with self._db.unit() as uow:
            people = uow.people
            person = people.get(person_id)
            if person is None or person.kind is not PersonKind.STAFF:
                raise NotFoundError("There is no such staff member.")
            people.set_employment_end(person_id, last_day, at=now)
            consents = uow.consents
            for consent in consents.consents_of(person_id):
                if consent.live and consent.purpose is Purpose.STAFF_ENTRY:
                    consents.set_retention_until(consent.id, staff_retention_until(last_day, self._zone))
            uow.audit(
                AuditAction.EMPLOYMENT_ENDED,
                operator_actor(manager.id),
                at=now,
                subject=("person", person_id),
                details={"last_day": last_day.isoformat()},
            )
