"""Reading back the PDFs FaceDesk writes: their text, their pages, and every stream decoded.

Text comes from pypdf (pure Python), so reading a PDF back needs no system tool.
"""

import re
import unicodedata
import zlib
from pathlib import Path

from pypdf import PdfReader

# How a PDF carries a picture: an image XObject, a JPEG or JPEG 2000 stream filter, or an inline
# image (BI ... ID ... EI) in a page's content. Raw magic bytes are not searched in PDFs: embedded
# font programs are binary and can contain "\xff\xd8\xff" by chance (seen once in a filing PDF).
IMAGE_MARKERS = (b"/Subtype /Image", b"/Subtype/Image", b"/DCTDecode", b"/JPXDecode", b"\nBI ", b"\nBI\n")

# pypdf puts a space wherever Qt starts a new run of glyphs, which in Chinese text can fall
# between two characters of one word ("不 收费"); a reader copying the text sees none there.
_SPACE_RUN = re.compile(r"(?<=\S) +(?=\S)")


def _is_wide(character: str) -> bool:
    return unicodedata.east_asian_width(character) in ("W", "F")


def _join_wide(line: str) -> str:
    def replace(match: re.Match[str]) -> str:
        before, after = line[match.start() - 1], line[match.end()]
        return "" if _is_wide(before) and _is_wide(after) else match.group(0)

    return _SPACE_RUN.sub(replace, line)


def pdf_text(path: Path) -> str:
    """The text a reader would copy out of the PDF, page after page."""
    pages = (page.extract_text(extraction_mode="layout").replace("\t", " ") for page in PdfReader(path).pages)
    return "\n".join("\n".join(_join_wide(line) for line in page.splitlines()) for page in pages)


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
