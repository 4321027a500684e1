"""Counts for ``facedesk stats`` and the compliance view. Counts only, never personal data."""

from dataclasses import asdict
from typing import Any

from app.domain.filing import FILING_THRESHOLD, WARNING_LEVELS, FilingStatus
from app.storage.database import Database
from app.storage.statistics_repository import StatisticsRepository


class StatisticsService:
    """Aggregate figures about what the installation holds."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def summary(self) -> dict[str, Any]:
        """A JSON-ready summary: people, templates, consents, checks, operators, filing counter."""
        with self._db.snapshot() as conn:
            counts = StatisticsRepository(conn).counts()
        filing = FilingStatus(counts.people_with_face_data)
        data = asdict(counts)
        return {
            "people": {"guests": data.pop("guests"), "staff": data.pop("staff")},
            "people_with_face_data": counts.people_with_face_data,
            "face_templates": data.pop("face_templates"),
            "consents": {"live": data.pop("live_consents"), "withdrawn": data.pop("withdrawn_consents")},
            "stays": data.pop("stays"),
            "verifications": {"face": data.pop("face_verifications"), "manual": data.pop("manual_checks")},
            "operators": data.pop("operators"),
            "audit_events": data.pop("audit_events"),
            "open_security_alerts": data.pop("open_security_alerts"),
            "pia_records": data.pop("pia_records"),
            "filing": {
                "people_with_face_data": filing.people_with_face_data,
                "threshold": FILING_THRESHOLD,
                "warning_levels": list(WARNING_LEVELS),
                "level": filing.level,
            },
        }
