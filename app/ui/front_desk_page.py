"""The Front desk: today's arrivals, the guests in the house and today's departures, by room.

A row leads to what a receptionist does with a guest: continue an arrival's check-in, verify them,
check them out, change the dates or the room, or withdraw their consent. Guests sharing a room are
a party: checkout, dates and room apply to everyone in the room unless the receptionist unticks it.
Face data is shown only as "face" or "ID document" (the way to verify the guest) and the date it
goes, never as a score.

A longer stay that the notice a guest agreed to does not cover is shown to that guest to agree again
or decline (their face data then goes, the stay goes on); a checkout that deleted face data offers
the deletion receipt.
"""

from collections.abc import Callable
from datetime import date, datetime, tzinfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
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
from app.domain.documents import Paper
from app.domain.errors import FaceDeskError
from app.domain.front_desk import DeskStay, FrontDeskDay
from app.domain.operators import OperatorSession
from app.domain.translatable import QT_TRANSLATE_NOOP
from app.services.check_in_service import CheckInService, Checkout
from app.services.consent_service import ConsentService
from app.services.front_desk_service import FrontDeskService
from app.services.receipts import Receipt
from app.services.stay_service import StayService
from app.ui.labels import error_line, hint, own_icon, page_title, show_error
from app.ui.messages import user_message
from app.ui.notice_dialogs import DeletionReceiptsDialog, DepartureDialog
from app.ui.reconfirmation import ReconfirmationRound
from app.ui.records_pages import table_view
from app.ui.rows_model import RowsTableModel
from app.ui.widgets.flow_layout import FlowLayout

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
        check_in_requested(int): continue the check-in of this arrival's stay (the window opens Check in).
        verify_requested(int): verify this person (the window opens Verify guest with them).
        withdraw_requested(int): withdraw this person's consent (the window opens Withdraw).
    """

    check_in_requested = Signal(int)
    verify_requested = Signal(int)
    withdraw_requested = Signal(int)

    def __init__(
        self,
        front_desk: FrontDeskService,
        check_in: CheckInService,
        stays: StayService,
        consents: ConsentService,
        session: OperatorSession,
        zone: tzinfo,
        parent: QWidget | None = None,
        *,
        paper: Callable[[], Paper] = lambda: Paper.A4,
    ) -> None:
        super().__init__(parent)
        self._paper = paper
        self._front_desk = front_desk
        self._check_in = check_in
        self._stays = stays
        self._consents = consents
        self._session = session
        self.reconfirmation = ReconfirmationRound(consents, session, self)
        self.receipts_dialog: DeletionReceiptsDialog | None = None
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
        self.check_in_button = QPushButton(self.tr("Check in…"))
        self.verify_button = QPushButton(self.tr("Verify"))
        self.checkout_button = QPushButton(self.tr("Check out…"))
        self.dates_button = QPushButton(self.tr("Change departure…"))
        self.room_button = QPushButton(self.tr("Change room…"))
        self.withdraw_button = QPushButton(self.tr("Withdraw consent…"))
        self.whole_room = QCheckBox()
        self.whole_room.setChecked(True)
        self.whole_room.setAccessibleName(self.tr("Apply to everyone in the room"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Result"))
        self.error = error_line()
        actions = FlowLayout()  # continues on a second line when Large text makes the row too wide
        for button in self.action_buttons:
            button.setMinimumHeight(40)
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Front desk")))
        layout.addWidget(self.date_line)
        layout.addWidget(self.search)
        layout.addLayout(tabs)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.whole_room)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        self.search.textChanged.connect(lambda _: self._show_list())
        self.list_buttons.idToggled.connect(lambda _id, on: self._show_list() if on else None)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.table.doubleClicked.connect(lambda _: self._open_row())
        self.check_in_button.clicked.connect(self.check_in)
        self.verify_button.clicked.connect(self.verify)
        self.checkout_button.clicked.connect(self.check_out)
        self.dates_button.clicked.connect(self.change_departure)
        self.room_button.clicked.connect(self.change_room)
        self.withdraw_button.clicked.connect(self._withdraw)
        self.reconfirmation.answered.connect(self._answered)
        self.reconfirmation.failed.connect(lambda message: show_error(self.error, message))
        self.reconfirmation.finished.connect(self._offer_receipts)
        self._update_actions()

    @property
    def action_buttons(self) -> tuple[QPushButton, ...]:
        """The buttons that act on the selected stay."""
        return (
            self.check_in_button,
            self.verify_button,
            self.checkout_button,
            self.dates_button,
            self.room_button,
            self.withdraw_button,
        )

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

    def party(self, row: DeskStay) -> tuple[DeskStay, ...]:
        """Who an action on ``row`` applies to: everyone in the room (unless unticked), or the guest."""
        day = self._day
        if day is None or not self.whole_room.isChecked():
            return (row,)
        mates = tuple(
            other
            for other in day.arrivals + day.in_house
            if other.checked_in == row.checked_in and other.stay.room.casefold() == row.stay.room.casefold()
        )
        return mates if row in mates else (row,)

    def check_in(self) -> None:
        """Continue the selected arrival's check-in (method choice, or the ID check)."""
        row = self.selected()
        if row is not None and not row.checked_in:
            self.check_in_requested.emit(row.stay.id)

    def verify(self) -> None:
        """Open Verify guest with the selected guest."""
        row = self.selected()
        if row is not None and row.checked_in:
            self.verify_requested.emit(row.stay.person_id)

    def check_out(self) -> None:
        """Check the selected guest (or their whole room) out, after one confirmation."""
        row = self.selected()
        if row is None or not row.checked_in:
            return
        rows = self.party(row)
        names = ", ".join(guest.name for guest in rows)
        grace = self._day.grace_hours if self._day is not None else 0
        face = (
            self.tr("No face data is held for them.")
            if not any(guest.face_data_until for guest in rows)
            else self.tr("Their face data is deleted at checkout.")
            if grace == 0
            else self.tr("Their face data is deleted one hour after checkout.")
            if grace == 1
            else self.tr("Their face data is deleted %1 hours after checkout.").replace("%1", str(grace))
        )
        question = self.tr("Check out %1 from room %2?").replace("%1", names).replace("%2", row.stay.room)
        self.confirmation = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Check out"), f"{question}\n{face}", parent=self
        )
        own_icon(self.confirmation)
        self.confirmation.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        self.confirmation.button(QMessageBox.StandardButton.Yes).setText(self.tr("Check out"))
        self.confirmation.finished.connect(lambda result: self._checkout_answered(rows, result))
        self.confirmation.open()

    def _checkout_answered(self, rows: tuple[DeskStay, ...], result: int) -> None:
        if result != QMessageBox.StandardButton.Yes:
            return
        checkouts: list[Checkout] = []
        try:
            for row in rows:
                checkouts.append(self._check_in.check_out(self._session, row.stay.id))
        except FaceDeskError as exc:
            self.refresh()  # what did change before the error is listed
            show_error(self.error, user_message(exc))
            return
        names = ", ".join(row.name for row in rows)
        done = self.tr("%1 checked out of room %2.").replace("%1", names).replace("%2", rows[0].stay.room)
        deleted = sum(checkout.templates_deleted for checkout in checkouts)
        if deleted:
            done += " " + self.tr("%Ln face templates deleted.", "", deleted)
        later = [checkout.face_data_until for checkout in checkouts if checkout.face_data_until is not None]
        if later:
            done += " " + self.tr("Face data goes at %1.").replace("%1", self._local(max(later)))
        self._done(done)
        receipts = tuple(receipt for checkout in checkouts for receipt in self._receipts(checkout))
        if receipts:
            self._offer_receipts(receipts)

    def _offer_receipts(self, receipts: tuple[Receipt, ...]) -> None:
        self.receipts_dialog = DeletionReceiptsDialog(receipts, self._paper, self)
        self.receipts_dialog.open()

    def _receipts(self, checkout: Checkout) -> tuple[Receipt, ...]:
        try:
            return self._consents.checkout_receipts(self._session, checkout)
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return ()

    def change_departure(self) -> None:
        """Ask for the new departure date of the selected stay (or the whole room)."""
        row = self.selected()
        if row is None:
            return
        rows = self.party(row)
        self.date_dialog = DepartureDialog(row, self, guests=len(rows))
        self.date_dialog.accepted.connect(lambda: self._departure_chosen(rows, self.date_dialog.departure()))
        self.date_dialog.open()

    def _departure_chosen(self, rows: tuple[DeskStay, ...], departure: date) -> None:
        try:
            for row in rows:
                change = self._stays.change_departure(self._session, row.stay.id, departure)
                self.reconfirmation.add(row, change.to_confirm)
        except FaceDeskError as exc:
            self.refresh()  # what did change before the error is listed
            show_error(self.error, user_message(exc))
            return
        names = ", ".join(row.name for row in rows)
        self._done(self.tr("%1: departure moved to %2.").replace("%1", names).replace("%2", departure.isoformat()))
        self.reconfirmation.next()

    def change_room(self) -> None:
        """Ask for the new room of the selected stay (or the whole room's party)."""
        row = self.selected()
        if row is None:
            return
        rows = self.party(row)
        self.room_dialog = QInputDialog(self)
        self.room_dialog.setWindowTitle(self.tr("Change room"))
        names = ", ".join(guest.name for guest in rows)
        self.room_dialog.setLabelText(self.tr("New room for %1:").replace("%1", names))
        self.room_dialog.setTextValue(row.stay.room)
        self.room_dialog.textValueSelected.connect(lambda room: self._room_chosen(rows, room))
        self.room_dialog.open()

    def _room_chosen(self, rows: tuple[DeskStay, ...], room: str) -> None:
        try:
            for row in rows:
                moved = self._stays.change_room(self._session, row.stay.id, room)
        except FaceDeskError as exc:
            self.refresh()  # what did change before the error is listed
            show_error(self.error, user_message(exc))
            return
        names = ", ".join(row.name for row in rows)
        self._done(self.tr("%1 moved to room %2.").replace("%1", names).replace("%2", moved.room))

    def _answered(self, text: str) -> None:
        self.refresh()
        self.status.setText(text)

    def _open_row(self) -> None:
        row = self.selected()
        if row is not None:
            (self.verify if row.checked_in else self.check_in)()

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
        self.check_in_button.setEnabled(row is not None and not row.checked_in)
        self.verify_button.setEnabled(in_house)
        self.checkout_button.setEnabled(in_house)
        self.dates_button.setEnabled(row is not None)
        self.room_button.setEnabled(row is not None)
        self.withdraw_button.setEnabled(row is not None and row.face_data_until is not None)
        self.whole_room.setChecked(True)
        count = len(self.party(row)) if row is not None else 0
        room = row.stay.room if row is not None else ""
        self.whole_room.setText(
            self.tr("Everyone in room %1 (%2 guests)").replace("%1", room).replace("%2", str(count))
        )
        self.whole_room.setVisible(count > 1)

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
