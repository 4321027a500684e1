"""SQL for policy settings kept in the encrypted database (declared in app/config/settings.py)."""

import json
from datetime import datetime

from app.domain.clock import to_utc_text
from app.storage.database import Connection


class PolicySettingsRepository:
    """Stored overrides of policy-setting defaults, as JSON values."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, key: str) -> object | None:
        """The stored value, or ``None`` when the default applies."""
        row = self._conn.execute("SELECT value FROM policy_settings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def set(self, key: str, value: object, *, at: datetime, by_operator: int | None) -> None:
        """Store ``value`` for ``key``."""
        self._conn.execute(
            "INSERT INTO policy_settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, "
            "updated_by = excluded.updated_by",
            (key, json.dumps(value), to_utc_text(at), by_operator),
        )
