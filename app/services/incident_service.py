"""The incident register (PIPL 57, R20): record, find the people affected, write to them, report it.

Registering an incident makes the impact assessment stale (R2), so face enrolment stops until
it is reassessed. The letter to each person affected has the three parts PIPL 57 asks for: what
happened and what data (with cause and possible harm), what was done and what people can do, and
whom to contact; it is written in Chinese and English and names the person with no more of their
document number than its last four characters. The report for the authority gives the facts and
how many people each kind of data affected, never who they are.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from functools import cache
from typing import Any

from app.config.paths import resource_path
from app.domain.audit import AuditAction, operator_actor
from app.domain.clock import Clock
from app.domain.documents import Block, Document, DocumentStyle, Facts, Heading, PageBreak, Paragraph, Warning
from app.domain.errors import InvalidInputError, NotFoundError
from app.domain.incidents import IncidentRecord
from app.domain.operators import OperatorSession
from app.domain.roles import Permission
from app.services.access_control import AccessControl
from app.services.business_service import load_profile
from app.services.document_checks import last_four
from app.storage.database import Database
from app.storage.unit_of_work import UnitOfWork

DATA_KINDS = ("face_templates", "identity", "stays", "consent_records", "attendance")


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
    data_kinds: tuple[str, ...] = ("face_templates",)


@dataclass(frozen=True)
class AffectedPerson:
    """Someone whose data of at least one of the incident's kinds existed during its window."""

    person_id: int
    name: str
    document_last4: str | None
    erased: bool  # their identity was deleted since: nobody left to write to
    kinds: tuple[str, ...]

    def __repr__(self) -> str:
        return f"AffectedPerson(person_id={self.person_id}, kinds={self.kinds})"


@cache  # read when the first letter or report is written, not when the desk opens
def _texts() -> dict[str, list[str]]:
    texts: dict[str, list[str]] = json.loads(resource_path("documents", "incident.json").read_text(encoding="utf-8"))
    return texts


class IncidentService:
    """Managers record incidents, list the people affected, write to them and report the incident."""

    def __init__(self, database: Database, access: AccessControl, clock: Clock, local_zone: tzinfo) -> None:
        self._db = database
        self._access = access
        self._clock = clock
        self._zone = local_zone

    def record(self, session: OperatorSession, report: IncidentReport) -> int:
        """Register an incident; return its number."""
        manager = self._access.require(session, Permission.RECORD_INCIDENT)
        if report.occurred_to < report.occurred_from:
            raise InvalidInputError("The incident cannot end before it began.")
        if not report.data_kinds or any(kind not in DATA_KINDS for kind in report.data_kinds):
            raise InvalidInputError("Choose which kinds of data the incident involved.")
        for text, missing in (
            (report.description, "Describe what happened."),
            (report.cause, "Describe why it happened."),
            (report.harm, "Describe the harm it could do to the people affected."),
            (report.remedies, "Describe what was done, and what will be done."),
        ):
            if not text.strip():
                raise InvalidInputError(missing)
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
                    tuple(kind for kind in DATA_KINDS if kind in report.data_kinds),
                ),
                by_operator=manager.id,
            )
            uow.audit(
                AuditAction.INCIDENT_RECORDED,
                operator_actor(manager.id),
                at=now,
                subject=("incident", incident_id),
                details={"data_kinds": ",".join(report.data_kinds)},
            )
        return incident_id

    def incidents(self, session: OperatorSession) -> list[IncidentRecord]:
        """The register, the newest first."""
        self._access.require(session, Permission.RECORD_INCIDENT)
        with self._db.reading() as uow:
            return uow.compliance.all_incidents()

    def affected_people(self, session: OperatorSession, incident_id: int) -> list[AffectedPerson]:
        """Everyone whose data of the incident's kinds existed at any time during its window."""
        self._access.require(session, Permission.RECORD_INCIDENT)
        with self._db.reading() as uow:
            return self._affected(uow, self._incident(uow, incident_id))

    def mark_people_notified(self, session: OperatorSession, incident_id: int) -> None:
        """Record that the letters went out (audited)."""
        manager = self._access.require(session, Permission.RECORD_INCIDENT)
        now = self._clock()
        with self._db.unit() as uow:
            self._incident(uow, incident_id)
            uow.compliance.mark_people_notified(incident_id, at=now)
            uow.audit(
                AuditAction.INCIDENT_PEOPLE_NOTIFIED,
                operator_actor(manager.id),
                at=now,
                subject=("incident", incident_id),
            )

    def letters(self, session: OperatorSession, incident_id: int, *, write: Callable[[Document], object]) -> Document:
        """One letter per person who can be written to, in Chinese and English; audited once written."""
        manager = self._access.require(session, Permission.RECORD_INCIDENT)
        with self._db.reading() as uow:
            incident = self._incident(uow, incident_id)
            people = [person for person in self._affected(uow, incident) if not person.erased]
            profile = load_profile(uow)
        fields = {"processor": profile.processor_name, "contact": profile.contact, "window": self._window(incident)}
        blocks: list[Any] = []
        for number, person in enumerate(people):
            if number:
                blocks.append(PageBreak())
            blocks += self._letter(incident, person, fields)
        if not people:
            blocks = [Paragraph(self._both("no_people"))]
        document = Document(self._both("letter_title"), DocumentStyle.REPORT, tuple(blocks))
        write(document)
        self._audit(manager.id, AuditAction.INCIDENT_LETTERS_WRITTEN, incident_id, {"letters": len(people)})
        return document

    def authority_report(
        self, session: OperatorSession, incident_id: int, *, write: Callable[[Document], object]
    ) -> Document:
        """The report for the authority: the facts and how many people each kind affected; audited once written."""
        manager = self._access.require(session, Permission.RECORD_INCIDENT)
        with self._db.reading() as uow:
            incident = self._incident(uow, incident_id)
            affected = self._affected(uow, incident)
            profile = load_profile(uow)
        notified = self._local(incident.people_notified_at) if incident.people_notified_at else self._both("not_yet")
        facts = (
            (self._both("incident_no"), str(incident.id)),
            (self._both("discovered"), self._local(incident.discovered_at)),
            (self._both("window"), self._window(incident)),
            (self._both("recorded"), self._local(incident.recorded_at)),
            (self._both("notified"), notified),
        )
        counts = [
            Paragraph(
                " / ".join(
                    self._one(
                        "affected_kind",
                        language,
                        kind=self._one(f"kind_{kind}", language),
                        count=sum(kind in person.kinds for person in affected),
                    )
                    for language in (0, 1)
                )
            )
            for kind in incident.data_kinds
        ]
        unreachable = sum(person.erased for person in affected)
        blocks: tuple[Block, ...] = (
            Paragraph(self._both("report_intro")),
            Facts(((self._both("processor"), f"{profile.processor_name}: {profile.contact}"), *facts)),
            Heading(self._both("what")),
            Facts(
                (
                    (self._both("what"), incident.description),
                    (self._both("cause_label"), incident.cause),
                    (self._both("harm_label"), incident.harm),
                )
            ),
            Heading(self._both("affected")),
            *counts,
            Paragraph(self._both("affected_total", count=len(affected), unreachable=unreachable)),
            Heading(self._both("remedies")),
            Paragraph(incident.remedies),
            Heading(self._both("assessment")),
            Warning(self._both("assessment_stale")),
        )
        document = Document(self._both("report_title"), DocumentStyle.REPORT, blocks)
        write(document)
        self._audit(manager.id, AuditAction.INCIDENT_REPORT_WRITTEN, incident_id, {"people_affected": len(affected)})
        return document

    # --- helpers ------------------------------------------------------------------------------

    def _letter(self, incident: IncidentRecord, person: AffectedPerson, fields: dict[str, str]) -> list[Any]:
        kinds = [kind for kind in incident.data_kinds if kind in person.kinds]
        blocks: list[Any] = []
        for language in (0, 1):  # Chinese, then English, on the same page
            separator = "、" if language == 0 else ", "
            greeting = (
                self._one("dear", language, name=person.name, last4=person.document_last4)
                if person.document_last4
                else self._one("dear_no_document", language, name=person.name)
            )
            blocks += [
                Heading(self._one("letter_title", language)),
                Paragraph(greeting),
                Paragraph(self._one("intro", language, **fields)),
                Heading(self._one("part_1", language)),
                Paragraph(
                    "\n".join(
                        [
                            incident.description,
                            self._one("when", language, **fields),
                            self._one(
                                "kinds", language, kinds=separator.join(self._one(f"kind_{k}", language) for k in kinds)
                            ),
                            self._one("cause", language, cause=incident.cause),
                            self._one("harm", language, harm=incident.harm),
                        ]
                    )
                ),
                Heading(self._one("part_2", language)),
                Paragraph(f"{incident.remedies}\n{self._one('you_can', language)}"),
                Heading(self._one("part_3", language)),
                Paragraph(self._one("contact", language, **fields)),
            ]
        return blocks

    def _affected(self, uow: UnitOfWork, incident: IncidentRecord) -> list[AffectedPerson]:
        start, end = incident.occurred_from, incident.occurred_to
        compliance = uow.compliance
        kinds_of: dict[int, list[str]] = {}
        for kind in incident.data_kinds:
            ids = (
                compliance.people_with_face_data_between(start, end)
                if kind == "face_templates"
                else compliance.people_with_records_between(kind, start, end)
            )
            for person_id in ids:
                kinds_of.setdefault(person_id, []).append(kind)
        people = []
        for person_id, kinds in sorted(kinds_of.items()):
            person = uow.people.get(person_id)
            if person is None:
                continue
            erased = uow.people.erased_at(person_id) is not None
            last4 = last_four(person.document.number) if person.document else None
            people.append(AffectedPerson(person_id, person.full_name, last4, erased, tuple(kinds)))
        return people

    @staticmethod
    def _incident(uow: UnitOfWork, incident_id: int) -> IncidentRecord:
        incident = uow.compliance.get_incident(incident_id)
        if incident is None:
            raise NotFoundError("There is no such incident.")
        return incident

    def _audit(self, manager_id: int, action: AuditAction, incident_id: int, details: dict[str, int]) -> None:
        with self._db.unit() as uow:
            uow.audit(action, operator_actor(manager_id), at=self._clock(), subject=("incident", incident_id),
                      details=details)  # fmt: skip

    def _one(self, key: str, language: int, **fields: object) -> str:
        return _texts()[key][language].format(**fields)

    def _both(self, key: str, **fields: object) -> str:
        """A text in Chinese and English, "中文 / English"."""
        return f"{self._one(key, 0, **fields)} / {self._one(key, 1, **fields)}"

    def _local(self, moment: datetime) -> str:
        return moment.astimezone(self._zone).strftime("%Y-%m-%d %H:%M")

    def _window(self, incident: IncidentRecord) -> str:
        return f"{self._local(incident.occurred_from)} - {self._local(incident.occurred_to)}"
