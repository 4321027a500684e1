"""Settings: choosing the ID card reader and testing it; the desk takes the chosen reader at once."""

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from app.config.device_settings import DeviceSettings
from app.config.paths import DataPaths
from app.domain.card_reader_state import CardReaderState
from app.domain.operators import OperatorSession
from app.services.desk_services import DeskServices
from app.ui.desk_context import DeskContext
from app.ui.desk_window import DeskWindow
from app.workers.card_reader_worker import CardReaderThread
from tests.helpers.card_reader_sim import Faults, SimulatedCardReader
from tests.ui.conftest import Camera

WAIT_MS = 10_000


@pytest.fixture
def window(
    qtbot: QtBot,
    face_ready: DeskServices,
    admin: OperatorSession,
    photo_camera: Camera,
    make_context: Callable[..., DeskContext],
) -> Iterator[DeskWindow]:
    desk = DeskWindow(make_context(face_ready, admin, photo_camera), "desk camera")
    qtbot.addWidget(desk)
    desk.show()
    yield desk
    desk.shutdown()


def test_choosing_the_reader_in_settings_starts_it_and_the_test_says_it_answers(
    qtbot: QtBot, window: DeskWindow, card_reader: SimulatedCardReader, paths: DataPaths
) -> None:
    assert window.card_reader is None  # no reader chosen: documents are typed
    assert not window.check_in.details.reader_status.isVisible()
    window.show_page("settings")
    settings = window.settings
    assert settings is not None
    box = settings.card_reader
    assert box.port.currentData() == "" and not box.test_button.isEnabled()
    DeviceSettings(paths.device_settings).set(
        "card_reader/port", str(card_reader.path)
    )  # a fixed link the system does not list
    box.refresh()
    assert box.port.currentData() == str(card_reader.path)
    box.port.activated.emit(box.port.currentIndex())  # as if picked from the list
    assert window.card_reader is not None and window.card_reader.port == str(card_reader.path)
    window.show_page("check_in")
    status = window.check_in.details.reader_status
    qtbot.waitUntil(lambda: status.state is CardReaderState.WAITING, timeout=WAIT_MS)
    assert status.text() == "ID card reader ready: lay the guest's ID card on it."
    window.show_page("settings")
    box.test_button.click()  # the desk lets go of the port for the test, then takes it back
    qtbot.waitUntil(lambda: box.result.text().startswith("The reader answers"), timeout=WAIT_MS)
    assert box.result.text() == "The reader answers. Lay a card on it to check in a guest."
    qtbot.waitUntil(lambda: window.card_reader is not None, timeout=WAIT_MS)
    box.port.setCurrentIndex(box.port.findData(""))
    box.port.activated.emit(box.port.currentIndex())
    assert window.card_reader is None
    assert not window.check_in.details.reader_status.isVisible()


def test_the_test_names_a_port_with_no_reader_and_an_unplugged_one(
    qtbot: QtBot, window: DeskWindow, card_reader: SimulatedCardReader, paths: DataPaths
) -> None:
    DeviceSettings(paths.device_settings).set("card_reader/port", str(card_reader.path))
    window.show_page("settings")
    assert window.settings is not None
    box = window.settings.card_reader
    box.refresh()
    card_reader.faults = Faults(silent=True)
    box.test_button.click()
    qtbot.waitUntil(lambda: box.result.text().startswith("The port opens"), timeout=WAIT_MS)
    qtbot.waitUntil(box.test_button.isEnabled, timeout=WAIT_MS)
    card_reader.unplug()
    box.test_button.click()
    qtbot.waitUntil(lambda: box.result.text().startswith("The port cannot be opened"), timeout=WAIT_MS)


def test_the_reader_thread_stops_at_once_even_while_the_reader_is_silent(
    qtbot: QtBot, card_reader: SimulatedCardReader
) -> None:
    card_reader.faults = Faults(silent=True)
    thread = CardReaderThread(str(card_reader.path), lambda: date(2026, 12, 2))
    with qtbot.waitSignal(thread.state_changed, timeout=WAIT_MS):
        thread.start()
    assert thread.stop()  # the flag ends the exchange it is waiting in; the port is released
    assert thread.isFinished()
