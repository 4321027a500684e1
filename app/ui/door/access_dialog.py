"""The dialog that sets one staff member's access: the shop's hours or their own, and optional dates."""

from datetime import date, time

from PySide6.QtCore import QCoreApplication, QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QRadioButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.access_rules import AccessRule, WeeklyHours
from app.domain.errors import InvalidInputError
from app.ui.door.door_models import WEEKDAYS
from app.ui.labels import dialog_width, error_line, hint, show_error
from app.ui.messages import user_message
from app.ui.staff.staff_dialogs import to_date


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class AccessRuleDialog(QDialog):
    """Days and hours (or the shop's), and a date range for temporary access.

    After ``accepted``, :attr:`rule` holds the checked rule; the page stores it through the service.
    """

    def __init__(
        self, person_id: int, name: str, rule: AccessRule | None, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._person_id = person_id
        self.rule: AccessRule | None = None
        self.setWindowTitle(self.tr("Door access: %1").replace("%1", name))
        self.shop_hours = QRadioButton(self.tr("The shop's opening days and hours"))
        self.own_hours = QRadioButton(self.tr("Their own days and hours"))
        self.days = [QCheckBox(QCoreApplication.translate("DoorModels", day)) for day in WEEKDAYS]
        self.start = QTimeEdit()
        self.start.setDisplayFormat("HH:mm")
        self.start.setAccessibleName(self.tr("May come in from"))
        self.end = QTimeEdit()
        self.end.setDisplayFormat("HH:mm")
        self.end.setAccessibleName(self.tr("Until"))
        self.temporary = QCheckBox(self.tr("Only between two dates (temporary access)"))
        self.valid_from = QDateEdit()
        self.valid_until = QDateEdit()
        for edit, label in ((self.valid_from, self.tr("First day")), (self.valid_until, self.tr("Last day"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(label)
        self.error = error_line()

        hours = rule.hours if rule else None
        (self.own_hours if hours else self.shop_hours).setChecked(True)
        for index, box in enumerate(self.days):
            box.setChecked(index in hours.days if hours else index < 5)
        self.start.setTime(QTime(hours.start.hour, hours.start.minute) if hours else QTime(9, 0))
        self.end.setTime(QTime(hours.end.hour, hours.end.minute) if hours else QTime(18, 0))
        self.temporary.setChecked(bool(rule and rule.temporary))
        self.valid_from.setDate(_qdate(rule.valid_from if rule and rule.valid_from else today))
        self.valid_until.setDate(_qdate(rule.valid_until if rule and rule.valid_until else today))

        day_row = QHBoxLayout()
        for box in self.days:
            day_row.addWidget(box)
        time_row = QHBoxLayout()
        time_row.addWidget(self.start)
        time_row.addWidget(self.end)
        date_row = QHBoxLayout()
        date_row.addWidget(self.valid_from)
        date_row.addWidget(self.valid_until)
        form = QFormLayout()
        form.addRow(self.shop_hours)
        form.addRow(self.own_hours)
        form.addRow(self.tr("Days"), day_row)
        form.addRow(self.tr("From and until"), time_row)
        form.addRow(hint(self.tr("An end before the start runs past midnight (a night shift, 22:00 to 06:00).")))
        form.addRow(self.temporary)
        form.addRow(self.tr("First and last day"), date_row)
        form.addRow(
            hint(
                self.tr(
                    "Outside these times the kiosk says why and keeps the door shut. Leaving is never refused. "
                    "Access ends by itself on the last working day of someone who leaves."
                )
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save access"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.own_hours.toggled.connect(lambda _: self._enable())
        self.temporary.toggled.connect(lambda _: self._enable())
        self._enable()
        dialog_width(self, 560)

    def _enable(self) -> None:
        own = self.own_hours.isChecked()
        for widget in (*self.days, self.start, self.end):
            widget.setEnabled(own)
        for widget in (self.valid_from, self.valid_until):
            widget.setEnabled(self.temporary.isChecked())

    def _accept(self) -> None:
        try:
            hours = None
            if self.own_hours.isChecked():
                start, end = self.start.time(), self.end.time()
                hours = WeeklyHours(
                    frozenset(index for index, box in enumerate(self.days) if box.isChecked()),
                    time(start.hour(), start.minute()),
                    time(end.hour(), end.minute()),
                )
            temporary = self.temporary.isChecked()
            self.rule = AccessRule(
                self._person_id,
                hours,
                valid_from=to_date(self.valid_from.date()) if temporary else None,
                valid_until=to_date(self.valid_until.date()) if temporary else None,
            )
        except InvalidInputError as exc:
            show_error(self.error, user_message(exc))
            return
        self.accept()
