"""Operator password hashing: the decoy checked for unknown user names costs what a real check costs."""

from argon2 import PasswordHasher

from app.services.passwords import DECOY_HASH, PasswordHashing


def test_the_stored_decoy_uses_the_default_parameters_so_it_costs_a_real_check() -> None:
    hasher = PasswordHasher()
    assert not hasher.check_needs_rehash(DECOY_HASH)  # same memory, time and lanes as a real password
    assert PasswordHashing().verify(DECOY_HASH, "facedesk-decoy-password")


def test_other_parameters_get_a_decoy_made_with_them() -> None:
    cheap = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
    hashing = PasswordHashing(cheap)
    assert not cheap.check_needs_rehash(hashing._decoy)
    assert hashing._decoy != DECOY_HASH


def test_no_password_passes_the_decoy() -> None:
    hashing = PasswordHashing()
    for password in ("", "boss-password-1", "facedesk-decoy"):
        hashing.verify_decoy(password)  # spends the time, grants nothing
        assert not hashing.verify(hashing._decoy, password)
