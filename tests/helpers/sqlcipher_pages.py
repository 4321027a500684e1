"""Decrypt SQLCipher 4 pages with the raw key, to look at what is really on disk (R14 tests).

SQLCipher 4 defaults: 4096-byte pages, each ending in a reserve of 80 bytes (16-byte IV plus a
64-byte HMAC-SHA512). Page 1 starts with the 16-byte salt in place of the SQLite header magic.
With a raw key (``x'<64 hex>'``) the key encrypts pages directly with AES-256-CBC.
"""

from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE_SIZE = 4096
RESERVE = 80
SALT = 16


def decrypted_pages(path: Path, key: bytes) -> Iterator[bytes]:
    """Every page of the database file, decrypted (free pages included)."""
    raw = path.read_bytes()
    usable = PAGE_SIZE - RESERVE
    for index in range(len(raw) // PAGE_SIZE):
        page = raw[index * PAGE_SIZE : (index + 1) * PAGE_SIZE]
        start = SALT if index == 0 else 0
        iv = page[usable : usable + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        yield decryptor.update(page[start:usable]) + decryptor.finalize()
