"""Every setting, declared once: key, type, default, label and where it is kept.

Device settings (language, camera, display) live in a QSettings file in the data folder. Policy
settings (retention, lockout, guardian flow) live in the encrypted database, are changed only
through the settings service, are audited, and some of them make the impact assessment stale
(R2). Secrets and face data are never settings.

This module is plain Python so the services layer can read the declarations without Qt.
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from app.domain.translatable import QT_TRANSLATE_NOOP

SettingValue = bool | int | float | str


class SettingScope(StrEnum):
    """Where a setting is stored."""

    DEVICE = "device"
    POLICY = "policy"


@dataclass(frozen=True)
class SettingSpec:
    """The declaration of one setting."""

    key: str
    type: type
    default: SettingValue
    label: str
    scope: SettingScope
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] | None = None
    affects_pia: bool = False
    advanced: bool = False  # a number for specialists: shown under "Advanced", explained in words

    def coerce(self, raw: object) -> SettingValue:
        """Convert ``raw`` (typed, or text from a settings file) to this setting's type.

        Raises:
            ValueError: with a sentence saying what values are accepted.
        """
        value: SettingValue
        if self.type is bool:
            if isinstance(raw, bool):
                value = raw
            elif isinstance(raw, str) and raw.strip().lower() in {"true", "1", "yes", "on"}:
                value = True
            elif isinstance(raw, str) and raw.strip().lower() in {"false", "0", "no", "off"}:
                value = False
            else:
                raise ValueError(f"{self.key} must be true or false.")
        elif self.type is int:
            if isinstance(raw, bool):
                raise ValueError(f"{self.key} must be a whole number.")
            try:
                if not isinstance(raw, str | int | float):
                    raise TypeError(raw)
                value = int(raw.strip()) if isinstance(raw, str) else int(raw)
            except (TypeError, ValueError, OverflowError):
                raise ValueError(f"{self.key} must be a whole number.") from None
            if isinstance(raw, float) and not raw.is_integer():
                raise ValueError(f"{self.key} must be a whole number.")
        elif self.type is float:
            try:
                if not isinstance(raw, str | int | float):
                    raise TypeError(raw)
                value = float(raw)
            except (TypeError, ValueError):
                raise ValueError(f"{self.key} must be a number.") from None
            if value != value or value in (float("inf"), float("-inf")):
                raise ValueError(f"{self.key} must be a finite number.")
        else:
            if not isinstance(raw, str):
                raise ValueError(f"{self.key} must be text.")
            value = raw.strip()
        if self.choices is not None and value not in self.choices:
            raise ValueError(f"{self.key} must be one of: {', '.join(self.choices)}.")
        if isinstance(value, int | float) and not isinstance(value, bool):
            if self.minimum is not None and value < self.minimum:
                raise ValueError(f"{self.key} must be at least {self.minimum:g}.")
            if self.maximum is not None and value > self.maximum:
                raise ValueError(f"{self.key} must be at most {self.maximum:g}.")
        return value


_D = SettingScope.DEVICE
_P = SettingScope.POLICY

SETTING_SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("ui/language", str, "en", QT_TRANSLATE_NOOP("Settings", "Language"), _D, choices=("en", "zh_CN")),
    SettingSpec("ui/large_font", bool, False, QT_TRANSLATE_NOOP("Settings", "Large text"), _D),
    SettingSpec("ui/high_contrast", bool, False, QT_TRANSLATE_NOOP("Settings", "High contrast"), _D),
    SettingSpec(
        "ui/guest_screen",
        bool,
        True,
        QT_TRANSLATE_NOOP("Settings", "Show guest screens full-screen on a second monitor when one is connected"),
        _D,
    ),
    SettingSpec("camera/device", str, "0", QT_TRANSLATE_NOOP("Settings", "Camera"), _D),
    SettingSpec(
        "printing/receipt_paper",
        str,
        "a4",
        QT_TRANSLATE_NOOP("Settings", "Receipt paper"),
        _D,
        choices=("a4", "roll_80mm"),
    ),
    # the serial or USB-CDC port of the ID card reader; empty: no reader, the document is typed
    SettingSpec("card_reader/port", str, "", QT_TRANSLATE_NOOP("Settings", "ID card reader"), _D),
    # the staff door's relay board on a serial or USB-CDC port; empty: no door is driven
    SettingSpec("door/port", str, "", QT_TRANSLATE_NOOP("Settings", "Door relay"), _D),
    SettingSpec(
        "door/board",
        str,
        "lcus",
        QT_TRANSLATE_NOOP("Settings", "Relay board"),
        _D,
        choices=("lcus", "lcus_status", "generic"),
    ),
    SettingSpec("door/channel", int, 1, QT_TRANSLATE_NOOP("Settings", "Relay number on the board"), _D, 1, 8),
    SettingSpec("door/open_bytes", str, "", QT_TRANSLATE_NOOP("Settings", "Bytes that switch the relay on"), _D),
    SettingSpec("door/close_bytes", str, "", QT_TRANSLATE_NOOP("Settings", "Bytes that switch the relay off"), _D),
    SettingSpec(
        "door/lock_type",
        str,
        "fail_secure",
        QT_TRANSLATE_NOOP("Settings", "Door lock without power"),
        _D,
        choices=("fail_secure", "fail_safe"),
    ),
    SettingSpec("door/open_seconds", int, 5, QT_TRANSLATE_NOOP("Settings", "Seconds the door stays open"), _D, 1, 30),
    SettingSpec(
        "camera/width",
        int,
        1280,
        QT_TRANSLATE_NOOP("Settings", "Camera width (pixels)"),
        _D,
        minimum=320,
        maximum=3840,
    ),
    SettingSpec(
        "camera/height",
        int,
        720,
        QT_TRANSLATE_NOOP("Settings", "Camera height (pixels)"),
        _D,
        minimum=240,
        maximum=2160,
    ),
    SettingSpec("camera/fps", int, 30, QT_TRANSLATE_NOOP("Settings", "Camera frame rate"), _D, minimum=5, maximum=60),
    SettingSpec(
        "security/idle_lock_minutes",
        int,
        5,
        QT_TRANSLATE_NOOP("Settings", "Lock the screen after this many idle minutes"),
        _P,
        minimum=1,
        maximum=60,
    ),
    SettingSpec(
        "security/lockout_attempts",
        int,
        5,
        QT_TRANSLATE_NOOP("Settings", "Failed sign-ins before an account is locked"),
        _P,
        minimum=3,
        maximum=10,
    ),
    SettingSpec(
        "security/lockout_minutes",
        int,
        15,
        QT_TRANSLATE_NOOP("Settings", "Minutes a locked account stays locked"),
        _P,
        minimum=1,
        maximum=1440,
    ),
    SettingSpec(
        "retention/guest_grace_hours",
        int,
        0,
        QT_TRANSLATE_NOOP("Settings", "Hours after checkout before guest face data is deleted"),
        _P,
        minimum=0,
        maximum=72,
        affects_pia=True,
    ),
    SettingSpec(
        "retention/backup_days",
        int,
        7,
        QT_TRANSLATE_NOOP("Settings", "Days an encrypted backup is kept"),
        _P,
        minimum=1,
        maximum=30,
        affects_pia=True,
    ),
    SettingSpec(
        "retention/guest_record_months",
        int,
        24,
        QT_TRANSLATE_NOOP("Settings", "Months a guest's registration is kept after their last stay"),
        _P,
        minimum=0,  # 0: no local rule asks the hotel to keep its guest register
        maximum=120,
        affects_pia=True,
    ),
    SettingSpec(
        "consent/decline_quiet_hours",
        int,
        48,
        QT_TRANSLATE_NOOP("Settings", "Hours face is not offered again after a guest says no"),
        _P,
        minimum=48,  # never shorter: asking again soon after a no is pressure (R9)
        maximum=24 * 365,
    ),
    SettingSpec(
        "consent/guardian_flow_enabled",
        bool,
        False,
        QT_TRANSLATE_NOOP("Settings", "Allow face enrolment of under-14s with guardian consent"),
        _P,
        affects_pia=True,
    ),
    SettingSpec(
        "recognition/verify_threshold",
        float,
        0.41,
        QT_TRANSLATE_NOOP("Settings", "Face match threshold for verifying one guest (lower is stricter)"),
        _P,
        minimum=0.3,
        maximum=0.5,
        affects_pia=True,
        advanced=True,
    ),
    SettingSpec(
        "recognition/identify_threshold",
        float,
        0.34,
        QT_TRANSLATE_NOOP("Settings", "Face match threshold for identifying staff (lower is stricter)"),
        _P,
        minimum=0.3,
        maximum=0.45,
        affects_pia=True,
        advanced=True,
    ),
    SettingSpec(
        "recognition/identify_margin",
        float,
        0.04,
        QT_TRANSLATE_NOOP("Settings", "How clearly the best staff match must beat the next person"),
        _P,
        minimum=0.0,
        maximum=0.2,
        advanced=True,
    ),
    SettingSpec(
        "kiosk/liveness_challenge",
        str,
        "prompt_sequence",
        QT_TRANSLATE_NOOP("Settings", "Liveness check before a face clock-in"),
        _P,
        choices=("prompt_sequence", "head_turn", "head_turn_prompted"),
        affects_pia=True,
    ),
    SettingSpec(
        "kiosk/liveness_prompts",
        int,
        3,
        QT_TRANSLATE_NOOP("Settings", "Head turns the liveness check asks for"),
        _P,
        minimum=3,
        maximum=5,
        affects_pia=True,
        advanced=True,
    ),
    SettingSpec(
        "verification/liveness",
        bool,
        False,
        QT_TRANSLATE_NOOP("Settings", "Liveness check when a returning guest is verified by face"),
        _P,
        affects_pia=True,
    ),
    SettingSpec(
        "kiosk/liveness_min_turn",
        float,
        0.12,
        QT_TRANSLATE_NOOP("Settings", "How far staff turn their head for the liveness check"),
        _P,
        minimum=0.06,
        maximum=0.3,
        affects_pia=True,
        advanced=True,
    ),
    SettingSpec(
        "kiosk/liveness_seconds",
        int,
        6,
        QT_TRANSLATE_NOOP("Settings", "Seconds allowed for each head turn of the liveness check"),
        _P,
        minimum=3,
        maximum=20,
    ),
    SettingSpec(
        "kiosk/repeat_seconds",
        int,
        60,
        QT_TRANSLATE_NOOP("Settings", "Seconds before the same person can clock again at the kiosk"),
        _P,
        minimum=10,
        maximum=900,
    ),
    SettingSpec(
        "door/opening_days",
        str,
        "every_day",
        QT_TRANSLATE_NOOP("Settings", "Days the shop is open"),
        _P,
        choices=("every_day", "mon_sat", "mon_fri"),
    ),
    SettingSpec(
        "door/opens_at_hour",
        int,
        0,  # open around the clock until the owner sets hours: an upgrade locks nobody out
        QT_TRANSLATE_NOOP("Settings", "Shop opens at (hour)"),
        _P,
        minimum=0,
        maximum=23,
    ),
    SettingSpec(
        "door/closes_at_hour",
        int,
        24,
        QT_TRANSLATE_NOOP("Settings", "Shop closes at (hour, 24 is midnight)"),
        _P,
        minimum=1,
        maximum=24,
    ),
    SettingSpec(
        "door/closed_on_public_holidays",
        bool,
        False,
        QT_TRANSLATE_NOOP("Settings", "The shop is closed on public holidays"),
        _P,
    ),
    SettingSpec(
        "recognition/detection_max_side",
        int,
        480,
        QT_TRANSLATE_NOOP("Settings", "Longest image side used for finding faces (pixels)"),
        _D,
        minimum=240,
        maximum=1920,
    ),
)

SETTINGS: dict[str, SettingSpec] = {spec.key: spec for spec in SETTING_SPECS}


def setting_spec(key: str) -> SettingSpec:
    """The declaration for ``key``.

    Raises:
        KeyError: no such setting.
    """
    return SETTINGS[key]


SettingT = TypeVar("SettingT", bool, int, float, str)


@dataclass(frozen=True)
class PolicySetting(Generic[SettingT]):
    """A typed handle on one declared policy setting: read sites name a constant, never a string.

    ``uow.policy(GUEST_GRACE_HOURS)`` is an ``int`` to the type checker and at run time.
    """

    key: str
    type: type[SettingT]

    def __post_init__(self) -> None:
        spec = setting_spec(self.key)  # a typo is an import error, not a silent default
        if spec.scope is not SettingScope.POLICY or spec.type is not self.type:
            raise TypeError(f"{self.key} is not a {self.type.__name__} policy setting")

    @property
    def spec(self) -> SettingSpec:
        """The declaration (label, default, range)."""
        return setting_spec(self.key)

    def from_stored(self, stored: object | None) -> SettingT:
        """The value in force: the stored one, or the declared default."""
        value = self.spec.default if stored is None else self.spec.coerce(stored)
        if not isinstance(value, self.type):
            raise TypeError(f"{self.key} holds a {type(value).__name__}")
        return value


IDLE_LOCK_MINUTES = PolicySetting("security/idle_lock_minutes", int)
LOCKOUT_ATTEMPTS = PolicySetting("security/lockout_attempts", int)
LOCKOUT_MINUTES = PolicySetting("security/lockout_minutes", int)
GUEST_GRACE_HOURS = PolicySetting("retention/guest_grace_hours", int)
BACKUP_DAYS = PolicySetting("retention/backup_days", int)
GUEST_RECORD_MONTHS = PolicySetting("retention/guest_record_months", int)
GUARDIAN_FLOW_ENABLED = PolicySetting("consent/guardian_flow_enabled", bool)
DECLINE_QUIET_HOURS = PolicySetting("consent/decline_quiet_hours", int)
VERIFY_THRESHOLD = PolicySetting("recognition/verify_threshold", float)
IDENTIFY_THRESHOLD = PolicySetting("recognition/identify_threshold", float)
IDENTIFY_MARGIN = PolicySetting("recognition/identify_margin", float)
LIVENESS_CHALLENGE = PolicySetting("kiosk/liveness_challenge", str)
LIVENESS_MIN_TURN = PolicySetting("kiosk/liveness_min_turn", float)
LIVENESS_SECONDS = PolicySetting("kiosk/liveness_seconds", int)
LIVENESS_PROMPTS = PolicySetting("kiosk/liveness_prompts", int)
GUEST_LIVENESS = PolicySetting("verification/liveness", bool)
KIOSK_REPEAT_SECONDS = PolicySetting("kiosk/repeat_seconds", int)
SHOP_OPENING_DAYS = PolicySetting("door/opening_days", str)
SHOP_OPENS_AT_HOUR = PolicySetting("door/opens_at_hour", int)
SHOP_CLOSES_AT_HOUR = PolicySetting("door/closes_at_hour", int)
CLOSED_ON_PUBLIC_HOLIDAYS = PolicySetting("door/closed_on_public_holidays", bool)
