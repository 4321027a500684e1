"""One transaction, and everything a service needs inside it.

A service opens ``database.unit()`` (a write transaction) or ``database.reading()`` (a consistent
read) and gets a ``UnitOfWork``: the repositories on that transaction's connection, one typed
audit call, and typed policy reads. Nothing is committed until the ``with`` block ends without an
error; an error rolls everything back, audit events included, so the log never tells a story the
data does not.
"""

from collections.abc import Mapping
from datetime import datetime
from functools import cached_property

from app.config.settings import PolicySetting, SettingScope, SettingT, SettingValue, setting_spec
from app.domain.audit import Actor, AuditAction, AuditRecord, DetailValue
from app.storage.alert_repository import AlertRepository
from app.storage.attendance_repository import AttendanceRepository
from app.storage.audit_repository import AuditRepository
from app.storage.business_repository import BusinessRepository
from app.storage.compliance_repository import ComplianceRepository
from app.storage.connection import Connection
from app.storage.consent_repository import ConsentRepository
from app.storage.entry_repository import EntryRepository
from app.storage.operator_repository import OperatorRepository
from app.storage.people_repository import PeopleRepository
from app.storage.policy_settings_repository import PolicySettingsRepository
from app.storage.records_repository import RecordsRepository
from app.storage.statistics_repository import StatisticsRepository


class UnitOfWork:
    """The repositories of one transaction, a typed audit call and typed policy reads."""

    def __init__(self, conn: Connection) -> None:
        self.connection = conn
        self.last_event: AuditRecord | None = None  # the newest event this unit appended

    @cached_property
    def people(self) -> PeopleRepository:
        """Guests, staff and stays."""
        return PeopleRepository(self.connection)

    @cached_property
    def consents(self) -> ConsentRepository:
        """Consents, templates and checks."""
        return ConsentRepository(self.connection)

    @cached_property
    def operators(self) -> OperatorRepository:
        """Operator accounts."""
        return OperatorRepository(self.connection)

    @cached_property
    def attendance(self) -> AttendanceRepository:
        """Staff PINs and clock events."""
        return AttendanceRepository(self.connection)

    @cached_property
    def entries(self) -> EntryRepository:
        """Access rules and the entry log."""
        return EntryRepository(self.connection)

    @cached_property
    def compliance(self) -> ComplianceRepository:
        """Assessments, incidents and rights requests."""
        return ComplianceRepository(self.connection)

    @cached_property
    def business(self) -> BusinessRepository:
        """The business profile and enabled purposes."""
        return BusinessRepository(self.connection)

    @cached_property
    def alerts(self) -> AlertRepository:
        """Security alerts."""
        return AlertRepository(self.connection)

    @cached_property
    def records(self) -> RecordsRepository:
        """Monthly processing records."""
        return RecordsRepository(self.connection)

    @cached_property
    def statistics(self) -> StatisticsRepository:
        """Counts for the filing counter and dashboards."""
        return StatisticsRepository(self.connection)

    @cached_property
    def policy_settings(self) -> PolicySettingsRepository:
        """Stored policy settings (read them with :meth:`policy`)."""
        return PolicySettingsRepository(self.connection)

    @cached_property
    def audit_log(self) -> AuditRepository:
        """The hash-chained audit log (append with :meth:`audit`)."""
        return AuditRepository(self.connection)

    def audit(
        self,
        action: AuditAction,
        actor: Actor,
        *,
        at: datetime,
        subject: tuple[str, int] | None = None,
        details: Mapping[str, DetailValue] | None = None,
    ) -> AuditRecord:
        """Append one event to the audit log, inside this transaction.

        Args:
            action: what happened.
            actor: who did it.
            at: when (UTC).
            subject: what it happened to, as (kind, row id): ``("person", 7)``.
            details: short scalar facts (never names, numbers or biometric data).
        """
        subject_type, subject_id = subject if subject is not None else (None, None)
        self.last_event = self.audit_log.append(
            occurred_at=at,
            actor=actor,
            action=action,
            subject_type=subject_type,
            subject_id=subject_id,
            details=details,
        )
        return self.last_event

    def policy(self, setting: PolicySetting[SettingT]) -> SettingT:
        """The value in force of a declared policy setting, typed."""
        return setting.from_stored(self.policy_settings.get(setting.key))

    def policy_value(self, key: str) -> SettingValue:
        """The value in force of the policy setting ``key`` (for code that lists settings)."""
        spec = setting_spec(key)
        if spec.scope is not SettingScope.POLICY:
            raise KeyError(f"{key} is not a policy setting")
        stored = self.policy_settings.get(key)
        return spec.default if stored is None else spec.coerce(stored)
