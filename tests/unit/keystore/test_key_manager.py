"""Creating, unlocking and recovering the database key (R15)."""

import json
import re
import threading
import unicodedata
from pathlib import Path

import pytest

from app.config.paths import DataPaths
from app.domain.audit import AuditHead
from app.domain.errors import (
    AlreadyInitializedError,
    InvalidInputError,
    KeyFileDamagedError,
    KeyUnavailableError,
    PassphraseRequiredError,
    WrongPassphraseError,
    WrongRecoveryCodeError,
)
from app.keystore import KeyManager, MemorySecretStore, Protection
from tests.conftest import FAST_KDF

PASSPHRASE = "lotus-inn front desk 2026"


def all_bytes_under(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


@pytest.mark.req("R15")
def test_passphrase_protection_unlocks_only_with_the_right_passphrase(paths: DataPaths) -> None:
    paths.ensure_root()
    manager = KeyManager(paths.key_file, None, kdf=FAST_KDF)
    key, _ = manager.create(passphrase=PASSPHRASE)
    assert manager.protection() is Protection.PASSPHRASE
    assert manager.unlock(PASSPHRASE) == key
    with pytest.raises(WrongPassphraseError):
        manager.unlock(PASSPHRASE + "!")
    with pytest.raises(PassphraseRequiredError):
        manager.unlock(None)


@pytest.mark.req("R15")
def test_the_key_file_holds_neither_the_key_nor_the_passphrase_nor_the_recovery_code(
    paths: DataPaths,
) -> None:
    paths.ensure_root()
    manager = KeyManager(paths.key_file, None, kdf=FAST_KDF)
    key, code = manager.create(passphrase=PASSPHRASE)
    content = paths.key_file.read_bytes()
    for secret in (key.raw, key.raw.hex().encode(), PASSPHRASE.encode(), code.formatted().encode()):
        assert secret not in content
    assert paths.key_file.stat().st_mode & 0o077 == 0  # readable by this user only


@pytest.mark.req("R15")
def test_secret_store_protection_keeps_the_key_in_the_store_only(
    key_manager: KeyManager, secret_store: MemorySecretStore, paths: DataPaths
) -> None:
    key, _ = key_manager.create(passphrase=None)
    assert key_manager.protection() is Protection.SECRET_STORE
    assert key_manager.unlock(None) == key
    assert key.raw not in paths.key_file.read_bytes()
    assert key.raw.hex().encode() not in paths.key_file.read_bytes()


@pytest.mark.req("R15")
def test_without_any_keyring_a_passphrase_is_required(paths: DataPaths) -> None:
    paths.ensure_root()
    manager = KeyManager(paths.key_file, None, kdf=FAST_KDF)
    with pytest.raises(PassphraseRequiredError, match="FACEDESK_PASSPHRASE"):
        manager.create(passphrase=None)
    assert not paths.key_file.exists()


@pytest.mark.req("R15")
def test_a_lost_keyring_entry_is_restored_with_the_recovery_code(
    key_manager: KeyManager, secret_store: MemorySecretStore, paths: DataPaths
) -> None:
    key, code = key_manager.create(passphrase=None)
    account = json.loads(paths.key_file.read_text())["account"]
    secret_store.delete(account)  # the keyring entry is lost (new user profile, reset keychain)
    with pytest.raises(KeyUnavailableError, match="facedesk recover"):
        key_manager.unlock(None)
    # Typed from paper: lower case, spaces, and an O for a zero are all forgiven.
    typed = code.formatted().lower().replace("-", " ").replace("0", "o")
    assert key_manager.recover(typed, new_passphrase=None) == key
    assert key_manager.unlock(None) == key


@pytest.mark.req("R15")
def test_recovery_onto_a_computer_without_keyring_switches_to_a_new_passphrase(
    key_manager: KeyManager, paths: DataPaths
) -> None:
    key, code = key_manager.create(passphrase=None)
    new_machine = KeyManager(paths.key_file, None, kdf=FAST_KDF)
    with pytest.raises(KeyUnavailableError):
        new_machine.unlock(None)
    with pytest.raises(PassphraseRequiredError):
        new_machine.recover(code.formatted(), new_passphrase=None)
    assert new_machine.recover(code.formatted(), new_passphrase=PASSPHRASE) == key
    assert new_machine.protection() is Protection.PASSPHRASE
    assert new_machine.unlock(PASSPHRASE) == key


@pytest.mark.req("R15")
def test_a_forgotten_passphrase_is_replaced_with_the_recovery_code(paths: DataPaths) -> None:
    paths.ensure_root()
    manager = KeyManager(paths.key_file, None, kdf=FAST_KDF)
    key, code = manager.create(passphrase=PASSPHRASE)
    manager.recover(code.formatted(), new_passphrase="a brand new passphrase")
    assert manager.unlock("a brand new passphrase") == key
    with pytest.raises(WrongPassphraseError):
        manager.unlock(PASSPHRASE)


@pytest.mark.req("R15")
def test_switching_to_a_passphrase_removes_the_key_from_the_keyring(
    key_manager: KeyManager, secret_store: MemorySecretStore, paths: DataPaths
) -> None:
    _, code = key_manager.create(passphrase=None)
    account = json.loads(paths.key_file.read_text())["account"]
    key_manager.recover(code.formatted(), new_passphrase=PASSPHRASE)
    assert secret_store.load(account) is None


@pytest.mark.req("R15")
def test_a_wrong_recovery_code_changes_nothing(key_manager: KeyManager, paths: DataPaths) -> None:
    key_manager.create(passphrase=None)
    before = paths.key_file.read_bytes()
    with pytest.raises(WrongRecoveryCodeError):
        key_manager.recover("ABCDE-ABCDE-ABCDE-ABCDE-ABCDE-ABCDE", new_passphrase=PASSPHRASE)
    with pytest.raises(InvalidInputError):
        key_manager.recover("not a code", new_passphrase=PASSPHRASE)
    assert paths.key_file.read_bytes() == before


@pytest.mark.req("R15")
def test_a_key_from_another_installation_in_the_keyring_is_rejected(
    key_manager: KeyManager, secret_store: MemorySecretStore, paths: DataPaths
) -> None:
    key_manager.create(passphrase=None)
    account = json.loads(paths.key_file.read_text())["account"]
    secret_store.save(account, bytes(32))
    with pytest.raises(KeyUnavailableError, match="does not belong"):
        key_manager.unlock(None)


def test_changing_the_passphrase_rewraps_the_same_key(paths: DataPaths) -> None:
    paths.ensure_root()
    manager = KeyManager(paths.key_file, None, kdf=FAST_KDF)
    key, code = manager.create(passphrase=PASSPHRASE)
    with pytest.raises(WrongPassphraseError):
        manager.change_passphrase("not the passphrase", "another passphrase 123")
    manager.change_passphrase(PASSPHRASE, "another passphrase 123")
    assert manager.unlock("another passphrase 123") == key
    assert manager.recover(code.formatted(), new_passphrase="third passphrase!!") == key


def test_the_same_passphrase_typed_in_another_unicode_form_unlocks(paths: DataPaths) -> None:
    paths.ensure_root()
    manager = KeyManager(paths.key_file, None, kdf=FAST_KDF)
    composed = "Café 前台 passphrase"
    key, _ = manager.create(passphrase=composed)
    assert manager.unlock(unicodedata.normalize("NFD", composed)) == key


@pytest.mark.parametrize("weak", ["short", " leading space passphrase", "trailing space passphrase "])
def test_weak_passphrases_are_refused_before_anything_is_written(paths: DataPaths, weak: str) -> None:
    paths.ensure_root()
    manager = KeyManager(paths.key_file, None, kdf=FAST_KDF)
    with pytest.raises(InvalidInputError):
        manager.create(passphrase=weak)
    assert not paths.key_file.exists()


def test_setup_refuses_to_overwrite_an_existing_key_file(key_manager: KeyManager, paths: DataPaths) -> None:
    key_manager.create(passphrase=None)
    before = paths.key_file.read_bytes()
    with pytest.raises(AlreadyInitializedError):
        key_manager.create(passphrase=PASSPHRASE)
    assert paths.key_file.read_bytes() == before


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],
        lambda text: text.replace('"argon2id"', '"pbkdf2"'),
        lambda text: text.replace('"memory_kib": 8192', '"memory_kib": 99999999'),
        lambda text: "[]",
        lambda text: "",
        # one character of the wrapped key changed: it used to say "Wrong passphrase"
        lambda text: re.sub(r'("wrapped_key": ")(.)', lambda m: m.group(1) + ("B" if m.group(2) != "B" else "C"), text),
    ],
)
def test_a_damaged_key_file_gets_a_clear_message(paths: DataPaths, damage) -> None:
    paths.ensure_root()
    manager = KeyManager(paths.key_file, None, kdf=FAST_KDF)
    manager.create(passphrase=PASSPHRASE)
    paths.key_file.write_text(damage(paths.key_file.read_text()))
    with pytest.raises(KeyFileDamagedError, match=r"key file facedesk.keys is damaged .*Copy facedesk.keys back"):
        manager.unlock(PASSPHRASE)


def test_discard_removes_the_key_file_and_the_keyring_entry(
    key_manager: KeyManager, secret_store: MemorySecretStore, paths: DataPaths
) -> None:
    key_manager.create(passphrase=None)
    account = json.loads(paths.key_file.read_text())["account"]
    key_manager.discard()
    assert not paths.key_file.exists()
    assert secret_store.load(account) is None


def test_a_passphrase_change_and_anchor_updates_at_the_same_time_lose_neither(paths: DataPaths) -> None:
    """The desk records the audit anchor after every change while `facedesk passphrase` rewrites the
    key file: each read-modify-write holds the key file's lock, so neither overwrites the other."""
    paths.ensure_root()
    manager = KeyManager(paths.key_file, None, kdf=FAST_KDF)
    key, _ = manager.create(passphrase=PASSPHRASE)
    other_process = KeyManager(paths.key_file, None, kdf=FAST_KDF)  # as the command line would have
    done = threading.Event()
    recorded: list[int] = []

    def keep_anchoring() -> None:
        sequence = 0
        while not done.is_set() or sequence < 50:
            sequence += 1
            manager.record_anchor(key, AuditHead(sequence, f"{sequence:064x}"))
            recorded.append(sequence)

    writer = threading.Thread(target=keep_anchoring)
    writer.start()
    try:
        for n in range(10):
            old = PASSPHRASE if n == 0 else f"changed passphrase number {n}"
            other_process.change_passphrase(old, f"changed passphrase number {n + 1}")
    finally:
        done.set()
        writer.join(timeout=60)
    assert manager.unlock("changed passphrase number 10") == key  # the last change was not lost
    assert manager.anchor(key) == AuditHead(recorded[-1], f"{recorded[-1]:064x}")  # nor the newest anchor
