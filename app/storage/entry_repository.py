"""SQL for the staff door: access rules and the entry log."""

from datetime import date, datetime, time

from app.domain.access_rules import AccessRule, EntryRefusal, WeeklyHours, days_text, parse_days
from app.domain.attendance import ClockDirection, ClockMethod
from app.domain.clock import from_utc_text, to_utc_text
from app.domain.entry_log import EntryRecord
from app.storage.connection import Row, inserted_id
from app.storage.database import Connection


def _minutes(value: time) -> int:
    return value.hour * 60 + value.minute


def _time(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)


class EntryRepository:
    """Access rules and entry log rows on one connection."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def rule_of(self, person_id: int) -> AccessRule | None:
        """A staff member's own access rule, if one was set."""
        row = self._conn.execute(
            "SELECT person_id, days, start_minute, end_minute, valid_from, valid_until FROM access_rules "
            "WHERE person_id = ?",
            (person_id,),
        ).fetchone()
        return None if row is None else self._rule(row)

    def rules(self) -> dict[int, AccessRule]:
        """Every access rule that was set, by person."""
        rows = self._conn.execute(
            "SELECT person_id, days, start_minute, end_minute, valid_from, valid_until FROM access_rules"
        ).fetchall()
        return {row[0]: self._rule(row) for row in rows}

    def set_rule(self, rule: AccessRule, *, by_operator: int, at: datetime) -> None:
        """Store a staff member's rule, replacing the old one."""
        hours = rule.hours
        self._conn.execute(
            "INSERT INTO access_rules (person_id, days, start_minute, end_minute, valid_from, valid_until, "
            "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (person_id) DO UPDATE SET "
            "days = excluded.days, start_minute = excluded.start_minute, end_minute = excluded.end_minute, "
            "valid_from = excluded.valid_from, valid_until = excluded.valid_until, "
            "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            (
                rule.person_id,
                days_text(hours.days) if hours else None,
                _minutes(hours.start) if hours else None,
                _minutes(hours.end) if hours else None,
                rule.valid_from.isoformat() if rule.valid_from else None,
                rule.valid_until.isoformat() if rule.valid_until else None,
                to_utc_text(at),
                by_operator,
            ),
        )

    def registered_at(self, person_id: int) -> datetime | None:
        """When a person was registered (a timesheet counts no absence before it)."""
        row = self._conn.execute("SELECT created_at FROM people WHERE id = ?", (person_id,)).fetchone()
        return from_utc_text(row[0]) if row else None

    def add_entry(
        self,
        *,
        at: datetime,
        person_id: int | None,
        method: ClockMethod,
        direction: ClockDirection | None,
        refusal: EntryRefusal | None,
        door_result: str | None,
        kiosk_session_id: int | None,
        operator_id: int | None,
    ) -> int:
        """Log one door decision and return its id."""
        cursor = self._conn.execute(
            "INSERT INTO entry_log (occurred_at, person_id, method, direction, granted, reason, door_result, "
            "kiosk_session_id, operator_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                to_utc_text(at),
                person_id,
                method.value,
                direction.value if direction else None,
                int(refusal is None),
                refusal.value if refusal else None,
                door_result,
                kiosk_session_id,
                operator_id,
            ),
        )
        return inserted_id(cursor)

    def set_door_result(self, entry_id: int, door_result: str) -> None:
        """Record what the relay did for a granted entry (opened, or failed)."""
        self._conn.execute("UPDATE entry_log SET door_result = ? WHERE id = ? AND granted = 1", (door_result, entry_id))

    def entries(self, start: datetime, end: datetime, person_id: int | None = None) -> list[EntryRecord]:
        """Door decisions from ``start`` (inclusive) to ``end`` (exclusive), newest first."""
        sql = (
            "SELECT e.id, e.occurred_at, e.person_id, p.full_name, e.method, e.direction, e.granted, e.reason, "
            "e.door_result, o.display_name FROM entry_log e LEFT JOIN people p ON p.id = e.person_id "
            "LEFT JOIN operators o ON o.id = e.operator_id "
            "WHERE e.occurred_at >= ? AND e.occurred_at < ?"
        )
        values: list[object] = [to_utc_text(start), to_utc_text(end)]
        if person_id is not None:
            sql += " AND e.person_id = ?"
            values.append(person_id)
        rows = self._conn.execute(sql + " ORDER BY e.occurred_at DESC, e.id DESC", tuple(values)).fetchall()
        return [
            EntryRecord(
                id=row[0],
                occurred_at=from_utc_text(row[1]),
                person_id=row[2],
                person_name=row[3],
                method=ClockMethod(row[4]),
                direction=ClockDirection(row[5]) if row[5] else None,
                granted=bool(row[6]),
                reason=EntryRefusal(row[7]) if row[7] else None,
                door_result=row[8],
                operator_name=row[9],
            )
            for row in rows
        ]

    @staticmethod
    def _rule(row: Row) -> AccessRule:
        hours = WeeklyHours(parse_days(row[1]), _time(row[2]), _time(row[3])) if row[1] is not None else None
        return AccessRule(
            person_id=row[0],
            hours=hours,
            valid_from=date.fromisoformat(row[4]) if row[4] else None,
            valid_until=date.fromisoformat(row[5]) if row[5] else None,
        )
