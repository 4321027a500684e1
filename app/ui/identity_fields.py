"""The identity part of a person form: name, document, number and date of birth.

Shared by the guest check-in and the staff form, so both read and validate it the same way.
"""

from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from app.domain.errors import InvalidInputError
from app.domain.guests import GuestDetails, guest_details
from app.domain.identity_documents import id_document, resident_id_birth_date
from app.domain.people import IdDocumentType
from app.ui.names import document_type_names


class IdentityFields(QObject):
    """The four fields, their accessible names, and the domain validation behind them."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.name = QLineEdit(parent)
        self.name.setAccessibleName(self.tr("Name as on the ID document"))
        self.document_type = QComboBox(parent)
        self.document_type.setAccessibleName(self.tr("Document type"))
        for kind, label in document_type_names().items():
            self.document_type.addItem(label, kind.value)
        self.document_number = QLineEdit(parent)
        self.document_number.setAccessibleName(self.tr("Document number"))
        self.birth_date = QLineEdit(parent)
        self.birth_date.setAccessibleName(self.tr("Date of birth"))
        self.birth_date.setPlaceholderText(self.tr("YYYY-MM-DD (read from a resident ID automatically)"))
        self._filled_birth_date = ""  # what was last filled in from a resident ID (typing over it wins)
        self.document_number.textChanged.connect(self._fill_birth_date)
        self.document_type.currentIndexChanged.connect(self._fill_birth_date)

    def _fill_birth_date(self) -> None:
        """Read the date of birth from a resident ID as it is typed (never over a date typed by hand)."""
        if self.birth_date.text() not in ("", self._filled_birth_date):
            return
        filled = ""
        if self.document_type.currentData() == IdDocumentType.RESIDENT_ID.value:
            try:
                document = id_document(IdDocumentType.RESIDENT_ID, self.document_number.text(), today=date.today())
            except InvalidInputError:
                document = None
            if document is not None:
                filled = resident_id_birth_date(document.number).isoformat()
        self.birth_date.setText(filled)
        self._filled_birth_date = filled

    @property
    def line_edits(self) -> tuple[QLineEdit, ...]:
        """The typed fields (Return in any of them submits the form)."""
        return (self.name, self.document_number, self.birth_date)

    def add_rows(self, form: QFormLayout) -> None:
        """Put the fields into ``form``, labelled."""
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Document"), self.document_type)
        form.addRow(self.tr("Document number"), self.document_number)
        form.addRow(self.tr("Date of birth"), self.birth_date)

    def clear(self) -> None:
        """Empty the fields for the next person."""
        for field in self.line_edits:
            field.clear()
        self.document_type.setCurrentIndex(0)

    def details(self, today: date) -> GuestDetails:
        """The validated identity.

        Raises:
            InvalidInputError: naming the first problem, in words the desk can show.
        """
        text = self.birth_date.text().strip()
        try:
            birth = date.fromisoformat(text) if text else None
        except ValueError:
            raise InvalidInputError(self.tr("Write the date of birth as YYYY-MM-DD, for example 1988-06-15.")) from None
        return guest_details(
            self.name.text(),
            IdDocumentType(self.document_type.currentData()),
            self.document_number.text(),
            birth,
            today=today,
        )
