"""Withdraw / opt out: find by withdrawal code, name or room; one confirmation; real deletion (R10)."""

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.domain.business import Purpose
from app.domain.operators import OperatorSession
from app.services.check_in_service import GuestStay
from app.services.desk_services import DeskServices
from app.services.receipts import Receipt
from app.ui.desk_context import DeskContext
from app.ui.desk_pages import DeskPages
from app.ui.withdraw_page import WithdrawPage
from tests.helpers.enrolment import consent, enrol_through_the_camera
from tests.integration.services.conftest import SourceSpy
from tests.ui.conftest import Camera


@pytest.fixture
def enrolled(
    face_ready: DeskServices, clerk: OperatorSession, register: Callable[..., GuestStay], obama_camera: SourceSpy
) -> tuple[GuestStay, Receipt]:
    stay = register()
    receipt = consent(face_ready, clerk, stay)
    enrol_through_the_camera(
        face_ready.faces.begin_enrolment(
            clerk, person_id=stay.person_id, purpose=Purpose.GUEST_VERIFICATION, source_factory=obama_camera
        )
    )
    face_ready.check_in.complete_with_face(clerk, stay.stay_id)
    return stay, receipt


@pytest.fixture
def page(
    qtbot: QtBot,
    face_ready: DeskServices,
    clerk: OperatorSession,
    photo_camera: Camera,
    make_context: Callable[..., DeskContext],
) -> WithdrawPage:
    widget = DeskPages(make_context(face_ready, clerk, photo_camera)).withdraw()
    qtbot.addWidget(widget)
    widget.show()
    widget.enter()
    return widget


def held(desk: DeskServices, session: OperatorSession, stay: GuestStay) -> tuple[str, int]:
    """What the desk reports for the guest: consent state and face templates held."""
    row = desk.directory.row(session, stay.person_id)
    assert row is not None
    return row.consent_state, row.templates


def answer(qtbot: QtBot, page: WithdrawPage, button: QMessageBox.StandardButton) -> None:
    box = page.confirmation
    assert box is not None and box.isVisible()
    box.button(button).click()
    qtbot.waitUntil(lambda: page.confirmation is None, timeout=5000)


@pytest.mark.req("R10")
def test_a_guest_withdraws_with_the_code_and_the_face_data_is_gone(
    qtbot: QtBot,
    page: WithdrawPage,
    face_ready: DeskServices,
    clerk: OperatorSession,
    enrolled: tuple[GuestStay, Receipt],
) -> None:
    stay, receipt = enrolled
    assert held(face_ready, clerk, stay) == ("live", 3)
    qtbot.keyClicks(page.search.query, receipt.withdrawal_code.lower())  # as a guest might read it out
    qtbot.keyClick(page.search.query, Qt.Key.Key_Return)
    assert page.summary.text() == "Li Wei agreed to face verification. Their face data is held."
    page.withdraw_button.click()
    box = page.confirmation
    assert box is not None
    assert box.text() == "Delete the face data of Li Wei now?"
    assert box.informativeText() == "All their face data will be deleted. This cannot be undone."
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)  # nothing happens by Enter alone
    assert box.icon() is QMessageBox.Icon.NoIcon and box.iconPixmap().isNull()  # no stock question mark
    with qtbot.waitSignal(page.withdrawn, timeout=5000) as withdrawn:
        answer(qtbot, page, QMessageBox.StandardButton.Yes)
    deletion: Receipt = withdrawn.args[0]
    assert held(face_ready, clerk, stay) == ("withdrawn", 0)
    assert deletion.consent_id == receipt.consent_id
    assert receipt.withdrawal_code in page.receipt.toPlainText()
    assert page.print_button.isEnabled()
    assert page.summary.text() == "Li Wei has not agreed to face verification (or has withdrawn): no face data is held."
    assert not page.withdraw_button.isEnabled()


@pytest.mark.req("R10")
def test_cancelling_the_confirmation_deletes_nothing(
    qtbot: QtBot,
    page: WithdrawPage,
    face_ready: DeskServices,
    clerk: OperatorSession,
    enrolled: tuple[GuestStay, Receipt],
) -> None:
    stay, _ = enrolled
    qtbot.keyClicks(page.search.query, "1208")
    qtbot.keyClick(page.search.query, Qt.Key.Key_Return)
    page.withdraw_button.click()
    answer(qtbot, page, QMessageBox.StandardButton.Cancel)
    assert held(face_ready, clerk, stay) == ("live", 3)
    assert page.receipt.toPlainText() == ""


def test_a_wrong_code_finds_nobody_and_nothing_can_be_deleted(
    qtbot: QtBot, page: WithdrawPage, enrolled: tuple[GuestStay, Receipt]
) -> None:
    qtbot.keyClicks(page.search.query, "ZZZZ-ZZZZ")
    qtbot.keyClick(page.search.query, Qt.Key.Key_Return)
    assert page.search.results.count() == 0
    assert not page.withdraw_button.isEnabled()


def test_the_receipt_paper_chosen_in_settings_is_what_the_deletion_receipt_is_saved_on(
    qtbot: QtBot,
    face_ready: DeskServices,
    clerk: OperatorSession,
    admin: OperatorSession,
    photo_camera: Camera,
    make_context: Callable[..., DeskContext],
    enrolled: tuple[GuestStay, Receipt],
    tmp_path: Path,
) -> None:
    _, receipt = enrolled
    settings = DeskPages(make_context(face_ready, admin, photo_camera)).settings()
    qtbot.addWidget(settings)
    settings.refresh()
    assert settings.receipt_paper.currentText() == "A4 sheet (office printer)"  # the default
    settings.receipt_paper.setCurrentIndex(settings.receipt_paper.findData("roll_80mm"))
    settings.receipt_paper.activated.emit(settings.receipt_paper.currentIndex())
    page = DeskPages(make_context(face_ready, clerk, photo_camera)).withdraw()
    qtbot.addWidget(page)
    page.enter()
    qtbot.keyClicks(page.search.query, receipt.withdrawal_code)
    qtbot.keyClick(page.search.query, Qt.Key.Key_Return)
    page.withdraw_button.click()
    answer(qtbot, page, QMessageBox.StandardButton.Yes)
    page.save_pdf(tmp_path / "deletion.pdf")
    [slip] = PdfReader(tmp_path / "deletion.pdf").pages
    assert round(float(slip.mediabox.width) / 72 * 25.4) == 80
    assert page.receipt.toPlainText().startswith("Deletion receipt")
