"""Acceptance 1 of issue 15: a party's whole stay at the desk, on the shared clip with real dlib and SQLCipher.

Two adults and a child (guardian flow on) are checked in together to one room: one adult by face,
one by the ID document, the child by face with the first adult's consent as guardian. The room is
changed; the hotel's notice changes (a grace period of one hour after checkout), so the longer
stay is shown to each guest with face data: the adult agrees, the child's guardian declines (the
child's template goes, the stay goes on with the ID check). The party checks out early; the
remaining face data goes at checkout plus the grace period.
"""

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QMessageBox, QRadioButton
from pytestqt.qtbot import QtBot

from app.domain.check_in import CheckInMethod
from app.domain.guests import GuestDetails
from app.domain.operators import OperatorSession
from app.services.desk_services import DeskServices
from app.ui.check_in.page import CheckInPage
from app.ui.desk_context import DeskContext
from app.ui.desk_window import DeskWindow
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import template_rows
from tests.integration.services.conftest import PIA, adult, child
from tests.ui.conftest import Camera


def register(qtbot: QtBot, page: CheckInPage, guest: GuestDetails, room: str | None = None) -> None:
    details = page.details
    qtbot.keyClicks(details.name, guest.full_name)
    qtbot.keyClicks(details.document_number, guest.document.number)
    if room is not None:
        qtbot.keyClicks(details.room, room)
        details.departure.setDate(details.departure.date().addDays(2))
    details.continue_button.click()


def agree_and_capture(qtbot: QtBot, page: CheckInPage, name: str) -> str:
    """Consent on the guest screen with ``name``, capture from the clip; the receipt's text."""
    page.consent.consent_box.setChecked(True)
    qtbot.keyClicks(page.consent.typed_name, name)
    with qtbot.waitSignal(page.checked_in, timeout=120_000) as done:
        page.consent.agree_button.click()
        qtbot.waitUntil(lambda: page.guest_steps.currentWidget() is page.receipt, timeout=120_000)
        receipt = page.receipt.body.toPlainText()
        page.receipt.done_button.click()
    assert done.args[0].method is CheckInMethod.FACE
    return receipt


def rows(window: DeskWindow) -> dict[str, list[str]]:
    model = window.front_desk.model
    return {
        model.index(r, 1).data(): [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    }


@pytest.fixture
def window(
    qtbot: QtBot,
    face_ready: DeskServices,
    clerk: OperatorSession,
    clip_camera: Camera,
    make_context: Callable[..., DeskContext],
) -> DeskWindow:
    desk = DeskWindow(make_context(face_ready, clerk, clip_camera), "USB camera 0")
    qtbot.addWidget(desk)
    desk.show()
    yield desk
    desk.shutdown()


@pytest.mark.req("R6")
@pytest.mark.req("R7")
@pytest.mark.req("R8")
@pytest.mark.req("R10")
@pytest.mark.req("R13")
def test_a_party_from_check_in_to_early_checkout(
    qtbot: QtBot, window: DeskWindow, face_ready: DeskServices, admin: OperatorSession, clock: FakeClock
) -> None:
    face_ready.settings.change(admin, "consent/guardian_flow_enabled", True)
    face_ready.pia.record(admin, PIA)
    mother, father, kid = adult(clock, "Li Na", serial="321"), adult(clock, "Wang Qiang", serial="654"), child(clock)
    window.show_page("check_in")
    page = window.check_in

    # 1. Li Na chooses face and consents herself.
    register(qtbot, page, mother, room="0808")
    page.method.face_button.click()
    assert "your guardian" not in agree_and_capture(qtbot, page, "Li Na")
    assert page.same_room_button.text() == "Another guest in room 0808"

    # 2. Wang Qiang, same room and dates filled in, chooses the ID document: confirmed, nothing retyped.
    page.same_room_button.click()
    assert page.details.room.text() == "0808" and page.details.name.text() == ""
    register(qtbot, page, father)
    page.method.manual_button.click()
    assert page.manual.document.text() == f"Wang Qiang: Resident ID card ending {father.document.number[-4:]}"
    with qtbot.waitSignal(page.checked_in, timeout=10_000) as done:
        page.manual.matches_button.click()
    assert done.args[0].method is CheckInMethod.MANUAL

    # 3. The child: face is offered, and the guardian step comes before the notice (R7).
    page.same_room_button.click()
    register(qtbot, page, kid)
    page.method.face_button.click()
    guardian = page.guardian
    assert page.guest_steps.currentWidget() is guardian
    adults = [b for b in guardian.findChildren(QRadioButton) if b is not guardian.other]
    assert sorted(b.text() for b in adults) == ["Li Na", "Wang Qiang"]  # the party's adults, none chosen
    assert not any(b.isChecked() for b in adults)
    guardian.continue_button.click()
    assert guardian.error.text() == "Choose who gives consent for the child."
    next(b for b in adults if b.text() == "Li Na").setChecked(True)
    guardian.relation.setCurrentIndex(0)  # Parent
    guardian.continue_button.click()
    assert page.guest_steps.currentWidget() is page.consent
    assert page.consent.name_label.text() == "Parent or guardian, type your full name to confirm:"
    assert "your guardian" in agree_and_capture(qtbot, page, "Li Na")
    assert template_rows(face_ready) == 6

    # The Front desk lists the party in the house.
    window.show_page("front_desk")
    desk = window.front_desk
    assert desk.arrivals_button.text() == "Arriving (0)" and desk.in_house_button.text() == "In house (3)"
    party = rows(window)
    assert {name: (row[0], row[4]) for name, row in party.items()} == {
        "Li Na": ("0808", "Face"),
        "Wang Qiang": ("0808", "ID document"),
        "Li Xiaoming": ("0808", "Face"),
    }
    desk.table.selectRow(0)
    assert desk.whole_room.isVisible() and desk.whole_room.text() == "Everyone in room 0808 (3 guests)"

    # Room change for the whole party.
    desk.room_button.click()
    desk.room_dialog.setTextValue("0910")
    desk.room_dialog.accept()
    assert {row[0] for row in rows(window).values()} == {"0910"}

    # The notice changes (one hour of grace after checkout); the stay is extended by a night.
    face_ready.settings.change(admin, "retention/guest_grace_hours", 1)
    face_ready.pia.record(admin, PIA)
    before = rows(window)
    desk.table.selectRow(0)
    desk.dates_button.click()
    desk.date_dialog.date.setDate(desk.date_dialog.date.date().addDays(1))
    desk.date_dialog.accept()
    for answer in ("agree", "decline"):
        dialog = desk.reconfirmation.dialog
        assert dialog is not None and dialog.isVisible() and "1 hours after you check out" in dialog.text.toPlainText()
        if answer == "agree":
            assert "Li Na stays longer" in dialog.intro.text()
            qtbot.keyClicks(dialog.name, "Li Na")
            dialog.accept_button.click()
        else:
            assert (
                "Li Xiaoming stays longer" in dialog.intro.text() and "Turn the screen to Li Na" in dialog.intro.text()
            )
            assert dialog.name_label.text() == "Li Na types their full name to agree:"  # the guardian agrees, or not
            dialog.decline_button.click()
    assert desk.reconfirmation.dialog is None  # Wang Qiang has no face data: nothing to re-confirm
    assert desk.receipts_dialog is not None and "Deletion receipt" in desk.receipts_dialog.text.toPlainText()
    desk.receipts_dialog.reject()
    after = rows(window)
    assert all(after[name][3] > before[name][3] for name in after)  # everyone leaves a day later
    assert after["Li Xiaoming"][4:] == ["ID document", "No face data"]  # the stay goes on with the ID check
    assert after["Li Na"][4] == "Face" and after["Li Na"][5] > before["Li Na"][5]
    assert template_rows(face_ready) == 3

    # Early checkout of the whole room: the rest of the face data goes at checkout plus one hour.
    desk.table.selectRow(0)
    desk.checkout_button.click()
    assert "Li Na" in desk.confirmation.text() and "Li Xiaoming" in desk.confirmation.text()
    assert "deleted one hour after checkout" in desk.confirmation.text()
    desk.confirmation.button(QMessageBox.StandardButton.Yes).click()
    assert "checked out of room 0910" in desk.status.text() and "Face data goes at" in desk.status.text()
    assert desk.in_house_button.text() == "In house (0)" and rows(window) == {}
    assert template_rows(face_ready) == 3  # within the grace period
    clock.advance(timedelta(minutes=59))
    assert face_ready.retention.purge().items == ()
    clock.advance(timedelta(minutes=2))
    assert len(face_ready.retention.purge().items) == 1
    assert template_rows(face_ready) == 0

    actions = [event.action for event in face_ready.audit.recent_events(admin, limit=500)]
    assert actions.count("guest.checked_out") == 3 and actions.count("stay.departure_changed") == 3
    assert actions.count("stay.room_changed") == 3 and actions.count("consent.renewed") == 1
    assert actions.count("consent.withdrawn") == 1 and actions.count("check_in.completed") == 3
