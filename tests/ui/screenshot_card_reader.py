"""The ID card reader part of the screenshot tour: the form filled by a card, and the card as the ID check.

A simulated reader on a pseudo-terminal answers the real protocol; the desk's own reader thread
reads the card from it. Called by tests/ui/screenshot_tour.py; see its docstring for how to run.
"""

import tempfile
from collections.abc import Callable
from pathlib import Path

from app.services.desk_services import DeskServices
from app.ui.desk_context import DeskContext, DeskEnvironment
from app.ui.desk_window import DeskWindow
from tests.helpers.card_reader_sim import CARD_NUMBER, SimulatedCardReader
from tests.ui.screenshot_staff import Grabber

DESK_SIZE = (1280, 800)


def card_reader_screens(
    tour: Grabber,
    desk: DeskServices,
    env: DeskEnvironment,
    admin: tuple[str, str],
    wait_until: Callable[[Callable[[], bool]], None],
) -> None:
    """A resident ID card laid on the reader fills the form; the guest chooses the ID check."""
    session = desk.operators.sign_in(*admin)
    with tempfile.TemporaryDirectory() as folder:
        reader = SimulatedCardReader(Path(folder) / "ttyIDREADER").plug()
        env.device.set("card_reader/port", str(reader.path))
        window = DeskWindow(DeskContext.for_session(env, desk, session, tour.language), env.camera_name())
        window.resize(*DESK_SIZE)
        window.show()
        try:
            window.show_page("check_in")
            check_in = window.check_in
            details = check_in.details
            reader.lay()
            wait_until(lambda: details.document_number.text() == CARD_NUMBER)
            details.room.setText("1602")
            tour.grab(window, "checkin-1b-card-read")
            details.continue_button.click()
            check_in.method.manual_button.click()
            wait_until(check_in.manual.card_button.isVisible)
            tour.grab(window, "checkin-7b-card-check")
            check_in.manual.card_button.click()
        finally:
            window.close()
            env.device.set("card_reader/port", "")
            reader.unplug()
            desk.operators.sign_out(session)
