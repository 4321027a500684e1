"""The incident register (PIPL 57, R20): record, find the people affected, draft the notice.

Registering an incident makes the impact assessment stale (R2), so face enrolment stops until
it is reassessed. The notice has the three parts PIPL 57 asks for: what happened and what data
(with cause and possible harm), what was done and what people can do, and whom to contact.
"""

from dataclasses import dataclass
from datetime import datetime

from app.domain.audit import AuditAction, operator_actor
from app.domain.clock import Clock
from app.domain.errors import InvalidInputError, NotFoundError
from app.domain.operators import OperatorSession
from app.domain.roles import Permission
from app.services.access_control import AccessControl
from app.services.business_service import load_profile
from app.storage.compliance_repository import IncidentRecord
from app.storage.database import Database


@dataclass(frozen=True)
class IncidentReport:
    """What happened, as the manager describes it."""

    discovered_at: datetime
    occurred_from: datetime
    occurred_to: datetime
    description: str
    cause: str
    harm: str
    remedies: str


@dataclass(frozen=True)
class AffectedPerson:
    """Someone whose face data existed during the incident window."""

    person_id: int
    name: str

    def __repr__(self) -> str:
        return f"AffectedPerson(person_id={self.person_id})"


class IncidentService:
    """Managers record incidents and prepare the notice to the people affected."""

    def __init__(self, database: Database, access: AccessControl, clock: Clock) -> None:
        self._db = database
        self._access = access
        self._clock = clock

    def record(self, session: OperatorSession, report: IncidentReport) -> int:
        """Register an incident; return its number."""
        manager = self._access.require(session, Permission.RECORD_INCIDENT)
        if report.occurred_to < report.occurred_from:
            raise InvalidInputError("The incident cannot end before it began.")
        for name, text in (("description", report.description), ("cause", report.cause), ("harm", report.harm),
                           ("remedies", report.remedies)):  # fmt: skip
            if not text.strip():
                raise InvalidInputError(f"Describe the {name} of the incident.")
        now = self._clock()
        with self._db.unit() as uow:
            incident_id = uow.compliance.add_incident(
                IncidentRecord(
                    0,
                    report.discovered_at,
                    report.occurred_from,
                    report.occurred_to,
                    report.description.strip(),
                    report.cause.strip(),
                    report.harm.strip(),
                    report.remedies.strip(),
                    now,
                ),
                by_operator=manager.id,
            )
            uow.audit(
                AuditAction.INCIDENT_RECORDED, operator_actor(manager.id), at=now, subject=("incident", incident_id)
            )
        return incident_id

    def affected_people(self, session: OperatorSession, incident_id: int) -> list[AffectedPerson]:
        """Everyone whose face data was held at any time during the incident window."""
        self._access.require(session, Permission.RECORD_INCIDENT)
        with self._db.reading() as uow:
            compliance = uow.compliance
            incident = compliance.get_incident(incident_id)
            if incident is None:
                raise NotFoundError("There is no such incident.")
            people = uow.people
            ids = compliance.people_with_face_data_between(incident.occurred_from, incident.occurred_to)
            return [AffectedPerson(pid, person.full_name) for pid in ids if (person := people.get(pid)) is not None]

    def notice_text(self, session: OperatorSession, incident_id: int) -> str:
        """The notice to affected people, in its three required parts."""
        self._access.require(session, Permission.RECORD_INCIDENT)
        with self._db.reading() as uow:
            incident = uow.compliance.get_incident(incident_id)
            profile = load_profile(uow)
        if incident is None:
            raise NotFoundError("There is no such incident.")
        window = f"{incident.occurred_from:%Y-%m-%d %H:%M} - {incident.occurred_to:%Y-%m-%d %H:%M} UTC"
        return "\n\n".join(
            [
                f"Notice of a personal information incident from {profile.processor_name}",
                "1. What happened and what data was involved\n"
                f"{incident.description}\nWhen: {window}.\nData involved: face templates (128-number "
                f"feature vectors, not photos) and the records linked to them.\nCause: {incident.cause}\n"
                f"Possible harm: {incident.harm}",
                f"2. What we have done and what you can do\n{incident.remedies}\nYou can withdraw your consent "
                "and have your face data deleted at any time, at the desk or with your withdrawal code.",
                f"3. Whom to contact\n{profile.processor_name}: {profile.contact}",
            ]
        )
