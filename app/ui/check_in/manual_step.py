"""The manual ID check: a first-class route that completes the same check-in (R8).

The receptionist looks at the document and types its number (or at least its last four
characters); only the type and the last four characters are kept.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QWidget

from app.domain.people import IdDocumentType
from app.ui.labels import error_line, form_column, hint, page_title, show_error
from app.ui.names import document_type_names


class ManualCheckStep(QWidget):
    """Document type and number as seen.

    Signals:
        confirmed(str, str): the IdDocumentType value and the number typed.
        cancelled(): the receptionist stops this check-in (the guest stays on today's arrivals).
    """

    confirmed = Signal(str, str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = page_title(self.tr("Check the ID document"))
        self.reason = hint("")
        self.document_type = QComboBox()
        self.document_type.setAccessibleName(self.tr("Document type shown"))
        for kind, label in document_type_names().items():
            self.document_type.addItem(label, kind.value)
        self.number = QLineEdit()
        self.number.setAccessibleName(self.tr("Number on the document shown"))
        self.number.setPlaceholderText(self.tr("The whole number, or at least its last four characters"))
        self.error = error_line()
        self.confirm_button = QPushButton(self.tr("Confirm and check in"))
        self.confirm_button.setObjectName("Primary")
        self.cancel_button = QPushButton(self.tr("Back: not now"))
        self.cancel_button.setAccessibleName(self.tr("Stop this check-in; the guest stays on today's arrivals"))
        form = QFormLayout()
        form.addRow(self.tr("Document"), self.document_type)
        form.addRow(self.tr("Number"), self.number)
        layout = form_column(self)
        layout.addWidget(self.title)
        layout.addWidget(self.reason)
        layout.addWidget(
            hint(self.tr("Look at the guest's ID document. Only its type and last four characters are kept."))
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch()
        buttons.addWidget(self.confirm_button)
        layout.addLayout(buttons)
        layout.addStretch()
        self.confirm_button.clicked.connect(self._confirm)
        self.cancel_button.clicked.connect(self.cancelled)
        self.number.returnPressed.connect(self._confirm)

    def prepare(self, document_type: IdDocumentType, reason: str, button_text: str | None = None) -> None:
        """Ready for a guest whose registered document is ``document_type``."""
        self.document_type.setCurrentIndex(max(0, self.document_type.findData(document_type.value)))
        self.reason.setText(reason)
        self.reason.setVisible(bool(reason))
        self.number.clear()
        show_error(self.error, "")
        if button_text:
            self.confirm_button.setText(button_text)
        self.number.setFocus()

    def show_problem(self, message: str) -> None:
        """Explain a mismatch or error."""
        show_error(self.error, message)
        self.number.selectAll()
        self.number.setFocus()

    def _confirm(self) -> None:
        self.confirmed.emit(str(self.document_type.currentData()), self.number.text())
