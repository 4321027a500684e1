"""Text on the guest-facing screens, in the guest's language (which may differ from the desk's).

Guest-facing strings are declared with ``QT_TRANSLATE_NOOP("GuestScreen", ...)`` so lupdate puts
them in the translation file; at run time they are translated with a translator for the guest's
language, not the application's, so a guest can switch between 中文 and English on their own.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTranslator, Signal

from app.config.translations import SOURCE_LANGUAGE, compiled_translation
from app.domain.errors import FaceDeskError
from app.ui.messages import user_message

CONTEXT = "GuestScreen"


class GuestLanguage(QObject):
    """The guest's language and the translator for it.

    Signals:
        changed(str): the guest switched language.
    """

    changed = Signal(str)

    def __init__(self, language: str, cache_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cache_dir = cache_dir
        self._translators: dict[str, QTranslator] = {}
        self.language = language
        self.desk_language = language

    def text(self, source: str, context: str = CONTEXT) -> str:
        """``source`` (declared in ``context``, GuestScreen by default) in the guest's language."""
        if self.language == SOURCE_LANGUAGE:
            return source
        translator = self._translator(self.language)
        return (translator.translate(context, source) if translator else "") or source

    def message(self, error: FaceDeskError | str) -> str:
        """A service's error sentence for the guest screen, in the guest's language when translated."""
        text = str(error)
        if self.language == SOURCE_LANGUAGE:
            return text
        translated = self.text(text, "Messages")
        return translated if translated != text else user_message(error)

    def switch(self, language: str) -> None:
        """Change the guest's language and tell the screens to redraw their text."""
        if language != self.language:
            self.language = language
            self.changed.emit(language)

    def reset(self) -> None:
        """Back to the desk's language (for the next guest)."""
        self.switch(self.desk_language)

    def on_change(self, redraw: Callable[[], None]) -> None:
        """Call ``redraw`` whenever the language changes (and once now)."""
        self.changed.connect(lambda _: redraw())
        redraw()

    def _translator(self, language: str) -> QTranslator | None:
        if language not in self._translators:
            translator = QTranslator(self)
            qm = compiled_translation(language, self._cache_dir)
            if qm is None or not translator.load(str(qm)):
                return None
            self._translators[language] = translator
        return self._translators[language]
