"""Per-computer preferences (language, camera, display) in a QSettings file in the data folder.

Only settings declared with the device scope in settings.py can be read or written here; secrets
and face data never are.
"""

from pathlib import Path

from PySide6.QtCore import QSettings

from app.config.settings import SettingScope, SettingSpec, SettingValue, setting_spec


class DeviceSettings:
    """Typed access to the device settings file."""

    def __init__(self, path: Path) -> None:
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def value(self, key: str) -> SettingValue:
        """The stored value, or the declared default (also when the file holds nonsense)."""
        spec = self._spec(key)
        raw = self._settings.value(key)
        if raw is None:
            return spec.default
        try:
            return spec.coerce(raw)
        except ValueError:
            return spec.default

    def set(self, key: str, value: object) -> SettingValue:
        """Validate and store a value (raises ``ValueError`` with a plain sentence)."""
        spec = self._spec(key)
        clean = spec.coerce(value)
        self._settings.setValue(key, clean)
        self._settings.sync()
        return clean

    def _spec(self, key: str) -> SettingSpec:
        spec = setting_spec(key)
        if spec.scope is not SettingScope.DEVICE:
            raise KeyError(f"{key} is not a device setting")
        return spec
