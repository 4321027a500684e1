"""Where a person's identity can still be found: tables, database pages, audit events (R13, R14, R19)."""

from pathlib import Path

from app.storage.database import Database
from tests.helpers.clock import FakeClock
from tests.helpers.sqlcipher_pages import decrypted_pages
from tests.integration.services.conftest import adult


def identity_of(clock: FakeClock) -> tuple[str, str, str]:
    """What identifies Li Wei: name, full document number, birth date."""
    details = adult(clock)
    return details.full_name, details.document.number, details.date_of_birth.isoformat()


def tables_holding(database: Database, texts: tuple[str, ...]) -> dict[str, list[str]]:
    """Which of ``texts`` appear in which table (any column, any row)."""
    found: dict[str, list[str]] = {}
    with database.snapshot() as conn:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            values = " ".join(str(value) for row in conn.execute(f"SELECT * FROM {table}") for value in row)
            hits = [text for text in texts if text in values]
            if hits:
                found[table] = hits
    return found


def file_holds(path: Path, key: bytes, texts: tuple[str, ...]) -> bool:
    """Whether any decrypted page of the database file at ``path`` holds one of ``texts``."""
    needles = [text.encode() for text in texts]
    return any(needle in page for page in decrypted_pages(path, key) for needle in needles)


def audit_of(database: Database, action: str) -> list[str]:
    with database.snapshot() as conn:
        return [row[0] for row in conn.execute("SELECT details FROM audit_events WHERE action = ?", (action,))]
