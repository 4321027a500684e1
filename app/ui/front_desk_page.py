"""The Front desk: today's arrivals, the guests in the house and today's departures, by room.

A row leads to what a receptionist does with a guest: verify them, check them out, change the
dates or the room, or withdraw their consent. Face data is shown only as "face" or "ID document"
(the way to verify the guest) and the date it goes, never as a score.
"""

from datetime import date, datetime, tzinfo

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.check_in import CheckInMethod
from app.domain.errors import FaceDeskError
from app.domain.front_desk import DeskStay, FrontDeskDay
from app.domain.operators import OperatorSession
from app.domain.translatable import QT_TRANSLATE_NOOP
from app.services.check_in_service import CheckInService
from app.services.front_desk_service import FrontDeskService
from app.services.stay_service import StayService
from app.ui.labels import error_line, hint, page_title, show_error
from app.ui.messages import user_message
from app.ui.records_pages import table_view
from app.ui.rows_model import RowsTableModel

COLUMNS = (
    QT_TRANSLATE_NOOP("FrontDeskPage", "Room"),
    QT_TRANSLATE_NOOP("FrontDeskPage", "Guest"),
    QT_TRANSLATE_NOOP("FrontDeskPage", "Arrival"),
    QT_TRANSLATE_NOOP("FrontDeskPage", "Departure"),
    QT_TRANSLATE_NOOP("FrontDeskPage", "Verify by"),
    QT_TRANSLATE_NOOP("FrontDeskPage", "Face data goes"),
)


class FrontDeskPage(QWidget):
    """Today at the desk, and the actions on one stay.

    Signals:
        verify_requested(int): verify this person (the window opens Verify guest with them).
        withdraw_requested(int): withdraw this person's consent (the window opens Withdraw).
    """

    verify_requested = Signal(int)
    withdraw_requested = Signal(int)

    def __init__(
        self,
        front_desk: FrontDeskService,
        check_in: CheckInService,
        stays: StayService,
        session: OperatorSession,
        zone: tzinfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._front_desk = front_desk
        self._check_in = check_in
        self._stays = stays
        self._session = session
        self._zone = zone
        self._day: FrontDeskDay | None = None
        self.date_line = hint("")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Guest name or room"))
        self.search.setAccessibleName(self.tr("Search today's guests"))
        self.list_buttons = QButtonGroup(self)
        self.arrivals_button = QPushButton()
        self.in_house_button = QPushButton()
        self.departures_button = QPushButton()
        tabs = QHBoxLayout()
        for number, button in enumerate((self.arrivals_button, self.in_house_button, self.departures_button)):
            button.setCheckable(True)
            self.list_buttons.addButton(button, number)
            tabs.addWidget(button)
        tabs.addStretch()
        self.in_house_button.setChecked(True)
        self.model: RowsTableModel[DeskStay] = RowsTableModel(COLUMNS, self._cells, self.tr)
        self.table = table_view(self.model, self.tr("Guests"))
        self.verify_button = QPushButton(self.tr("Verify"))
        self.checkout_button = QPushButton(self.tr("Check out…"))
        self.dates_button = QPushButton(self.tr("Change departure…"))
        self.room_button = QPushButton(self.tr("Change room…"))
        self.withdraw_button = QPushButton(self.tr("Withdraw consent…"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Result"))
        self.error = error_line()
        actions = QHBoxLayout()
        for button in self.action_buttons:
            button.setMinimumHeight(40)
            actions.addWidget(button)
        actions.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Front desk")))
        layout.addWidget(self.date_line)
        layout.addWidget(self.search)
        layout.addLayout(tabs)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        self.search.textChanged.connect(lambda _: self._show_list())
        self.list_buttons.idToggled.connect(lambda _id, on: self._show_list() if on else None)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.table.doubleClicked.connect(lambda _: self.verify())
        self.verify_button.clicked.connect(self.verify)
        self.checkout_button.clicked.connect(self.check_out)
        self.dates_button.clicked.connect(self.change_departure)
        self.room_button.clicked.connect(self.change_room)
        self.withdraw_button.clicked.connect(self._withdraw)
        self._update_actions()

    @property
    def action_buttons(self) -> tuple[QPushButton, ...]:
        """The buttons that act on the selected stay."""
        return (self.verify_button, self.checkout_button, self.dates_button, self.room_button, self.withdraw_button)

    def refresh(self) -> None:
        """Read today's lists again (the page was opened, or something changed)."""
        try:
            self._day = self._front_desk.day(self._session)
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        show_error(self.error, "")
        day = self._day
        self.date_line.setText(self.tr("Today, %1").replace("%1", day.on.isoformat()))
        self.arrivals_button.setText(self.tr("Arriving (%1)").replace("%1", str(len(day.arrivals))))
        self.in_house_button.setText(self.tr("In house (%1)").replace("%1", str(len(day.in_house))))
        self.departures_button.setText(self.tr("Leaving today (%1)").replace("%1", str(len(day.departures))))
        self._show_list()

    def selected(self) -> DeskStay | None:
        """The stay of the selected row."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    # --- actions ---------------------------------------------------------------------------------

    def verify(self) -> None:
        """Open Verify guest with the selected guest."""
        row = self.selected()
        if row is not None and row.checked_in:
            self.verify_requested.emit(row.stay.person_id)

    def check_out(self) -> None:
        """Check the selected guest out, after one confirmation."""
        row = self.selected()
        if row is None or not row.checked_in:
            return
        face = (
            self.tr("Their face data is deleted at checkout.")
            if row.face_data_until
            else self.tr("No face data is held for them.")
        )
        question = self.tr("Check out %1 from room %2?").replace("%1", row.name).replace("%2", row.stay.room)
        self.confirmation = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Check out"), f"{question}\n{face}", parent=self
        )
        self.confirmation.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        self.confirmation.button(QMessageBox.StandardButton.Yes).setText(self.tr("Check out"))
        self.confirmation.finished.connect(lambda result: self._checkout_answered(row, result))
        self.confirmation.open()

    def _checkout_answered(self, row: DeskStay, result: int) -> None:
        if result != QMessageBox.StandardButton.Yes:
            return
        try:
            deleted = self._check_in.check_out(self._session, row.stay.id).templates_deleted
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        done = self.tr("%1 checked out of room %2.").replace("%1", row.name).replace("%2", row.stay.room)
        if deleted:
            done += " " + self.tr("%1 face templates deleted.").replace("%1", str(deleted))
        self._done(done)

    def change_departure(self) -> None:
        """Ask for the new departure date of the selected stay."""
        row = self.selected()
        if row is None:
            return
        self.date_dialog = DepartureDialog(row, self)
        self.date_dialog.accepted.connect(lambda: self._departure_chosen(row, self.date_dialog.departure()))
        self.date_dialog.open()

    def _departure_chosen(self, row: DeskStay, departure: date) -> None:
        try:
            self._stays.change_departure(self._session, row.stay.id, departure)
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        self._done(self.tr("%1 now leaves on %2.").replace("%1", row.name).replace("%2", departure.isoformat()))

    def change_room(self) -> None:
        """Ask for the new room of the selected stay."""
        row = self.selected()
        if row is None:
            return
        self.room_dialog = QInputDialog(self)
        self.room_dialog.setWindowTitle(self.tr("Change room"))
        self.room_dialog.setLabelText(self.tr("New room for %1:").replace("%1", row.name))
        self.room_dialog.setTextValue(row.stay.room)
        self.room_dialog.textValueSelected.connect(lambda room: self._room_chosen(row, room))
        self.room_dialog.open()

    def _room_chosen(self, row: DeskStay, room: str) -> None:
        try:
            moved = self._stays.change_room(self._session, row.stay.id, room)
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        self._done(self.tr("%1 moved to room %2.").replace("%1", row.name).replace("%2", moved.room))

    def _withdraw(self) -> None:
        row = self.selected()
        if row is not None:
            self.withdraw_requested.emit(row.stay.person_id)

    # --- the list --------------------------------------------------------------------------------

    def _show_list(self) -> None:
        day = self._day
        if day is None:
            return
        rows = {0: day.arrivals, 1: day.in_house, 2: day.departures}[max(self.list_buttons.checkedId(), 0)]
        text = self.search.text().strip().casefold()
        shown = [row for row in rows if text in row.name.casefold() or text in row.stay.room.casefold()]
        self.model.set_rows(shown)
        if shown:
            self.table.selectRow(0)
        self._update_actions()

    def _update_actions(self) -> None:
        row = self.selected()
        in_house = row is not None and row.checked_in
        self.verify_button.setEnabled(in_house)
        self.checkout_button.setEnabled(in_house)
        self.dates_button.setEnabled(row is not None)
        self.room_button.setEnabled(row is not None)
        self.withdraw_button.setEnabled(row is not None and row.face_data_until is not None)

    def _done(self, text: str) -> None:
        show_error(self.error, "")
        self.status.setText(text)
        self.refresh()

    def _cells(self, row: DeskStay) -> tuple[str, ...]:
        stay = row.stay
        if stay.check_in_method is CheckInMethod.FACE and row.face_data_until is not None:
            method = self.tr("Face")
        elif stay.checked_in:
            method = self.tr("ID document")
        else:
            method = self.tr("Not checked in")
        goes = self._local(row.face_data_until) if row.face_data_until else self.tr("No face data")
        return (stay.room, row.name, stay.arrival.isoformat(), stay.departure.isoformat(), method, goes)

    def _local(self, moment: datetime) -> str:
        return moment.astimezone(self._zone).strftime("%Y-%m-%d %H:%M")


class DepartureDialog(QDialog):
    """The new departure date of one stay (the face data then goes at the new checkout)."""

    def __init__(self, row: DeskStay, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change departure"))
        current = row.stay.departure
        self.date = QDateEdit(QDate(current.year, current.month, current.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setAccessibleName(self.tr("New departure date"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Guest: %1, room %2").replace("%1", row.name).replace("%2", row.stay.room)))
        form.addRow(self.tr("New departure"), self.date)
        if row.face_data_until is not None:
            form.addRow(hint(self.tr("The guest's face data is then deleted at the new checkout.")))
        form.addRow(buttons)

    def departure(self) -> date:
        """The chosen date."""
        chosen = self.date.date()
        return date(chosen.year(), chosen.month(), chosen.day())
