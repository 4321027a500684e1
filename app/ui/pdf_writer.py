"""Drawing a compliance document to a PDF with Qt (fonts embedded, Chinese included).

Documents go on A4 pages; a receipt can instead go on an 80 mm receipt roll: one page as long
as its text, in smaller type, as a thermal printer cuts it.

The PDF embeds the subset of the font it uses, so a sign or report prints the same anywhere. For
Chinese the first installed font of CJK_FONTS is used (Noto Sans CJK on Linux, Microsoft YaHei on
Windows, PingFang on macOS). The file is written next to its final name and renamed into place,
so a failed write never leaves half a PDF behind.

One repair is made to Qt's output: CJK fonts draw a Kangxi radical and the matching ideograph
(U+2F08 "⼈" and U+4EBA "人") with the same glyph, and Qt's text map names the lower code point, so
copying or searching the PDF would find "⼈脸识别" instead of "人脸识别". ``repair_text_map`` points
those entries at the ideograph (same byte length, so nothing else in the file moves).
"""

import html
import re
import unicodedata
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QFont, QFontDatabase, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from app.config.files import output_error, write_via_new_file
from app.domain.documents import (
    Document,
    DocumentStyle,
    Facts,
    Heading,
    Headline,
    PageBreak,
    Paper,
    Paragraph,
    Table,
    Warning,
)

CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC")
LATIN_FONTS = ("Noto Sans", "DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial")
MARGIN_MM = 18.0
ROLL_WIDTH_MM = 80.0
ROLL_MARGIN_MM = 4.0  # thermal printers print 72 mm of an 80 mm roll
ROLL_SCALE = 0.8  # receipt type on a roll: 9 pt text, 14 pt title
MM_PER_INCH = 25.4
LAYOUT_DPI = 96.0
MIN_SIGN_SCALE = 0.6
RECEIPT_TEXT_POINTS = 11
_SIZES = {  # point sizes: headline, heading, paragraph, facts
    DocumentStyle.SIGN: (32, 16, 15, 14),
    DocumentStyle.REPORT: (20, 13, 10, 9.5),
    DocumentStyle.RECEIPT: (18, 13, RECEIPT_TEXT_POINTS, RECEIPT_TEXT_POINTS),
}


def document_font() -> QFont:
    """A font that covers Latin and Chinese text, from what this computer has installed."""
    installed = set(QFontDatabase.families())
    families = [family for family in (*LATIN_FONTS, *CJK_FONTS) if family in installed] or ["sans-serif"]
    font = QFont()
    font.setFamilies(families)
    # No "fi"/"ff" ligatures: their glyphs would be copied and searched as "ﬁ"/"ﬀ", not "fi"/"ff".
    for feature in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(feature), 0)
    return font


def to_html(document: Document, scale: float = 1.0) -> str:
    """The document as the HTML subset QTextDocument understands, type sizes times ``scale``."""
    headline, heading, paragraph, facts = (round(size * scale, 1) for size in _SIZES[document.style])
    centred = document.style is DocumentStyle.SIGN
    align = ' align="center"' if centred else ""
    parts = []
    if document.style is not DocumentStyle.SIGN:
        parts.append(
            f'<p style="font-size:{headline}pt; font-weight:bold; margin-bottom:12px">{_text(document.title)}</p>'
        )
    for block in document.blocks:
        if isinstance(block, Headline):
            parts.append(
                f'<p{align} style="font-size:{headline}pt; font-weight:bold; margin-top:6px; margin-bottom:6px">'
                f"{_text(block.text)}</p>"
            )
        elif isinstance(block, Heading):
            parts.append(
                f'<p style="font-size:{heading}pt; font-weight:bold; margin-top:14px; margin-bottom:4px">'
                f"{_text(block.text)}</p>"
            )
        elif isinstance(block, Paragraph):
            weight = "bold" if block.strong else "normal"
            parts.append(
                f'<p{align} style="font-size:{paragraph}pt; font-weight:{weight}; margin-bottom:8px">'
                f"{_text(block.text)}</p>"
            )
        elif isinstance(block, Warning):
            parts.append(
                f'<table width="100%" cellpadding="8" style="background-color:#fff3cd"><tr><td style="font-size:'
                f'{paragraph}pt; font-weight:bold; color:#7a4b00">{_text(block.text)}</td></tr></table>'
            )
        elif isinstance(block, Facts):
            rows = "".join(
                f'<tr><td width="32%" style="font-weight:bold; font-size:{facts}pt">{_text(label)}</td>'
                f'<td style="font-size:{facts}pt">{_text(value)}</td></tr>'
                for label, value in block.rows
            )
            parts.append(
                f'<table width="100%" cellspacing="0" cellpadding="4" border="1" style="border-color:#c8ced6; '
                f'border-style:solid">{rows}</table>'
            )
        elif isinstance(block, Table):
            head = "".join(
                f'<th align="left" style="font-size:{facts}pt; background-color:#eef1f5">{_text(cell)}</th>'
                for cell in block.header
            )
            body = "".join(
                "<tr>" + "".join(f'<td style="font-size:{facts}pt">{_text(cell)}</td>' for cell in row) + "</tr>"
                for row in block.rows
            )
            parts.append(
                f'<table width="100%" cellspacing="0" cellpadding="3" border="1" style="border-color:#c8ced6; '
                f'border-style:solid"><tr>{head}</tr>{body}</table>'
            )
        elif isinstance(block, PageBreak):
            parts.append('<p style="page-break-after:always"></p>')
    return "<html><body>" + "".join(parts) + "</body></html>"


def write_pdf(document: Document, path: Path, paper: Paper = Paper.A4) -> Path:
    """Draw ``document`` on A4 pages (or a receipt on an 80 mm roll) into ``path``; return the path.

    Raises:
        InvalidInputError: the file cannot be written (nothing is left behind).
    """
    try:
        write_via_new_file(path, lambda partial: _draw(document, partial, paper))
    except OSError as exc:
        raise output_error(exc, path) from None
    return path


def laid_out(document: Document, paper: Paper) -> tuple[QTextDocument, QPageLayout]:
    """The document laid out for ``paper``, and the page layout to print it with.

    The text is laid out on the printable area in the document's own units (96 per inch, where
    font point sizes are resolved); printing scales that area onto the page.
    """
    text = QTextDocument()
    text.setDefaultFont(document_font())
    if paper is Paper.ROLL_80MM:
        width = (ROLL_WIDTH_MM - 2 * ROLL_MARGIN_MM) / MM_PER_INCH * LAYOUT_DPI
        text.setHtml(to_html(document, ROLL_SCALE))
        text.setTextWidth(width)
        # One page as long as the receipt: the roll is cut after it.
        height = text.size().height()
        text.setPageSize(QSizeF(width, height))
        page_mm = QSizeF(ROLL_WIDTH_MM, height / LAYOUT_DPI * MM_PER_INCH + 2 * ROLL_MARGIN_MM)
        margins = QMarginsF(ROLL_MARGIN_MM, ROLL_MARGIN_MM, ROLL_MARGIN_MM, ROLL_MARGIN_MM)
        size = QPageSize(page_mm, QPageSize.Unit.Millimeter, "80 mm receipt", QPageSize.SizeMatchPolicy.ExactMatch)
        return text, QPageLayout(size, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter)
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )
    area = layout.paintRect(QPageLayout.Unit.Inch)
    text.setPageSize(QSizeF(area.width() * LAYOUT_DPI, area.height() * LAYOUT_DPI))
    scale = 1.0
    text.setHtml(to_html(document, scale))
    # A sign is one sheet on the wall: long business details make the type smaller, not a page 2.
    while document.style is DocumentStyle.SIGN and text.pageCount() > 1 and scale > MIN_SIGN_SCALE:
        scale -= 0.05
        text.setHtml(to_html(document, scale))
    return text, layout


def _draw(document: Document, partial: Path, paper: Paper) -> None:
    """Lay out ``document`` for ``paper`` into the (already created) file ``partial``."""
    writer = QPdfWriter(str(partial))
    writer.setTitle(document.title)
    writer.setCreator("FaceDesk")
    writer.setResolution(300)
    text, layout = laid_out(document, paper)
    writer.setPageLayout(layout)
    text.print_(writer)  # no page numbers: the page is the printable area laid out above
    del writer  # finishes and closes the file
    if not partial.is_file() or partial.stat().st_size == 0:
        raise OSError("the PDF could not be written")
    partial.write_bytes(repair_text_map(partial.read_bytes()))


_CMAP_STREAM = re.compile(rb"stream\n(/CIDInit /ProcSet findresource begin.*?endcmap)", re.S)
_MAPPED_LIST = re.compile(rb"\[[^\]]*\]|<[0-9A-Fa-f]{4}> <[0-9A-Fa-f]{4}>\n")
_CODE = re.compile(rb"<([0-9A-Fa-f]{4})>")


# CJK Radicals Supplement forms that are also everyday simplified characters, and the ideograph each
# one's glyph draws (Unicode's EquivalentUnifiedIdeograph data; Unicode gives these no NFKC mapping).
_SUPPLEMENT = {
    0x2E9F: 0x6BCD, 0x2EA0: 0x6C11, 0x2EC4: 0x897F, 0x2EC5: 0x89C1, 0x2EC6: 0x89D2, 0x2EC9: 0x8D1D,
    0x2ECB: 0x8F66, 0x2ED1: 0x9577, 0x2ED3: 0x957F, 0x2ED4: 0x95E8, 0x2ED7: 0x96E8, 0x2ED8: 0x9752,
    0x2ED9: 0x97E6, 0x2EDA: 0x9875, 0x2EDB: 0x98CE, 0x2EDC: 0x98DE, 0x2EDD: 0x98DF, 0x2EE2: 0x9A6C,
    0x2EE3: 0x9AA8, 0x2EE4: 0x9B3C, 0x2EE5: 0x9C7C, 0x2EE6: 0x9E1F, 0x2EE7: 0x5364, 0x2EE8: 0x9EA6,
    0x2EE9: 0x9EC4, 0x2EEA: 0x9EFE, 0x2EEC: 0x9F50, 0x2EEE: 0x9F7F, 0x2EF0: 0x9F99, 0x2EF3: 0x9F9F,
}  # fmt: skip


def _ideograph(match: re.Match[bytes]) -> bytes:
    code = int(match.group(1), 16)
    if code in _SUPPLEMENT:
        return b"<%04X>" % _SUPPLEMENT[code]
    if 0x2E80 <= code <= 0x2FDF:  # CJK radicals: name the ideograph the glyph also draws
        unified = unicodedata.normalize("NFKC", chr(code))
        if len(unified) == 1 and ord(unified) <= 0xFFFF and unified != chr(code):
            return b"<%04X>" % ord(unified)
    return match.group(0)


def repair_text_map(pdf: bytes) -> bytes:
    """Point ToUnicode entries that name a CJK radical at the ideograph instead (same length)."""

    def fix_cmap(cmap: re.Match[bytes]) -> bytes:
        # Only destination lists ("[<...> ...]") and bfchar pairs; glyph ids in a subset are small.
        body = _MAPPED_LIST.sub(lambda part: _CODE.sub(_ideograph, part.group(0)), cmap.group(1))
        return b"stream\n" + body

    repaired = _CMAP_STREAM.sub(fix_cmap, pdf)
    if len(repaired) != len(pdf):  # cannot happen: every code keeps four hex digits
        raise ValueError("repairing the text map changed the file length")
    return repaired


def _text(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")
