"""The schema's CHECK lists and the domain's enums name the same things."""

from datetime import datetime
from enum import StrEnum

import pytest

from app.domain.business import PERMITTED_LOCATIONS, PRIVATE_SPACES, Purpose
from app.domain.errors import StorageError
from app.domain.people import IdDocumentType, PersonKind
from app.domain.roles import Role
from app.storage.database import Database
from tests.unit.storage.schema_rows import NOW, add_operator

INSERTS: dict[str, str] = {
    "role": "INSERT INTO operators (username, display_name, role, password_hash, created_at) "
    "VALUES (lower(hex(randomblob(8))), 'x', ?, '$argon2id$x', '" + NOW + "')",
    "kind": "INSERT INTO people (kind, full_name, created_at, updated_at) VALUES (?, 'x', '', '')",
    "document": "INSERT INTO people (kind, full_name, id_document_type, id_document_number, created_at, "
    "updated_at) VALUES ('guest', 'x', ?, 'E1234567', '', '')",
    "purpose": "INSERT INTO enabled_purposes (purpose, enabled_at) VALUES (?, '" + NOW + "')",
    "location": "INSERT OR REPLACE INTO business_profile (id, processor_name, contact, location_type, "
    "device_id, created_at, updated_at) VALUES (1, 'x', 'x', ?, 'd', '', '')",
}
ENUMS: dict[str, tuple[StrEnum, ...]] = {
    "role": tuple(Role),
    "kind": tuple(PersonKind),
    "document": tuple(IdDocumentType),
    "purpose": tuple(Purpose),
    "location": PERMITTED_LOCATIONS,
}


@pytest.mark.parametrize("column", sorted(INSERTS))
def test_every_domain_value_is_accepted(database: Database, column: str) -> None:
    with database.transaction() as tx:
        for value in ENUMS[column]:
            tx.execute(INSERTS[column], (value.value,))
            if column == "purpose":
                tx.execute("DELETE FROM enabled_purposes")


@pytest.mark.parametrize("column", sorted(INSERTS))
def test_a_value_outside_the_domain_is_refused(database: Database, column: str) -> None:
    with pytest.raises(StorageError), database.transaction() as tx:
        add_operator(tx)
        tx.execute(INSERTS[column], ("something_else",))


@pytest.mark.req("R22")
@pytest.mark.parametrize("place", sorted(PRIVATE_SPACES))
def test_the_private_spaces_of_the_domain_are_refused_by_the_schema(database: Database, place: StrEnum) -> None:
    with pytest.raises(StorageError), database.transaction() as tx:
        tx.execute(INSERTS["location"], (place.value,))


def test_every_check_purpose_method_and_result_is_accepted(database: Database) -> None:
    from app.domain.checks import CheckMethod, CheckPurpose, CheckResult, DocumentCheck
    from app.storage.consent_repository import ConsentRepository

    face_results = (CheckResult.MATCH, CheckResult.NO_MATCH, CheckResult.UNCERTAIN)
    expected = 0
    with database.transaction() as tx:
        checks = ConsentRepository(tx)
        for purpose in CheckPurpose:
            for result in CheckResult:
                face = result in face_results
                for how in (None,) if face else tuple(DocumentCheck):
                    checks.add_verification(
                        person_id=None,
                        stay_id=None,
                        purpose=purpose,
                        method=CheckMethod.FACE if face else CheckMethod.MANUAL,
                        result=result,
                        operator_id=None,
                        at=datetime.fromisoformat(NOW),
                        document_type=None if face else IdDocumentType.PASSPORT,
                        document_last4=None if face else "4567",
                        document_check=how,
                    )
                    expected += 1
        stored = tx.execute("SELECT count(*) FROM verifications").fetchone()[0]
    assert stored == expected
