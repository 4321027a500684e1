"""Recovery codes survive being copied by hand."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import InvalidInputError
from app.keystore.recovery_code import ALPHABET, CODE_LENGTH, RecoveryCode


def test_a_new_code_has_six_groups_of_five_unambiguous_symbols() -> None:
    code = RecoveryCode.generate()
    groups = code.formatted().split("-")
    assert [len(g) for g in groups] == [5] * 6
    assert all(ch in ALPHABET for ch in "".join(groups))
    assert not set("ILOU") & set(code.formatted())


def test_codes_are_random() -> None:
    assert len({RecoveryCode.generate().formatted() for _ in range(50)}) == 50


@given(st.text(alphabet=ALPHABET, min_size=CODE_LENGTH, max_size=CODE_LENGTH))
def test_formatting_then_parsing_gives_the_same_code(symbols: str) -> None:
    code = RecoveryCode(symbols)
    assert RecoveryCode.parse(code.formatted()).secret_bytes() == code.secret_bytes()
    sloppy = " ".join(code.formatted().lower().split("-"))
    assert RecoveryCode.parse(sloppy).secret_bytes() == code.secret_bytes()


def test_look_alike_letters_are_read_as_digits() -> None:
    assert RecoveryCode.parse("OOOOO-IIIII-LLLLL-00000-11111-22222").formatted() == (
        "00000-11111-11111-00000-11111-22222"
    )


@pytest.mark.parametrize("text", ["", "ABCDE", "ABCDE-ABCDE-ABCDE-ABCDE-ABCDE-ABCD!", "U" * 30, "A" * 31])
def test_text_that_cannot_be_a_code_gets_a_plain_message(text: str) -> None:
    with pytest.raises(InvalidInputError, match="30 letters and digits"):
        RecoveryCode.parse(text)


def test_a_code_is_redacted_unless_formatted_on_purpose() -> None:
    code = RecoveryCode.generate()
    assert code.formatted() not in repr(code)
    assert code.formatted() not in str(code)
