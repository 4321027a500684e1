"""Saving a consent or deletion receipt, or the notice itself, as a PDF, on request (R5, R10, R23).

A receipt holds what was agreed or deleted, the notice version and the withdrawal code: never a
template, an image or an identity document number. The notice is the text the guest is reading,
in their language, so they can take it away before deciding.
"""

from pathlib import Path

from PySide6.QtWidgets import QTextBrowser, QWidget

from app.domain.documents import Document, DocumentStyle, Heading, PageBreak, Paper, Paragraph
from app.services.notice_service import RenderedNotice
from app.services.receipts import Receipt
from app.ui.pdf_writer import RECEIPT_TEXT_POINTS, laid_out, to_html, write_pdf
from app.ui.printing import print_laid_out


def receipt_document(receipt: Receipt) -> Document:
    """The receipt's text as a document: the first line is the title, each paragraph a block."""
    title, _, body = receipt.text.partition("\n")
    blocks: list[Paragraph] = []
    for part in (part.strip() for part in body.split("\n\n")):
        first, _, rest = part.partition("\n")
        if receipt.withdrawal_code in first and rest:  # the line the guest needs later stands out
            blocks += [Paragraph(first, strong=True), Paragraph(rest.strip())]
        elif part:
            blocks.append(Paragraph(part))
    return Document(title.strip(), DocumentStyle.RECEIPT, tuple(blocks))


def receipts_document(receipts: tuple[Receipt, ...], paper: Paper) -> Document:
    """Several receipts (a party's checkout) as one document: a new A4 sheet each, or one after another on a roll."""
    first, *rest = [receipt_document(receipt) for receipt in receipts]
    blocks = list(first.blocks)
    for document in rest:
        if paper is Paper.A4:
            blocks.append(PageBreak())
        blocks += [Heading(document.title), *document.blocks]
    return Document(first.title, DocumentStyle.RECEIPT, tuple(blocks))


def show_receipts(browser: QTextBrowser, receipts: tuple[Receipt, ...]) -> None:
    """Show the receipts laid out as on paper, their text the size of the browser's own (Large text too)."""
    browser.ensurePolished()  # its font as the stylesheet sets it
    scale = browser.font().pointSizeF() / RECEIPT_TEXT_POINTS
    browser.setHtml("<hr>".join(to_html(receipt_document(receipt), scale) for receipt in receipts))


def save_receipt_pdf(receipt: Receipt, path: Path, paper: Paper = Paper.A4) -> Path:
    """Write the receipt to ``path`` for ``paper`` (raises InvalidInputError if it cannot be written)."""
    return write_pdf(receipt_document(receipt), path, paper)


def print_receipts(parent: QWidget, receipts: tuple[Receipt, ...], paper: Paper) -> bool:
    """Ask for a printer and print the receipts laid out for ``paper``; return whether they were printed."""
    return print_laid_out(parent, *laid_out(receipts_document(receipts, paper), paper))


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
