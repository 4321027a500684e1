"""Saving a consent or deletion receipt, or the notice itself, as a PDF, on request (R5, R10, R23).

A receipt holds what was agreed or deleted, the notice version and the withdrawal code: never a
template, an image or an identity document number. The notice is the text the guest is reading,
in their language, so they can take it away before deciding.
"""

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from app.domain.documents import Document, DocumentStyle, Heading, Paragraph
from app.services.notice_service import RenderedNotice
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


def notice_document(notice: RenderedNotice) -> Document:
    """The notice as a document: its first line the title, each section a heading and its text."""
    title, _, body = notice.text.partition("\n")
    blocks: list[Heading | Paragraph] = []
    for section in (part.strip() for part in body.split("\n\n")):
        if not section:
            continue
        heading, _, text = section.partition("\n")
        blocks += [Heading(heading.strip()), Paragraph(text.strip())] if text.strip() else [Paragraph(heading)]
    footer = f"{notice.version} · SHA-256 {notice.sha256[:12]}"
    return Document(title.strip(), DocumentStyle.RECEIPT, (*blocks, Paragraph(footer)))


def save_notice_pdf(notice: RenderedNotice, path: Path) -> Path:
    """Write the notice to ``path`` (raises InvalidInputError if it cannot be written)."""
    return write_pdf(notice_document(notice), path)


def ask_where_to_save(parent: QWidget, title: str, suggested: str) -> QFileDialog:
    """An opened (non-blocking) save dialog for a PDF; connect to its ``fileSelected``."""
    dialog = QFileDialog(parent, title, suggested)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter("PDF (*.pdf)")
    dialog.setDefaultSuffix("pdf")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.open()
    return dialog
