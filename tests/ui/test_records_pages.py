"""People and Audit log: table models that pass Qt's model checks, search, filter, and the chain verdict."""

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.operators import OperatorSession
from app.domain.people import IdDocumentType
from app.services.check_in_service import GuestStay
from app.services.desk_services import DeskServices
from app.storage.database import Database
from app.ui.desk_context import DeskContext
from app.ui.desk_pages import DeskPages
from app.ui.rows_model import RowsTableModel
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import enrolled_guest
from tests.integration.services.conftest import SourceSpy, adult
from tests.ui.conftest import Camera


@pytest.fixture
def two_guests(
    face_ready: DeskServices,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    clock: FakeClock,
) -> tuple[GuestStay, GuestStay]:
    """Li Wei (room 1208) with face data; Zhang Min (room 1210) who chose the ID check."""
    with_face = register()
    enrolled_guest(face_ready, clerk, with_face, obama_camera)
    face_ready.check_in.complete_with_face(clerk, with_face.stay_id)
    zhang = adult(clock, "Zhang Min", serial="456")
    without = register(zhang, room="1210")
    face_ready.check_in.decline_face(clerk, without.stay_id)
    face_ready.check_in.complete_manual(clerk, without.stay_id, IdDocumentType.RESIDENT_ID, zhang.document.number)
    return with_face, without


def cells(model: RowsTableModel, row: int) -> list[str]:
    return [model.data(model.index(row, column)) for column in range(model.columnCount())]


def test_the_people_table_shows_consent_state_and_deletion_date(
    qtbot: QtBot,
    qtmodeltester,
    face_ready: DeskServices,
    clerk: OperatorSession,
    two_guests: tuple[GuestStay, GuestStay],
    photo_camera: Camera,
    make_context: Callable[..., DeskContext],
) -> None:
    page = DeskPages(make_context(face_ready, clerk, photo_camera)).people()
    qtbot.addWidget(page)
    page.refresh()
    qtmodeltester.check(page.model)
    rows = {cells(page.model, row)[0]: cells(page.model, row) for row in range(page.model.rowCount())}
    assert set(rows) == {"Li Wei", "Zhang Min"}
    _, kind, room, face, consent, delete_by = rows["Li Wei"]
    assert (kind, room, face, consent) == ("Guest", "1208", "Held", "Given")
    assert delete_by.startswith("20")  # checkout plus the grace period, in the desk's time zone
    assert rows["Zhang Min"][3:5] == ["None", "None"]
    assert page.model.headerData(5, Qt.Orientation.Horizontal) == "Face data deleted by"

    page.filter.setCurrentIndex(page.filter.findData("face"))
    assert [cells(page.model, row)[0] for row in range(page.model.rowCount())] == ["Li Wei"]
    page.filter.setCurrentIndex(page.filter.findData("all"))
    qtbot.keyClicks(page.query, "1210")
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    assert [cells(page.model, row)[0] for row in range(page.model.rowCount())] == ["Zhang Min"]
    qtmodeltester.check(page.model)


def test_the_audit_log_reads_plainly_and_its_chain_is_verified(
    qtbot: QtBot,
    qtmodeltester,
    face_ready: DeskServices,
    manager: OperatorSession,
    two_guests: tuple[GuestStay, GuestStay],
    photo_camera: Camera,
    make_context: Callable[..., DeskContext],
) -> None:
    page = DeskPages(make_context(face_ready, manager, photo_camera)).audit()
    qtbot.addWidget(page)
    page.refresh()
    qtmodeltester.check(page.model)
    events = [cells(page.model, row)[3] for row in range(page.model.rowCount())]
    assert "Face templates stored #1" in events or any(e.startswith("Face templates stored") for e in events)
    assert any(e.startswith("Face verification declined") for e in events)
    assert not any("." in e.split(" #")[0] for e in events)  # no raw event codes
    by = {cells(page.model, row)[2] for row in range(page.model.rowCount())}
    assert not any(":" in who for who in by), by  # "operator:1" is said as the operator's name
    assert "The guest" in by  # a decline is the guest's own choice, recorded without the receptionist
    assert manager.display_name in by
    details = " ".join(cells(page.model, row)[4] for row in range(page.model.rowCount()))
    assert "Li Wei" not in details and "Zhang Min" not in details  # the log holds no names
    page.verify_button.click()
    assert page.verdict.text().startswith("Intact: all ")
    assert page.verdict.property("state") == "ok"


def test_a_tampered_audit_log_is_reported_as_broken(
    qtbot: QtBot,
    face_ready: DeskServices,
    manager: OperatorSession,
    two_guests: tuple[GuestStay, GuestStay],
    photo_camera: Camera,
    make_context: Callable[..., DeskContext],
) -> None:
    database: Database = face_ready.database
    with database.transaction() as tx:  # someone edits the file behind FaceDesk's back
        tx.execute("DROP TRIGGER audit_events_append_only_update")
        tx.execute("UPDATE audit_events SET details = '{}' WHERE id = 3")
    page = DeskPages(make_context(face_ready, manager, photo_camera)).audit()
    qtbot.addWidget(page)
    page.verify()
    assert page.verdict.text().startswith("Broken at event 3")
    assert page.verdict.property("state") == "attention"
