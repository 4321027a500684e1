"""Reading back the PDFs FaceDesk writes: their text, their pages, and every stream decoded.

Text comes from pypdf (pure Python), so reading a PDF back needs no system tool.
"""

import re
import unicodedata
import zlib
from pathlib import Path

from pypdf import PageObject, PdfReader

# How a PDF carries a picture: an image XObject, a JPEG or JPEG 2000 stream filter, or an inline
# image (BI ... ID ... EI) in a page's content. Raw magic bytes are not searched in PDFs: embedded
# font programs are binary and can contain "\xff\xd8\xff" by chance (seen once in a filing PDF).
IMAGE_MARKERS = (b"/Subtype /Image", b"/Subtype/Image", b"/DCTDecode", b"/JPXDecode", b"\nBI ", b"\nBI\n")

# pypdf reports each run of glyphs with its position. Qt starts a new run wherever the font or
# script changes, even inside a word ("不" "收费"), so runs are joined into lines by their
# baseline, as a reader copying the text would see them, not by pypdf's own line breaks.
_SAME_LINE = 1.0  # points between baselines
_SPACE_BETWEEN_WIDE = re.compile(r"(?<=\S) (?=\S)")


def _is_wide(character: str) -> bool:
    return unicodedata.east_asian_width(character) in ("W", "F")


def _page_lines(page: PageObject) -> list[str]:
    lines: list[str] = []
    baseline: float | None = None

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        nonlocal baseline
        if not text.strip("\n"):
            return
        y = cm[5] + tm[5] * cm[3]
        if baseline is None or abs(y - baseline) > _SAME_LINE:
            lines.append("")
            baseline = y
        lines[-1] += text.replace("\n", " ")

    page.extract_text(visitor_text=visit)
    return [_tidy(line) for line in lines]


def _tidy(line: str) -> str:
    line = " ".join(line.replace("\t", " ").split())

    def space(match: re.Match[str]) -> str:
        return "" if _is_wide(line[match.start() - 1]) and _is_wide(line[match.end()]) else " "

    return _SPACE_BETWEEN_WIDE.sub(space, line)


def pdf_text(path: Path) -> str:
    """The text a reader would copy out of the PDF, line by line, page after page."""
    return "\n".join("\n".join(_page_lines(page)) for page in PdfReader(path).pages)


def pdf_page_count(path: Path) -> int:
    """Pages in the PDF."""
    return len(PdfReader(path).pages)


def decoded_streams(path: Path) -> bytes:
    """Every stream of the PDF, decompressed where it is Flate-encoded, joined."""
    data = path.read_bytes()
    out = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            out.append(zlib.decompress(match.group(1)))
        except zlib.error:
            out.append(match.group(1))
    return b"\n".join(out)


def has_image(path: Path) -> bool:
    """Whether the PDF holds a picture of any kind (image object, JPEG stream or inline image)."""
    streams = decoded_streams(path)
    return any(marker in streams for marker in IMAGE_MARKERS)


def embedded_fonts(path: Path) -> dict[str, bool]:
    """Every font the PDF's pages use, by its base name, and whether its program is embedded.

    A composite (Type0) font carries its program in its descendant font's descriptor; a simple font
    in its own. ``FontFile`` (Type 1), ``FontFile2`` (TrueType) or ``FontFile3`` (CFF/OpenType) means
    the glyphs travel with the file, as ``pdffonts`` reports in its "emb" column.
    """
    fonts: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        resources = page.get("/Resources")
        font_dict = resources.get_object().get("/Font") if resources is not None else None
        if font_dict is None:
            continue
        for reference in font_dict.get_object().values():
            font = reference.get_object()
            described = font
            if font.get("/Subtype") == "/Type0":
                described = font["/DescendantFonts"].get_object()[0].get_object()
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            fonts[str(font["/BaseFont"])] = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    return fonts
