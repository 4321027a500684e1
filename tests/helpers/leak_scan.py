"""Scanning files for what must never leak: names, identity numbers, template bytes, pictures.

Used after full flows on the logs, the temporary folder and the exports (tests/integration/
test_leak_scan.py). Encrypted files (the database, its WAL, the key file) are ciphertext and are
skipped: random bytes can contain anything by chance.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tests.helpers.pdf_text import decoded_streams, pdf_text

IMAGE_STARTS = {b"\xff\xd8\xff": "JPEG", b"\x89PNG\r\n\x1a\n": "PNG", b"GIF87a": "GIF", b"GIF89a": "GIF"}
ENCRYPTED = ("facedesk.db", "facedesk.db-wal", "facedesk.db-shm", "facedesk.keys")
ID_TAIL = 5  # documents may show at most the last four characters


@dataclass
class LeakTargets:
    """What to look for."""

    names: set[str] = field(default_factory=set)
    id_numbers: set[str] = field(default_factory=set)
    templates: list[bytes] = field(default_factory=list)  # raw float32 bytes of stored templates


@dataclass(frozen=True)
class Finding:
    """One leak: where, and what kind (never the leaked value itself)."""

    path: Path
    kind: str


def files_under(*folders: Path) -> list[Path]:
    """Every regular file under ``folders`` except the encrypted ones."""
    return [
        path
        for folder in folders
        if folder.exists()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.startswith(ENCRYPTED)
    ]


def scan(
    paths: Iterable[Path],
    targets: LeakTargets,
    *,
    allow_names_in: frozenset[str] = frozenset(),
    allow_ids_in: frozenset[str] = frozenset(),
) -> list[Finding]:
    """Every leak in ``paths``. Files named in ``allow_names_in`` may hold names, those in
    ``allow_ids_in`` identity numbers (exports that exist to show them); never templates or pictures."""
    findings: list[Finding] = []
    chunks = [template[start : start + 16] for template in targets.templates for start in range(0, len(template), 16)]
    for path in paths:
        data = path.read_bytes()
        text = data.decode("utf-8", errors="ignore")
        if data.startswith(b"%PDF"):
            # Compressed PDF streams are binary: five digits can occur in them by chance (seen in a
            # sign). Search what a reader can get out of the PDF: its text, and every stream
            # decoded for a whole identity number.
            streams = decoded_streams(path)
            text = pdf_text(path)
            findings += [
                Finding(path, "identity number")
                for number in targets.id_numbers
                if path.name not in allow_ids_in and number.encode() in streams
            ]
            data = streams
        if path.name not in allow_names_in:
            findings += [Finding(path, "name") for name in targets.names if name in text]
        if path.name not in allow_ids_in:
            findings += [Finding(path, "identity number") for number in targets.id_numbers if number[-ID_TAIL:] in text]
        if any(chunk in data for chunk in chunks):
            findings.append(Finding(path, "template bytes"))
        for signature, kind in IMAGE_STARTS.items():
            if data.startswith(signature) or (signature in data and _texty(data)):
                findings.append(Finding(path, f"{kind} image"))
    return findings


def _texty(data: bytes) -> bool:
    """A text file (log, CSV, JSON): an image signature inside it is an embedded picture."""
    return b"\x00" not in data[:4096]
