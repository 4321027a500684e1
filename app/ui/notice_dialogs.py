"""Dialogs the desk shows the guest or the receptionist about one stay's face data.

``RenewalDialog``: a notice the guest has not agreed to yet (changed since they consented, or a
longer stay it does not cover): the guest agrees with their name, or declines and their face data
goes (R6). ``DepartureDialog``: a new departure date. ``DeletionReceiptsDialog``: the deletion
receipts of a checkout, for a guest who wants one (R10).
"""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.documents import Paper
from app.domain.front_desk import DeskStay
from app.services.notice_service import RenderedNotice
from app.services.receipts import Receipt
from app.ui.labels import hint
from app.ui.receipt_pdf import print_receipts, show_receipts


class RenewalDialog(QDialog):
    """The new notice, and the guest's choice to accept it (typed name) or decline."""

    def __init__(self, notice: RenderedNotice, parent: QWidget | None = None, *, intro: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The notice has changed"))
        self.notice = notice
        self.text = QTextBrowser()
        self.text.setPlainText(notice.text)
        self.text.setAccessibleName(self.tr("New notice"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Guest's full name"))
        buttons = QDialogButtonBox()
        self.accept_button = buttons.addButton(self.tr("Guest agrees"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.decline_button = buttons.addButton(
            self.tr("Guest declines (delete face data)"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        for button in (self.accept_button, self.decline_button):
            button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        self.intro = hint(intro)
        self.intro.setVisible(bool(intro))
        layout.addWidget(self.intro)
        layout.addWidget(
            hint(self.tr("Ask the guest to read the new notice. Face verification continues only if they agree."))
        )
        layout.addWidget(self.text, 1)
        self.name_label = QLabel(self.tr("Guest types their full name to agree:"))
        layout.addWidget(self.name_label)
        layout.addWidget(self.name)
        layout.addWidget(buttons)
        self.declined = False
        self.accept_button.clicked.connect(self._accept)
        self.decline_button.clicked.connect(self._decline)
        self.resize(720, 640)

    def _accept(self) -> None:
        if self.name.text().strip():
            self.accept()

    def _decline(self) -> None:
        self.declined = True
        self.reject()


class DepartureDialog(QDialog):
    """The new departure date of one stay (the face data then goes at the new checkout)."""

    def __init__(self, row: DeskStay, parent: QWidget | None = None, *, guests: int = 1) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change departure"))
        current = row.stay.departure
        self.date = QDateEdit(QDate(current.year, current.month, current.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setCurrentSection(QDateTimeEdit.Section.DaySection)  # Up / Down move by a night
        self.date.setAccessibleName(self.tr("New departure date"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        who = (
            self.tr("Everyone in room %2 (%1 guests)").replace("%1", str(guests))
            if guests > 1
            else self.tr("Guest: %1, room %2").replace("%1", row.name)
        )
        form.addRow(QLabel(who.replace("%2", row.stay.room)))
        form.addRow(self.tr("New departure"), self.date)
        if row.face_data_until is not None:
            form.addRow(
                hint(
                    self.tr(
                        "Face data then goes at the new checkout. A guest who agreed to an earlier notice is "
                        "shown the current one first."
                    )
                )
            )
        form.addRow(buttons)

    def departure(self) -> date:
        """The chosen date."""
        chosen = self.date.date()
        return date(chosen.year(), chosen.month(), chosen.day())


class DeletionReceiptsDialog(QDialog):
    """The deletion receipts of a checkout: printed only when the guest wants one."""

    def __init__(
        self, receipts: tuple[Receipt, ...], paper: Callable[[], Paper], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Deletion receipts"))
        self.receipts = receipts
        self.text = QTextBrowser()
        show_receipts(self.text, receipts)
        self.text.setAccessibleName(self.tr("Deletion receipts"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(self.tr("Print receipt"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(lambda: print_receipts(self, receipts, paper()))
        layout = QVBoxLayout(self)
        layout.addWidget(hint(self.tr("The face data was deleted. Print the deletion receipt if the guest wants one.")))
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(640, 520)
