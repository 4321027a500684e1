"""Titles that wrap at a phrase, not in the middle of one."""

import pytest
from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextOption

from app.ui.labels import phrases_kept_whole


def wrapped_lines(text: str, width: float) -> list[str]:
    """The lines a word-wrapping label of ``width`` pixels draws ``text`` in."""
    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(text[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    return [line.strip().replace("\u00a0", " ").replace("\u2060", "") for line in lines]


@pytest.mark.parametrize(
    ("title", "phrases"),
    [
        ("Before you decide: how your face data is used", ["Before you decide:", "how your face data is used"]),
        ("请在决定前了解：您的人脸数据如何使用", ["请在决定前了解：", "您的人脸数据如何使用"]),
    ],
)
def test_a_title_too_wide_for_one_line_breaks_after_its_colon(qapp, title: str, phrases: list[str]) -> None:
    kept = phrases_kept_whole(title)
    assert wrapped_lines(kept, 10_000) == [title]  # nothing changes where it fits
    metrics = QFontMetricsF(QFont())
    # room for the longer phrase, not for the whole title: measured, so any font gives the same answer
    narrow = max(metrics.horizontalAdvance(phrase) for phrase in phrases) + metrics.averageCharWidth()
    assert narrow < metrics.horizontalAdvance(title)
    assert wrapped_lines(kept, narrow) == phrases
    assert wrapped_lines(title, narrow) != phrases  # without it, the title breaks inside a phrase
