"""The database key value refuses to leak (R15)."""

import pickle

import pytest

from app.domain.secrets import DatabaseKey


@pytest.mark.req("R15")
def test_a_key_never_shows_its_bytes_in_repr_str_or_format() -> None:
    key = DatabaseKey(bytes(range(32)))
    for text in (repr(key), str(key), f"{key}", f"{[key]}"):
        assert key.raw.hex() not in text
        assert "redacted" in text


@pytest.mark.req("R15")
def test_a_key_cannot_be_pickled_into_another_process() -> None:
    with pytest.raises(TypeError):
        pickle.dumps(DatabaseKey.generate())


def test_keys_are_256_bit_random_and_compare_by_value() -> None:
    first, second = DatabaseKey.generate(), DatabaseKey.generate()
    assert len(first.raw) == 32
    assert first != second
    assert DatabaseKey(first.raw) == first
    assert first.sqlcipher_literal() == f"x'{first.raw.hex()}'"
    with pytest.raises(ValueError):
        DatabaseKey(b"short")
