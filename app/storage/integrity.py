"""Integrity checks of an open database: pages, rows, foreign keys and the protective triggers.

The triggers are part of what the audit log and the consent rules promise (the audit log is
append-only; templates need a live consent). Someone holding the key can drop and re-create them,
so their exact definitions are compared with the ones FaceDesk's own migrations create.
"""

import functools
import re

from sqlcipher3 import dbapi2

from app.domain.integrity import IntegrityReport
from app.storage.connection import Connection
from app.storage.migrations import LATEST_SCHEMA_VERSION, apply_migrations, schema_version

_SPACE = re.compile(r"\s+")


def _normalized(sql: str) -> str:
    return _SPACE.sub(" ", sql).strip()


@functools.cache
def expected_triggers(version: int = LATEST_SCHEMA_VERSION) -> dict[str, str]:
    """The triggers (name -> normalised SQL) the migrations create at schema ``version``."""
    conn = dbapi2.connect(":memory:", isolation_level=None)
    try:
        apply_migrations(conn, target=version)
        return _triggers(conn)
    finally:
        conn.close()


def _triggers(conn: Connection) -> dict[str, str]:
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    return {str(name): _normalized(str(sql)) for name, sql in rows}


def trigger_problems(conn: Connection) -> list[str]:
    """What differs from FaceDesk's own triggers: each missing, altered or extra trigger, one line each."""
    expected = expected_triggers(schema_version(conn))
    actual = _triggers(conn)
    problems = [f"the protective trigger {name} is missing" for name in sorted(expected.keys() - actual.keys())]
    problems += [
        f"the protective trigger {name} is altered"
        for name in sorted(expected.keys() & actual.keys())
        if expected[name] != actual[name]
    ]
    problems += [f"an unknown trigger {name} is present" for name in sorted(actual.keys() - expected.keys())]
    return problems


def check_integrity(conn: Connection) -> IntegrityReport:
    """Run every check on ``conn`` (no transaction open); damage is reported, never raised."""
    try:
        damaged = len(conn.execute("PRAGMA cipher_integrity_check").fetchall())
    except dbapi2.DatabaseError:
        damaged = -1  # could not even be checked
    problems: list[str] = []
    if damaged:
        problems.append(
            "pages of the file fail authentication" if damaged < 0 else f"{damaged} page(s) fail authentication"
        )
    try:
        rows = [str(row[0]) for row in conn.execute("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            problems.append(f"the integrity check found {len(rows)} problem(s)")
        broken_links = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken_links:
            problems.append(f"{len(broken_links)} row(s) point to rows that are missing")
        problems += trigger_problems(conn)
    except dbapi2.DatabaseError:
        problems.append("the file is too damaged to be read")
    return IntegrityReport(max(damaged, 0), tuple(problems))
