"""Policy settings: read with their declared defaults, changed only by Admins, always audited."""

from app.config.settings import (
    GUEST_LIVENESS,
    IDENTIFY_MARGIN,
    IDENTIFY_THRESHOLD,
    LIVENESS_MIN_TURN,
    LIVENESS_PROMPTS,
    LIVENESS_SECONDS,
    VERIFY_THRESHOLD,
    PolicySetting,
    SettingScope,
    SettingT,
    SettingValue,
    setting_spec,
)
from app.domain.audit import AuditAction, operator_actor
from app.domain.clock import Clock
from app.domain.errors import InvalidInputError
from app.domain.matching import MatchThresholds
from app.domain.operators import OperatorSession
from app.domain.roles import Permission
from app.recognition.liveness import ChallengeKind, LivenessRules
from app.services.access_control import AccessControl
from app.storage.database import Database


class SettingsService:
    """Reads and changes policy settings kept in the encrypted database."""

    def __init__(self, database: Database, access: AccessControl, clock: Clock) -> None:
        self._db = database
        self._access = access
        self._clock = clock

    def value(self, key: str) -> SettingValue:
        """The current value of a policy setting (its declared default until changed)."""
        with self._db.reading() as uow:
            return uow.policy_value(key)

    def policy(self, setting: PolicySetting[SettingT]) -> SettingT:
        """The value in force of a declared policy setting, typed (``policy(IDLE_LOCK_MINUTES)`` is an int)."""
        with self._db.reading() as uow:
            return uow.policy(setting)

    def match_thresholds(self) -> MatchThresholds:
        """The face-matching thresholds currently in force."""
        with self._db.reading() as uow:
            return MatchThresholds(
                verify=uow.policy(VERIFY_THRESHOLD),
                identify=uow.policy(IDENTIFY_THRESHOLD),
                identify_margin=uow.policy(IDENTIFY_MARGIN),
            )

    def guest_liveness_rules(self) -> LivenessRules | None:
        """The liveness challenge for guest verification, or ``None`` when the business has not enabled it.

        The kiosk's turn size, time per turn and number of turns apply; the challenge is always the
        random sequence (a single turn is too easy to replay for a guest's check-in).
        """
        with self._db.reading() as uow:
            if not uow.policy(GUEST_LIVENESS):
                return None
            return LivenessRules(
                challenge=ChallengeKind.PROMPT_SEQUENCE,
                min_turn=uow.policy(LIVENESS_MIN_TURN),
                timeout_seconds=uow.policy(LIVENESS_SECONDS),
                prompts=uow.policy(LIVENESS_PROMPTS),
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
        with self._db.unit() as uow:
            old = uow.policy_value(key)
            uow.policy_settings.set(key, value, at=self._clock(), by_operator=operator.id)
            uow.audit(
                AuditAction.SETTINGS_CHANGED,
                operator_actor(operator.id),
                at=self._clock(),
                details={"setting": key, "old": old, "new": value},
            )
        return value
