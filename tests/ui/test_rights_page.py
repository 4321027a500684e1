"""The Rights requests page (R19): a Manager registers a request, answers it, or refuses it with a reason.

Before this page, only ``export-person`` on the command line reached R19: the request register,
refusals, corrections and deletions existed in no page.
"""

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.domain.filing import add_working_days
from app.domain.operators import OperatorSession
from app.services.check_in_service import GuestStay
from app.services.desk_services import DeskServices
from app.ui.rights_page import RightsPage
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import enrolled_guest, template_rows
from tests.helpers.erasure import audit_of, identity_of, tables_holding
from tests.helpers.pdf_text import pdf_text
from tests.integration.services.conftest import SourceSpy, adult


@pytest.fixture
def rights_page(desk_page: Callable[[OperatorSession, str], RightsPage], manager: OperatorSession) -> RightsPage:
    return desk_page(manager, "rights")


def register_request(page: RightsPage, name: str, kind: str) -> None:
    """Find the person, choose what they ask for, confirm the ID check, register."""
    page.search.query.setText(name)
    page.search.search_button.click()
    page.search.results.setCurrentRow(0)
    page.kind.setCurrentIndex(page.kind.findData(kind))
    assert not page.register_button.isEnabled()  # not before the ID document was checked in person
    page.identity_checked.setChecked(True)
    page.register_button.click()


def cells(page: RightsPage) -> list[list[str]]:
    model = page.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


@pytest.mark.req("R19")
def test_a_manager_registers_a_deletion_request_and_the_guest_is_gone_from_every_table(
    qtmodeltester,
    rights_page: RightsPage,
    face_ready: DeskServices,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    clock: FakeClock,
) -> None:
    identity = identity_of(clock)
    guest = register()  # booked, enrolled, then did not stay
    enrolled_guest(face_ready, clerk, guest, obama_camera)
    register(adult(clock, "Zhang San", date(1979, 4, 2), serial="222"), room="1302")
    page = rights_page

    register_request(page, "Li Wei", "deletion")
    due = add_working_days(date(2026, 3, 2), 15)
    assert cells(page) == [["2026-03-02 17:00", "Li Wei", "Delete their data", due.isoformat(), "Open"]]
    qtmodeltester.check(page.model)
    assert due.isoformat() in page.status.text()
    page.answer_button.click()
    box = page.confirmation
    assert box is not None and box.text() == "Delete the personal data of Li Wei?"
    assert box.informativeText() == (
        "Their face data (3 face templates) is deleted at once. Their name, ID document number, birth date and "
        "stays are deleted now. This cannot be undone."
    )
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert template_rows(face_ready) == 3 and cells(page)[0][4] == "Open"  # nothing happened
    page.select_request(cells_id(page, 0))
    page.answer_button.click()
    assert page.confirmation is not None
    page.confirmation.button(QMessageBox.StandardButton.Yes).click()

    assert page.status.text().startswith("Face templates deleted: 3. Deleted: their name, ID document number")
    assert cells(page) == [["2026-03-02 17:00", "Personal data deleted", "Delete their data", "", "Answered"]]
    assert tables_holding(face_ready.database, identity) == {}
    assert template_rows(face_ready) == 0
    assert len(audit_of(face_ready.database, "person.erased")) == 1
    assert not page.answer_button.isEnabled()


def cells_id(page: RightsPage, row: int) -> int:
    return page.model.row_at(row).id


@pytest.mark.usefixtures("cjk_fonts")  # reads Chinese back from the PDF
@pytest.mark.req("R19")
def test_each_kind_of_request_is_answered_by_its_own_action_and_a_refusal_needs_a_reason(
    rights_page: RightsPage,
    face_ready: DeskServices,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    guest = register()
    enrolled_guest(face_ready, clerk, guest, obama_camera)
    register(adult(clock, "Zhang San", date(1979, 4, 2), serial="222"), room="1302")
    page = rights_page

    register_request(page, "Li Wei", "copy")
    page.answer_button.click()
    assert page.file_dialog is not None
    target = tmp_path / "li-wei.pdf"
    page.file_dialog.selectFile(str(target))
    page.file_dialog.accept()
    assert json.loads((tmp_path / "li-wei.json").read_text(encoding="utf-8"))["person"]["name"] == "Li Wei"
    text = " ".join(pdf_text(target).split())
    for part in ("个人信息副本", "Copy of your personal information", "Li Wei", adult(clock).document.number,
                 "Room 1208", "Verifying you during your stay", "Face templates held now: 3", "居民身份证",
                 "a copy of your data (being answered)"):  # fmt: skip
        assert part in text, part
    assert "Zhang San" not in text
    assert "li-wei.pdf and li-wei.json" in page.status.text() and cells(page)[0][4] == "Answered"

    register_request(page, "Li Wei", "correction")
    page.answer_button.click()
    assert page.text_dialog is not None and page.text_dialog.textValue() == "Li Wei"
    page.text_dialog.setTextValue("Li Weiwei")
    page.text_dialog.accept()
    assert [p.name for p in face_ready.directory.search(clerk, "Li Wei")] == ["Li Weiwei"]

    register_request(page, "Li Weiwei", "explanation")
    page.refuse_button.click()
    assert page.text_dialog is not None
    page.text_dialog.setTextValue(" ")
    page.text_dialog.accept()
    assert page.error.isVisible() and "reason" in page.error.text()
    assert cells(page)[0][4] == "Open"  # nothing lost: still open
    page.refuse_button.click()
    page.text_dialog.setTextValue("We answered this question last week in writing.")
    page.text_dialog.accept()
    assert not page.error.isVisible()
    assert "Refused: We answered this question last week in writing." in [row[4] for row in cells(page)]

    register_request(page, "Li Weiwei", "withdrawal")
    page.answer_button.click()
    assert page.confirmation is not None and "Li Weiwei" in page.confirmation.text()
    page.confirmation.button(QMessageBox.StandardButton.Yes).click()
    assert template_rows(face_ready) == 0 and "3" in page.status.text()

    register_request(page, "Li Weiwei", "explanation")
    page.answer_button.click()
    assert page.confirmation is not None
    page.confirmation.button(QMessageBox.StandardButton.Yes).click()
    assert [row[4] for row in cells(page)].count("Answered") == 4
    assert len(audit_of(face_ready.database, "rights_request.opened")) == 5
    assert len(audit_of(face_ready.database, "rights_request.closed")) == 5


@pytest.mark.req("R19")
@pytest.mark.req("R13")
def test_a_guest_in_the_house_is_told_the_day_their_registration_goes(
    rights_page: RightsPage,
    face_ready: DeskServices,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
) -> None:
    guest = register()
    enrolled_guest(face_ready, clerk, guest, obama_camera)
    face_ready.check_in.complete_with_face(clerk, guest.stay_id)  # in the house until 2026-03-04
    page = rights_page
    register_request(page, "Li Wei", "deletion")
    assert page.answer_button.text() == "Delete their personal data…"
    page.answer_button.click()
    assert page.confirmation is not None
    assert page.confirmation.informativeText() == (
        "Their face data (3 face templates) is deleted at once. The guest register must keep their registration "
        "(name, ID document, birth date, stays) until 2028-03-04; it is deleted by itself that day. "
        "This cannot be undone."
    )
    page.confirmation.button(QMessageBox.StandardButton.Yes).click()
    assert page.status.text() == (
        "Face templates deleted: 3. The guest register keeps their registration until 2028-03-04; it is deleted "
        "by itself that day. Tell them that date."
    )
    assert cells(page)[0][1:] == [
        "Li Wei", "Delete their data", "", "Answered; the guest register keeps the registration until 2028-03-04"
    ]  # fmt: skip
    assert template_rows(face_ready) == 0
