"""Schema 8: the staff door. Access rules per staff member and the entry log.

An access rule holds the days and hours a staff member may come in (none: the shop's opening
hours) and an optional date range. The entry log holds each door decision: who (none for a face
nobody knows), when, how (face, PIN, or the manager opening from the desk), in or out, granted or
refused and why, and whether the relay then opened. It holds no template, frame or score, and a
person's rows go with the person.
"""

from app.storage.connection import Connection

STATEMENTS: tuple[str, ...] = (
    """
    CREATE TABLE access_rules (
        person_id    INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
        days         TEXT CHECK (days IS NULL OR (length(days) BETWEEN 1 AND 7 AND days NOT GLOB '*[^1-7]*')),
        start_minute INTEGER CHECK (start_minute IS NULL OR start_minute BETWEEN 0 AND 1439),
        end_minute   INTEGER CHECK (end_minute IS NULL OR end_minute BETWEEN 0 AND 1439),
        valid_from   TEXT,
        valid_until  TEXT,
        updated_at   TEXT NOT NULL,
        updated_by   INTEGER REFERENCES operators(id),
        CHECK ((days IS NULL) = (start_minute IS NULL) AND (days IS NULL) = (end_minute IS NULL))
    )
    """,
    """
    CREATE TABLE entry_log (
        id           INTEGER PRIMARY KEY,
        occurred_at  TEXT NOT NULL,
        person_id    INTEGER REFERENCES people(id) ON DELETE CASCADE,
        method       TEXT NOT NULL CHECK (method IN ('face', 'pin', 'manager')),
        direction    TEXT CHECK (direction IS NULL OR direction IN ('in', 'out')),
        granted      INTEGER NOT NULL CHECK (granted IN (0, 1)),
        reason       TEXT CHECK (reason IS NULL OR reason IN ('outside_hours', 'not_today', 'public_holiday',
                         'not_yet', 'access_ended', 'employment_ended', 'unknown_face', 'wrong_pin')),
        door_result  TEXT CHECK (door_result IS NULL OR door_result IN ('opened', 'failed', 'no_door')),
        kiosk_session_id INTEGER REFERENCES kiosk_sessions(id),
        operator_id  INTEGER REFERENCES operators(id),
        CHECK (granted = 1 OR reason IS NOT NULL)
    )
    """,
    "CREATE INDEX entry_log_by_time ON entry_log (occurred_at)",
    "CREATE INDEX entry_log_by_person ON entry_log (person_id, occurred_at)",
)


def apply(conn: Connection) -> None:
    """Migration 8: access rules and the entry log."""
    for statement in STATEMENTS:
        conn.execute(statement)
