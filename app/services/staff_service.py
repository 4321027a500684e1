"""Staff records as far as retention needs them: registering staff and ending employment (R13).

Staff entry itself (kiosk sessions, PINs, attendance) belongs to the staff-entry feature; here,
ending someone's employment makes their face data due for deletion at the end of their last day.
"""

from datetime import date, tzinfo

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
from app.storage.audit_repository import AuditRepository
from app.storage.consent_repository import ConsentRepository
from app.storage.database import Database
from app.storage.people_repository import PeopleRepository


class StaffService:
    """Staff members' records (Managers)."""

    def __init__(self, database: Database, access: AccessControl, clock: Clock, local_zone: tzinfo) -> None:
        self._db = database
        self._access = access
        self._clock = clock
        self._zone = local_zone

    def register(self, session: OperatorSession, details: GuestDetails) -> int:
        """Add a staff member; return their person id."""
        manager = self._access.require(session, Permission.MANAGE_STAFF)
        now = self._clock()
        with self._db.transaction() as tx:
            people = PeopleRepository(tx)
            if people.find_by_document(details.document) is not None:
                raise InvalidInputError("A person with this document is already on file.")
            person_id = people.add(PersonKind.STAFF, details, at=now)
            AuditRepository(tx).append(
                occurred_at=now,
                actor=operator_actor(manager.id),
                action=AuditAction.STAFF_REGISTERED,
                subject_type="person",
                subject_id=person_id,
            )
        return person_id

    def end_employment(self, session: OperatorSession, person_id: int, last_day: date) -> None:
        """Record the last working day; face data goes at the end of it (at the next retention run)."""
        manager = self._access.require(session, Permission.MANAGE_STAFF)
        now = self._clock()
        with self._db.transaction() as tx:
            people = PeopleRepository(tx)
            person = people.get(person_id)
            if person is None or person.kind is not PersonKind.STAFF:
                raise NotFoundError("There is no such staff member.")
            people.set_employment_end(person_id, last_day, at=now)
            consents = ConsentRepository(tx)
            for consent in consents.consents_of(person_id):
                if consent.live and consent.purpose is Purpose.STAFF_ENTRY:
                    consents.set_retention_until(consent.id, staff_retention_until(last_day, self._zone))
            AuditRepository(tx).append(
                occurred_at=now,
                actor=operator_actor(manager.id),
                action=AuditAction.EMPLOYMENT_ENDED,
                subject_type="person",
                subject_id=person_id,
                details={"last_day": last_day.isoformat()},
            )
