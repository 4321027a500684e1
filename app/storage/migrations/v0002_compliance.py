"""Schema 2: compliance records that outlive face data.

Impact assessments (R2, kept at least 3 years), rights requests with a mandatory refusal reason
(R19), the incident register (R20), security alerts (R18), the 100,000-person filing milestones
(R21) and the audited policy settings.
"""

from app.storage.connection import Connection

STATEMENTS: tuple[str, ...] = (
    """
    CREATE TABLE pia_records (
        id                        INTEGER PRIMARY KEY,
        assessed_on               TEXT NOT NULL,
        assessor                  TEXT NOT NULL CHECK (length(trim(assessor)) > 0),
        lawful_and_necessary      TEXT NOT NULL CHECK (length(trim(lawful_and_necessary)) > 0),
        impact_and_mitigation     TEXT NOT NULL CHECK (length(trim(impact_and_mitigation)) > 0),
        risks_leak_tamper_loss    TEXT NOT NULL CHECK (length(trim(risks_leak_tamper_loss)) > 0),
        safeguards_proportionate  TEXT NOT NULL CHECK (length(trim(safeguards_proportionate)) > 0),
        report_sha256             TEXT NOT NULL CHECK (length(report_sha256) = 64),
        settings_fingerprint      TEXT NOT NULL,
        recorded_by               INTEGER REFERENCES operators(id),
        recorded_at               TEXT NOT NULL,
        keep_until                TEXT NOT NULL CHECK (keep_until > recorded_at),
        stale_since               TEXT,
        stale_reason              TEXT
    )
    """,
    """
    CREATE TABLE rights_requests (
        id                   INTEGER PRIMARY KEY,
        person_id            INTEGER REFERENCES people(id) ON DELETE SET NULL,
        kind                 TEXT NOT NULL CHECK (kind IN ('access', 'copy', 'correction',
                                 'deletion', 'withdrawal')),
        received_at          TEXT NOT NULL,
        identity_checked_by  INTEGER REFERENCES operators(id),
        status               TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'fulfilled', 'refused')),
        refusal_reason       TEXT,
        closed_at            TEXT,
        closed_by            INTEGER REFERENCES operators(id),
        CHECK (status <> 'refused' OR length(trim(coalesce(refusal_reason, ''))) > 0),
        CHECK ((status = 'open') = (closed_at IS NULL))
    )
    """,
    """
    CREATE TABLE incidents (
        id              INTEGER PRIMARY KEY,
        discovered_at   TEXT NOT NULL,
        occurred_from   TEXT NOT NULL,
        occurred_to     TEXT NOT NULL CHECK (occurred_to >= occurred_from),
        description     TEXT NOT NULL CHECK (length(trim(description)) > 0),
        cause           TEXT NOT NULL,
        harm            TEXT NOT NULL,
        remedies        TEXT NOT NULL,
        recorded_by     INTEGER REFERENCES operators(id),
        recorded_at     TEXT NOT NULL,
        people_notified_at TEXT
    )
    """,
    """
    CREATE TABLE security_alerts (
        id               INTEGER PRIMARY KEY,
        kind             TEXT NOT NULL CHECK (kind IN ('account_locked', 'bulk_export',
                             'mass_deletion', 'integrity')),
        raised_at        TEXT NOT NULL,
        subject_id       INTEGER,
        details          TEXT NOT NULL,
        acknowledged_at  TEXT,
        acknowledged_by  INTEGER REFERENCES operators(id)
    )
    """,
    """
    CREATE TABLE policy_settings (
        key         TEXT PRIMARY KEY,
        value       TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        updated_by  INTEGER REFERENCES operators(id)
    )
    """,
    """
    CREATE TABLE filing_milestones (
        threshold     INTEGER PRIMARY KEY CHECK (threshold IN (50000, 90000, 100000)),
        reached_on    TEXT NOT NULL,
        deadline      TEXT,
        confirmed_by  INTEGER REFERENCES operators(id),
        confirmed_at  TEXT
    )
    """,
)


def apply(conn: Connection) -> None:
    """Migration 2: create the compliance tables."""
    for statement in STATEMENTS:
        conn.execute(statement)
