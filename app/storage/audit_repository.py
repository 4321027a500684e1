"""SQL for the append-only, hash-chained audit log (R17)."""

from collections.abc import Iterator, Mapping
from datetime import datetime

from app.domain.audit import (
    GENESIS_HASH,
    Actor,
    AuditHead,
    AuditRecord,
    DetailValue,
    canonical_details,
    event_hash,
)
from app.domain.clock import to_utc_text
from app.storage.database import Connection

_COLUMNS = "id, occurred_at, actor, action, subject_type, subject_id, details, prev_hash, row_hash"


class AuditRepository:
    """Appends and reads audit events on one connection."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def append(
        self,
        *,
        occurred_at: datetime,
        actor: Actor,
        action: str,
        subject_type: str | None = None,
        subject_id: int | None = None,
        details: Mapping[str, DetailValue] | None = None,
    ) -> AuditRecord:
        """Add one event chained to the last one. Must run inside a write transaction.

        Raises:
            RuntimeError: no write transaction is open (the chain could fork).
            ValueError: details would carry personal data or non-scalar values.
        """
        if not self._conn.in_transaction:
            raise RuntimeError("audit events are appended inside the transaction of the change they record")
        last = self._conn.execute("SELECT id, row_hash FROM audit_events ORDER BY id DESC LIMIT 1").fetchone()
        event_id, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
        details_text = canonical_details(details)
        when = to_utc_text(occurred_at)
        row_hash = event_hash(
            prev_hash=prev_hash,
            event_id=event_id,
            occurred_at=when,
            actor=actor.label,
            action=action,
            subject_type=subject_type,
            subject_id=subject_id,
            details=details_text,
        )
        self._conn.execute(
            f"INSERT INTO audit_events ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (event_id, when, actor.label, action, subject_type, subject_id, details_text, prev_hash, row_hash),
        )
        return AuditRecord(
            event_id, when, actor.label, action, subject_type, subject_id, details_text, prev_hash, row_hash
        )

    def iter_all(self) -> Iterator[AuditRecord]:
        """Every event in chain order."""
        cursor = self._conn.execute(f"SELECT {_COLUMNS} FROM audit_events ORDER BY id")
        for row in cursor:
            yield AuditRecord(*row)

    def recent(self, limit: int) -> list[AuditRecord]:
        """The newest ``limit`` events, newest first."""
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM audit_events ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [AuditRecord(*row) for row in rows]

    def count_since(self, action: str, actor: Actor, since: datetime) -> int:
        """Events of ``action`` by ``actor`` at or after ``since``."""
        return int(
            self._conn.execute(
                "SELECT count(*) FROM audit_events WHERE action = ? AND actor = ? AND occurred_at >= ?",
                (action, actor.label, to_utc_text(since)),
            ).fetchone()[0]
        )

    def count_action_since(self, action: str, since: datetime) -> int:
        """Events of ``action`` by anyone at or after ``since``."""
        return int(
            self._conn.execute(
                "SELECT count(*) FROM audit_events WHERE action = ? AND occurred_at >= ?", (action, to_utc_text(since))
            ).fetchone()[0]
        )

    def sum_detail_since(self, action: str, key: str, since: datetime) -> int:
        """The sum of the number ``key`` in the details of ``action`` events at or after ``since``."""
        rows = self._conn.execute(
            "SELECT coalesce(sum(json_extract(details, '$.' || ?)), 0) FROM audit_events "
            "WHERE action = ? AND occurred_at >= ?",
            (key, action, to_utc_text(since)),
        ).fetchone()
        return int(rows[0])

    def last_id_of(self, actions: tuple[str, ...]) -> int:
        """The number of the newest event with one of ``actions`` (0 if there is none)."""
        marks = ", ".join("?" for _ in actions)
        row = self._conn.execute(f"SELECT max(id) FROM audit_events WHERE action IN ({marks})", actions).fetchone()
        return int(row[0] or 0)

    def count(self) -> int:
        """Number of events."""
        return int(self._conn.execute("SELECT count(*) FROM audit_events").fetchone()[0])

    def head(self) -> AuditHead | None:
        """The newest event's position (``None`` for an empty log)."""
        row = self._conn.execute("SELECT id, row_hash FROM audit_events ORDER BY id DESC LIMIT 1").fetchone()
        return AuditHead(int(row[0]), str(row[1])) if row else None

    def at(self, sequence: int) -> AuditRecord | None:
        """Event number ``sequence`` (``None`` if there is no such event)."""
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM audit_events WHERE id = ?", (sequence,)).fetchone()
        return AuditRecord(*row) if row else None
