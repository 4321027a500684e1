"""Counts for ``facedesk stats`` and the filing counter (R21). Counts only, never personal data.

There are deliberately no per-operator figures: declines and manual checks must never become a
staff-performance signal (R9, R24).
"""

import logging
from dataclasses import asdict
from datetime import datetime
from typing import Any

from app.domain.audit import SYSTEM_ACTOR, AuditAction
from app.domain.filing import FILING_THRESHOLD, MILESTONES, WARNING_LEVELS, FilingStatus, filing_deadline
from app.services.filing_service import owe_initial_filing
from app.storage.database import Database
from app.storage.unit_of_work import UnitOfWork

logger = logging.getLogger(__name__)


def record_filing_milestones(uow: UnitOfWork, now: datetime) -> list[int]:
    """Record the date each threshold (50,000 / 90,000 / 100,000 people) is first reached.

    For 100,000 the 30-working-day filing deadline is recorded too. Runs inside the transaction
    that added face data, and whenever ``stats`` runs; each threshold is recorded once.
    """
    count = uow.consents.people_with_templates()
    compliance = uow.compliance
    known = compliance.milestones()
    reached = [threshold for threshold in MILESTONES if count >= threshold and threshold not in known]
    for threshold in reached:
        deadline = filing_deadline(now.date()) if threshold == FILING_THRESHOLD else None
        compliance.add_milestone(threshold, now.date(), deadline)
        if deadline is not None:
            owe_initial_filing(uow, now.date(), deadline)
        uow.audit(
            AuditAction.FILING_MILESTONE,
            SYSTEM_ACTOR,
            at=now,
            details={"threshold": threshold, "deadline": deadline.isoformat() if deadline else None},
        )
        logger.warning("%d people with face data reached: filing rules apply (see the compliance page).", threshold)
    return reached


class StatisticsService:
    """Aggregate figures about what the installation holds."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def update_milestones(self, now: datetime) -> list[int]:
        """Record any filing threshold reached (a fact, audited once)."""
        with self._db.unit() as uow:
            return record_filing_milestones(uow, now)

    def summary(self) -> dict[str, Any]:
        """A JSON-ready summary: people, templates, consents, checks, operators, filing counter."""
        with self._db.reading() as uow:
            counts = uow.statistics.counts()
            milestones = uow.compliance.milestones()
        filing = FilingStatus(counts.people_with_face_data)
        data = asdict(counts)
        reached = milestones.get(FILING_THRESHOLD)
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
                "milestones": {
                    str(threshold): {"reached_on": on.isoformat(), "deadline": due.isoformat() if due else None}
                    for threshold, (on, due) in sorted(milestones.items())
                },
                "reached_on": reached[0].isoformat() if reached else None,
                "filing_deadline": reached[1].isoformat() if reached and reached[1] else None,
            },
        }
