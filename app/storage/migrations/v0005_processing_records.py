"""Schema 5: processing records, one per closed month, kept three years (R2, R17, PIPL 56).

Each row holds counts only (enrolments, checks by method, withdrawals, purges, rights requests,
incidents): no person, no name, no template. The retention job never deletes them.
"""

from app.storage.connection import Connection

STATEMENTS: tuple[str, ...] = (
    """
    CREATE TABLE processing_records (
        id            INTEGER PRIMARY KEY,
        period_start  TEXT NOT NULL UNIQUE,
        period_end    TEXT NOT NULL,
        counts        TEXT NOT NULL CHECK (json_valid(counts)),
        recorded_at   TEXT NOT NULL,
        keep_until    TEXT NOT NULL,
        CHECK (period_start < period_end)
    )
    """,
)


def apply(conn: Connection) -> None:
    """Migration 5: processing records."""
    for statement in STATEMENTS:
        conn.execute(statement)
