"""Step 1: the guest's details and the stay, validated with the domain rules."""

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.domain.errors import InvalidInputError
from app.domain.guests import GuestDetails, StayDetails, guest_details, stay_details
from app.domain.people import IdDocumentType
from app.ui.labels import error_line, form_column, hint, page_title, show_error
from app.ui.messages import user_message
from app.ui.names import document_type_names


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class GuestDetailsStep(QWidget):
    """Name, document and stay.

    Signals:
        submitted(object, object): valid GuestDetails and StayDetails.
    """

    submitted = Signal(object, object)

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name as on the ID document"))
        self.document_type = QComboBox()
        self.document_type.setAccessibleName(self.tr("Document type"))
        for kind, label in document_type_names().items():
            self.document_type.addItem(label, kind.value)
        self.document_number = QLineEdit()
        self.document_number.setAccessibleName(self.tr("Document number"))
        self.birth_date = QLineEdit()
        self.birth_date.setAccessibleName(self.tr("Date of birth"))
        self.birth_date.setPlaceholderText(self.tr("YYYY-MM-DD (read from a resident ID automatically)"))
        self.room = QLineEdit()
        self.room.setAccessibleName(self.tr("Room"))
        self.arrival = QDateEdit()
        self.arrival.setAccessibleName(self.tr("Arrival date"))
        self.departure = QDateEdit()
        self.departure.setAccessibleName(self.tr("Departure date"))
        for field in (self.arrival, self.departure):
            field.setCalendarPopup(True)
            field.setDisplayFormat("yyyy-MM-dd")
        self.error = error_line()
        self.continue_button = QPushButton(self.tr("Continue"))
        self.continue_button.setObjectName("Primary")
        self.continue_button.setAutoDefault(True)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Document"), self.document_type)
        form.addRow(self.tr("Document number"), self.document_number)
        form.addRow(self.tr("Date of birth"), self.birth_date)
        form.addRow(self.tr("Room"), self.room)
        dates = QHBoxLayout()
        dates.addWidget(self.arrival)
        dates.addWidget(self.departure)
        form.addRow(self.tr("Arrival and departure"), dates)
        layout = form_column(self)
        layout.addWidget(page_title(self.tr("Check in a guest")))
        layout.addWidget(hint(self.tr("Enter the details exactly as on the guest's ID document.")))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.continue_button, alignment=Qt.AlignmentFlag.AlignRight)
        layout.addStretch()
        self.continue_button.clicked.connect(self._submit)
        for field in (self.name, self.document_number, self.birth_date, self.room):
            field.returnPressed.connect(self._submit)
        self.reset()

    def reset(self) -> None:
        """Empty the form for the next guest."""
        for field in (self.name, self.document_number, self.birth_date, self.room):
            field.clear()
        self.document_type.setCurrentIndex(0)
        now = self._today()
        today = QDate(now.year, now.month, now.day)
        self.arrival.setDate(today)
        self.departure.setDate(today.addDays(1))
        show_error(self.error, "")
        self.name.setFocus()

    def _submit(self) -> None:
        try:
            birth = date.fromisoformat(self.birth_date.text().strip()) if self.birth_date.text().strip() else None
        except ValueError:
            show_error(self.error, self.tr("Write the date of birth as YYYY-MM-DD, for example 1988-06-15."))
            return
        today = self._today()
        try:
            guest: GuestDetails = guest_details(
                self.name.text(),
                IdDocumentType(self.document_type.currentData()),
                self.document_number.text(),
                birth,
                today=today,
            )
            stay: StayDetails = stay_details(
                self.room.text(), _to_date(self.arrival.date()), _to_date(self.departure.date()), today=today
            )
        except InvalidInputError as exc:
            show_error(self.error, user_message(exc))
            return
        show_error(self.error, "")
        self.submitted.emit(guest, stay)


def tomorrow(day: date) -> date:
    """The day after ``day``."""
    return day + timedelta(days=1)
