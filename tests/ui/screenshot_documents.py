"""The compliance documents as pictures for the README: each PDF page rendered to PNG.

Called by tests/ui/screenshot_tour.py when it saves screenshots; the documents are bilingual, so
they are rendered once, into ``<out>/documents/``. Needs poppler's pdftoppm (Debian poppler-utils).
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

from app.services.desk_services import DeskServices
from app.ui.pdf_writer import write_pdf

RESOLUTION_DPI = 60  # enough to read in the README, small enough to commit


def document_pages(desk: DeskServices, admin: tuple[str, str], out: Path) -> list[Path]:
    """Write the sign, the impact assessment report and the filing data, and render their pages."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise RuntimeError("pdftoppm (Debian poppler-utils) is needed to render the document pages")
    session = desk.operators.sign_in(*admin)
    folder = out / "documents"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    documents = {
        "sign": desk.documents.signage(session, write=lambda _: None),
        "impact-assessment": desk.documents.pia_report(session, write=lambda _: None),
        "filing-data": desk.documents.filing_data(session, write=lambda *_: None)[0],
    }
    desk.operators.sign_out(session)
    with tempfile.TemporaryDirectory(prefix="facedesk-documents-") as temporary:
        for name, document in documents.items():
            pdf = write_pdf(document, Path(temporary) / f"{name}.pdf")
            subprocess.run(
                [tool, "-r", str(RESOLUTION_DPI), "-png", str(pdf), str(folder / name)], check=True, timeout=120
            )
    return sorted(folder.glob("*.png"))
