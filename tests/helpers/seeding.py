"""Write many people with face data straight into a database, for the filing-counter test (R21).

Goes through SQL rather than the services because enrolling 100,000 people through the camera
path would take hours; the schema's own rules (a live consent for every template) still apply.
"""

import numpy as np

from app.domain.templates import template_to_bytes
from app.storage.database import Database

NOW = "2026-03-02T09:00:00.000Z"


def seed_people_with_templates(database: Database, count: int, *, operator_id: int, repeat_first: int = 0) -> None:
    """``count`` distinct people, each with a live consent and one template; the first
    ``repeat_first`` of them enrolled a second time (a new consent and template, same person)."""
    rng = np.random.default_rng(7)
    vectors = rng.standard_normal((count, 128)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    with database.transaction() as tx:
        first = int(tx.execute("SELECT coalesce(max(id), 0) FROM people").fetchone()[0]) + 1
        ids = range(first, first + count)
        tx.executemany(
            "INSERT INTO people (id, kind, full_name, id_document_type, id_document_number, created_at, updated_at) "
            "VALUES (?, 'guest', ?, 'passport', ?, ?, ?)",
            ((pid, f"Guest {pid}", f"P{pid:09d}", NOW, NOW) for pid in ids),
        )
        rounds = [(ids, "A")] + ([(ids[:repeat_first], "B")] if repeat_first else [])
        for people, tag in rounds:
            tx.executemany(
                "INSERT INTO consents (person_id, purpose, notice_version, notice_sha256, language, method, "
                "affirmation, consenter, operator_id, device_id, given_at_utc, given_at_local, retention_until, "
                "withdrawal_code) "
                "VALUES (?, 'staff_entry', '2026.1', ?, 'en', 'typed_name', 'x', 'self', ?, 'seed', ?, ?, "
                "'9999-12-31T00:00:00.000Z', ?)",
                ((pid, "a" * 64, operator_id, NOW, NOW, f"{tag}{pid:08d}") for pid in people),
            )
            tx.execute(
                "INSERT INTO face_templates (person_id, consent_id, embedding, model, created_at, last_used_at) "
                "SELECT person_id, id, zeroblob(512), 'seed', ?, ? FROM consents WHERE withdrawal_code LIKE ?",
                (NOW, NOW, f"{tag}%"),
            )
        tx.executemany(
            "UPDATE face_templates SET embedding = ? WHERE person_id = ?",
            ((template_to_bytes(vectors[pid - first]), pid) for pid in ids),
        )
