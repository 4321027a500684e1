"""Verify guest keeps the rules a verification must meet, on the running page (issue 16: R2, R6)."""

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from app.domain.operators import OperatorSession
from app.services.check_in_service import GuestStay
from app.services.desk_services import DeskServices
from app.ui.desk_context import DeskContext
from app.ui.desk_pages import DeskPages
from app.ui.verify_page import VerifyPage
from tests.helpers.enrolment import checked_in_with_face, template_rows
from tests.integration.services.conftest import PIA, SourceSpy
from tests.ui.conftest import Camera


@pytest.fixture
def page(
    qtbot: QtBot,
    face_ready: DeskServices,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    photo_camera: Camera,
    make_context: Callable[..., DeskContext],
) -> VerifyPage:
    checked_in_with_face(face_ready, clerk, register(room="1208"), obama_camera)
    widget = DeskPages(make_context(face_ready, clerk, photo_camera)).verify()
    qtbot.addWidget(widget)
    widget.show()
    widget.enter()  # Li Wei, in the house, is listed and chosen
    yield widget
    widget.shutdown()


@pytest.mark.req("R2")
def test_a_verification_waits_for_an_up_to_date_impact_assessment(
    page: VerifyPage, face_ready: DeskServices, admin: OperatorSession, photo_camera: Camera
) -> None:
    """A 1:1 verification ran although the assessment was out of date."""
    face_ready.settings.change(admin, "retention/guest_grace_hours", 2)  # the assessment no longer covers this
    page.face_button.click()
    assert photo_camera.created == 0  # no camera, no face processed
    assert page.result.text().startswith("Face verification needs an up-to-date impact assessment first")
    assert page.area.currentWidget() is page._manual  # the ID document check is offered at once


@pytest.mark.req("R6")
def test_a_changed_notice_text_is_shown_again_before_any_verification(
    qtbot: QtBot, page: VerifyPage, face_ready: DeskServices, admin: OperatorSession, photo_camera: Camera
) -> None:
    """Changing the grace hours changed what the notice says, yet old consents counted as current."""
    face_ready.settings.change(admin, "retention/guest_grace_hours", 2)
    face_ready.pia.record(admin, PIA)
    page.face_button.click()
    dialog = page.renewal_dialog
    assert dialog is not None and "2 hours after you check out" in dialog.text.toPlainText()
    assert photo_camera.created == 0  # the camera waits for the guest's answer
    dialog.decline_button.click()
    assert template_rows(face_ready) == 0  # declining the new notice deletes the face data
    assert page.area.currentWidget() is page._manual
