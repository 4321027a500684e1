"""Schema 3: consents can expire under the retention rules, and a person is one row per document.

An expired consent (its purpose ended: checkout, end of employment, three years unused) is no
longer live: its templates are deleted at once by trigger, and no template can be added under it.
One identity document identifies one person, so repeated enrolments of the same guest are counted
once by the filing counter (R21). Schemas 1 and 2 had no code creating people, so no duplicates
can exist when this index is built.
"""

from sqlcipher3 import dbapi2

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
    "CREATE INDEX verifications_by_time ON verifications (occurred_at)",
)


def apply(conn: dbapi2.Connection) -> None:
    """Migration 3: consent expiry and one person per document."""
    for statement in STATEMENTS:
        conn.execute(statement)
