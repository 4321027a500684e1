"""Schema 1: the business, operators, people, stays, consents, face templates, checks, audit log.

Rules that must hold whatever the code above does are constraints and triggers here:
private-space locations cannot be stored (R22), a template needs a live consent of the same
person (R5), withdrawing a consent deletes its templates (R10), a template is exactly 512 bytes
of float32 and nothing else (R12), manual checks keep at most four characters of a document
number, and the audit log cannot be updated or deleted through SQL (R17).
"""

from app.storage.connection import Connection

STATEMENTS: tuple[str, ...] = (
    """
    CREATE TABLE business_profile (
        id              INTEGER PRIMARY KEY CHECK (id = 1),
        processor_name  TEXT NOT NULL CHECK (length(trim(processor_name)) > 0),
        contact         TEXT NOT NULL CHECK (length(trim(contact)) > 0),
        location_type   TEXT NOT NULL CHECK (location_type IN
                            ('hotel_front_desk', 'shop_counter', 'staff_entrance', 'office_reception')),
        device_id       TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE operators (
        id                  INTEGER PRIMARY KEY,
        username            TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name        TEXT NOT NULL,
        role                TEXT NOT NULL CHECK (role IN ('desk', 'manager', 'admin')),
        password_hash       TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
        active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        failed_logins       INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
        locked_until        TEXT,
        created_at          TEXT NOT NULL,
        last_login_at       TEXT
    )
    """,
    """
    CREATE TABLE enabled_purposes (
        purpose     TEXT PRIMARY KEY CHECK (purpose IN ('guest_verification', 'staff_entry')),
        enabled_at  TEXT NOT NULL,
        enabled_by  INTEGER REFERENCES operators(id)
    )
    """,
    """
    CREATE TABLE people (
        id                  INTEGER PRIMARY KEY,
        kind                TEXT NOT NULL CHECK (kind IN ('guest', 'staff')),
        full_name           TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
        id_document_type    TEXT CHECK (id_document_type IN ('resident_id', 'passport',
                                'hk_macao_permit', 'taiwan_permit',
                                'foreign_permanent_resident_id', 'other')),
        id_document_number  TEXT,
        date_of_birth       TEXT,
        employment_ended_on TEXT CHECK (employment_ended_on IS NULL OR kind = 'staff'),
        created_at          TEXT NOT NULL,
        updated_at          TEXT NOT NULL,
        CHECK ((id_document_type IS NULL) = (id_document_number IS NULL))
    )
    """,
    "CREATE INDEX people_by_document ON people (id_document_type, id_document_number)",
    """
    CREATE TABLE stays (
        id                INTEGER PRIMARY KEY,
        person_id         INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        room              TEXT NOT NULL CHECK (length(trim(room)) > 0),
        arrival_date      TEXT NOT NULL,
        departure_date    TEXT NOT NULL CHECK (departure_date >= arrival_date),
        checked_in_at     TEXT,
        check_in_method   TEXT CHECK (check_in_method IN ('face', 'manual')),
        checked_out_at    TEXT,
        face_declined_at  TEXT,
        created_by        INTEGER REFERENCES operators(id),
        created_at        TEXT NOT NULL,
        CHECK ((checked_in_at IS NULL) = (check_in_method IS NULL))
    )
    """,
    "CREATE INDEX stays_by_person ON stays (person_id)",
    """
    CREATE TABLE consents (
        id                 INTEGER PRIMARY KEY,
        person_id          INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
        stay_id            INTEGER REFERENCES stays(id) ON DELETE SET NULL,
        purpose            TEXT NOT NULL CHECK (purpose IN ('guest_verification', 'staff_entry')),
        notice_version     TEXT NOT NULL CHECK (length(notice_version) > 0),
        notice_sha256      TEXT NOT NULL CHECK (length(notice_sha256) = 64),
        language           TEXT NOT NULL CHECK (language IN ('en', 'zh_CN')),
        method             TEXT NOT NULL CHECK (method IN ('typed_name', 'drawn_signature')),
        affirmation        TEXT NOT NULL CHECK (length(affirmation) > 0),
        consenter          TEXT NOT NULL CHECK (consenter IN ('self', 'guardian')),
        guardian_name      TEXT,
        guardian_relation  TEXT,
        guardian_id_hash   TEXT,
        operator_id        INTEGER NOT NULL REFERENCES operators(id),
        device_id          TEXT NOT NULL,
        given_at_utc       TEXT NOT NULL,
        given_at_local     TEXT NOT NULL,
        retention_until    TEXT NOT NULL,
        withdrawn_at       TEXT,
        withdrawal_code    TEXT NOT NULL UNIQUE,
        CHECK (
            (consenter = 'self' AND guardian_name IS NULL AND guardian_relation IS NULL
                AND guardian_id_hash IS NULL)
            OR (consenter = 'guardian' AND length(trim(coalesce(guardian_name, ''))) > 0
                AND length(trim(coalesce(guardian_relation, ''))) > 0
                AND length(coalesce(guardian_id_hash, '')) = 64)
        )
    )
    """,
    "CREATE INDEX consents_by_person ON consents (person_id)",
    """
    CREATE TABLE face_templates (
        id             INTEGER PRIMARY KEY,
        person_id      INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        consent_id     INTEGER NOT NULL REFERENCES consents(id) ON DELETE CASCADE,
        embedding      BLOB NOT NULL CHECK (typeof(embedding) = 'blob' AND length(embedding) = 512),
        model          TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        last_used_at   TEXT NOT NULL
    )
    """,
    "CREATE INDEX face_templates_by_person ON face_templates (person_id)",
    "CREATE INDEX face_templates_by_consent ON face_templates (consent_id)",
    """
    CREATE TRIGGER face_templates_need_live_consent
    BEFORE INSERT ON face_templates
    WHEN NOT EXISTS (
        SELECT 1 FROM consents c
        WHERE c.id = NEW.consent_id AND c.person_id = NEW.person_id AND c.withdrawn_at IS NULL
    )
    BEGIN
        SELECT RAISE(ABORT, 'a face template needs a live consent of the same person');
    END
    """,
    """
    CREATE TRIGGER face_templates_keep_their_consent
    BEFORE UPDATE OF person_id, consent_id ON face_templates
    BEGIN
        SELECT RAISE(ABORT, 'a face template cannot be moved to another person or consent');
    END
    """,
    """
    CREATE TRIGGER consents_withdrawal_deletes_templates
    AFTER UPDATE OF withdrawn_at ON consents
    WHEN NEW.withdrawn_at IS NOT NULL
    BEGIN
        DELETE FROM face_templates WHERE consent_id = NEW.id;
    END
    """,
    """
    CREATE TABLE verifications (
        id                  INTEGER PRIMARY KEY,
        person_id           INTEGER REFERENCES people(id) ON DELETE SET NULL,
        stay_id             INTEGER REFERENCES stays(id) ON DELETE SET NULL,
        purpose             TEXT NOT NULL CHECK (purpose IN ('guest_check_in', 'guest_verification',
                                'staff_entry')),
        method              TEXT NOT NULL CHECK (method IN ('face', 'manual')),
        result              TEXT NOT NULL CHECK (result IN ('match', 'no_match', 'uncertain',
                                'document_checked', 'document_mismatch')),
        id_document_type    TEXT,
        id_document_last4   TEXT CHECK (id_document_last4 IS NULL OR length(id_document_last4) <= 4),
        operator_id         INTEGER REFERENCES operators(id),
        occurred_at         TEXT NOT NULL,
        CHECK (method = 'manual' OR (id_document_type IS NULL AND id_document_last4 IS NULL)),
        CHECK ((method = 'face') = (result IN ('match', 'no_match', 'uncertain')))
    )
    """,
    "CREATE INDEX verifications_by_person ON verifications (person_id)",
    """
    CREATE TABLE audit_events (
        id            INTEGER PRIMARY KEY,
        occurred_at   TEXT NOT NULL,
        actor         TEXT NOT NULL,
        action        TEXT NOT NULL,
        subject_type  TEXT,
        subject_id    INTEGER,
        details       TEXT NOT NULL,
        prev_hash     TEXT NOT NULL CHECK (length(prev_hash) = 64),
        row_hash      TEXT NOT NULL CHECK (length(row_hash) = 64)
    )
    """,
    """
    CREATE TRIGGER audit_events_append_only_update
    BEFORE UPDATE ON audit_events
    BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only');
    END
    """,
    """
    CREATE TRIGGER audit_events_append_only_delete
    BEFORE DELETE ON audit_events
    BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only');
    END
    """,
)


def apply(conn: Connection) -> None:
    """Migration 1: create the core schema."""
    for statement in STATEMENTS:
        conn.execute(statement)
