"""Marking text for translation where it is declared, without Qt (the one definition lupdate reads).

Qt's ``lupdate`` finds ``QT_TRANSLATE_NOOP("Context", "text")`` calls by name in any module that
imports this; the text is translated where it is shown, with ``QCoreApplication.translate``.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` and return it unchanged."""
    del context
    return text
