"""Saving a consent or deletion receipt as a PDF, on request (R5, R10).

A receipt holds what was agreed or deleted, the notice version and the withdrawal code: never a
template, an image or an identity document number.
"""

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from app.domain.documents import Document, DocumentStyle, Paragraph
from app.services.receipts import Receipt
from app.ui.pdf_writer import write_pdf


def receipt_document(receipt: Receipt) -> Document:
    """The receipt's text as a document: the first line is the title, each paragraph a block."""
    title, _, body = receipt.text.partition("\n")
    paragraphs = [part.strip() for part in body.split("\n\n") if part.strip()]
    return Document(title.strip(), DocumentStyle.RECEIPT, tuple(Paragraph(part) for part in paragraphs))


def save_receipt_pdf(receipt: Receipt, path: Path) -> Path:
    """Write the receipt to ``path`` (raises InvalidInputError if it cannot be written)."""
    return write_pdf(receipt_document(receipt), path)


def ask_where_to_save(parent: QWidget, title: str, suggested: str) -> QFileDialog:
    """An opened (non-blocking) save dialog for a PDF; connect to its ``fileSelected``."""
    dialog = QFileDialog(parent, title, suggested)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter("PDF (*.pdf)")
    dialog.setDefaultSuffix("pdf")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.open()
    return dialog
