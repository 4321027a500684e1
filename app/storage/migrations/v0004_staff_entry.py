"""Schema 4: staff entry. Staff PINs, kiosk sessions and clock events.

A clock event says who, when, which direction and how (face, PIN, or a manager's correction).
It holds no template, frame or score. A correction never edits an event: the wrong event is
voided with a reason from a fixed list, and a replacement is added beside it (R17). PINs are
Argon2id hashes, like operator passwords.
"""

from app.storage.connection import Connection

STATEMENTS: tuple[str, ...] = (
    """
    CREATE TABLE staff_pins (
        person_id        INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
        pin_hash         TEXT NOT NULL CHECK (pin_hash LIKE '$argon2id$%'),
        set_at           TEXT NOT NULL,
        set_by           INTEGER REFERENCES operators(id),
        failed_attempts  INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        paused_until     TEXT
    )
    """,
    """
    CREATE TABLE kiosk_sessions (
        id            INTEGER PRIMARY KEY,
        started_by    INTEGER NOT NULL REFERENCES operators(id),
        started_at    TEXT NOT NULL,
        face_enabled  INTEGER NOT NULL CHECK (face_enabled IN (0, 1)),
        ended_at      TEXT,
        ended_by      INTEGER REFERENCES operators(id)
    )
    """,
    """
    CREATE TABLE clock_events (
        id                INTEGER PRIMARY KEY,
        person_id         INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        occurred_at       TEXT NOT NULL,
        direction         TEXT NOT NULL CHECK (direction IN ('in', 'out')),
        method            TEXT NOT NULL CHECK (method IN ('face', 'pin', 'manager')),
        kiosk_session_id  INTEGER REFERENCES kiosk_sessions(id),
        recorded_by       INTEGER REFERENCES operators(id),
        correction_of     INTEGER REFERENCES clock_events(id),
        voided_at         TEXT,
        voided_by         INTEGER REFERENCES operators(id),
        void_reason       TEXT CHECK (void_reason IS NULL OR void_reason IN ('wrong_person', 'wrong_direction',
                              'wrong_time', 'duplicate', 'missing')),
        CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
        CHECK ((method = 'manager') = (kiosk_session_id IS NULL))
    )
    """,
    "CREATE INDEX clock_events_by_time ON clock_events (occurred_at)",
    "CREATE INDEX clock_events_by_person ON clock_events (person_id, occurred_at)",
    """
    CREATE TRIGGER clock_events_are_kept
    BEFORE UPDATE OF person_id, occurred_at, direction, method ON clock_events
    BEGIN
        SELECT RAISE(ABORT, 'clock events are corrected by voiding and replacing, never edited');
    END
    """,
)


def apply(conn: Connection) -> None:
    """Migration 4: staff PINs, kiosk sessions and clock events."""
    for statement in STATEMENTS:
        conn.execute(statement)
