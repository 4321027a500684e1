"""Compiled translations: ``.ts`` sources in resources/i18n become ``.qm`` files at build or run time.

``.qm`` files are build output and never committed. A PyInstaller bundle ships them compiled;
from source they are compiled on first use into the data folder's cache with the
``lrelease`` tool that comes with PySide6.
"""

import logging
import subprocess
from pathlib import Path

from app.config.paths import resource_path

logger = logging.getLogger(__name__)

SUPPORTED_LANGUAGES = ("en", "zh_CN")
SOURCE_LANGUAGE = "en"


def translation_source(language: str) -> Path:
    """The ``.ts`` file of ``language``."""
    return resource_path("i18n", f"facedesk_{language}.ts")


def lrelease_tool() -> Path:
    """PySide6's bundled ``lrelease`` executable."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    for name in ("lrelease", "lrelease.exe"):
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError("PySide6's lrelease tool is missing; reinstall PySide6-Essentials")


def compiled_translation(language: str, cache_dir: Path) -> Path | None:
    """A ``.qm`` file for ``language``: shipped with a bundle, or compiled into ``cache_dir``.

    English, the source language, has a file too, holding only the plural forms of the texts that
    count something ("1 consent is", "3 consents are"); ``None`` when it is absent.
    """
    shipped = resource_path("i18n", f"facedesk_{language}.qm")
    if shipped.is_file():
        return shipped
    source = translation_source(language)
    if not source.is_file():
        if language == SOURCE_LANGUAGE:
            return None
        raise FileNotFoundError(f"no translation source for {language}: {source}")
    target = cache_dir / "i18n" / f"facedesk_{language}.qm"
    if not target.is_file() or target.stat().st_mtime < source.stat().st_mtime:
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(  # noqa: S603 - a fixed tool on fixed files
            [str(lrelease_tool()), "-silent", str(source), "-qm", str(target)],
            check=True,
            capture_output=True,
            timeout=60,
        )
        logger.info("Compiled the %s translation.", language)
    return target
