"""The Staff entry page (Managers): start the kiosk, see who came and went, export, correct.

The day view lists events; the week view shows each person's days (first in, last out,
hours). Neither shows whether someone used their face or their PIN (R9, R24).
"""

import logging
from collections.abc import Callable
from datetime import date, timedelta, tzinfo
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.attendance import ClockEvent, week_start
from app.domain.errors import FaceDeskError
from app.domain.flows import AbandonReason
from app.domain.operators import OperatorSession
from app.services.attendance_service import AttendanceService
from app.services.flows.kiosk_session import KioskSessionFlow
from app.services.operator_service import OperatorService
from app.ui.file_dialogs import ask_where_to_save
from app.ui.labels import error_line, hint, page_title, show_error
from app.ui.messages import user_message
from app.ui.records_pages import table_view
from app.ui.staff.kiosk_window import KioskWindow
from app.ui.staff.staff_dialogs import CorrectionDialog, to_date
from app.ui.staff.staff_models import day_model, event_model
from app.workers.door_worker import DoorRelayThread

logger = logging.getLogger(__name__)


class AttendancePage(QWidget):
    """Kiosk start, attendance by day or week, CSV export and corrections.

    Signals:
        kiosk_active(bool): a kiosk session started (True) or ended (False).
        camera_state(str, str): the kiosk camera's state and a plain explanation (for the status bar).
    """

    kiosk_active = Signal(bool)
    camera_state = Signal(str, str)

    def __init__(
        self,
        zone: tzinfo,
        operators: OperatorService,
        attendance: AttendanceService,
        today: Callable[[], date],
        session: OperatorSession,
        start_kiosk: Callable[[], KioskSessionFlow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._zone = zone
        self._operators = operators
        self._attendance = attendance
        self._today = today
        self._session = session
        self._start_kiosk = start_kiosk
        self.kiosk: KioskWindow | None = None
        self.door: DoorRelayThread | None = None  # the staff door's relay, set by the desk window
        self.events = event_model(self._zone)
        self.days = day_model()
        self.event_table = table_view(self.events, self.tr("Clock events"))
        self.event_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.day_table = table_view(self.days, self.tr("Days worked"))
        self.day_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tables = QStackedWidget()
        self.tables.addWidget(self.event_table)
        self.tables.addWidget(self.day_table)
        self.start_button = QPushButton(self.tr("Start the staff entry kiosk"))
        self.start_button.setObjectName("Primary")
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setAccessibleName(self.tr("Date"))
        self.view = QComboBox()
        self.view.setAccessibleName(self.tr("View"))
        self.view.addItem(self.tr("Day: every clock event"), "day")
        self.view.addItem(self.tr("Week: days and hours"), "week")
        self.correct_button = QPushButton(self.tr("Correct…"))
        self.correct_button.setAccessibleName(self.tr("Correct the selected event"))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setAccessibleName(self.tr("Export to a CSV file"))
        self.error = error_line()
        self.status = hint("")
        controls = QHBoxLayout()
        controls.addWidget(self.day)
        controls.addWidget(self.view)
        controls.addStretch()
        controls.addWidget(self.correct_button)
        controls.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page_title(self.tr("Staff entry")))
        layout.addWidget(
            hint(
                self.tr(
                    "Start the kiosk when work begins. The camera is on only while the kiosk runs, "
                    "and the PIN always works."
                )
            )
        )
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_button)
        start_row.addStretch()
        layout.addLayout(start_row)
        layout.addLayout(controls)
        layout.addWidget(self.error)
        layout.addWidget(self.tables, 1)
        layout.addWidget(self.status)
        self.start_button.clicked.connect(self.start_kiosk)
        self.day.dateChanged.connect(lambda _: self.refresh())
        self.view.currentIndexChanged.connect(lambda _: self.refresh())
        self.correct_button.clicked.connect(self._correct)
        self.export_button.clicked.connect(self._choose_export_file)
        shown = self._today()
        self.day.setDate(QDate(shown.year, shown.month, shown.day))

    def refresh(self) -> None:
        """Reload the chosen day or week."""
        day = to_date(self.day.date())
        weekly = self.view.currentData() == "week"
        first, last = (week_start(day), week_start(day) + timedelta(days=6)) if weekly else (day, day)
        try:
            if weekly:
                self.days.set_rows(self._attendance.days(self._session, first, last))
            else:
                self.events.set_rows(self._attendance.events(self._session, first, last, include_voided=True))
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        show_error(self.error, "")
        self.tables.setCurrentWidget(self.day_table if weekly else self.event_table)
        self.correct_button.setEnabled(not weekly)

    def start_kiosk(self) -> None:
        """Start a kiosk session in a full-screen window."""
        flow = self._start_kiosk()
        try:
            flow.start(door_configured=self.door is not None)
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        self.kiosk = KioskWindow(flow, self._session.display_name, self._confirm_password, door=self.door)
        self.kiosk.ended.connect(self._kiosk_ended)
        self.kiosk.camera_state.connect(self.camera_state)
        self.kiosk_active.emit(True)
        self.kiosk.showFullScreen()

    def _confirm_password(self, password: str) -> None:
        self._operators.confirm_password(self._session, password)

    def shutdown(self, reason: AbandonReason = AbandonReason.CLOSED) -> None:
        """End and close a running kiosk (the desk is locking or closing)."""
        if self.kiosk is not None:
            self.kiosk.abandon(reason)
            self.kiosk.close()

    def export_to(self, path: Path) -> None:
        """Write the shown range to a CSV file."""
        day = to_date(self.day.date())
        weekly = self.view.currentData() == "week"
        first, last = (week_start(day), week_start(day) + timedelta(days=6)) if weekly else (day, day)
        try:
            rows = self._attendance.export_csv(self._session, first, last, path)
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        show_error(self.error, "")
        self.status.setText(self.tr("Wrote %1 clock events to %2.").replace("%1", str(rows)).replace("%2", path.name))

    def _choose_export_file(self) -> None:
        self.file_dialog = ask_where_to_save(
            self, self.tr("Export attendance"), "attendance.csv", self.tr("CSV files (*.csv)"), "csv"
        )
        self.file_dialog.fileSelected.connect(lambda name: self.export_to(Path(name)))

    def selected_event(self) -> ClockEvent | None:
        """The selected event in the day view."""
        rows = self.event_table.selectionModel().selectedRows()
        return self.events.row_at(rows[0].row()) if rows else None

    def _correct(self) -> None:
        event = self.selected_event()
        if event is None:
            show_error(self.error, self.tr("Select the event to correct first."))
            return
        if event.voided:
            show_error(self.error, self.tr("This event was already corrected."))
            return
        self.correction = CorrectionDialog(event, self._zone, self)
        self.correction.accepted.connect(lambda: self._corrected(event))
        self.correction.open()

    def _corrected(self, event: ClockEvent) -> None:
        try:
            self._attendance.correct(
                self._session, event.id, self.correction.chosen_reason, self.correction.replacement
            )
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        self.status.setText(self.tr("The event was corrected; the correction is in the audit log."))
        self.refresh()

    def _kiosk_ended(self) -> None:
        if self.kiosk is not None:
            self.kiosk.deleteLater()
        self.kiosk = None
        self.kiosk_active.emit(False)
        self.refresh()
