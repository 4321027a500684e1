"""SQL for impact assessments (R2), incidents (R20), rights requests (R19) and filing milestones (R21)."""

import json
from dataclasses import dataclass
from datetime import date, datetime

from app.domain.clock import from_utc_text, to_utc_text
from app.domain.filing import FilingTask
from app.domain.incidents import IncidentRecord
from app.storage.connection import Row, inserted_id
from app.storage.database import Connection


@dataclass(frozen=True)
class PiaRecord:
    """A recorded impact assessment. ``assessed_settings`` is what it assessed (JSON text)."""

    id: int
    assessed_on: date
    assessor: str
    lawful_and_necessary: str
    impact_and_mitigation: str
    risks_leak_tamper_loss: str
    safeguards_proportionate: str
    report_sha256: str
    assessed_settings: str
    recorded_by: int | None
    recorded_at: datetime
    keep_until: datetime


@dataclass(frozen=True)
class RightsRequestRecord:
    """A person's request to see, copy, correct or delete their data."""

    id: int
    person_id: int | None
    kind: str
    received_at: datetime
    status: str
    refusal_reason: str | None
    closed_at: datetime | None
    outcome: str | None = None  # what fulfilling it did, as JSON without names (deletions, withdrawals)


_PIA = (
    "id, assessed_on, assessor, lawful_and_necessary, impact_and_mitigation, risks_leak_tamper_loss, "
    "safeguards_proportionate, report_sha256, settings_fingerprint, recorded_by, recorded_at, keep_until"
)
_INCIDENT = (
    "id, discovered_at, occurred_from, occurred_to, description, cause, harm, remedies, recorded_at, data_kinds, "
    "people_notified_at"
)
_REQUEST = "id, person_id, kind, received_at, status, refusal_reason, closed_at, outcome"


class ComplianceRepository:
    """Compliance records on one connection. None of them is ever deleted by the retention job."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add_pia(self, record: PiaRecord) -> int:
        """Store an impact assessment."""
        cursor = self._conn.execute(
            "INSERT INTO pia_records (assessed_on, assessor, lawful_and_necessary, impact_and_mitigation, "
            "risks_leak_tamper_loss, safeguards_proportionate, report_sha256, settings_fingerprint, recorded_by, "
            "recorded_at, keep_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.assessed_on.isoformat(),
                record.assessor,
                record.lawful_and_necessary,
                record.impact_and_mitigation,
                record.risks_leak_tamper_loss,
                record.safeguards_proportionate,
                record.report_sha256,
                record.assessed_settings,
                record.recorded_by,
                to_utc_text(record.recorded_at),
                to_utc_text(record.keep_until),
            ),
        )
        return inserted_id(cursor)

    def latest_pia(self) -> PiaRecord | None:
        """The most recent impact assessment."""
        row = self._conn.execute(f"SELECT {_PIA} FROM pia_records ORDER BY id DESC LIMIT 1").fetchone()
        return _pia(row) if row else None

    def pia_count(self) -> int:
        """Impact assessments kept."""
        return int(self._conn.execute("SELECT count(*) FROM pia_records").fetchone()[0])

    def add_incident(self, incident: IncidentRecord, *, by_operator: int) -> int:
        """Register an incident."""
        cursor = self._conn.execute(
            "INSERT INTO incidents (discovered_at, occurred_from, occurred_to, description, cause, harm, remedies, "
            "recorded_by, recorded_at, data_kinds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                to_utc_text(incident.discovered_at),
                to_utc_text(incident.occurred_from),
                to_utc_text(incident.occurred_to),
                incident.description,
                incident.cause,
                incident.harm,
                incident.remedies,
                by_operator,
                to_utc_text(incident.recorded_at),
                json.dumps(list(incident.data_kinds)),
            ),
        )
        return inserted_id(cursor)

    def all_incidents(self) -> list[IncidentRecord]:
        """Every incident, the newest first."""
        rows = self._conn.execute(f"SELECT {_INCIDENT} FROM incidents ORDER BY id DESC")
        return [_incident(row) for row in rows]

    def mark_people_notified(self, incident_id: int, *, at: datetime) -> None:
        """Record when the people affected were notified (the first time only)."""
        self._conn.execute(
            "UPDATE incidents SET people_notified_at = coalesce(people_notified_at, ?) WHERE id = ?",
            (to_utc_text(at), incident_id),
        )

    def people_with_records_between(self, kind: str, start: datetime, end: datetime) -> list[int]:
        """People whose data of ``kind`` existed at some time during [start, end].

        Kinds: ``identity`` (name, document, birth date: the person's record, unless erased before
        the start), ``stays``, ``consent_records`` and ``attendance`` (records made before the end).
        """
        until, since = to_utc_text(end), to_utc_text(start)
        queries = {
            "identity": (
                "SELECT id FROM people WHERE created_at <= ? AND (erased_at IS NULL OR erased_at >= ?)",
                (until, since),
            ),
            "stays": ("SELECT DISTINCT person_id FROM stays WHERE created_at <= ?", (until,)),
            "consent_records": ("SELECT DISTINCT person_id FROM consents WHERE given_at_utc <= ?", (until,)),
            "attendance": ("SELECT DISTINCT person_id FROM clock_events WHERE occurred_at <= ?", (until,)),
        }
        sql, parameters = queries[kind]
        return sorted(int(row[0]) for row in self._conn.execute(sql, parameters))

    def get_incident(self, incident_id: int) -> IncidentRecord | None:
        """One incident."""
        row = self._conn.execute(f"SELECT {_INCIDENT} FROM incidents WHERE id = ?", (incident_id,)).fetchone()
        return _incident(row) if row else None

    def incidents_since(self, moment: datetime) -> list[IncidentRecord]:
        """Incidents recorded at or after ``moment``."""
        rows = self._conn.execute(
            f"SELECT {_INCIDENT} FROM incidents WHERE recorded_at >= ? ORDER BY id", (to_utc_text(moment),)
        )
        return [_incident(row) for row in rows]

    def people_with_face_data_between(self, start: datetime, end: datetime) -> list[int]:
        """People whose face data existed during [start, end].

        That is: consent given before the end, and not withdrawn or expired before the start.
        """
        rows = self._conn.execute(
            "SELECT DISTINCT person_id FROM consents WHERE given_at_utc <= ? "
            "AND coalesce(withdrawn_at, expired_at, '9999') >= ? ORDER BY person_id",
            (to_utc_text(end), to_utc_text(start)),
        )
        return [int(row[0]) for row in rows]

    def add_request(self, person_id: int | None, kind: str, *, by_operator: int, at: datetime) -> int:
        """Open a rights request."""
        cursor = self._conn.execute(
            "INSERT INTO rights_requests (person_id, kind, received_at, identity_checked_by, status) "
            "VALUES (?, ?, ?, ?, 'open')",
            (person_id, kind, to_utc_text(at), by_operator),
        )
        return inserted_id(cursor)

    def close_request(
        self,
        request_id: int,
        *,
        status: str,
        reason: str | None,
        by_operator: int,
        at: datetime,
        outcome: str | None = None,
    ) -> None:
        """Fulfil or refuse a request (the schema refuses a refusal without a reason)."""
        self._conn.execute(
            "UPDATE rights_requests SET status = ?, refusal_reason = ?, outcome = ?, closed_at = ?, closed_by = ? "
            "WHERE id = ? AND status = 'open'",
            (status, reason, outcome, to_utc_text(at), by_operator, request_id),
        )

    def get_request(self, request_id: int) -> RightsRequestRecord | None:
        """One rights request."""
        row = self._conn.execute(f"SELECT {_REQUEST} FROM rights_requests WHERE id = ?", (request_id,)).fetchone()
        return _request(row) if row else None

    def requests_of(self, person_id: int) -> list[RightsRequestRecord]:
        """A person's rights requests."""
        rows = self._conn.execute(
            f"SELECT {_REQUEST} FROM rights_requests WHERE person_id = ? ORDER BY id", (person_id,)
        )
        return [_request(row) for row in rows]

    def all_requests(self) -> list[RightsRequestRecord]:
        """Every rights request: open ones first, then the newest."""
        rows = self._conn.execute(
            f"SELECT {_REQUEST} FROM rights_requests ORDER BY status <> 'open', received_at DESC, id DESC"
        )
        return [_request(row) for row in rows]

    def milestones(self) -> dict[int, tuple[date, date | None]]:
        """Filing thresholds reached: threshold -> (date reached, deadline)."""
        rows = self._conn.execute("SELECT threshold, reached_on, deadline FROM filing_milestones ORDER BY threshold")
        return {int(t): (date.fromisoformat(r), date.fromisoformat(d) if d else None) for t, r, d in rows}

    def add_filing_task(self, kind: str, reason: str, arose_on: date, deadline: date) -> int:
        """Record a filing owed to the authority."""
        cursor = self._conn.execute(
            "INSERT INTO filing_tasks (kind, reason, arose_on, deadline) VALUES (?, ?, ?, ?)",
            (kind, reason, arose_on.isoformat(), deadline.isoformat()),
        )
        return inserted_id(cursor)

    def filing_tasks(self) -> list[FilingTask]:
        """Every filing task: open ones first, then the newest."""
        rows = self._conn.execute(
            "SELECT id, kind, reason, arose_on, deadline, filed_on FROM filing_tasks "
            "ORDER BY filed_on IS NOT NULL, arose_on DESC, id DESC"
        )
        return [
            FilingTask(
                int(r[0]),
                r[1],
                r[2],
                date.fromisoformat(r[3]),
                date.fromisoformat(r[4]),
                date.fromisoformat(r[5]) if r[5] else None,
            )
            for r in rows
        ]

    def mark_filing_task_filed(self, task_id: int, *, on: date, by_operator: int) -> bool:
        """Record that a filing was submitted; ``False`` if it was already (or does not exist)."""
        cursor = self._conn.execute(
            "UPDATE filing_tasks SET filed_on = ?, filed_by = ? WHERE id = ? AND filed_on IS NULL",
            (on.isoformat(), by_operator, task_id),
        )
        return bool(cursor.rowcount)

    def add_milestone(self, threshold: int, reached_on: date, deadline: date | None) -> None:
        """Record that a threshold was reached (once)."""
        self._conn.execute(
            "INSERT OR IGNORE INTO filing_milestones (threshold, reached_on, deadline) VALUES (?, ?, ?)",
            (threshold, reached_on.isoformat(), deadline.isoformat() if deadline else None),
        )


def _pia(row: Row) -> PiaRecord:
    return PiaRecord(
        id=int(row[0]),
        assessed_on=date.fromisoformat(row[1]),
        assessor=row[2],
        lawful_and_necessary=row[3],
        impact_and_mitigation=row[4],
        risks_leak_tamper_loss=row[5],
        safeguards_proportionate=row[6],
        report_sha256=row[7],
        assessed_settings=row[8],
        recorded_by=row[9],
        recorded_at=from_utc_text(row[10]),
        keep_until=from_utc_text(row[11]),
    )


def _incident(row: Row) -> IncidentRecord:
    return IncidentRecord(
        id=int(row[0]),
        discovered_at=from_utc_text(row[1]),
        occurred_from=from_utc_text(row[2]),
        occurred_to=from_utc_text(row[3]),
        description=row[4],
        cause=row[5],
        harm=row[6],
        remedies=row[7],
        recorded_at=from_utc_text(row[8]),
        data_kinds=tuple(json.loads(row[9])),
        people_notified_at=from_utc_text(row[10]) if row[10] else None,
    )


def _request(row: Row) -> RightsRequestRecord:
    return RightsRequestRecord(
        id=int(row[0]),
        person_id=row[1],
        kind=row[2],
        received_at=from_utc_text(row[3]),
        status=row[4],
        refusal_reason=row[5],
        closed_at=from_utc_text(row[6]) if row[6] else None,
        outcome=row[7],
    )


def settings_snapshot(values: dict[str, object]) -> str:
    """Canonical JSON of the settings an assessment covered."""
    return json.dumps(values, sort_keys=True, separators=(",", ":"))
