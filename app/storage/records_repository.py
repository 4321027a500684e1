"""SQL for processing records: counts of what was done in a period, from the audit log and clock events."""

import json
from dataclasses import dataclass
from datetime import datetime

from app.domain.clock import from_utc_text, to_utc_text
from app.storage.database import Connection


@dataclass(frozen=True)
class ProcessingRecord:
    """One closed period's counts (no personal data)."""

    period_start: datetime
    period_end: datetime
    counts: dict[str, int]
    recorded_at: datetime
    keep_until: datetime


class RecordsRepository:
    """Processing records on one connection."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def actions_between(self, start: datetime, end: datetime) -> dict[str, int]:
        """How many audit events of each action happened in [start, end)."""
        rows = self._conn.execute(
            "SELECT action, count(*) FROM audit_events WHERE occurred_at >= ? AND occurred_at < ? GROUP BY action",
            (to_utc_text(start), to_utc_text(end)),
        )
        return {action: int(count) for action, count in rows}

    def clock_methods_between(self, start: datetime, end: datetime) -> dict[str, int]:
        """Clock events at the kiosk by method (face or pin) in [start, end), corrections left out."""
        rows = self._conn.execute(
            "SELECT method, count(*) FROM clock_events WHERE occurred_at >= ? AND occurred_at < ? "
            "AND kiosk_session_id IS NOT NULL GROUP BY method",
            (to_utc_text(start), to_utc_text(end)),
        )
        return {method: int(count) for method, count in rows}

    def templates_purged_between(self, start: datetime, end: datetime) -> int:
        """Templates deleted by the retention job in [start, end) (from its audit details)."""
        rows = self._conn.execute(
            "SELECT details FROM audit_events WHERE action = 'retention.purged' "
            "AND occurred_at >= ? AND occurred_at < ?",
            (to_utc_text(start), to_utc_text(end)),
        )
        return sum(int(json.loads(row[0]).get("templates_deleted", 0)) for row in rows)

    def first_event_at(self) -> datetime | None:
        """When the audit log starts (the installation's first day)."""
        row = self._conn.execute("SELECT min(occurred_at) FROM audit_events").fetchone()
        return from_utc_text(row[0]) if row and row[0] else None

    def add(self, record: ProcessingRecord) -> bool:
        """Keep a closed period's record; False if that period was already recorded."""
        cursor = self._conn.execute(
            "INSERT OR IGNORE INTO processing_records (period_start, period_end, counts, recorded_at, keep_until) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                to_utc_text(record.period_start),
                to_utc_text(record.period_end),
                json.dumps(record.counts, sort_keys=True),
                to_utc_text(record.recorded_at),
                to_utc_text(record.keep_until),
            ),
        )
        return cursor.rowcount == 1

    def all(self) -> list[ProcessingRecord]:
        """Every kept record, oldest first."""
        rows = self._conn.execute(
            "SELECT period_start, period_end, counts, recorded_at, keep_until FROM processing_records "
            "ORDER BY period_start"
        )
        return [
            ProcessingRecord(from_utc_text(a), from_utc_text(b), json.loads(c), from_utc_text(d), from_utc_text(e))
            for a, b, c, d, e in rows
        ]
