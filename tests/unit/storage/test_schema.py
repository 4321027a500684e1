"""Rules the schema itself enforces, whatever code writes to it (R5, R10, R12, R22)."""

import pytest

from app.domain.errors import StorageError
from app.storage.database import Database
from tests.unit.storage.schema_rows import NOW, add_consent, add_operator, add_person, add_template

R5_CONSENT_FIELDS = {
    "person_id",
    "purpose",
    "notice_version",
    "notice_sha256",
    "language",
    "method",
    "consenter",
    "guardian_name",
    "guardian_relation",
    "guardian_id_hash",
    "operator_id",
    "device_id",
    "given_at_utc",
    "given_at_local",
    "retention_until",
    "withdrawn_at",
}


def columns(database: Database, table: str) -> set[str]:
    return {row[1] for row in database.connection().execute(f"PRAGMA table_info({table})")}


@pytest.mark.req("R5")
def test_a_consent_row_records_every_evidence_field(database: Database) -> None:
    assert columns(database, "consents") >= R5_CONSENT_FIELDS


@pytest.mark.req("R5")
def test_a_template_cannot_be_stored_without_a_consent(database: Database) -> None:
    with pytest.raises(StorageError), database.transaction() as tx:
        person = add_person(tx)
        add_template(tx, person, consent_id=999)


@pytest.mark.req("R5")
def test_a_template_cannot_reference_another_persons_consent(database: Database) -> None:
    with pytest.raises(StorageError), database.transaction() as tx:
        operator = add_operator(tx)
        guest, other = add_person(tx), add_person(tx, name="Zhang San")
        consent = add_consent(tx, guest, operator)
        add_template(tx, other, consent)


@pytest.mark.req("R5")
def test_a_template_cannot_be_added_under_a_withdrawn_consent(database: Database) -> None:
    with database.transaction() as tx:
        operator = add_operator(tx)
        guest = add_person(tx)
        consent = add_consent(tx, guest, operator, withdrawn_at=NOW)
    with pytest.raises(StorageError), database.transaction() as tx:
        add_template(tx, guest, consent)


@pytest.mark.req("R5")
def test_a_template_cannot_be_moved_to_another_consent(database: Database) -> None:
    with database.transaction() as tx:
        operator = add_operator(tx)
        guest = add_person(tx)
        first = add_consent(tx, guest, operator)
        second = add_consent(tx, guest, operator)
        template = add_template(tx, guest, first)
    with database.transaction() as tx:
        tx.execute("UPDATE consents SET withdrawn_at = ? WHERE id = ?", (NOW, second))
    with pytest.raises(StorageError), database.transaction() as tx:
        tx.execute("UPDATE face_templates SET consent_id = ? WHERE id = ?", (second, template))


@pytest.mark.req("R10")
def test_withdrawing_a_consent_deletes_its_templates_at_once(database: Database) -> None:
    with database.transaction() as tx:
        operator = add_operator(tx)
        guest = add_person(tx)
        consent = add_consent(tx, guest, operator)
        add_template(tx, guest, consent)
        add_template(tx, guest, consent)
    with database.transaction() as tx:
        tx.execute("UPDATE consents SET withdrawn_at = ? WHERE id = ?", (NOW, consent))
    with database.snapshot() as conn:
        assert conn.execute("SELECT count(*) FROM face_templates").fetchone()[0] == 0
        assert conn.execute("SELECT withdrawn_at FROM consents").fetchone()[0] == NOW


@pytest.mark.req("R5")
@pytest.mark.parametrize(
    "guardian",
    [
        {"consenter": "guardian"},
        {"consenter": "guardian", "guardian_name": "Li Na", "guardian_relation": "mother"},
        {"consenter": "self", "guardian_name": "Li Na"},
    ],
)
def test_guardian_details_are_required_exactly_for_guardian_consent(database: Database, guardian: dict) -> None:
    with pytest.raises(StorageError), database.transaction() as tx:
        add_consent(tx, add_person(tx), add_operator(tx), **guardian)


def test_a_complete_guardian_consent_is_accepted(database: Database) -> None:
    with database.transaction() as tx:
        add_consent(
            tx,
            add_person(tx),
            add_operator(tx),
            consenter="guardian",
            guardian_name="Li Na",
            guardian_relation="mother",
            guardian_id_hash="b" * 64,
        )


@pytest.mark.req("R12")
@pytest.mark.parametrize("blob", [b"\xff\xd8\xff\xe0" + b"\x00" * 508 + b"\x00", b"\x00" * 511, "text" * 128])
def test_only_512_byte_blobs_fit_the_template_column(database: Database, blob: bytes | str) -> None:
    with database.transaction() as tx:
        operator, guest = add_operator(tx), add_person(tx)
        consent = add_consent(tx, guest, operator)
    with pytest.raises(StorageError), database.transaction() as tx:
        add_template(tx, guest, consent, blob)  # type: ignore[arg-type]


@pytest.mark.req("R12")
def test_no_table_has_a_column_for_images(database: Database) -> None:
    tables = [r[0] for r in database.connection().execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        for column in columns(database, table):
            assert not any(word in column for word in ("image", "photo", "picture", "frame", "jpeg", "png"))


@pytest.mark.req("R22")
@pytest.mark.parametrize("place", ["guest_room", "bathroom", "changing_room", "toilet"])
def test_a_private_space_cannot_be_stored_as_the_location(database: Database, place: str) -> None:
    with pytest.raises(StorageError), database.transaction() as tx:
        tx.execute(
            "INSERT INTO business_profile (id, processor_name, contact, location_type, device_id, "
            "created_at, updated_at) VALUES (1, 'Lotus Inn', '+86 10', ?, 'd', ?, ?)",
            (place, NOW, NOW),
        )


@pytest.mark.req("R8")
def test_a_manual_check_keeps_at_most_four_characters_of_the_document_number(database: Database) -> None:
    insert = (
        "INSERT INTO verifications (person_id, purpose, method, result, id_document_type, "
        "id_document_last4, operator_id, occurred_at) "
        "VALUES (?, 'guest_check_in', 'manual', 'document_checked', 'resident_id', ?, ?, ?)"
    )
    with database.transaction() as tx:
        operator, guest = add_operator(tx), add_person(tx)
        tx.execute(insert, (guest, "4514", operator, NOW))
    with pytest.raises(StorageError), database.transaction() as tx:
        tx.execute(insert, (guest, "110101199003074514", operator, NOW))


@pytest.mark.req("R19")
def test_a_refused_rights_request_needs_a_reason(database: Database) -> None:
    with pytest.raises(StorageError), database.transaction() as tx:
        tx.execute(
            "INSERT INTO rights_requests (kind, received_at, status, closed_at) VALUES ('access', ?, 'refused', ?)",
            (NOW, NOW),
        )
    with database.transaction() as tx:
        tx.execute(
            "INSERT INTO rights_requests (kind, received_at, status, refusal_reason, closed_at) "
            "VALUES ('access', ?, 'refused', 'identity could not be checked', ?)",
            (NOW, NOW),
        )
