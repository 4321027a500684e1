"""Schema 7: ID card reads as a document check, and Hong Kong / Macao / Taiwan residence permits.

A manual ID check is now either a document looked at by the receptionist or a card read by an ID
card reader (R8): ``verifications.document_check`` says which (existing manual checks were all
looked at). People may register with a Hong Kong, Macao or Taiwan residence permit, a document
type schema 1 did not list. SQLite cannot change a CHECK constraint, and rebuilding ``people``
would cascade-delete through its foreign keys inside this transaction; widening the list of
allowed values changes nothing stored, so the table's declaration is rewritten in place, the
procedure SQLite documents for loosening constraints (sqlite.org/lang_altertable.html, "making
other kinds of table schema changes"), with the schema version bumped in the same transaction.
"""

from app.storage.connection import Connection

OLD_DOCUMENT_TYPES = "'foreign_permanent_resident_id', 'other'"
NEW_DOCUMENT_TYPES = "'foreign_permanent_resident_id', 'hmt_residence_permit', 'other'"


def _allow_residence_permits(conn: Connection) -> None:
    row = conn.execute("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'people'").fetchone()
    declaration = str(row[0])
    if declaration.count(OLD_DOCUMENT_TYPES) != 1:
        raise RuntimeError("the people table's document types are not the ones schema 1 declared")
    version = int(conn.execute("PRAGMA schema_version").fetchone()[0])
    conn.execute("PRAGMA writable_schema = ON")
    try:
        conn.execute(
            "UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'people'",
            (declaration.replace(OLD_DOCUMENT_TYPES, NEW_DOCUMENT_TYPES),),
        )
        conn.execute(f"PRAGMA schema_version = {version + 1}")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")


def apply(conn: Connection) -> None:
    """Migration 7: how a document was checked, and residence permits as a document type."""
    conn.execute(
        "ALTER TABLE verifications ADD COLUMN document_check TEXT "
        "CHECK (document_check IS NULL OR document_check IN ('looked_at', 'card_read'))"
    )
    conn.execute("UPDATE verifications SET document_check = 'looked_at' WHERE method = 'manual'")
    _allow_residence_permits(conn)
