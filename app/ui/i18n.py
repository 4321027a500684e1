"""Installing FaceDesk's and Qt's own translations into the running application."""

import logging
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app.config.translations import SOURCE_LANGUAGE, SUPPORTED_LANGUAGES, compiled_translation

logger = logging.getLogger(__name__)


def install_translators(app: QApplication, language: str, cache_dir: Path) -> str:
    """Translate the interface into ``language``; return the language actually in use.

    Unknown languages and missing translation files fall back to English with a log line, so a
    broken translation never stops the desk from working.
    """
    if language not in SUPPORTED_LANGUAGES:
        logger.warning("Unsupported language %r; using English.", language)
        return SOURCE_LANGUAGE
    QLocale.setDefault(QLocale(language))
    if language == SOURCE_LANGUAGE:
        return language
    try:
        qm_file = compiled_translation(language, cache_dir)
    except (OSError, ValueError) as exc:
        logger.warning("The %s translation is unavailable (%s); using English.", language, exc)
        return SOURCE_LANGUAGE
    ours = QTranslator(app)  # parented: it lives exactly as long as the application
    if qm_file is None or not ours.load(str(qm_file)):
        logger.warning("The %s translation could not be loaded; using English.", language)
        return SOURCE_LANGUAGE
    app.installTranslator(ours)
    qt_own = QTranslator(app)  # standard buttons and dialogs
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
    return language
