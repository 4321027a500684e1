"""Printing receipts and sheets through the system print dialog (or to PDF from it)."""

from PySide6.QtGui import QPageLayout, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget


def print_document(parent: QWidget, document: QTextDocument) -> bool:
    """Ask for a printer and print; return whether it was printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
        return False
    document.print_(printer)
    return True


def print_text(parent: QWidget, text: str) -> bool:
    """Print plain text (receipts)."""
    document = QTextDocument()
    document.setPlainText(text)
    return print_document(parent, document)


def print_laid_out(parent: QWidget, document: QTextDocument, layout: QPageLayout) -> bool:
    """Ask for a printer and print ``document`` on pages of ``layout`` (A4, or an 80 mm receipt roll)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(layout)
    if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
        return False
    document.print_(printer)
    return True
