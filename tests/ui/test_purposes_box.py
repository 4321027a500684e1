"""Switching a purpose off in Settings deletes its face data, after a confirmation with the number (R13)."""

import json
from collections.abc import Callable

import pytest
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.config.paths import resource_path
from app.domain.business import Purpose
from app.domain.operators import OperatorSession
from app.services.check_in_service import GuestStay
from app.services.desk_services import DeskServices
from app.ui.desk_context import DeskContext
from app.ui.desk_pages import DeskPages
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import checked_in_with_face, template_rows
from tests.integration.services.conftest import SourceSpy, adult
from tests.ui.conftest import Camera


@pytest.mark.req("R13")
def test_switching_guest_verification_off_deletes_the_guests_face_data_after_one_confirmation(
    qtbot: QtBot,
    face_ready: DeskServices,
    admin: OperatorSession,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    photo_camera: Camera,
    make_context: Callable[..., DeskContext],
    clock: FakeClock,
) -> None:
    """Switching face recognition off left 3 templates on file with nothing due for purge."""
    checked_in_with_face(face_ready, clerk, register(room="1208"), obama_camera)
    checked_in_with_face(face_ready, clerk, register(adult(clock, "Zhang San", serial="222"), room="0815"),
                         obama_camera, name="Zhang San")  # fmt: skip
    page = DeskPages(make_context(face_ready, admin, photo_camera)).settings()
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    box = page.purposes
    assert box.isEnabled() and box.boxes[Purpose.GUEST_VERIFICATION].isChecked()
    box.boxes[Purpose.GUEST_VERIFICATION].setChecked(False)
    box.save_button.click()
    assert box.confirmation is not None and "face data of 2 people now" in box.confirmation.text()
    ours = QIcon(str(resource_path("icons", "incidents.svg"))).pixmap(48, 48).toImage()
    assert box.confirmation.iconPixmap().toImage() == ours  # FaceDesk's attention sign, not Qt's
    box.confirmation.button(QMessageBox.StandardButton.Cancel).click()
    assert template_rows(face_ready) == 6 and box.boxes[Purpose.GUEST_VERIFICATION].isChecked()  # nothing changed

    box.boxes[Purpose.GUEST_VERIFICATION].setChecked(False)
    box.save_button.click()
    assert box.confirmation is not None
    box.confirmation.button(QMessageBox.StandardButton.Yes).click()
    assert template_rows(face_ready) == 0
    assert Purpose.GUEST_VERIFICATION not in face_ready.business.profile().purposes
    event = next(e for e in face_ready.audit.recent_events(admin, 20) if e.action == "business.updated")
    details = json.loads(event.details)
    assert (details["templates_deleted"], details["consents_ended"]) == (6, 2)
    assert face_ready.retention.purge().items == ()  # nothing left waiting


def test_a_desk_operator_sees_the_purposes_but_cannot_change_them(
    qtbot: QtBot, face_ready: DeskServices, clerk: OperatorSession, photo_camera: Camera,
    make_context: Callable[..., DeskContext],
) -> None:  # fmt: skip
    page = DeskPages(make_context(face_ready, clerk, photo_camera)).settings()
    qtbot.addWidget(page)
    assert not page.purposes.isEnabled()
