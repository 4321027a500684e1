"""The affirmative act behind a consent, and withdrawal codes (R4, R5, R10)."""

import json

import pytest

from app.domain.consent import (
    ConsentMethod,
    Signature,
    TypedName,
    affirmation_record,
    new_withdrawal_code,
    normalise_withdrawal_code,
)
from app.domain.errors import InvalidInputError


@pytest.mark.req("R4")
def test_a_typed_name_must_be_the_consenting_persons_own_name() -> None:
    assert affirmation_record(TypedName(" li  wei "), "Li Wei") == (ConsentMethod.TYPED_NAME, "li wei")
    with pytest.raises(InvalidInputError, match="own name"):
        affirmation_record(TypedName("I agree"), "Li Wei")
    with pytest.raises(InvalidInputError):
        affirmation_record(TypedName("   "), "Li Wei")


@pytest.mark.req("R4")
def test_a_drawn_signature_is_kept_as_strokes_and_a_tap_is_not_a_signature() -> None:
    stroke = tuple((float(x), 40.0 + (x % 7)) for x in range(10, 120, 5))
    method, evidence = affirmation_record(Signature((stroke,)), "Li Wei")
    assert method is ConsentMethod.DRAWN_SIGNATURE
    assert json.loads(evidence)[0][0] == [10.0, 43.0]
    with pytest.raises(InvalidInputError, match="empty"):
        affirmation_record(Signature(()), "Li Wei")
    with pytest.raises(InvalidInputError, match="too small"):
        affirmation_record(Signature((tuple((100.0 + i % 2, 100.0) for i in range(20)),)), "Li Wei")


@pytest.mark.req("R10")
def test_withdrawal_codes_are_short_and_survive_being_read_out() -> None:
    codes = {new_withdrawal_code() for _ in range(200)}
    assert len(codes) == 200
    code = next(iter(codes))
    assert len(code) == 9 and code[4] == "-"
    assert normalise_withdrawal_code(code.lower().replace("-", " ")) == code
    assert normalise_withdrawal_code("OIL0-1111") == "0110-1111"
    with pytest.raises(InvalidInputError, match="8 letters"):
        normalise_withdrawal_code("12345")
