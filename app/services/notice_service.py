"""Notices shown before any face data is collected (R3), rendered from versioned templates.

Templates live in ``resources/notices/<language>/<purpose>.txt`` with a small header giving the
version and the date it takes effect; ``fragments.json`` holds phrases that depend on settings.
The rendered text, exactly as shown, is hashed (SHA-256) and the hash stored with each consent;
a new version forces a renewal of consent at the person's next use (R6).
"""

import hashlib
import json
import string
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.config.paths import resource_path
from app.domain.business import BusinessProfile, Purpose
from app.domain.errors import InvalidInputError

LANGUAGES = ("en", "zh_CN")
PLACEHOLDERS = frozenset(
    {"processor_name", "contact", "retention_text", "backup_days", "notice_version", "notice_date"}
)


@dataclass(frozen=True)
class NoticeTemplate:
    """One notice template before rendering."""

    purpose: Purpose
    language: str
    version: str
    effective: date
    body: str


@dataclass(frozen=True)
class RenderedNotice:
    """A notice exactly as shown to a person, with its hash."""

    purpose: Purpose
    language: str
    version: str
    effective: date
    text: str
    sha256: str


class NoticeCatalog:
    """Reads notice templates from a folder (the bundled resources by default)."""

    def __init__(self, root: Path | None = None) -> None:
        self._root = root or resource_path("notices")

    def template(self, purpose: Purpose, language: str) -> NoticeTemplate:
        """The template for ``purpose`` in ``language``.

        Raises:
            InvalidInputError: unknown language.
            ValueError: the template file is malformed (a packaging error).
        """
        if language not in LANGUAGES:
            raise InvalidInputError(f"Notices are available in {', '.join(LANGUAGES)}, not {language}.")
        text = (self._root / language / f"{purpose.value}.txt").read_text(encoding="utf-8")
        if not text.startswith("---\n"):
            raise ValueError(f"notice {language}/{purpose.value} has no header")
        header, _, body = text[4:].partition("\n---\n")
        fields = dict(line.split(":", 1) for line in header.splitlines() if ":" in line)
        used = {name for _, name, _, _ in string.Formatter().parse(body) if name}
        if not used <= PLACEHOLDERS:
            raise ValueError(f"notice {language}/{purpose.value} uses unknown fields {sorted(used - PLACEHOLDERS)}")
        return NoticeTemplate(
            purpose, language, fields["version"].strip(), date.fromisoformat(fields["effective"].strip()), body.strip()
        )

    def fragments(self, language: str) -> dict[str, str]:
        """Setting-dependent phrases for ``language``."""
        fragments: dict[str, str] = json.loads((self._root / language / "fragments.json").read_text(encoding="utf-8"))
        return fragments

    def current_version(self, purpose: Purpose) -> str:
        """The version in force for ``purpose`` (the same in every language).

        Raises:
            ValueError: the languages disagree (a packaging error).
        """
        versions = {self.template(purpose, language).version for language in LANGUAGES}
        if len(versions) != 1:
            raise ValueError(f"notice versions for {purpose.value} differ between languages: {sorted(versions)}")
        return versions.pop()


def retention_text(catalog: NoticeCatalog, purpose: Purpose, language: str, grace_hours: int) -> str:
    """How long face data is kept for ``purpose``, as the notice (and the sign) says it."""
    fragments = catalog.fragments(language)
    if purpose is Purpose.STAFF_ENTRY:
        return fragments["retention_staff"]
    if grace_hours:
        return fragments["retention_guest_grace"].format(grace_hours=grace_hours)
    return fragments["retention_guest"]


def render_notice(
    catalog: NoticeCatalog,
    purpose: Purpose,
    language: str,
    profile: BusinessProfile,
    *,
    grace_hours: int,
    backup_days: int,
) -> RenderedNotice:
    """Fill a template from the business profile and the retention settings."""
    template = catalog.template(purpose, language)
    retention = retention_text(catalog, purpose, language, grace_hours)
    text = template.body.format(
        processor_name=" ".join(profile.processor_name.split()),
        contact=" ".join(profile.contact.split()),
        retention_text=retention,
        backup_days=backup_days,
        notice_version=template.version,
        notice_date=template.effective.isoformat(),
    )
    return RenderedNotice(
        purpose,
        language,
        template.version,
        template.effective,
        text,
        hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )
