"""Policy settings: read with their declared defaults, changed only by Admins, always audited."""

from app.config.settings import SettingScope, SettingValue, setting_spec
from app.domain.audit import AuditAction, operator_actor
from app.domain.clock import Clock
from app.domain.errors import InvalidInputError
from app.domain.matching import MatchThresholds
from app.domain.operators import OperatorSession
from app.domain.roles import Permission
from app.services.access_control import AccessControl
from app.storage.audit_repository import AuditRepository
from app.storage.database import Connection, Database
from app.storage.policy_settings_repository import PolicySettingsRepository


def read_policy(conn: Connection, key: str) -> SettingValue:
    """The current value of policy setting ``key`` on an open connection."""
    spec = setting_spec(key)
    if spec.scope is not SettingScope.POLICY:
        raise KeyError(f"{key} is not a policy setting")
    stored = PolicySettingsRepository(conn).get(key)
    return spec.default if stored is None else spec.coerce(stored)


class SettingsService:
    """Reads and changes policy settings kept in the encrypted database."""

    def __init__(self, database: Database, access: AccessControl, clock: Clock) -> None:
        self._db = database
        self._access = access
        self._clock = clock

    def value(self, key: str) -> SettingValue:
        """The current value of a policy setting (its declared default until changed)."""
        with self._db.snapshot() as conn:
            return read_policy(conn, key)

    def match_thresholds(self) -> MatchThresholds:
        """The face-matching thresholds currently in force."""
        with self._db.snapshot() as conn:
            return MatchThresholds(
                verify=float(read_policy(conn, "recognition/verify_threshold")),
                identify=float(read_policy(conn, "recognition/identify_threshold")),
                identify_margin=float(read_policy(conn, "recognition/identify_margin")),
            )

    def change(self, session: OperatorSession, key: str, raw_value: object) -> SettingValue:
        """Validate and store a new value; audited with old and new values.

        Raises:
            PermissionDeniedError: only Admins change settings.
            InvalidInputError: unknown key or a value outside the declared range.
        """
        operator = self._access.require(session, Permission.CHANGE_SETTINGS)
        try:
            spec = setting_spec(key)
            if spec.scope is not SettingScope.POLICY:
                raise KeyError(key)
        except KeyError:
            raise InvalidInputError(f"There is no policy setting called {key}.") from None
        try:
            value = spec.coerce(raw_value)
        except ValueError as exc:
            raise InvalidInputError(str(exc)) from None
        with self._db.transaction() as tx:
            old = read_policy(tx, key)
            PolicySettingsRepository(tx).set(key, value, at=self._clock(), by_operator=operator.id)
            AuditRepository(tx).append(
                occurred_at=self._clock(),
                actor=operator_actor(operator.id),
                action=AuditAction.SETTINGS_CHANGED,
                details={"setting": key, "old": old, "new": value},
            )
        return value
