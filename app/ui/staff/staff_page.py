"""The Staff page (Managers): staff records, PINs, face entry and the end of employment."""

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QPushButton, QVBoxLayout, QWidget

from app.domain.errors import FaceDeskError
from app.domain.flows import AbandonReason
from app.domain.operators import OperatorSession
from app.services.flows.staff_face_entry import StaffFaceEntryFlow
from app.services.staff_service import StaffMember, StaffService
from app.ui.guest_language import GuestLanguage
from app.ui.labels import error_line, hint, page_title, show_error
from app.ui.messages import user_message
from app.ui.records_pages import table_view
from app.ui.staff.staff_dialogs import AddStaffDialog, LastDayDialog, PinDialog, to_date
from app.ui.staff.staff_enrolment import StaffEnrolmentDialog
from app.ui.staff.staff_models import staff_model


class StaffPage(QWidget):
    """Staff members with their PIN and face-entry state."""

    def __init__(
        self,
        staff: StaffService,
        today: Callable[[], date],
        session: OperatorSession,
        guest: GuestLanguage,
        start_face_entry: Callable[[int], StaffFaceEntryFlow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._staff = staff
        self._today = today
        self._session = session
        self._guest = guest
        self._start_face_entry = start_face_entry
        self.model = staff_model()
        self.table = table_view(self.model, self.tr("Staff members"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("Add staff member"))
        self.add_button.setObjectName("Primary")
        self.pin_button = QPushButton(self.tr("Set PIN"))
        self.face_button = QPushButton(self.tr("Face entry"))
        self.face_button.setAccessibleName(self.tr("Set up face entry"))
        self.end_button = QPushButton(self.tr("End employment"))
        self.error = error_line()
        self.status = hint("")
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.pin_button)
        actions.addWidget(self.face_button)
        actions.addWidget(self.end_button)
        actions.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page_title(self.tr("Staff")))
        layout.addWidget(
            hint(
                self.tr(
                    "Everyone clocks in and out with a PIN. Face entry is optional, needs the person's own "
                    "consent, and gives exactly the same result."
                )
            )
        )
        layout.addLayout(actions)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.add_button.clicked.connect(self._add)
        self.pin_button.clicked.connect(self._set_pin)
        self.face_button.clicked.connect(self._face_entry)
        self.end_button.clicked.connect(self._end_employment)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def refresh(self) -> None:
        """Reload the staff list."""
        try:
            self.model.set_rows(self._staff.members(self._session))
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
        self._update_buttons()

    def selected(self) -> StaffMember | None:
        """The selected staff member."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, person_id: int) -> None:
        """Select a staff member's row."""
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).person_id == person_id:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        member = self.selected()
        for button in (self.pin_button, self.end_button):
            button.setEnabled(member is not None)
        self.face_button.setEnabled(
            member is not None
            and (not member.face_entry or member.renewal_needed)
            and member.employment_ended_on is None
        )

    def _add(self) -> None:
        self.add_dialog = AddStaffDialog(self._today, self)
        self.add_dialog.accepted.connect(self._added)
        self.add_dialog.open()

    def _added(self) -> None:
        details = self.add_dialog.details
        assert details is not None  # noqa: S101 - set before the dialog accepts
        try:
            person_id = self._staff.register(self._session, details)
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        show_error(self.error, "")
        self.refresh()
        self.select(person_id)
        self.status.setText(self.tr("%1 was added. Next: set a PIN.").replace("%1", details.full_name))

    def _set_pin(self) -> None:
        member = self.selected()
        if member is None:
            return
        self.pin_dialog = PinDialog(member.name, self)
        self.pin_dialog.accepted.connect(lambda: self._pin_chosen(member))
        self.pin_dialog.open()

    def _pin_chosen(self, member: StaffMember) -> None:
        try:
            self._staff.set_pin(self._session, member.person_id, self.pin_dialog.pin.text())
        except FaceDeskError as exc:
            self.pin_dialog.show_problem(user_message(exc))
            self.pin_dialog.open()  # keep the dialog up so the manager can choose another PIN
            return
        self.refresh()
        self.select(member.person_id)
        self.status.setText(self.tr("The PIN for %1 is set.").replace("%1", member.name))

    def _face_entry(self) -> None:
        member = self.selected()
        if member is None:
            return
        self.enrolment = StaffEnrolmentDialog(self._start_face_entry(member.person_id), self._guest, member.name, self)
        self.enrolment.finished.connect(lambda _: self._after_enrolment(member.person_id))
        self.enrolment.open()

    def shutdown(self, reason: AbandonReason) -> None:
        """The desk is locking or closing: a face entry under way is abandoned, its dialog closed."""
        enrolment: StaffEnrolmentDialog | None = getattr(self, "enrolment", None)
        if enrolment is not None:
            enrolment.abandon(reason)
            enrolment.close()

    def _after_enrolment(self, person_id: int) -> None:
        self.refresh()
        self.select(person_id)

    def _end_employment(self) -> None:
        member = self.selected()
        if member is None:
            return
        self.last_day_dialog = LastDayDialog(member.name, self._today(), self)
        self.last_day_dialog.accepted.connect(lambda: self._ended(member))
        self.last_day_dialog.open()

    def _ended(self, member: StaffMember) -> None:
        last_day = to_date(self.last_day_dialog.last_day.date())
        try:
            self._staff.end_employment(self._session, member.person_id, last_day)
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        self.refresh()
        self.select(member.person_id)
        self.status.setText(
            self.tr("%1's last working day is %2. Face data is deleted at the end of it.")
            .replace("%1", member.name)
            .replace("%2", last_day.isoformat())
        )
