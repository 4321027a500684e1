"""Small factories so every page uses the same title, hint, error and column look."""

from collections.abc import Iterable

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLayout, QMessageBox, QVBoxLayout, QWidget

from app.config.paths import resource_path

FORM_WIDTH = 780  # forms stay readable on wide screens instead of stretching edge to edge


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


_NO_BREAK = "\u00a0"  # a space a line may not break at
_WORD_JOINER = "\u2060"  # no break between the characters either side (Chinese breaks anywhere otherwise)


def phrases_kept_whole(text: str) -> str:
    """``text`` that a wrapping label breaks only after its first colon, never inside a phrase.

    "Before you decide: how your face data is used" wraps as "Before you decide:" / "how your
    face data is used", not "... data is" / "used"; the same for "请在决定前了解：您的人脸数据如何使用".
    """
    for colon in (": ", "："):
        head, found, tail = text.partition(colon)
        if found:
            return _whole(head) + found + _whole(tail)
    return text


def _whole(phrase: str) -> str:
    joined = phrase.replace(" ", _NO_BREAK)
    return _WORD_JOINER.join(joined) if any(ord(c) > 0x2E80 for c in phrase) else joined


def guest_label(object_name: str = "GuestText") -> QLabel:
    """A wrapping label in one of the guest screens' text styles (GuestTitle, GuestText)."""
    label = QLabel()
    label.setObjectName(object_name)
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


def result_banner(accessible_name: str, parent: QWidget | None = None) -> QLabel:
    """A verdict banner that keeps its place while hidden, so showing a verdict never pushes the page down."""
    label = QLabel(parent)
    label.setObjectName("ResultBanner")
    label.setWordWrap(True)
    label.setAccessibleName(accessible_name)
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    label.setSizePolicy(policy)
    label.setText("\n")  # the room of two lines, measured in the banner's own font
    label.setMinimumHeight(label.sizeHint().height())
    label.setText("")
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    """Show ``text`` in an error line, or hide the line when ``text`` is empty."""
    label.setText(text)
    label.setVisible(bool(text))


def form_column(page: QWidget, max_width: int = FORM_WIDTH) -> QVBoxLayout:
    """Lay ``page`` out as one left-aligned column of at most ``max_width`` pixels; return its layout."""
    column = QWidget(page)
    column.setMaximumWidth(max_width)
    outer = QHBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(column, 1)
    outer.addStretch(0)
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    return layout


def share_label_column(pages: Iterable[QWidget]) -> None:
    """Give every form on ``pages`` one label column, as wide as the widest label.

    Fields then start at the same place from page to page (a wizard's pages, shown one after another).
    """
    labels: list[QWidget] = []
    for page in pages:
        for form in page.findChildren(QFormLayout):
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                label = item.widget() if item is not None else None
                if label is not None:
                    labels.append(label)
    width = max((label.sizeHint().width() for label in labels), default=0)
    for label in labels:
        label.setMinimumWidth(width)


def dialog_width(dialog: QWidget, width: int) -> None:
    """Open ``dialog`` ``width`` pixels wide, or wider when its contents need it (Large text, Chinese).

    A fixed minimum width would win over the layout, and the dialog would then cut its own text.
    """
    layout = dialog.layout()
    if layout is not None:
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # never smaller than the contents
    dialog.ensurePolished()  # sizes as the stylesheet (Large text) makes them
    hint = dialog.sizeHint()
    dialog.resize(max(width, hint.width()), hint.height())


def own_icon(box: QMessageBox) -> QMessageBox:
    """FaceDesk's icon on a message box instead of Qt's stock one; return the box.

    A warning or an error shows FaceDesk's attention sign; a question or a note shows none (its
    words and buttons say enough).
    """
    if box.icon() in (QMessageBox.Icon.Warning, QMessageBox.Icon.Critical):
        box.setIconPixmap(QIcon(str(resource_path("icons", "incidents.svg"))).pixmap(48, 48))
    else:
        box.setIcon(QMessageBox.Icon.NoIcon)
    return box


def set_state(label: QLabel, state: str) -> None:
    """Colour a result banner ("ok", "attention", or "" for neutral) and redraw it at once."""
    label.setProperty("state", state)
    label.style().unpolish(label)
    label.style().polish(label)
