"""Check-in with an ID card reader: the card fills the form and is the document check (R8, R12).

The simulated reader is a device on a pseudo-terminal answering the real protocol; the desk's own
reader thread opens it through pyserial, as it would open a USB reader. No key is typed for the
document: the test counts key presses reaching the identity fields.
"""

import logging
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.config.logs import configure_logging
from app.config.paths import DataPaths
from app.domain.card_reader_state import CardReaderState
from app.domain.check_in import CheckInMethod
from app.domain.checks import DocumentCheck
from app.domain.guests import guest_details
from app.domain.operators import OperatorSession
from app.domain.people import IdDocumentType
from app.services.check_in_service import GuestStay
from app.services.desk_services import DeskServices
from app.ui.desk_context import DeskContext
from app.ui.desk_window import DeskWindow
from tests.helpers.card_reader_sim import CARD_BIRTH, CARD_NAME, CARD_NUMBER, SimulatedCardReader, card_text
from tests.helpers.clock import FakeClock
from tests.helpers.leak_scan import files_under
from tests.ui.conftest import Camera
from tests.unit.domain.test_identity_documents import make_resident_id

WAIT_MS = 10_000


class KeyCounter(QObject):
    """Counts key presses reaching the watched widgets."""

    def __init__(self, widgets: tuple[QWidget, ...]) -> None:
        super().__init__()
        self.presses = 0
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            self.presses += 1
        return False


@pytest.fixture
def window(
    qtbot: QtBot,
    face_ready: DeskServices,
    clerk: OperatorSession,
    photo_camera: Camera,
    make_context: Callable[..., DeskContext],
    card_reader: SimulatedCardReader,
) -> Iterator[DeskWindow]:
    ctx = make_context(face_ready, clerk, photo_camera)
    ctx.device.set("card_reader/port", str(card_reader.path))
    desk = DeskWindow(ctx, "desk camera")
    qtbot.addWidget(desk)
    desk.show()
    desk.show_page("check_in")
    qtbot.waitUntil(lambda: desk.check_in.details.reader_status.state is CardReaderState.WAITING, timeout=WAIT_MS)
    yield desk
    desk.shutdown()


def choose_room(qtbot: QtBot, window: DeskWindow, room: str = "1208") -> None:
    details = window.check_in.details
    qtbot.keyClicks(details.room, room)
    details.departure.setDate(details.departure.date().addDays(1))


@pytest.mark.req("R8")
@pytest.mark.req("R12")
def test_a_card_laid_on_the_reader_fills_the_form_and_checks_in_the_guest_who_declines_face(
    qtbot: QtBot,
    window: DeskWindow,
    card_reader: SimulatedCardReader,
    face_ready: DeskServices,
    clerk: OperatorSession,
    photo_camera: Camera,
) -> None:
    page = window.check_in
    details = page.details
    keys = KeyCounter((details.name, details.document_number, details.birth_date, details.document_type))
    card_reader.lay()
    qtbot.waitUntil(lambda: details.document_number.text() == CARD_NUMBER, timeout=WAIT_MS)
    assert details.name.text() == CARD_NAME
    assert details.document_type.currentData() == IdDocumentType.RESIDENT_ID.value
    assert details.birth_date.text() == CARD_BIRTH.isoformat()
    assert details.reader_status.state is CardReaderState.READ
    assert details.reader_status.text() == "ID card read."
    assert not details.expiry_warning.isVisible()

    choose_room(qtbot, window)
    details.continue_button.click()
    page.method.manual_button.click()  # the guest prefers the ID check
    assert page.stack.currentWidget() is page.manual
    manual = page.manual
    assert manual.card_button.isVisible()
    assert manual.card.text() == (
        "ID card read: Resident ID card ending 2468. Compare the photo on the card with the guest."
    )
    with qtbot.waitSignal(page.checked_in, timeout=WAIT_MS) as done:
        manual.card_button.click()
    result = done.args[0]
    assert result.method is CheckInMethod.MANUAL and result.document_check is DocumentCheck.CARD_READ
    assert page.done_detail.text() == "ID card read and checked."
    assert keys.presses == 0, "no key was typed for the document"
    assert photo_camera.created == 0
    assert face_ready.check_in.stay(clerk, result.stay_id).checked_in
    with face_ready.database.reading() as uow:
        [check] = uow.consents.verifications_of(result.person_id)
    assert (check["method"], check["document_check"], check["result"]) == ("manual", "card_read", "document_checked")
    assert check["document_last4"] == "2468"
    assert card_reader.reads == 1


@pytest.mark.req("R8")
def test_another_persons_card_at_the_id_check_is_refused_and_the_guests_own_card_checks_in(
    qtbot: QtBot, window: DeskWindow, card_reader: SimulatedCardReader, clock: FakeClock
) -> None:
    page = window.check_in
    details = page.details
    qtbot.keyClicks(details.name, "Zhou Min")
    qtbot.keyClicks(details.document_number, make_resident_id("310104", date(1985, 2, 3), "226"))
    choose_room(qtbot, window)
    details.continue_button.click()
    page.method.manual_button.click()
    assert not page.manual.card_button.isVisible()
    card_reader.lay()  # a card, but not Zhou Min's
    qtbot.waitUntil(lambda: page.manual.error.isVisible(), timeout=WAIT_MS)
    assert page.manual.error.text() == (
        "The card on the reader is not the document registered for this guest: lay the guest's own card, "
        "or check their document by hand."
    )
    assert page.stack.currentWidget() is page.manual, "nothing was checked in"
    card_reader.lift()
    qtbot.waitUntil(lambda: page.manual.reader_status.state is CardReaderState.WAITING, timeout=WAIT_MS)
    own = make_resident_id("310104", date(1985, 2, 3), "226")
    card_reader.lay(
        card_text(name="Zhou Min", number=own, birth=date(1985, 2, 3), valid_from=date(2020, 1, 1), valid_until=None)
    )
    qtbot.waitUntil(lambda: page.manual.card_button.isVisible(), timeout=WAIT_MS)
    with qtbot.waitSignal(page.checked_in, timeout=WAIT_MS):
        qtbot.keyClick(page.manual.card_button, Qt.Key.Key_Return)  # Enter presses it, as a click does


def test_an_expired_card_fills_the_form_with_a_warning_and_is_no_document_check(
    qtbot: QtBot, window: DeskWindow, card_reader: SimulatedCardReader
) -> None:
    page = window.check_in
    details = page.details
    card_reader.lay(
        card_text(
            name=CARD_NAME,
            number=CARD_NUMBER,
            birth=CARD_BIRTH,
            valid_from=date(2005, 1, 1),
            valid_until=date(2025, 1, 1),
        )
    )
    qtbot.waitUntil(lambda: details.expiry_warning.isVisible(), timeout=WAIT_MS)
    assert details.expiry_warning.text() == "This document expired on 2025-01-01: ask the guest for a valid one."
    choose_room(qtbot, window)
    details.continue_button.click()
    page.method.manual_button.click()
    page.manual.card_button.click()
    assert page.manual.error.text().startswith("This ID card has expired")
    assert page.stack.currentWidget() is page.manual


def test_a_keyboard_wedge_reader_typing_the_number_and_return_fills_the_birth_date_and_submits(
    qtbot: QtBot, window: DeskWindow
) -> None:
    page = window.check_in
    details = page.details
    qtbot.keyClicks(details.name, "Lin Xiaoyan")
    choose_room(qtbot, window)
    details.document_number.setFocus()
    qtbot.keyClicks(details.document_number, CARD_NUMBER)  # what a wedge reader types ...
    assert details.birth_date.text() == CARD_BIRTH.isoformat()
    qtbot.keyClick(details.document_number, Qt.Key.Key_Return)  # ... and its Return
    assert page.stack.currentWidget() is page.guest_slot


def test_an_unplugged_reader_is_said_and_comes_back_by_itself(
    qtbot: QtBot, window: DeskWindow, card_reader: SimulatedCardReader
) -> None:
    status = window.check_in.details.reader_status
    card_reader.unplug()
    qtbot.waitUntil(lambda: status.state is CardReaderState.UNPLUGGED, timeout=WAIT_MS)
    assert status.text().startswith("The ID card reader is not connected")
    card_reader.plug()
    qtbot.waitUntil(lambda: status.state is CardReaderState.WAITING, timeout=WAIT_MS)
    card_reader.lay()
    qtbot.waitUntil(lambda: window.check_in.details.document_number.text() == CARD_NUMBER, timeout=WAIT_MS)


PASSPORT_ZONE = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F3004157ZE184226B<<<<<16",  # the ICAO specimen, valid until 2030
)


def test_a_passport_zone_from_an_mrz_reader_fills_the_form_line_by_line(qtbot: QtBot, window: DeskWindow) -> None:
    details = window.check_in.details
    details.document_number.setFocus()
    qtbot.keyClicks(details.document_number, PASSPORT_ZONE[0])
    qtbot.keyClick(details.document_number, Qt.Key.Key_Return)  # an MRZ reader types each line and a Return
    assert window.check_in.stack.currentWidget() is details, "half a zone does not submit the form"
    assert details.document_number.placeholderText() == "Machine-readable zone: 1 of 2 lines read"
    qtbot.keyClicks(details.document_number, PASSPORT_ZONE[1])
    qtbot.keyClick(details.document_number, Qt.Key.Key_Return)
    assert details.name.text() == "ERIKSSON ANNA MARIA"
    assert details.document_type.currentData() == IdDocumentType.PASSPORT.value
    assert details.document_number.text() == "L898902C3"
    assert details.birth_date.text() == "1974-08-12"
    assert not details.error.isVisible() and not details.expiry_warning.isVisible()
    assert details.room.hasFocus()


def test_a_passport_guests_id_check_does_not_ask_for_a_card_on_the_reader(qtbot: QtBot, window: DeskWindow) -> None:
    page = window.check_in
    details = page.details
    details.document_number.setFocus()
    for line in PASSPORT_ZONE:
        qtbot.keyClicks(details.document_number, line)
        qtbot.keyClick(details.document_number, Qt.Key.Key_Return)
    choose_room(qtbot, window)
    details.continue_button.click()
    page.method.manual_button.click()
    status = page.manual.reader_status
    assert status.isVisible() and status.state is CardReaderState.WAITING
    assert "lay" not in status.text().lower()
    assert (
        status.text() == "The ID card reader reads ID cards only. This guest's document (Passport) is checked by hand."
    )
    assert page.manual.matches_button.isVisible()


def test_a_passport_zone_with_a_wrong_check_digit_is_refused_naming_the_field(qtbot: QtBot, window: DeskWindow) -> None:
    details = window.check_in.details
    details.document_number.setFocus()
    misread = PASSPORT_ZONE[1].replace("7408122", "7408123")  # the birth date's check digit misread
    for line in (PASSPORT_ZONE[0], misread):
        qtbot.keyClicks(details.document_number, line)
        qtbot.keyClick(details.document_number, Qt.Key.Key_Return)
    assert details.error.text() == "The machine-readable zone has a wrong check digit for the date of birth."
    assert details.name.text() == "" and details.document_number.text() == ""
    assert window.check_in.stack.currentWidget() is details


def every_value_outside_the_persons_row(desk: DeskServices, person_id: int) -> list[object]:
    """Every value of every table (the decrypted database), except the person's own ``people`` row."""
    values: list[object] = []
    with desk.database.reading() as uow:
        conn = uow.connection
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")]
        for table in tables:
            for row in conn.execute(f'SELECT rowid, * FROM "{table}"'):
                if table == "people" and row[0] == person_id:
                    continue
                values.extend(row[1:])
    return values


@pytest.mark.req("R12")
def test_no_photo_byte_and_no_full_number_outside_the_guests_own_row(
    qtbot: QtBot,
    window: DeskWindow,
    card_reader: SimulatedCardReader,
    face_ready: DeskServices,
    tmp_path: Path,
    paths: DataPaths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    temporary = tmp_path / "process-tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    monkeypatch.setenv("TMPDIR", str(temporary))
    root = logging.getLogger()
    level = root.level
    configure_logging(paths.log_dir, verbose=True)  # every record, DEBUG included, into the log file
    try:
        page = window.check_in
        card_reader.lay()
        qtbot.waitUntil(lambda: page.details.document_number.text() == CARD_NUMBER, timeout=WAIT_MS)
        choose_room(qtbot, window)
        page.details.continue_button.click()
        page.method.manual_button.click()
        with qtbot.waitSignal(page.checked_in, timeout=WAIT_MS) as done:
            page.manual.card_button.click()
    finally:
        configure_logging(None)
        root.setLevel(level)
    assert card_reader.reads == 1, "the card, photo block included, went over the wire"
    photo = card_reader.photo
    chunks = [photo[start : start + 16] for start in range(0, len(photo) - 15, 8)]
    files = files_under(paths.root, temporary)  # the data folder (but the encrypted files) and temp files
    assert any(path.suffix == ".log" for path in files)
    for path in files:
        data = path.read_bytes()
        assert CARD_NUMBER.encode() not in data, path.name
        assert not any(chunk in data or chunk.hex().encode() in data for chunk in chunks), path.name
    values = every_value_outside_the_persons_row(face_ready, done.args[0].person_id)
    assert values, "the database was read"
    for value in values:
        blob = value if isinstance(value, bytes) else str(value).encode()
        assert CARD_NUMBER.encode() not in blob
        assert not any(chunk in blob or chunk.hex().encode() in blob for chunk in chunks)
    with face_ready.database.reading() as uow:
        person = uow.people.get(done.args[0].person_id)
    assert person is not None and person.document is not None and person.document.number == CARD_NUMBER


@pytest.mark.req("R8")
def test_verify_guest_accepts_the_guests_card_at_its_id_check(
    qtbot: QtBot,
    window: DeskWindow,
    card_reader: SimulatedCardReader,
    face_ready: DeskServices,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    clock: FakeClock,
) -> None:
    card_holder = guest_details(CARD_NAME, IdDocumentType.RESIDENT_ID, CARD_NUMBER, None, today=clock().date())
    stay = register(card_holder)
    face_ready.check_in.confirm_document(clerk, stay.stay_id, matches=True)
    window.show_page("verify")
    verify = window.verify
    qtbot.keyClicks(verify.search.query, "1208")
    qtbot.keyClick(verify.search.query, Qt.Key.Key_Return)
    verify.manual_button.click()
    assert not verify.card_button.isVisible()
    card_reader.lay()
    qtbot.waitUntil(verify.card_button.isVisible, timeout=WAIT_MS)
    with qtbot.waitSignal(verify.verified, timeout=WAIT_MS) as checked:
        verify.card_button.click()
    assert checked.args == ["document_checked"]
    assert verify.result.text() == f"ID card read: {CARD_NAME} (room 1208) is the registered guest."
    with face_ready.database.reading() as uow:
        checks = uow.consents.verifications_of(stay.person_id)
    assert [(c["purpose"], c["document_check"]) for c in checks] == [
        ("guest_check_in", "looked_at"),
        ("guest_verification", "card_read"),
    ]
