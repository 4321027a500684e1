"""Step 5 (guest-facing): the consent receipt with the withdrawal code, printable."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from app.domain.documents import Paper
from app.services.receipts import Receipt
from app.ui.check_in import guest_text as text
from app.ui.file_dialogs import ask_where_to_save
from app.ui.guest_language import GuestLanguage
from app.ui.receipt_pdf import print_receipts, save_receipt_pdf, show_receipts


class ReceiptStep(QWidget):
    """Shows and prints the receipt.

    Signals:
        done(): the guest is finished.
    """

    done = Signal()

    def __init__(
        self, guest: GuestLanguage, paper: Callable[[], Paper] = lambda: Paper.A4, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._guest = guest
        self._paper = paper
        self._receipt: Receipt | None = None
        self.setObjectName("GuestScreen")
        self.title = QLabel()
        self.title.setObjectName("GuestTitle")
        self.title.setWordWrap(True)
        self.body = QTextBrowser()
        self.body.setObjectName("ReceiptText")
        self.code = QLabel()
        self.code.setObjectName("RecoveryCode")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_button = QPushButton()
        self.print_button.setAutoDefault(False)
        self.pdf_button = QPushButton()
        self.pdf_button.setAutoDefault(False)
        self.done_button = QPushButton()
        self.done_button.setObjectName("Primary")
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch()
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.code, alignment=Qt.AlignmentFlag.AlignLeft)
        self.body.setTabChangesFocus(True)
        layout.addWidget(self.body, 1)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self._print)
        self.pdf_button.clicked.connect(self._ask_pdf)
        self.done_button.clicked.connect(self.done)
        guest.on_change(self._retranslate)

    def show_receipt(self, receipt: Receipt) -> None:
        """Display a receipt."""
        self._receipt = receipt
        self.code.setText(receipt.withdrawal_code)
        show_receipts(self.body, (receipt,))
        self.done_button.setFocus()

    def _print(self) -> None:
        if self._receipt is not None:
            print_receipts(self, (self._receipt,), self._paper())

    def save_pdf(self, path: Path) -> None:
        """Save the receipt as a PDF where the guest or receptionist chose."""
        if self._receipt is not None:
            save_receipt_pdf(self._receipt, path, self._paper())

    def _ask_pdf(self) -> None:
        self.file_dialog = ask_where_to_save(self, self._guest.text(text.SAVE_PDF), "consent-receipt.pdf")
        self.file_dialog.fileSelected.connect(lambda name: self.save_pdf(Path(name)))

    def _retranslate(self) -> None:
        t = self._guest.text
        self.title.setText(t(text.RECEIPT_TITLE))
        self.code.setAccessibleName(t(text.WITHDRAWAL_CODE))
        self.print_button.setText(t(text.PRINT))
        self.pdf_button.setText(t(text.SAVE_PDF))
        self.done_button.setText(t(text.DONE))
        self.body.setAccessibleName(t(text.RECEIPT_TITLE))
