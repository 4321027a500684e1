"""The audit table: chained appends, and append-only through SQL (R17)."""

import pytest

from app.domain.audit import GENESIS_HASH, SYSTEM_ACTOR, operator_actor, verify_chain
from app.domain.errors import StorageError
from app.storage.audit_repository import AuditRepository
from app.storage.database import Database
from tests.helpers.clock import FakeClock


@pytest.mark.req("R17")
def test_appended_events_form_a_verifiable_chain(database: Database, clock: FakeClock) -> None:
    with database.transaction() as tx:
        audit = AuditRepository(tx)
        first = audit.append(occurred_at=clock(), actor=SYSTEM_ACTOR, action="database.created")
        second = audit.append(occurred_at=clock(), actor=operator_actor(1), action="login.succeeded", subject_id=1)
    assert first.prev_hash == GENESIS_HASH
    assert second.prev_hash == first.row_hash
    with database.snapshot() as conn:
        assert verify_chain(AuditRepository(conn).iter_all()).events_checked == 2


@pytest.mark.req("R17")
def test_events_are_only_appended_inside_the_transaction_of_their_change(database: Database, clock: FakeClock) -> None:
    with pytest.raises(RuntimeError, match="inside the transaction"):
        AuditRepository(database.connection()).append(occurred_at=clock(), actor=SYSTEM_ACTOR, action="x")


@pytest.mark.req("R17")
@pytest.mark.parametrize("statement", ["UPDATE audit_events SET action = 'nothing'", "DELETE FROM audit_events"])
def test_the_log_cannot_be_changed_or_deleted_through_sql(database: Database, clock: FakeClock, statement: str) -> None:
    with database.transaction() as tx:
        AuditRepository(tx).append(occurred_at=clock(), actor=SYSTEM_ACTOR, action="database.created")
    with pytest.raises(StorageError), database.transaction() as tx:
        tx.execute(statement)
    with database.snapshot() as conn:
        assert AuditRepository(conn).count() == 1


@pytest.mark.req("R17")
def test_events_refuse_personal_details(database: Database, clock: FakeClock) -> None:
    with pytest.raises(ValueError), database.transaction() as tx:
        AuditRepository(tx).append(occurred_at=clock(), actor=SYSTEM_ACTOR, action="x", details={"name": "Li Wei"})
