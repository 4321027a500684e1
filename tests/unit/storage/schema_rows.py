"""Minimal rows written with SQL, for tests of the schema's own rules.

Tests of constraints and triggers must bypass the services on purpose: they prove the database
refuses bad rows whatever code writes them.
"""

import itertools

from app.storage.database import Connection

NOW = "2026-03-02T09:00:00.000Z"
_counter = itertools.count(1)


def add_operator(conn: Connection, *, username: str | None = None, role: str = "desk") -> int:
    name = username or f"operator{next(_counter)}"
    cursor = conn.execute(
        "INSERT INTO operators (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
        (name, name, role, "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaA", NOW),
    )
    return int(cursor.lastrowid)


def add_person(conn: Connection, *, name: str = "Li Wei", kind: str = "guest") -> int:
    cursor = conn.execute(
        "INSERT INTO people (kind, full_name, created_at, updated_at) VALUES (?, ?, ?, ?)",
        (kind, name, NOW, NOW),
    )
    return int(cursor.lastrowid)


def add_consent(
    conn: Connection, person_id: int, operator_id: int, *, code: str | None = None, **overrides: object
) -> int:
    row: dict[str, object] = {
        "person_id": person_id,
        "purpose": "guest_verification",
        "notice_version": "2026.1",
        "notice_sha256": "a" * 64,
        "language": "zh_CN",
        "method": "typed_name",
        "affirmation": "Li Wei",
        "consenter": "self",
        "operator_id": operator_id,
        "device_id": "desk-1",
        "given_at_utc": NOW,
        "given_at_local": "2026-03-02T17:00:00+08:00",
        "retention_until": "2026-03-05T04:00:00.000Z",
        "withdrawal_code": code or f"CODE-{next(_counter)}",
    }
    row.update(overrides)
    columns = ", ".join(row)
    cursor = conn.execute(f"INSERT INTO consents ({columns}) VALUES ({', '.join('?' * len(row))})", tuple(row.values()))
    return int(cursor.lastrowid)


def add_template(conn: Connection, person_id: int, consent_id: int, embedding: bytes = b"\x00" * 512) -> int:
    cursor = conn.execute(
        "INSERT INTO face_templates (person_id, consent_id, embedding, model, created_at, last_used_at) "
        "VALUES (?, ?, ?, 'dlib_resnet_v1', ?, ?)",
        (person_id, consent_id, embedding, NOW, NOW),
    )
    return int(cursor.lastrowid)
