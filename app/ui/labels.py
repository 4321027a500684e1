"""Small label factories so every page uses the same title, hint and error look."""

from PySide6.QtWidgets import QLabel, QWidget


def page_title(text: str, parent: QWidget | None = None) -> QLabel:
    """A large page heading."""
    label = QLabel(text, parent)
    label.setObjectName("PageTitle")
    label.setWordWrap(True)
    return label


def hint(text: str, parent: QWidget | None = None) -> QLabel:
    """A calm explanatory sentence."""
    label = QLabel(text, parent)
    label.setObjectName("Hint")
    label.setWordWrap(True)
    return label


def error_line(parent: QWidget | None = None) -> QLabel:
    """An initially hidden line for the current problem; screen readers announce its text."""
    label = QLabel(parent)
    label.setObjectName("Error")
    label.setWordWrap(True)
    label.setAccessibleName("Problem")
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    """Show ``text`` in an error line, or hide the line when ``text`` is empty."""
    label.setText(text)
    label.setVisible(bool(text))
