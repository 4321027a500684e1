"""SQL for security alerts (R18): locked accounts, bulk exports, mass deletions."""

from dataclasses import dataclass
from datetime import datetime

from app.domain.audit import DetailValue, canonical_details
from app.domain.clock import to_utc_text
from app.storage.connection import inserted_id
from app.storage.database import Connection


@dataclass(frozen=True)
class SecurityAlert:
    """One alert as stored."""

    id: int
    kind: str
    raised_at: str
    subject_id: int | None
    details: str
    acknowledged_at: str | None


class AlertRepository:
    """Raises and lists security alerts on one connection."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def raise_alert(self, kind: str, *, at: datetime, subject_id: int | None, details: dict[str, DetailValue]) -> int:
        """Record a new alert and return its id (details follow the audit-detail rules)."""
        cursor = self._conn.execute(
            "INSERT INTO security_alerts (kind, raised_at, subject_id, details) VALUES (?, ?, ?, ?)",
            (kind, to_utc_text(at), subject_id, canonical_details(details)),
        )
        return inserted_id(cursor)

    def open_alerts(self) -> list[SecurityAlert]:
        """Alerts nobody has acknowledged yet, newest first."""
        rows = self._conn.execute(
            "SELECT id, kind, raised_at, subject_id, details, acknowledged_at FROM security_alerts "
            "WHERE acknowledged_at IS NULL ORDER BY id DESC"
        ).fetchall()
        return [SecurityAlert(*row) for row in rows]

    def acknowledge_all(self, *, by_operator: int, at: datetime) -> int:
        """Mark every open alert as seen; return how many."""
        cursor = self._conn.execute(
            "UPDATE security_alerts SET acknowledged_at = ?, acknowledged_by = ? WHERE acknowledged_at IS NULL",
            (to_utc_text(at), by_operator),
        )
        return int(cursor.rowcount)
