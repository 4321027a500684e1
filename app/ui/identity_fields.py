"""The identity part of a person form: name, document, number and date of birth.

Shared by the guest check-in and the staff form, so both read and validate it the same way. The
fields fill themselves from an ID card read by the reader, and from a passport's machine-readable
zone typed into the number field or sent by an MRZ reader acting as a keyboard (one line and a
Return at a time); a keyboard-wedge card reader simply types the number and a Return.
"""

from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from app.domain.errors import InvalidInputError
from app.domain.guests import GuestDetails, guest_details
from app.domain.id_cards import IdCardRead
from app.domain.identity_documents import IdDocument, document_birth_date, id_document
from app.domain.mrz import TD3_LINE, MrzDocument, looks_like_mrz_line, mrz_lines, parse_mrz
from app.domain.people import IdDocumentType
from app.ui.labels import hint
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
        self.birth_date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        # said under the field, not in it: a long placeholder is cut off in a narrow dialog
        self.birth_date_hint = hint(self.tr("Filled in by itself from a resident ID number."))
        self._filled_birth_date = ""  # what was last filled in from a resident ID (typing over it wins)
        self._zone: list[str] = []  # machine-readable zone lines received so far
        self.document_number.textChanged.connect(self._fill_birth_date)
        self.document_type.currentIndexChanged.connect(self._fill_birth_date)

    def _fill_birth_date(self) -> None:
        """Read the date of birth from a number that carries one, as it is typed (never over a typed date)."""
        if self.birth_date.text() not in ("", self._filled_birth_date):
            return
        filled = ""
        today = date.today()
        try:
            document = id_document(
                IdDocumentType(self.document_type.currentData()), self.document_number.text(), today=today
            )
        except InvalidInputError:
            document = None
        birth = document_birth_date(document, today) if document is not None else None
        if birth is not None:
            filled = birth.isoformat()
        self.birth_date.setText(filled)
        self._filled_birth_date = filled

    def fill(self, name: str, document: IdDocument, birth: date) -> None:
        """Put a read document's details into the fields (over whatever was typed)."""
        self._zone.clear()
        self.name.setText(name)
        self.document_type.setCurrentIndex(self.document_type.findData(document.type.value))
        self.document_number.setText(document.number)
        self.birth_date.setText(birth.isoformat())
        self._filled_birth_date = birth.isoformat()

    def fill_from_card(self, card: IdCardRead) -> None:
        """The details of a card read by the ID card reader."""
        self.fill(card.full_name, card.document, card.date_of_birth)

    def take_zone_line(self, today: date) -> MrzDocument | None:
        """Return pressed in the number field: collect a machine-readable zone line by line.

        Returns:
            The zone's document once its last line came (the fields are filled), else None.

        Raises:
            InvalidInputError: the zone is complete but wrong (naming the field); it is dropped.
        """
        lines = mrz_lines(self.document_number.text())
        if not lines or not all(looks_like_mrz_line(line) for line in lines):
            self._zone.clear()
            return None
        self._zone.extend(lines)
        self.document_number.clear()
        needed = 2 if len(self._zone[0]) == TD3_LINE else 3
        if len(self._zone) < needed:
            self.document_number.setPlaceholderText(
                self.tr("Machine-readable zone: %1 of %2 lines read")
                .replace("%1", str(len(self._zone)))
                .replace("%2", str(needed))
            )
            return None
        zone, self._zone = "\n".join(self._zone), []
        self.document_number.setPlaceholderText("")
        document = parse_mrz(zone, today=today)
        self.fill(document.full_name, document.document, document.date_of_birth)
        return document

    @property
    def zone_pending(self) -> bool:
        """Whether part of a machine-readable zone was received and more lines are expected."""
        return bool(self._zone)

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
        form.addRow("", self.birth_date_hint)

    def clear(self) -> None:
        """Empty the fields for the next person."""
        for field in self.line_edits:
            field.clear()
        self.document_type.setCurrentIndex(0)
        self._zone.clear()
        self.document_number.setPlaceholderText("")

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
