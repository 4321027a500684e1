"""The printable recovery-code sheet."""

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QWidget

from app.ui.printing import print_document


def recovery_sheet(code: str, business_name: str) -> QTextDocument:
    """A one-page document with the recovery code and what it is for."""
    title = QCoreApplication.translate("RecoverySheet", "FaceDesk recovery code")
    body = QCoreApplication.translate(
        "RecoverySheet",
        "Keep this sheet locked away from the FaceDesk computer. With this code, the command "
        "'facedesk recover' re-opens the encrypted data if the keyring entry or the passphrase is lost.",
    )
    document = QTextDocument()
    document.setHtml(
        f"<h1>{escape(title)}</h1><p>{escape(business_name)}</p>"
        f"<p style='font-family: monospace; font-size: 20pt'><b>{escape(code)}</b></p>"
        f"<p>{escape(body)}</p>"
    )
    return document


def print_recovery_sheet(parent: QWidget, code: str, business_name: str) -> None:
    """Ask for a printer and print the sheet."""
    print_document(parent, recovery_sheet(code, business_name))
