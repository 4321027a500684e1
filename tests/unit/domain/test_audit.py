"""The audit chain: hashing, canonical details and tamper detection (R17)."""

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.audit import (
    GENESIS_HASH,
    AuditRecord,
    canonical_details,
    event_hash,
    verify_chain,
)


def make_chain(length: int) -> list[AuditRecord]:
    records: list[AuditRecord] = []
    prev = GENESIS_HASH
    for event_id in range(1, length + 1):
        fields = {
            "event_id": event_id,
            "occurred_at": f"2026-03-02T09:00:{event_id:02d}.000Z",
            "actor": "operator:1",
            "action": "login.succeeded",
            "subject_type": "operator",
            "subject_id": 1,
            "details": canonical_details({"n": event_id}),
        }
        row_hash = event_hash(prev_hash=prev, **fields)
        records.append(
            AuditRecord(
                fields["event_id"],
                fields["occurred_at"],
                fields["actor"],
                fields["action"],
                fields["subject_type"],
                fields["subject_id"],
                fields["details"],
                prev,
                row_hash,
            )
        )
        prev = row_hash
    return records


@pytest.mark.req("R17")
def test_an_untouched_chain_verifies() -> None:
    verdict = verify_chain(make_chain(10))
    assert verdict.intact
    assert verdict.events_checked == 10
    assert "intact" in verdict.describe()


@pytest.mark.req("R17")
@pytest.mark.parametrize("field", ["occurred_at", "actor", "action", "subject_type", "details"])
def test_editing_any_text_column_breaks_the_chain_at_that_row(field: str) -> None:
    chain = make_chain(6)
    original = getattr(chain[3], field)
    chain[3] = dataclasses.replace(chain[3], **{field: original[:-1] + ("X" if original[-1] != "X" else "Y")})
    verdict = verify_chain(chain)
    assert not verdict.intact
    assert verdict.first_broken_id == 4
    assert "#4" in verdict.describe()


@pytest.mark.req("R17")
def test_removing_a_middle_row_is_detected() -> None:
    chain = make_chain(6)
    del chain[2]
    verdict = verify_chain(chain)
    assert verdict.first_broken_id == 4
    assert "removed" in verdict.problem


@pytest.mark.req("R17")
def test_removing_the_first_row_is_detected() -> None:
    verdict = verify_chain(make_chain(3)[1:])
    assert verdict.first_broken_id == 2


@pytest.mark.req("R17")
def test_rehashing_an_edited_row_still_breaks_the_link_of_the_next_row() -> None:
    chain = make_chain(5)
    edited = dataclasses.replace(chain[1], action="operator.created")
    chain[1] = dataclasses.replace(edited, row_hash=edited.expected_hash())
    verdict = verify_chain(chain)
    assert verdict.first_broken_id == 3


@pytest.mark.req("R17")
@given(index=st.integers(min_value=0, max_value=7), subject=st.integers(min_value=2, max_value=10**6))
def test_changing_any_subject_id_is_detected(index: int, subject: int) -> None:
    chain = make_chain(8)
    chain[index] = dataclasses.replace(chain[index], subject_id=subject)
    assert verify_chain(chain).first_broken_id == index + 1


@pytest.mark.req("R17")
@pytest.mark.parametrize(
    "details",
    [
        {"name": "Li Wei"},
        {"id_number": "110101199003074514"},
        {"template": "AAAA"},
        {"passphrase": "x"},
        {"photo": b"\xff\xd8\xff"},
        {"note": b"raw bytes"},
        {"nested": {"a": 1}},
        {"long": "x" * 500},
    ],
)
def test_details_that_could_carry_personal_or_biometric_data_are_refused(details: dict) -> None:
    with pytest.raises(ValueError):
        canonical_details(details)


def test_canonical_details_are_stable_regardless_of_key_order() -> None:
    assert canonical_details({"b": 1, "a": "x"}) == canonical_details({"a": "x", "b": 1}) == '{"a":"x","b":1}'
