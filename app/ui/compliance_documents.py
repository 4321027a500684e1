"""The Compliance page's documents: the sign, the impact assessment report and the filing data.

Each is built by the document service from the current settings and records, and written as a
PDF (the filing data also as JSON beside it) where the manager chooses.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.domain.documents import Document
from app.domain.errors import FaceDeskError
from app.domain.operators import OperatorSession
from app.services.document_service import DocumentService, write_filing_json
from app.ui.file_dialogs import ask_where_to_save
from app.ui.labels import error_line, hint, show_error
from app.ui.messages import user_message
from app.ui.pdf_writer import write_pdf


class DocumentActions(QWidget):
    """Buttons that save the compliance documents.

    Signals:
        saved(str): a document was written (its file name); the page refreshes its status.
    """

    saved = Signal(str)

    def __init__(self, documents: DocumentService, session: OperatorSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._documents = documents
        self._session = session
        self.sign_button = QPushButton(self.tr("Save the sign as PDF…"))
        self.pia_button = QPushButton(self.tr("Save the impact assessment report as PDF…"))
        self.filing_button = QPushButton(self.tr("Export the filing data…"))
        self.filing_button.setAccessibleName(self.tr("Export the filing data as PDF and JSON"))
        self.status = hint("")
        self.error = error_line()
        buttons = QHBoxLayout()
        for button in (self.sign_button, self.pia_button, self.filing_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        self.sign_button.clicked.connect(lambda: self._choose(self.tr("facedesk-sign.pdf"), self.save_sign))
        self.pia_button.clicked.connect(lambda: self._choose(self.tr("impact-assessment.pdf"), self.save_pia))
        self.filing_button.clicked.connect(lambda: self._choose(self.tr("filing-data.pdf"), self.export_filing))

    def save_sign(self, path: Path) -> None:
        """Write the bilingual A4 sign."""
        self._write(path, lambda: self._documents.signage(self._session, write=lambda d: write_pdf(d, path)))

    def save_pia(self, path: Path) -> None:
        """Write the latest impact assessment report."""
        self._write(path, lambda: self._documents.pia_report(self._session, write=lambda d: write_pdf(d, path)))

    def export_filing(self, path: Path) -> None:
        """Write the filing data as a PDF and, beside it, as JSON."""
        companion = path.with_suffix(".json")

        def write_both(document: Document, data: dict[str, Any]) -> None:
            write_filing_json(data, companion)
            try:
                write_pdf(document, path)
            except BaseException:
                companion.unlink(missing_ok=True)  # both files or neither
                raise

        self._write(path, lambda: self._documents.filing_data(self._session, write=write_both), also=companion.name)

    def _write(self, path: Path, save: Callable[[], object], also: str = "") -> None:
        try:
            save()
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        show_error(self.error, "")
        names = f"{path.name}, {also}" if also else path.name
        self.status.setText(self.tr("Saved %1.").replace("%1", names))
        self.saved.emit(path.name)

    def _choose(self, suggested: str, save: Callable[[Path], None]) -> None:
        self.file_dialog = ask_where_to_save(
            self, self.tr("Save as PDF"), suggested, self.tr("PDF files (*.pdf)"), "pdf"
        )
        self.file_dialog.fileSelected.connect(lambda name: save(Path(name)))
