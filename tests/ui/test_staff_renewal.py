"""A changed staff notice pauses face entry at the kiosk until the staff member agrees again (R6).

Before: the kiosk loaded every live staff consent, so after the notice changed (here: the
business's contact, which the notice states) staff kept clocking in by face under a notice they
never saw. Now the kiosk leaves them to the PIN, the Staff page says why, and the same notice
screen renews the consent (templates kept) or, on "No thanks", deletes their face data.
"""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.camera.file_source import VideoFileSource
from app.domain.operators import OperatorSession
from app.services.desk_services import DeskServices
from app.ui.desk_pages import DeskPages
from tests.helpers.enrolment import template_rows
from tests.ui.conftest import SPEAKER, Camera
from tests.ui.test_staff_entry_pages import TIMEOUT_MS, end_kiosk, start_kiosk

CLIP = Path("clips") / "short_hamilton_clip.mp4"


def staff_page(qtbot: QtBot, desk: DeskServices, manager: OperatorSession, make_context, camera: Camera):  # type: ignore[no-untyped-def]
    page = DeskPages(make_context(desk, manager, camera)).staff()
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.table.selectRow(0)
    return page


@pytest.mark.req("R6")
def test_after_the_notice_changes_the_kiosk_uses_the_pin_until_the_staff_member_agrees_again(
    qtbot: QtBot,
    face_ready: DeskServices,
    admin: OperatorSession,
    manager: OperatorSession,
    speaker: int,
    make_context,
    shared_datasets: Path,
) -> None:
    camera = Camera(lambda: VideoFileSource(shared_datasets / CLIP, loop=True))
    face_ready.business.update(admin, contact="+86 21 5555 0000 (new desk phone)")  # the notice says it

    _, kiosk = start_kiosk(qtbot, make_context(face_ready, manager, camera))
    qtbot.waitUntil(lambda: kiosk.message.text() == "Sorry, we could not recognise you.", timeout=TIMEOUT_MS)
    assert face_ready.attendance.events(manager, face_ready.today(), face_ready.today()) == []
    end_kiosk(qtbot, kiosk, "laozhang-pass-1")

    page = staff_page(qtbot, face_ready, manager, make_context, camera)
    assert page.model.index(0, 1).data() == "Paused: the notice changed, ask them to agree again"
    assert page.face_button.isEnabled()
    qtbot.mouseClick(page.face_button, Qt.MouseButton.LeftButton)
    enrolment = page.enrolment
    assert "+86 21 5555 0000" in enrolment.consent.notice.toPlainText()  # the changed notice is what they read
    enrolment.consent.consent_box.setChecked(True)
    qtbot.keyClicks(enrolment.consent.typed_name, SPEAKER)
    qtbot.mouseClick(enrolment.consent.agree_button, Qt.MouseButton.LeftButton)
    assert enrolment.done_title.text() == f"Face entry is on again for {SPEAKER}."
    assert template_rows(face_ready) == 3  # kept: nothing was captured again
    qtbot.mouseClick(enrolment.close_button, Qt.MouseButton.LeftButton)
    assert not face_ready.staff.members(manager)[0].renewal_needed

    _, kiosk = start_kiosk(qtbot, make_context(face_ready, manager, camera))
    qtbot.waitUntil(lambda: "clocked in" in kiosk.message.text(), timeout=TIMEOUT_MS)
    end_kiosk(qtbot, kiosk, "laozhang-pass-1")


@pytest.mark.req("R6")
def test_declining_the_changed_notice_deletes_the_staff_members_face_data(
    qtbot: QtBot,
    face_ready: DeskServices,
    admin: OperatorSession,
    manager: OperatorSession,
    speaker: int,
    make_context,
    shared_datasets: Path,
) -> None:
    camera = Camera(lambda: VideoFileSource(shared_datasets / CLIP, loop=True))
    face_ready.business.update(admin, contact="+86 21 5555 0000 (new desk phone)")
    page = staff_page(qtbot, face_ready, manager, make_context, camera)
    qtbot.mouseClick(page.face_button, Qt.MouseButton.LeftButton)
    enrolment = page.enrolment
    qtbot.mouseClick(enrolment.consent.decline_button, Qt.MouseButton.LeftButton)
    assert enrolment.done_title.text() == f"Face entry is off for {SPEAKER}; their face data was deleted."
    assert template_rows(face_ready) == 0
    member = face_ready.staff.members(manager)[0]
    assert not member.face_entry and member.has_pin
