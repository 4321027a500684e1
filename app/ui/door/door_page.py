"""The Staff door page (Managers): the entry log, who may come in when, and monthly timesheets."""

from collections.abc import Callable
from datetime import date, tzinfo
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.door import DoorOpenResult, DoorReport
from app.domain.errors import FaceDeskError
from app.domain.operators import OperatorSession
from app.domain.timesheet import Timesheet
from app.services.business_service import BusinessService
from app.services.entry_service import EntryService
from app.services.staff_service import StaffMember, StaffService
from app.ui.door.access_dialog import AccessRuleDialog
from app.ui.door.door_models import StaffAccess, access_model, entry_model, timesheet_document
from app.ui.file_dialogs import ask_where_to_save
from app.ui.labels import error_line, hint, page_title, show_error
from app.ui.messages import user_message
from app.ui.pdf_writer import to_html, write_pdf
from app.ui.records_pages import table_view
from app.ui.staff.staff_dialogs import to_date
from app.workers.door_worker import DoorRelayThread


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DoorPage(QWidget):
    """Three tabs: the entry log (with the remote opening), access rules, and the monthly timesheet."""

    def __init__(
        self,
        zone: tzinfo,
        entries: EntryService,
        staff: StaffService,
        business: BusinessService,
        today: Callable[[], date],
        session: OperatorSession,
        door: Callable[[], DoorRelayThread | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._zone = zone
        self._entries = entries
        self._staff = staff
        self._business = business
        self._today = today
        self._session = session
        self._door = door
        self._watched: DoorRelayThread | None = None
        self._remote: dict[int, int] = {}  # relay request id -> entry id of a remote opening
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_log(), self.tr("Entry log"))
        self.tabs.addTab(self._build_access(), self.tr("Access"))
        self.tabs.addTab(self._build_timesheet(), self.tr("Monthly timesheet"))
        self.tabs.setAccessibleName(self.tr("Staff door"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page_title(self.tr("Staff door")))
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(lambda _: self.refresh())

    # --- building -----------------------------------------------------------------------------

    def _build_log(self) -> QWidget:
        self.log_person = QComboBox()
        self.log_person.setAccessibleName(self.tr("Whose entries"))
        self.log_from = QDateEdit()
        self.log_until = QDateEdit()
        for edit, name in ((self.log_from, self.tr("From")), (self.log_until, self.tr("Until"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
            edit.setDate(_qdate(self._today()))
            edit.dateChanged.connect(lambda _: self.refresh())
        self.log_person.activated.connect(lambda _: self.refresh())
        self.log_model = entry_model(self._zone)
        self.log_table = table_view(self.log_model, self.tr("Entry log"))
        header = self.log_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)  # the decision and its reason take the room
        self.open_button = QPushButton(self.tr("Open the door now"))
        self.open_button.setAccessibleName(self.tr("Open the staff door now (recorded)"))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setAccessibleName(self.tr("Export the entry log to a CSV file"))
        self.log_error = error_line()
        self.log_status = hint("")
        filters = QHBoxLayout()
        filters.addWidget(self.log_person, 1)
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.log_from)
        filters.addWidget(QLabel(self.tr("until")))
        filters.addWidget(self.log_until)
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addStretch()
        actions.addWidget(self.export_button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(
            hint(
                self.tr(
                    "Every decision at the staff door: who, when, let in or refused and why, and what the door "
                    "did. No face picture or face data is kept here."
                )
            )
        )
        layout.addLayout(filters)
        layout.addWidget(self.log_table, 1)
        layout.addWidget(self.log_error)
        layout.addWidget(self.log_status)
        layout.addLayout(actions)
        self.open_button.clicked.connect(self._open_remotely)
        self.export_button.clicked.connect(self._choose_export_file)
        return tab

    def _build_access(self) -> QWidget:
        self.access = access_model(self._entries.shop_hours())
        self.access_table = table_view(self.access, self.tr("Door access of each staff member"))
        self.access_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.change_button = QPushButton(self.tr("Change access…"))
        self.change_button.setObjectName("Primary")
        self.access_error = error_line()
        self.access_status = hint("")
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(
            hint(
                self.tr(
                    "When each staff member may come in. Without their own days and hours, the shop's opening "
                    "hours apply (Settings). The kiosk refuses entry outside these times and says why."
                )
            )
        )
        layout.addWidget(self.access_table, 1)
        layout.addWidget(self.access_error)
        layout.addWidget(self.access_status)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.change_button)
        layout.addLayout(row)
        self.change_button.clicked.connect(self._change_access)
        self.access_table.doubleClicked.connect(lambda _: self._change_access())
        return tab

    def _build_timesheet(self) -> QWidget:
        self.sheet_person = QComboBox()
        self.sheet_person.setAccessibleName(self.tr("Staff member"))
        self.sheet_month = QDateEdit()
        self.sheet_month.setDisplayFormat("yyyy-MM")
        self.sheet_month.setAccessibleName(self.tr("Month"))
        self.sheet_month.setDate(_qdate(self._today()))
        self.sheet_month.setCalendarPopup(True)  # any day of the month chooses it, like the other date fields
        self.sheet_view = QTextBrowser()
        self.sheet_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the sheet wraps
        self.sheet_view.setAccessibleName(self.tr("Timesheet"))
        self.save_sheet = QPushButton(self.tr("Save PDF…"))
        self.save_sheet.setAccessibleName(self.tr("Save the timesheet as a PDF"))
        self.sheet_error = error_line()
        self.sheet_status = hint("")
        self.sheet: Timesheet | None = None
        choose = QHBoxLayout()
        choose.addWidget(self.sheet_person, 1)
        choose.addWidget(self.sheet_month)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.save_sheet)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(choose)
        layout.addWidget(self.sheet_view, 1)
        layout.addWidget(self.sheet_error)
        layout.addWidget(self.sheet_status)
        layout.addLayout(row)
        self.sheet_person.activated.connect(lambda _: self.refresh())
        self.sheet_month.dateChanged.connect(lambda _: self.refresh())
        self.save_sheet.clicked.connect(self._choose_pdf_file)
        return tab

    # --- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the tab on screen."""
        try:
            members = self._staff.members(self._session)
        except FaceDeskError as exc:
            show_error(self.log_error, user_message(exc))
            return
        self._fill_people(self.log_person, members, everyone=True)
        self._fill_people(self.sheet_person, members, everyone=False)
        has_door = self._door() is not None
        self.open_button.setEnabled(has_door)
        if not has_door:
            self.log_status.setText(
                self.tr("No door relay is set up (Settings): the log still records every decision at the kiosk.")
            )
        index = self.tabs.currentIndex()
        if index == 0:
            self._show_log()
        elif index == 1:
            rules = self._entries.rules(self._session)
            self.access = access_model(self._entries.shop_hours())
            self.access_table.setModel(self.access)
            self.access.set_rows([StaffAccess(m.person_id, m.name, rules.get(m.person_id)) for m in members])
        else:
            self._show_timesheet()

    def _fill_people(self, box: QComboBox, members: list[StaffMember], *, everyone: bool) -> None:
        chosen = box.currentData()
        box.blockSignals(True)
        box.clear()
        if everyone:
            box.addItem(self.tr("Everyone"), None)
        for member in members:
            box.addItem(member.name, member.person_id)
        found = box.findData(chosen)
        box.setCurrentIndex(max(0, found))
        box.blockSignals(False)

    def _log_range(self) -> tuple[date, date]:
        return to_date(self.log_from.date()), to_date(self.log_until.date())

    def _show_log(self) -> None:
        first, last = self._log_range()
        try:
            rows = self._entries.entries(self._session, first, last, self.log_person.currentData())
        except FaceDeskError as exc:
            show_error(self.log_error, user_message(exc))
            return
        show_error(self.log_error, "")
        self.log_model.set_rows(rows)

    def _show_timesheet(self) -> None:
        person_id = self.sheet_person.currentData()
        self.save_sheet.setEnabled(person_id is not None)
        if person_id is None:
            self.sheet = None
            self.sheet_view.setHtml("")
            return
        month = to_date(self.sheet_month.date()).replace(day=1)
        try:
            self.sheet = self._entries.timesheet(self._session, int(person_id), month)
        except FaceDeskError as exc:
            show_error(self.sheet_error, user_message(exc))
            return
        show_error(self.sheet_error, "")
        self.sheet_view.setHtml(to_html(timesheet_document(self.sheet, self._business.profile().processor_name)))

    # --- actions ------------------------------------------------------------------------------

    def _change_access(self) -> None:
        rows = self.access_table.selectionModel().selectedRows()
        if not rows:
            show_error(self.access_error, self.tr("Select a staff member first."))
            return
        show_error(self.access_error, "")
        row = self.access.row_at(rows[0].row())
        self.dialog = AccessRuleDialog(row.person_id, row.name, row.rule, self._today(), self)
        self.dialog.accepted.connect(self._access_chosen)
        self.dialog.open()

    def _access_chosen(self) -> None:
        rule = self.dialog.rule
        if rule is None:
            return
        try:
            self._entries.set_rule(self._session, rule)
        except FaceDeskError as exc:
            show_error(self.access_error, user_message(exc))
            return
        show_error(self.access_error, "")
        self.access_status.setText(self.tr("Saved. The kiosk uses the new access from now on."))
        self.refresh()

    def _open_remotely(self) -> None:
        door = self._door()
        if door is None:
            return
        try:
            entry_id = self._entries.open_remotely(self._session, door_configured=True)
        except FaceDeskError as exc:
            show_error(self.log_error, user_message(exc))
            return
        if self._watched is not door:
            door.reported.connect(self._door_reported)
            self._watched = door
        self._remote[door.open_door()] = entry_id
        self.log_status.setText(self.tr("Opening the door…"))
        self._show_log()

    def _door_reported(self, report: object) -> None:
        assert isinstance(report, DoorReport)  # noqa: S101 - what the relay thread emits
        if report.request_id is None or report.request_id not in self._remote:
            return
        opened = report.result is DoorOpenResult.OPENED
        self._entries.record_door_result(self._remote.pop(report.request_id), opened=opened)
        self.log_status.setText(
            self.tr("The door opened; it locks again by itself.")
            if opened
            else self.tr("The door could not be opened: check the relay in Settings.")
        )
        self._show_log()

    def _choose_export_file(self) -> None:
        self.file_dialog = ask_where_to_save(
            self, self.tr("Export the entry log"), "entry-log.csv", self.tr("CSV files (*.csv)"), "csv"
        )
        self.file_dialog.fileSelected.connect(lambda name: self.export_to(Path(name)))

    def export_to(self, path: Path) -> None:
        """Write the shown entries to a CSV file."""
        first, last = self._log_range()
        try:
            rows = self._entries.export_csv(self._session, first, last, path, self.log_person.currentData())
        except FaceDeskError as exc:
            show_error(self.log_error, user_message(exc))
            return
        show_error(self.log_error, "")
        self.log_status.setText(self.tr("Wrote %1 entries to %2.").replace("%1", str(rows)).replace("%2", path.name))

    def _choose_pdf_file(self) -> None:
        if self.sheet is None:
            return
        name = f"timesheet-{self.sheet.month:%Y-%m}.pdf"
        self.file_dialog = ask_where_to_save(self, self.tr("Save the timesheet"), name)
        self.file_dialog.fileSelected.connect(lambda chosen: self.save_timesheet(Path(chosen)))

    def save_timesheet(self, path: Path) -> None:
        """Write the shown timesheet as a PDF."""
        if self.sheet is None:
            return
        try:
            write_pdf(timesheet_document(self.sheet, self._business.profile().processor_name), path)
        except FaceDeskError as exc:
            show_error(self.sheet_error, user_message(exc))
            return
        show_error(self.sheet_error, "")
        self.sheet_status.setText(self.tr("Saved %1.").replace("%1", path.name))
