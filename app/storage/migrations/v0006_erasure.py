"""Schema 6: erasing a person's identity on request or when the guest register's period ends (R13, R19).

An erased person keeps their row, so consents, checks, requests and the audit log still count
them, but the row no longer says who they were: the name becomes a placeholder, the document and
birth date are cleared, and ``erased_at`` records when. A rights request may also ask for an
explanation of the processing (PIPL 48), which schema 2 did not list; SQLite cannot change a
CHECK constraint, so the request table is rebuilt with its rows. An incident records which kinds of
data it touched, so the people affected can be listed for each (R20). Filing tasks (R21) track the
filing owed at 100,000 people and the change or cancellation filing owed when what was filed
changes or face recognition is switched off, each with its 30-working-day deadline and the day it
was submitted.
"""

from app.storage.connection import Connection

STATEMENTS: tuple[str, ...] = (
    "ALTER TABLE people ADD COLUMN erased_at TEXT",
    # what kinds of data an incident touched (a JSON list); schema 2 assumed face data only
    """ALTER TABLE incidents ADD COLUMN data_kinds TEXT NOT NULL DEFAULT '["face_templates"]'""",
    """
    CREATE TABLE rights_requests_v6 (
        id                   INTEGER PRIMARY KEY,
        person_id            INTEGER REFERENCES people(id) ON DELETE SET NULL,
        kind                 TEXT NOT NULL CHECK (kind IN ('access', 'copy', 'correction',
                                 'deletion', 'withdrawal', 'explanation')),
        received_at          TEXT NOT NULL,
        identity_checked_by  INTEGER REFERENCES operators(id),
        status               TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'fulfilled', 'refused')),
        refusal_reason       TEXT,
        outcome              TEXT,  -- what fulfilling it did, as JSON without names
        closed_at            TEXT,
        closed_by            INTEGER REFERENCES operators(id),
        CHECK (status <> 'refused' OR length(trim(coalesce(refusal_reason, ''))) > 0),
        CHECK ((status = 'open') = (closed_at IS NULL))
    )
    """,
    """
    INSERT INTO rights_requests_v6 (id, person_id, kind, received_at, identity_checked_by, status,
                                    refusal_reason, closed_at, closed_by)
    SELECT id, person_id, kind, received_at, identity_checked_by, status, refusal_reason, closed_at, closed_by
    FROM rights_requests
    """,
    "DROP TABLE rights_requests",
    "ALTER TABLE rights_requests_v6 RENAME TO rights_requests",
    """
    CREATE TABLE filing_tasks (
        id         INTEGER PRIMARY KEY,
        kind       TEXT NOT NULL CHECK (kind IN ('filing', 'change', 'cancellation')),
        reason     TEXT NOT NULL CHECK (length(reason) > 0),
        arose_on   TEXT NOT NULL,
        deadline   TEXT NOT NULL CHECK (deadline >= arose_on),
        filed_on   TEXT,
        filed_by   INTEGER REFERENCES operators(id),
        CHECK ((filed_on IS NULL) = (filed_by IS NULL))
    )
    """,
    # an installation that already reached 100,000 people owes its filing as a task
    """
    INSERT INTO filing_tasks (kind, reason, arose_on, deadline)
    SELECT 'filing', 'threshold_reached', reached_on, deadline FROM filing_milestones
    WHERE threshold = 100000 AND deadline IS NOT NULL
    """,
)


def apply(conn: Connection) -> None:
    """Migration 6: erasure of a person's identity, and explanation requests."""
    for statement in STATEMENTS:
        conn.execute(statement)
