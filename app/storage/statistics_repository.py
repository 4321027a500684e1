"""Counting queries for ``stats``, ``doctor`` and the filing counter (R21). No personal data."""

from dataclasses import dataclass

from app.storage.consent_repository import PEOPLE_WITH_TEMPLATES_SQL
from app.storage.database import Connection


@dataclass(frozen=True)
class StoredCounts:
    """Row counts across the database."""

    guests: int
    staff: int
    people_with_face_data: int
    face_templates: int
    live_consents: int
    withdrawn_consents: int
    stays: int
    face_verifications: int
    manual_checks: int
    operators: int
    audit_events: int
    open_security_alerts: int
    pia_records: int


class StatisticsRepository:
    """Aggregate counts on one connection; run inside :meth:`Database.snapshot` for consistency."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def counts(self) -> StoredCounts:
        """Every count at once."""
        one = self._scalar
        return StoredCounts(
            guests=one("SELECT count(*) FROM people WHERE kind = 'guest'"),
            staff=one("SELECT count(*) FROM people WHERE kind = 'staff'"),
            people_with_face_data=one(PEOPLE_WITH_TEMPLATES_SQL),  # people, not documents (R21)
            face_templates=one("SELECT count(*) FROM face_templates"),
            live_consents=one("SELECT count(*) FROM consents WHERE withdrawn_at IS NULL AND expired_at IS NULL"),
            withdrawn_consents=one("SELECT count(*) FROM consents WHERE withdrawn_at IS NOT NULL"),
            stays=one("SELECT count(*) FROM stays"),
            face_verifications=one("SELECT count(*) FROM verifications WHERE method = 'face'"),
            manual_checks=one("SELECT count(*) FROM verifications WHERE method = 'manual'"),
            operators=one("SELECT count(*) FROM operators"),
            audit_events=one("SELECT count(*) FROM audit_events"),
            open_security_alerts=one("SELECT count(*) FROM security_alerts WHERE acknowledged_at IS NULL"),
            pia_records=one("SELECT count(*) FROM pia_records"),
        )

    def _scalar(self, sql: str) -> int:
        return int(self._conn.execute(sql).fetchone()[0])
