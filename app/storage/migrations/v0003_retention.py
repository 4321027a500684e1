"""Schema 3: consent expiry and renewal, and one person per identity document.

An expired consent (its purpose ended: checkout, end of employment, three years unused) is no
longer live: its templates are deleted at once by trigger, and no template can be added under it.
One identity document identifies one person, so repeated enrolments of the same guest are counted
once by the filing counter (R21). Schemas 1 and 2 had no code creating people, so no duplicates
can exist when this index is built. When a notice changes, a person who accepts the new version
renews their consent: the original consent row stays as it was given, and the renewal is kept
beside it with its own evidence (R5, R6).
"""

from app.storage.connection import Connection

STATEMENTS: tuple[str, ...] = (
    "ALTER TABLE consents ADD COLUMN expired_at TEXT",
    "DROP INDEX people_by_document",
    """
    CREATE UNIQUE INDEX people_by_document ON people (id_document_type, id_document_number)
    WHERE id_document_number IS NOT NULL
    """,
    "DROP TRIGGER face_templates_need_live_consent",
    """
    CREATE TRIGGER face_templates_need_live_consent
    BEFORE INSERT ON face_templates
    WHEN NOT EXISTS (
        SELECT 1 FROM consents c
        WHERE c.id = NEW.consent_id AND c.person_id = NEW.person_id
          AND c.withdrawn_at IS NULL AND c.expired_at IS NULL
    )
    BEGIN
        SELECT RAISE(ABORT, 'a face template needs a live consent of the same person');
    END
    """,
    """
    CREATE TRIGGER consents_expiry_deletes_templates
    AFTER UPDATE OF expired_at ON consents
    WHEN NEW.expired_at IS NOT NULL
    BEGIN
        DELETE FROM face_templates WHERE consent_id = NEW.id;
    END
    """,
    "CREATE INDEX consents_by_code ON consents (withdrawal_code)",
    """
    CREATE TABLE consent_renewals (
        id               INTEGER PRIMARY KEY,
        consent_id       INTEGER NOT NULL REFERENCES consents(id) ON DELETE CASCADE,
        notice_version   TEXT NOT NULL CHECK (length(notice_version) > 0),
        notice_sha256    TEXT NOT NULL CHECK (length(notice_sha256) = 64),
        language         TEXT NOT NULL CHECK (language IN ('en', 'zh_CN')),
        method           TEXT NOT NULL CHECK (method IN ('typed_name', 'drawn_signature')),
        affirmation      TEXT NOT NULL CHECK (length(affirmation) > 0),
        operator_id      INTEGER NOT NULL REFERENCES operators(id),
        device_id        TEXT NOT NULL,
        renewed_at_utc   TEXT NOT NULL,
        renewed_at_local TEXT NOT NULL
    )
    """,
    "CREATE INDEX consent_renewals_by_consent ON consent_renewals (consent_id)",
    "CREATE INDEX verifications_by_time ON verifications (occurred_at)",
)


def apply(conn: Connection) -> None:
    """Migration 3: consent expiry and one person per document."""
    for statement in STATEMENTS:
        conn.execute(statement)
