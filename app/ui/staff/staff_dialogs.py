"""Small dialogs of the Staff and Attendance pages.

They validate and return values; the pages call the services.
"""

from collections.abc import Callable
from datetime import date, datetime, time, tzinfo

from PySide6.QtCore import QCoreApplication, QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.attendance import ClockDirection, ClockEvent, CorrectionReason
from app.domain.errors import InvalidInputError
from app.domain.guests import GuestDetails
from app.ui.identity_fields import IdentityFields
from app.ui.labels import dialog_width, error_line, hint, show_error
from app.ui.messages import user_message


def to_date(value: QDate) -> date:
    """A QDate as a date."""
    return date(value.year(), value.month(), value.day())


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("StaffDialogs", "Cancel"))
    box.rejected.connect(dialog.reject)
    return box


class AddStaffDialog(QDialog):
    """Name, identity document and date of birth of a new staff member."""

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.details: GuestDetails | None = None
        self.setWindowTitle(self.tr("Add a staff member"))
        self.identity = IdentityFields(self)
        self.name, self.document_number = self.identity.name, self.identity.document_number
        self.error = error_line()
        form = QFormLayout()
        self.identity.add_rows(form)
        buttons = _buttons(self, self.tr("Add"))
        buttons.accepted.connect(self._accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        dialog_width(self, 520)

    def _accept(self) -> None:
        try:
            self.details = self.identity.details(self._today())
        except InvalidInputError as exc:
            show_error(self.error, user_message(exc))
            return
        self.accept()


class PinDialog(QDialog):
    """A new PIN, typed twice. The PIN rules are checked by the service; this checks the two match."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set PIN"))
        self.pin = QLineEdit()
        self.again = QLineEdit()
        for field, label in ((self.pin, self.tr("New PIN")), (self.again, self.tr("New PIN again"))):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(8)
            field.setAccessibleName(label)
        self.error = error_line()
        form = QFormLayout()
        form.addRow(self.tr("New PIN"), self.pin)
        form.addRow(self.tr("New PIN again"), self.again)
        buttons = _buttons(self, self.tr("Set PIN"))
        buttons.accepted.connect(self._accept)
        layout = QVBoxLayout(self)
        layout.addWidget(hint(self.tr("A PIN for %1: 4 to 8 digits, not a run like 1234.").replace("%1", name)))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def show_problem(self, message: str) -> None:
        """Show why the PIN was refused, and let the manager try again."""
        show_error(self.error, message)

    def _accept(self) -> None:
        if self.pin.text() != self.again.text():
            show_error(self.error, self.tr("The two PINs differ."))
            return
        self.accept()


class LastDayDialog(QDialog):
    """The last working day of a staff member who is leaving."""

    def __init__(self, name: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("End employment"))
        self.last_day = QDateEdit(QDate(today.year, today.month, today.day))
        self.last_day.setCalendarPopup(True)
        self.last_day.setDisplayFormat("yyyy-MM-dd")
        self.last_day.setAccessibleName(self.tr("Last working day"))
        form = QFormLayout()
        form.addRow(self.tr("Last working day"), self.last_day)
        buttons = _buttons(self, self.tr("End employment"))
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                self.tr(
                    "%1's face data is deleted at the end of the last working day. Attendance records stay."
                ).replace("%1", name)
            )
        )
        layout.addLayout(form)
        layout.addWidget(buttons)


class CorrectionDialog(QDialog):
    """Why a clock event is wrong, and optionally what really happened."""

    REASONS = (
        CorrectionReason.WRONG_TIME,
        CorrectionReason.WRONG_DIRECTION,
        CorrectionReason.WRONG_PERSON,
        CorrectionReason.DUPLICATE,
    )

    def __init__(self, event: ClockEvent, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        local = event.occurred_at.astimezone(zone)
        self._day = local.date()
        self.setWindowTitle(self.tr("Correct a clock event"))
        self.reason = QComboBox()
        self.reason.setAccessibleName(self.tr("What is wrong"))
        labels = (
            self.tr("Wrong time"),
            self.tr("In and out mixed up"),
            self.tr("Wrong person"),
            self.tr("Recorded twice"),
        )
        for reason, label in zip(self.REASONS, labels, strict=True):
            self.reason.addItem(label, reason.value)
        self.replace = QCheckBox(self.tr("Record what really happened instead"))
        self.replace.setChecked(True)
        self.time = QTimeEdit(QTime(local.hour, local.minute))
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName(self.tr("Time"))
        self.direction = QComboBox()
        self.direction.setAccessibleName(self.tr("In or out"))
        self.direction.addItem(self.tr("In"), ClockDirection.IN.value)
        self.direction.addItem(self.tr("Out"), ClockDirection.OUT.value)
        self.direction.setCurrentIndex(0 if event.direction is ClockDirection.IN else 1)
        self.error = error_line()
        form = QFormLayout()
        form.addRow(self.tr("What is wrong"), self.reason)
        form.addRow("", self.replace)
        form.addRow(self.tr("Time"), self.time)
        form.addRow(self.tr("In or out"), self.direction)
        buttons = _buttons(self, self.tr("Correct"))
        buttons.accepted.connect(self.accept)
        self.replace.toggled.connect(self.time.setEnabled)
        self.replace.toggled.connect(self.direction.setEnabled)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                self.tr("%1, %2 at %3. The event stays on file, marked as corrected, and the correction is audited.")
                .replace("%1", event.person_name)
                .replace("%2", local.date().isoformat())
                .replace("%3", local.strftime("%H:%M"))
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        dialog_width(self, 520)

    def show_problem(self, message: str) -> None:
        """Show why the correction was refused."""
        show_error(self.error, message)

    @property
    def chosen_reason(self) -> CorrectionReason:
        """The reason chosen."""
        return CorrectionReason(self.reason.currentData())

    @property
    def replacement(self) -> tuple[datetime, ClockDirection] | None:
        """What really happened, if the manager records it."""
        if not self.replace.isChecked():
            return None
        value = self.time.time()
        moment = datetime.combine(self._day, time(value.hour(), value.minute()), tzinfo=self._zone)
        return moment, ClockDirection(self.direction.currentData())
