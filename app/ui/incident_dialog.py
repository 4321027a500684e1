"""The form for recording an incident: when, which kinds of data, what happened and what was done (R20)."""

from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.translatable import QT_TRANSLATE_NOOP
from app.services.incident_service import DATA_KINDS, IncidentReport
from app.ui.labels import error_line, hint

DATA_KIND_NAMES = dict(
    zip(
        DATA_KINDS,
        (
            QT_TRANSLATE_NOOP("Incidents", "Face templates"),
            QT_TRANSLATE_NOOP("Incidents", "Names, ID document numbers and birth dates"),
            QT_TRANSLATE_NOOP("Incidents", "Stays (rooms and dates)"),
            QT_TRANSLATE_NOOP("Incidents", "Consent records"),
            QT_TRANSLATE_NOOP("Incidents", "Staff clock-in records"),
        ),
        strict=True,
    )
)


DATA_KIND_SHORT_NAMES = dict(
    zip(
        DATA_KINDS,
        (
            QT_TRANSLATE_NOOP("Incidents", "Face data"),
            QT_TRANSLATE_NOOP("Incidents", "Identity"),
            QT_TRANSLATE_NOOP("Incidents", "Stays"),
            QT_TRANSLATE_NOOP("Incidents", "Consents"),
            QT_TRANSLATE_NOOP("Incidents", "Clock-ins"),
        ),
        strict=True,
    )
)


def data_kind_names() -> dict[str, str]:
    """Each kind of data an incident can involve, in plain words, in the desk's language."""
    return {kind: QCoreApplication.translate("Incidents", name) for kind, name in DATA_KIND_NAMES.items()}


def data_kind_short_name(kind: str) -> str:
    """A kind of data in a word or two, for tables and lists."""
    return QCoreApplication.translate("Incidents", DATA_KIND_SHORT_NAMES[kind])


class MomentEdit(QDateTimeEdit):
    """A date and time field that Tab leaves at once (Left and Right move between its parts)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        """Move focus to the next field instead of the next part of the date."""
        return QWidget.focusNextPrevChild(self, next)


class IncidentDialog(QDialog):
    """Describe an incident; the page records it when Record is pressed (the dialog stays open on a problem)."""

    def __init__(self, now: datetime, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self.setWindowTitle(self.tr("Record an incident"))
        local = now.astimezone(zone).replace(tzinfo=None, second=0, microsecond=0)
        self.discovered = self._moment(local, self.tr("When it was discovered"))
        self.began = self._moment(local, self.tr("When it began"))
        self.ended = self._moment(local, self.tr("When it ended"))
        self.kinds: dict[str, QCheckBox] = {}
        kinds = QGridLayout()
        for number, (kind, name) in enumerate(data_kind_names().items()):
            box = QCheckBox(name)
            self.kinds[kind] = box
            kinds.addWidget(box, number // 2, number % 2)
        self.description = self._text(self.tr("What happened"))
        self.cause = self._text(self.tr("Why it happened"))
        self.harm = self._text(self.tr("What harm it could do to the people affected"))
        self.remedies = self._text(self.tr("What was done, and what will be done"))
        self.error = error_line()
        form = QFormLayout()
        form.addRow(self.tr("Discovered"), self.discovered)
        form.addRow(self.tr("Began"), self.began)
        form.addRow(self.tr("Ended"), self.ended)
        form.addRow(self.tr("Data involved"), kinds)
        form.addRow(self.tr("What happened"), self.description)
        form.addRow(self.tr("Cause"), self.cause)
        form.addRow(self.tr("Possible harm"), self.harm)
        form.addRow(self.tr("Remedies"), self.remedies)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.record_button = QPushButton(self.tr("Record the incident"))
        buttons.addButton(self.record_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                self.tr(
                    "Times are at the desk. The letters and the report quote what you write here, so write it for "
                    "the people affected."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def report(self) -> IncidentReport:
        """What the form says, as the incident service takes it."""
        return IncidentReport(
            discovered_at=self._value(self.discovered),
            occurred_from=self._value(self.began),
            occurred_to=self._value(self.ended),
            description=self.description.toPlainText(),
            cause=self.cause.toPlainText(),
            harm=self.harm.toPlainText(),
            remedies=self.remedies.toPlainText(),
            data_kinds=tuple(kind for kind, box in self.kinds.items() if box.isChecked()),
        )

    def _moment(self, local: datetime, name: str) -> QDateTimeEdit:
        edit = MomentEdit(QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)))
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        edit.setCalendarPopup(True)
        edit.setAccessibleName(name)
        return edit

    def _value(self, edit: QDateTimeEdit) -> datetime:
        moment = edit.dateTime()
        day, time = moment.date(), moment.time()
        return datetime(day.year(), day.month(), day.day(), time.hour(), time.minute(), tzinfo=self._zone)

    @staticmethod
    def _text(name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setAccessibleName(name)
        edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
        lines = edit.fontMetrics().lineSpacing()
        edit.setMinimumHeight(lines * 2 + 12)
        edit.setMaximumHeight(lines * 4 + 12)  # a few lines; longer text scrolls
        return edit
