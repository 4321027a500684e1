"""Reading back the PDFs FaceDesk writes: text as pdftotext extracts it, and every stream decoded."""

import re
import shutil
import subprocess
import zlib
from pathlib import Path

# How a PDF carries a picture: an image XObject, a JPEG or JPEG 2000 stream filter, or an inline
# image (BI ... ID ... EI) in a page's content. Raw magic bytes are not searched in PDFs: embedded
# font programs are binary and can contain "\xff\xd8\xff" by chance (seen once in a filing PDF).
IMAGE_MARKERS = (b"/Subtype /Image", b"/Subtype/Image", b"/DCTDecode", b"/JPXDecode", b"\nBI ", b"\nBI\n")


def pdf_text(path: Path) -> str:
    """The text a reader would copy out of the PDF (poppler's pdftotext, installed by .ci/run)."""
    tool = shutil.which("pdftotext")
    assert tool is not None, "pdftotext (Debian poppler-utils) is needed to read PDFs back"
    result = subprocess.run([tool, str(path), "-"], capture_output=True, text=True, check=True, timeout=60)
    return result.stdout


def pdf_page_count(path: Path) -> int:
    """Pages in the PDF (poppler's pdfinfo)."""
    tool = shutil.which("pdfinfo")
    assert tool is not None
    info = subprocess.run([tool, str(path)], capture_output=True, text=True, check=True, timeout=60).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]


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
