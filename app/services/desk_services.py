"""The services of one open installation, built together so they share one database and clock."""

from dataclasses import dataclass

from app.domain.clock import Clock
from app.services.access_control import AccessControl
from app.services.audit_service import AuditService
from app.services.operator_service import OperatorService
from app.services.passwords import PasswordHashing
from app.services.settings_service import SettingsService
from app.services.statistics_service import StatisticsService
from app.storage.business_repository import BusinessRepository
from app.storage.database import Database


@dataclass(frozen=True)
class DeskServices:
    """Everything the desk application and CLI call once the database is open."""

    database: Database
    access: AccessControl
    operators: OperatorService
    settings: SettingsService
    audit: AuditService
    statistics: StatisticsService

    @classmethod
    def build(cls, database: Database, clock: Clock, hashing: PasswordHashing) -> "DeskServices":
        """Wire the services around an open database."""
        access = AccessControl(database, clock)
        return cls(
            database=database,
            access=access,
            operators=OperatorService(database, access, clock, hashing),
            settings=SettingsService(database, access, clock),
            audit=AuditService(database, access),
            statistics=StatisticsService(database),
        )

    def business_name(self) -> str:
        """The processor name from the business profile (for titles and notices)."""
        with self.database.snapshot() as conn:
            profile = BusinessRepository(conn).load()
        return profile.processor_name if profile else ""

    def close(self) -> None:
        """Close the database; call after every worker using it has stopped."""
        self.database.close()
