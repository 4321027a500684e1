"""The desk's scheduled jobs, in plain Python: retention (R13), processing records, the daily backup (R14).

The composition root runs :meth:`Housekeeping.run` when an installation opens and then every hour.
Each part is idempotent: a second run finds nothing to purge, no month to record and today's
backup already taken.
"""

import logging
from dataclasses import dataclass

from app.domain.audit import SYSTEM_ACTOR
from app.services.backup_service import BackupService
from app.services.desk_services import DeskServices

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class HousekeepingReport:
    """What one run did."""

    consents_ended: int
    months_recorded: int
    backup_taken: bool


class Housekeeping:
    """Retention, processing records and the daily backup of one open installation."""

    def __init__(self, desk: DeskServices, backups: BackupService) -> None:
        self._desk = desk
        self._backups = backups

    def run(self) -> HousekeepingReport:
        """Run every job once.

        Raises:
            FaceDeskError: a job could not run (the caller logs it and tries again next time).
        """
        report = self._desk.retention.purge()
        months = self._desk.records.record_closed_months()
        backup = self._backups.take_if_due(self._desk.database, actor=SYSTEM_ACTOR)
        if report.items:
            logger.info("Retention job: face data of %d consents deleted.", len(report.items))
        if months:
            logger.info("Processing records kept for %d ended month(s).", len(months))
        return HousekeepingReport(len(report.items), len(months), backup is not None)
