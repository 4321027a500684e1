"""Step 1: the guest's details and the stay, validated with the domain rules.

The identity fills itself when the guest's ID card is laid on the reader, or when a passport's
machine-readable zone is typed or scanned into the number field; an expired document is flagged.
"""

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.domain.errors import InvalidInputError
from app.domain.guests import GuestDetails, StayDetails, stay_details
from app.domain.id_cards import IdCardRead
from app.ui.card_reader_status import CardReaderStatusLabel
from app.ui.identity_fields import IdentityFields
from app.ui.labels import error_line, form_column, hint, page_title, show_error
from app.ui.messages import user_message


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
        self.identity = IdentityFields(self)
        self.name = self.identity.name
        self.document_type = self.identity.document_type
        self.document_number = self.identity.document_number
        self.birth_date = self.identity.birth_date
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
        self.reader_status = CardReaderStatusLabel()
        self.expiry_warning = error_line()
        self.continue_button = QPushButton(self.tr("Continue"))
        self.continue_button.setObjectName("Primary")
        self.continue_button.setAutoDefault(True)

        form = QFormLayout()
        self.identity.add_rows(form)
        form.addRow(self.tr("Room"), self.room)
        dates = QHBoxLayout()
        dates.addWidget(self.arrival)
        dates.addWidget(self.departure)
        form.addRow(self.tr("Arrival and departure"), dates)
        layout = form_column(self)
        layout.addWidget(page_title(self.tr("Check in a guest")))
        layout.addWidget(hint(self.tr("Enter the details exactly as on the guest's ID document.")))
        layout.addWidget(self.reader_status)
        layout.addLayout(form)
        layout.addWidget(self.expiry_warning)
        layout.addWidget(self.error)
        layout.addWidget(self.continue_button, alignment=Qt.AlignmentFlag.AlignRight)
        layout.addStretch()
        self.continue_button.clicked.connect(self._submit)
        for line_edit in (self.identity.name, self.identity.birth_date, self.room):
            line_edit.returnPressed.connect(self._submit)
        self.document_number.returnPressed.connect(self._number_entered)
        self.reset()

    def reset(self) -> None:
        """Empty the form for the next guest."""
        self.identity.clear()
        self.room.clear()
        now = self._today()
        today = QDate(now.year, now.month, now.day)
        self.arrival.setDate(today)
        self.departure.setDate(today.addDays(1))
        show_error(self.error, "")
        show_error(self.expiry_warning, "")
        self.name.setFocus()

    def card_presented(self, card: IdCardRead) -> None:
        """The guest's card was laid on the reader: its details fill the form."""
        self.identity.fill_from_card(card)
        show_error(self.error, "")
        self._flag_expiry(card.valid_until if card.expired(self._today()) else None)
        self.room.setFocus()

    def _flag_expiry(self, expired_on: date | None) -> None:
        show_error(
            self.expiry_warning,
            self.tr("This document expired on %1: ask the guest for a valid one.").replace("%1", expired_on.isoformat())
            if expired_on is not None
            else "",
        )

    def _number_entered(self) -> None:
        """Return in the number field: a line of a machine-readable zone, or the end of typing."""
        try:
            document = self.identity.take_zone_line(self._today())
        except InvalidInputError as exc:
            show_error(self.error, user_message(exc))
            return
        if document is not None:
            show_error(self.error, "")
            self._flag_expiry(document.expiry_date if document.expiry_date < self._today() else None)
            self.room.setFocus()
        elif not self.identity.zone_pending:
            self._submit()

    def prefill_stay(self, stay: StayDetails) -> None:
        """The next guest of a party: the same room and dates, an empty identity."""
        self.room.setText(stay.room)
        self.arrival.setDate(QDate(stay.arrival.year, stay.arrival.month, stay.arrival.day))
        self.departure.setDate(QDate(stay.departure.year, stay.departure.month, stay.departure.day))
        self.name.setFocus()

    def _submit(self) -> None:
        today = self._today()
        try:
            guest: GuestDetails = self.identity.details(today)
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
