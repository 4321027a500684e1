"""Installing FaceDesk's and Qt's own translations into the running application, and switching them."""

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.config.translations import SOURCE_LANGUAGE, SUPPORTED_LANGUAGES, compiled_translation

logger = logging.getLogger(__name__)


PLURALS = "facedesk-english-plurals"


def install_english_plurals(app: QCoreApplication, cache_dir: Path) -> None:
    """Install, once per application, the English plural forms ("%n consents" -> "1 consent").

    It stays installed under every language: one installed later (Chinese) is asked first.
    """
    if app.findChild(QTranslator, PLURALS) is not None:
        return
    try:
        qm_file = compiled_translation(SOURCE_LANGUAGE, cache_dir)
    except (OSError, ValueError) as exc:
        logger.warning("The English plural forms are unavailable (%s).", exc)
        return
    translator = QTranslator(app)
    translator.setObjectName(PLURALS)
    if qm_file is not None and translator.load(str(qm_file)):
        app.installTranslator(translator)


class Translators:
    """The translators of the interface language; ``use`` swaps them for another language."""

    def __init__(self, app: QCoreApplication, cache_dir: Path) -> None:
        self._app = app
        self._cache_dir = cache_dir
        self._installed: list[QTranslator] = []
        self.language = SOURCE_LANGUAGE
        install_english_plurals(app, cache_dir)

    def use(self, language: str) -> str:
        """Translate the interface into ``language``; return the language actually in use.

        Unknown languages and missing translation files fall back to English with a log line, so a
        broken translation never stops the desk from working. Widgets built afterwards get the new
        text; existing ones keep theirs (the desk window is rebuilt after a switch).
        """
        self.remove()
        if language not in SUPPORTED_LANGUAGES:
            logger.warning("Unsupported language %r; using English.", language)
            language = SOURCE_LANGUAGE
        elif language != SOURCE_LANGUAGE and not self._install(language):
            language = SOURCE_LANGUAGE
        QLocale.setDefault(QLocale(language))
        self.language = language
        return language

    def remove(self) -> None:
        """Back to the source language (English)."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
            translator.deleteLater()
        self._installed.clear()
        self.language = SOURCE_LANGUAGE

    def _install(self, language: str) -> bool:
        try:
            qm_file = compiled_translation(language, self._cache_dir)
        except (OSError, ValueError) as exc:
            logger.warning("The %s translation is unavailable (%s); using English.", language, exc)
            return False
        ours = QTranslator(self._app)
        if qm_file is None or not ours.load(str(qm_file)):
            logger.warning("The %s translation could not be loaded; using English.", language)
            return False
        self._app.installTranslator(ours)
        self._installed.append(ours)
        qt_own = QTranslator(self._app)  # standard buttons and dialogs
        if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self._app.installTranslator(qt_own)
            self._installed.append(qt_own)
        return True
