"""The Incidents page (R20): record an incident, see who it affected, write to them, report it.

Recording an incident makes the impact assessment out of date, so face enrolment pauses until an
administrator records a new one (the Compliance page says so). For the selected incident the page
lists the people affected, saves their letters (Chinese and English, one page each) and the report
for the authority as PDF, and records when the people were notified.
"""

from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from app.domain.clock import Clock
from app.domain.documents import Document
from app.domain.errors import FaceDeskError
from app.domain.incidents import IncidentRecord
from app.domain.operators import OperatorSession
from app.services.incident_service import AffectedPerson, IncidentService
from app.ui.file_dialogs import ask_where_to_save
from app.ui.incident_dialog import IncidentDialog, data_kind_short_name
from app.ui.labels import error_line, hint, page_title, show_error
from app.ui.messages import user_message
from app.ui.pdf_writer import write_pdf
from app.ui.records_pages import table_view
from app.ui.rows_model import RowsTableModel
from app.ui.table_models import incidents_model


class IncidentsPage(QWidget):
    """The incident register and what a Manager does after an incident."""

    def __init__(
        self,
        incidents: IncidentService,
        zone: tzinfo,
        clock: Clock,
        session: OperatorSession,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._incidents = incidents
        self._zone = zone
        self._clock = clock
        self._session = session
        self._affected: list[AffectedPerson] = []
        self.dialog: IncidentDialog | None = None
        self.file_dialog: QWidget | None = None
        self.record_button = QPushButton(self.tr("Record an incident…"))
        self.model: RowsTableModel[IncidentRecord] = incidents_model(zone, data_kind_short_name)
        self.table = table_view(self.model, self.tr("Incidents"))
        self.affected_title = QLabel(self.tr("People affected"))
        self.affected = QListWidget()
        self.affected.setAccessibleName(self.tr("People affected"))
        self.letters_button = QPushButton(self.tr("Save the letters as PDF…"))
        self.report_button = QPushButton(self.tr("Save the report for the authority as PDF…"))
        self.notified_button = QPushButton(self.tr("The people were notified"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Outcome"))
        self.error = error_line()
        actions = QHBoxLayout()
        for button in (self.record_button, self.letters_button, self.report_button, self.notified_button):
            button.setAutoDefault(True)  # Enter presses the focused button, as Space does
        for button in (self.letters_button, self.report_button, self.notified_button):
            actions.addWidget(button)
        actions.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.record_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Incidents")))
        layout.addWidget(
            hint(
                self.tr(
                    "Record anything that may have exposed, changed or lost personal data: a lost or stolen "
                    "computer, records seen by someone who should not see them, a backup copied away. Recording "
                    "one pauses face enrolment until the impact assessment is done again."
                )
            )
        )
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.affected_title)
        layout.addWidget(self.affected, 1)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        self.record_button.clicked.connect(self.open_form)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.letters_button.clicked.connect(lambda: self._ask_file("incident-letters.pdf", self.save_letters))
        self.report_button.clicked.connect(lambda: self._ask_file("incident-report.pdf", self.save_report))
        self.notified_button.clicked.connect(self.mark_notified)
        self._show_selected()

    def refresh(self) -> None:
        """Reload the register, keeping the selection."""
        selected = self.selected_incident()
        try:
            self.model.set_rows(self._incidents.incidents(self._session))
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        if selected is not None:
            self.select_incident(selected.id)
        self._show_selected()

    def selected_incident(self) -> IncidentRecord | None:
        """The incident selected in the register."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_incident(self, incident_id: int) -> None:
        """Select the incident with this number."""
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id == incident_id:
                self.table.selectRow(row)
                return

    # --- recording --------------------------------------------------------------------------------

    def open_form(self) -> None:
        """Open the incident form (not modal in the event-loop sense: no nested loop)."""
        self.dialog = IncidentDialog(self._clock(), self._zone, self)
        self.dialog.record_button.clicked.connect(self.record_from_form)
        self.dialog.finished.connect(lambda _: setattr(self, "dialog", None))
        self.dialog.open()

    def record_from_form(self) -> None:
        """Record what the form says; on a problem the form stays open with the message and nothing lost."""
        dialog = self.dialog
        if dialog is None:
            return
        try:
            number = self._incidents.record(self._session, dialog.report())
        except FaceDeskError as exc:
            show_error(dialog.error, user_message(exc))
            return
        dialog.accept()
        self.refresh()
        self.select_incident(number)
        self.status.setText(
            self.tr(
                "Incident %1 is recorded. Face enrolment is paused until the impact assessment is done again."
            ).replace("%1", str(number))
        )

    # --- after an incident ---------------------------------------------------------------------------

    def _show_selected(self) -> None:
        incident = self.selected_incident()
        for button in (self.letters_button, self.report_button, self.notified_button):
            button.setEnabled(incident is not None)
        self.affected.clear()
        self._affected = []
        if incident is None:
            self.affected_title.setText(self.tr("People affected: select an incident."))
            return
        try:
            self._affected = self._incidents.affected_people(self._session, incident.id)
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        for person in self._affected:
            kinds = self.tr(", ", "between items of a list").join(data_kind_short_name(kind) for kind in person.kinds)
            if person.erased:
                who = self.tr("Person %1 (personal data deleted since)").replace("%1", str(person.person_id))
            elif person.document_last4:
                who = (
                    self.tr("%1, ID document ending %2").replace("%1", person.name).replace("%2", person.document_last4)
                )
            else:
                who = person.name
            self.affected.addItem(
                self.tr("%1: %2", "a person: the kinds of data").replace("%1", who).replace("%2", kinds)
            )
        self.affected_title.setText(
            self.tr("People affected by incident %1: %2")
            .replace("%1", str(incident.id))
            .replace("%2", str(len(self._affected)))
        )
        self.notified_button.setEnabled(incident.people_notified_at is None)

    def save_letters(self, path: Path) -> None:
        """Write one letter per person affected who can be written to."""
        incident = self.selected_incident()
        if incident is not None:
            self._write(path, lambda: self._incidents.letters(self._session, incident.id, write=self._pdf(path)))

    def save_report(self, path: Path) -> None:
        """Write the report for the authority."""
        incident = self.selected_incident()
        if incident is not None:
            self._write(
                path, lambda: self._incidents.authority_report(self._session, incident.id, write=self._pdf(path))
            )

    def mark_notified(self) -> None:
        """Record that the letters went out."""
        incident = self.selected_incident()
        if incident is None:
            return
        try:
            self._incidents.mark_people_notified(self._session, incident.id)
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        show_error(self.error, "")
        self.status.setText(self.tr("Recorded: the people affected were notified."))
        self.refresh()

    @staticmethod
    def _pdf(path: Path) -> Callable[[Document], object]:
        return lambda document: write_pdf(document, path)

    def _write(self, path: Path, save: Callable[[], object]) -> None:
        try:
            save()
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        show_error(self.error, "")
        self.status.setText(self.tr("Saved %1.").replace("%1", path.name))

    def _ask_file(self, suggested: str, then: Callable[[Path], None]) -> None:
        dialog = ask_where_to_save(self, self.tr("Save as PDF"), suggested)
        dialog.fileSelected.connect(lambda name: then(Path(name)))
        self.file_dialog = dialog
