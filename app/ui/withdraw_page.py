"""Withdraw / opt out: find the person, confirm once, delete, print the deletion receipt (R10).

Nobody is asked for a reason. The confirmation names exactly what will be deleted.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from app.domain.documents import Paper
from app.domain.errors import FaceDeskError
from app.domain.operators import OperatorSession
from app.services.consent_service import ConsentService
from app.services.directory_service import DirectoryService, PersonRow
from app.services.receipts import Receipt
from app.ui.file_dialogs import ask_where_to_save
from app.ui.labels import error_line, hint, own_icon, page_title, show_error
from app.ui.messages import user_message
from app.ui.people_search import PeopleSearch
from app.ui.receipt_pdf import print_receipts, save_receipt_pdf, show_receipts


class WithdrawPage(QWidget):
    """Withdraw & delete.

    Signals:
        withdrawn(object): the deletion Receipt.
    """

    withdrawn = Signal(object)

    def __init__(
        self,
        directory: DirectoryService,
        consents: ConsentService,
        session: OperatorSession,
        parent: QWidget | None = None,
        *,
        paper: Callable[[], Paper] = lambda: Paper.A4,
    ) -> None:
        super().__init__(parent)
        self._paper = paper
        self._directory = directory
        self._consents = consents
        self._session = session
        self._person: PersonRow | None = None
        self._receipt: Receipt | None = None
        self.confirmation: QMessageBox | None = None
        self.search = PeopleSearch(self._directory, self._session, self.tr("Name, room or withdrawal code"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.withdraw_button = QPushButton(self.tr("Withdraw && delete face data"))
        self.withdraw_button.setObjectName("Danger")
        self.withdraw_button.setEnabled(False)
        self.withdraw_button.setAccessibleName(self.tr("Withdraw and delete face data"))
        self.receipt = QTextBrowser()
        self.receipt.setAccessibleName(self.tr("Deletion receipt"))
        self.print_button = QPushButton(self.tr("Print receipt"))
        self.print_button.setEnabled(False)
        self.pdf_button = QPushButton(self.tr("Save receipt as PDF"))
        self.pdf_button.setEnabled(False)
        self.error = error_line()
        right = QVBoxLayout()
        right.addWidget(self.summary)
        right.addWidget(self.withdraw_button)
        right.addWidget(self.error)
        right.addWidget(self.receipt, 1)
        receipt_buttons = QHBoxLayout()
        receipt_buttons.addWidget(self.print_button)
        receipt_buttons.addWidget(self.pdf_button)
        right.addLayout(receipt_buttons)
        body = QHBoxLayout()
        body.addWidget(self.search, 2)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Withdraw consent / opt out")))
        layout.addWidget(
            hint(self.tr("No reason is needed. Face data is deleted at once; a deletion receipt can be printed."))
        )
        layout.addLayout(body, 1)
        self.search.selected.connect(self._select)
        self.withdraw_button.clicked.connect(self._withdraw)
        self.print_button.clicked.connect(self._print)
        self.pdf_button.clicked.connect(self._ask_pdf)

    def enter(self) -> None:
        """The page was opened from the navigation."""
        self.search.enter()

    def open_guest(self, person_id: int) -> None:
        """Choose this guest (from the Front desk)."""
        row = self._directory.row(self._session, person_id)
        if row is not None:
            self.search.show_person(row)

    def _select(self, person: PersonRow | None) -> None:
        self._person = person
        show_error(self.error, "")
        if person is None:
            self.summary.setText("")
            self.withdraw_button.setEnabled(False)
            return
        if person.consent_id is None:
            self.summary.setText(
                self.tr("%1 has not agreed to face verification (or has withdrawn): no face data is held.").replace(
                    "%1", person.name
                )
            )
            self.withdraw_button.setEnabled(False)
            return
        self.summary.setText(
            self.tr("%1 agreed to face verification. Their face data is held.").replace("%1", person.name)
        )
        self.withdraw_button.setEnabled(True)

    def _withdraw(self) -> None:
        """Ask once, naming exactly what will be deleted; Cancel is the default answer."""
        person = self._person
        if person is None or person.consent_id is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Withdraw & delete"),
            self.tr("Delete the face data of %1 now?").replace("%1", person.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        own_icon(box)
        box.setInformativeText(self.tr("All their face data will be deleted. This cannot be undone."))
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Delete now"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _: self._confirmation_answered(box))
        self.confirmation = box
        box.open()  # no nested event loop; the answer arrives in _confirmation_answered

    def _confirmation_answered(self, box: QMessageBox) -> None:
        self.confirmation = None
        confirmed = box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)
        box.deleteLater()
        if confirmed:
            self.confirm_withdrawal()

    def confirm_withdrawal(self) -> None:
        """Withdraw the selected person's consent (after the confirmation)."""
        person = self._person
        if person is None or person.consent_id is None:
            return
        try:
            self._receipt = self._consents.withdraw(self._session, person.consent_id)
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        show_receipts(self.receipt, (self._receipt,))
        self.print_button.setEnabled(True)
        self.pdf_button.setEnabled(True)
        self.withdrawn.emit(self._receipt)
        self.search.refresh()

    def _print(self) -> None:
        if self._receipt is not None:
            print_receipts(self, (self._receipt,), self._paper())

    def save_pdf(self, path: Path) -> None:
        """Save the deletion receipt as a PDF (on request)."""
        if self._receipt is None:
            return
        try:
            save_receipt_pdf(self._receipt, path, self._paper())
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))

    def _ask_pdf(self) -> None:
        self.file_dialog = ask_where_to_save(self, self.tr("Save receipt as PDF"), "deletion-receipt.pdf")
        self.file_dialog.fileSelected.connect(lambda name: self.save_pdf(Path(name)))
