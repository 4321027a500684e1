"""SQL for staff entry: PINs, kiosk sessions and clock events."""

from dataclasses import dataclass
from datetime import datetime

from app.domain.attendance import ClockDirection, ClockEvent, ClockMethod, CorrectionReason
from app.domain.clock import from_utc_text, to_utc_text
from app.storage.connection import Row, inserted_id
from app.storage.database import Connection

_EVENT = (
    "e.id, e.person_id, p.full_name, e.occurred_at, e.direction, e.method, e.voided_at, e.correction_of "
    "FROM clock_events e JOIN people p ON p.id = e.person_id"
)


@dataclass(frozen=True)
class PinRecord:
    """A staff member's PIN hash and how many wrong PINs were typed in a row."""

    person_id: int
    pin_hash: str
    failed_attempts: int
    paused_until: datetime | None

    def __repr__(self) -> str:
        return f"PinRecord(person_id={self.person_id}, failed_attempts={self.failed_attempts})"

    __str__ = __repr__


class AttendanceRepository:
    """PINs, kiosk sessions and clock events on one connection."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def set_pin(self, person_id: int, pin_hash: str, *, by_operator: int, at: datetime) -> None:
        """Store a new PIN hash (replacing any old one) and clear failed attempts."""
        self._conn.execute(
            "INSERT INTO staff_pins (person_id, pin_hash, set_at, set_by) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (person_id) DO UPDATE SET pin_hash = excluded.pin_hash, set_at = excluded.set_at, "
            "set_by = excluded.set_by, failed_attempts = 0, paused_until = NULL",
            (person_id, pin_hash, to_utc_text(at), by_operator),
        )

    def pin_of(self, person_id: int) -> PinRecord | None:
        """The stored PIN of a staff member, if one was set."""
        row = self._conn.execute(
            "SELECT person_id, pin_hash, failed_attempts, paused_until FROM staff_pins WHERE person_id = ?",
            (person_id,),
        ).fetchone()
        if row is None:
            return None
        return PinRecord(row[0], row[1], row[2], from_utc_text(row[3]) if row[3] else None)

    def people_with_pins(self) -> set[int]:
        """Ids of staff members who have a PIN."""
        return {row[0] for row in self._conn.execute("SELECT person_id FROM staff_pins")}

    def record_pin_attempt(self, person_id: int, *, failed_attempts: int, paused_until: datetime | None) -> None:
        """Store the failed-attempt count (0 after a right PIN) and any pause."""
        self._conn.execute(
            "UPDATE staff_pins SET failed_attempts = ?, paused_until = ? WHERE person_id = ?",
            (failed_attempts, to_utc_text(paused_until) if paused_until else None, person_id),
        )

    def start_kiosk(self, *, by_operator: int, face_enabled: bool, at: datetime) -> int:
        """Open a kiosk session and return its id."""
        cursor = self._conn.execute(
            "INSERT INTO kiosk_sessions (started_by, started_at, face_enabled) VALUES (?, ?, ?)",
            (by_operator, to_utc_text(at), int(face_enabled)),
        )
        return inserted_id(cursor)

    def end_kiosk(self, kiosk_session_id: int, *, by_operator: int, at: datetime) -> None:
        """Close a kiosk session."""
        self._conn.execute(
            "UPDATE kiosk_sessions SET ended_at = ?, ended_by = ? WHERE id = ? AND ended_at IS NULL",
            (to_utc_text(at), by_operator, kiosk_session_id),
        )

    def add_event(
        self,
        *,
        person_id: int,
        at: datetime,
        direction: ClockDirection,
        method: ClockMethod,
        kiosk_session_id: int | None,
        recorded_by: int | None,
        correction_of: int | None = None,
    ) -> int:
        """Insert a clock event and return its id."""
        cursor = self._conn.execute(
            "INSERT INTO clock_events (person_id, occurred_at, direction, method, kiosk_session_id, recorded_by, "
            "correction_of) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (person_id, to_utc_text(at), direction.value, method.value, kiosk_session_id, recorded_by, correction_of),
        )
        return inserted_id(cursor)

    def get_event(self, event_id: int) -> ClockEvent | None:
        """One event, voided or not."""
        row = self._conn.execute(f"SELECT {_EVENT} WHERE e.id = ?", (event_id,)).fetchone()
        return _event(row) if row else None

    def last_valid_event(self, person_id: int, start: datetime, end: datetime) -> ClockEvent | None:
        """The person's latest event that is not voided, in [start, end)."""
        row = self._conn.execute(
            f"SELECT {_EVENT} WHERE e.person_id = ? AND e.voided_at IS NULL AND e.occurred_at >= ? "
            "AND e.occurred_at < ? ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1",
            (person_id, to_utc_text(start), to_utc_text(end)),
        ).fetchone()
        return _event(row) if row else None

    def events_between(self, start: datetime, end: datetime, *, include_voided: bool = False) -> list[ClockEvent]:
        """Events in [start, end), oldest first."""
        voided = "" if include_voided else " AND e.voided_at IS NULL"
        rows = self._conn.execute(
            f"SELECT {_EVENT} WHERE e.occurred_at >= ? AND e.occurred_at < ?{voided} ORDER BY e.occurred_at, e.id",
            (to_utc_text(start), to_utc_text(end)),
        )
        return [_event(row) for row in rows]

    def void_event(self, event_id: int, reason: CorrectionReason, *, by_operator: int, at: datetime) -> None:
        """Mark an event as wrong (it stays on file, shown as corrected)."""
        self._conn.execute(
            "UPDATE clock_events SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL",
            (to_utc_text(at), by_operator, reason.value, event_id),
        )


def _event(row: Row) -> ClockEvent:
    return ClockEvent(
        id=row[0],
        person_id=row[1],
        person_name=row[2],
        occurred_at=from_utc_text(row[3]),
        direction=ClockDirection(row[4]),
        method=ClockMethod(row[5]),
        voided=row[6] is not None,
        correction_of=row[7],
    )
