"""The Chinese translation is complete and compiles (DEVELOPERS.md convention 11)."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from app.config.translations import compiled_translation, translation_source

REPO_ROOT = Path(__file__).resolve().parents[3]
TRANSLATED_SOURCES = [
    *sorted(str(p.relative_to(REPO_ROOT)) for p in (REPO_ROOT / "app" / "ui").rglob("*.py")),
    "app/config/settings.py",
    "app/domain/faces.py",
    "app/domain/access_rules.py",
]


def messages(ts_file: Path) -> list[ET.Element]:
    return list(ET.parse(ts_file).getroot().iter("message"))


def test_every_string_has_a_finished_chinese_translation() -> None:
    unfinished = []
    for message in messages(translation_source("zh_CN")):
        translation = message.find("translation")
        assert translation is not None
        text = "".join(translation.itertext()).strip()
        if translation.get("type") in {"unfinished", "vanished", "obsolete"} or not text:
            unfinished.append(message.findtext("source"))
    assert unfinished == []


def test_no_user_visible_string_in_the_code_is_missing_from_the_translation(tmp_path: Path) -> None:
    """Re-running lupdate over today's code adds nothing to the committed .ts file."""
    copy = tmp_path / "facedesk_zh_CN.ts"
    shutil.copy(translation_source("zh_CN"), copy)
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    result = subprocess.run(
        [str(lupdate), "-locations", "none", *TRANSLATED_SOURCES, "-ts", str(copy)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert "(0 new and" in result.stdout, result.stdout
    assert {m.findtext("source") for m in messages(copy)} == {
        m.findtext("source") for m in messages(translation_source("zh_CN"))
    }


def test_the_translation_compiles_into_the_cache_and_is_reused(tmp_path: Path) -> None:
    first = compiled_translation("zh_CN", tmp_path)
    assert first is not None and first.is_relative_to(tmp_path)
    assert first.stat().st_size > 1000
    stamp = first.stat().st_mtime_ns
    assert compiled_translation("zh_CN", tmp_path) == first
    assert first.stat().st_mtime_ns == stamp


def test_english_has_a_plural_forms_file_that_lupdate_keeps_complete(tmp_path: Path) -> None:
    """Every text that counts with %n has its English singular and plural written out."""
    copy = tmp_path / "facedesk_en.ts"
    shutil.copy(translation_source("en"), copy)
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    result = subprocess.run(
        [str(lupdate), "-pluralonly", "-locations", "none", *TRANSLATED_SOURCES, "-ts", str(copy)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert result.returncode == 0
    entries = messages(translation_source("en"))
    assert {m.findtext("source") for m in messages(copy)} == {m.findtext("source") for m in entries}
    assert 'type="unfinished"' not in copy.read_text(encoding="utf-8"), "a counted text without English forms"
    assert entries, "no counted text at all"
    for message in entries:
        forms = [form.text or "" for form in message.iter("numerusform")]
        assert len(forms) == 2 and all(forms) and forms[0] != forms[1], message.findtext("source")
    compiled = compiled_translation("en", tmp_path)
    assert compiled is not None and compiled.stat().st_size > 100
