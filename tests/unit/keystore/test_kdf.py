"""Argon2id parameters for passphrases and recovery codes (R15)."""

import pytest

from app.keystore.kdf import DEFAULT_KDF, KdfParams, derive


@pytest.mark.req("R15")
def test_production_parameters_follow_rfc_9106_second_recommendation() -> None:
    assert (DEFAULT_KDF.time_cost, DEFAULT_KDF.memory_kib, DEFAULT_KDF.parallelism) == (3, 64 * 1024, 4)


def test_derivation_depends_on_secret_salt_and_parameters() -> None:
    params = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
    base = derive(b"secret", b"0" * 16, params, 64)
    assert len(base) == 64
    assert derive(b"secret", b"0" * 16, params, 64) == base
    assert derive(b"secrex", b"0" * 16, params, 64) != base
    assert derive(b"secret", b"1" * 16, params, 64) != base
    assert derive(b"secret", b"0" * 16, KdfParams(2, 8192, 1), 64) != base


@pytest.mark.parametrize(
    "data",
    [
        {"name": "scrypt"},
        {"name": "argon2id", "time_cost": 0, "memory_kib": 65536, "parallelism": 1},
        {"name": "argon2id", "time_cost": 1, "memory_kib": 2**40, "parallelism": 1},
    ],
)
def test_out_of_range_parameters_from_a_file_are_refused(data: dict) -> None:
    with pytest.raises((ValueError, KeyError)):
        KdfParams.from_json(data)
