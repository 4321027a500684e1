"""Staff entry in the desk UI on real footage: the kiosk, PINs, the Staff and Staff entry pages."""

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.camera.file_source import ImageSequenceSource, VideoFileSource
from app.domain.attendance import ClockDirection, ClockMethod
from app.domain.operators import OperatorSession
from app.services.desk_services import DeskServices
from app.ui.desk_context import DeskContext
from app.ui.desk_pages import DeskPages
from app.ui.staff.attendance_page import AttendancePage
from app.ui.staff.kiosk_window import KioskWindow
from tests.helpers.clock import FakeClock
from tests.helpers.staff import clip_camera as fast_clip_camera
from tests.helpers.staff import register_staff
from tests.ui.conftest import SPEAKER, Camera, unnamed_controls
from tests.unit.domain.test_identity_documents import make_resident_id

STRANGER = Path("lfw-dev") / "Abdullah_Gul" / "Abdullah_Gul_0001.jpg"
TIMEOUT_MS = 120_000  # a ceiling against a hang: face entry from the clip took over 30 s on a loaded CI machine


class TrackedCamera(Camera):
    """A camera stand-in that remembers its sources, so a test can see they were released."""

    def __init__(self, make) -> None:  # type: ignore[no-untyped-def]
        super().__init__(make)
        self.sources: list[object] = []

    def __call__(self) -> object:
        source = super().__call__()
        self.sources.append(source)
        return source

    @property
    def all_released(self) -> bool:
        return all(getattr(source, "_capture", None) is None and not getattr(source, "_opened", False)
                   for source in self.sources)  # fmt: skip


def start_kiosk(qtbot: QtBot, ctx: DeskContext) -> tuple[AttendancePage, KioskWindow]:
    """Start the kiosk from the Staff entry page; the desk is told so it stops its idle lock."""
    page = DeskPages(ctx).attendance()
    qtbot.addWidget(page)
    page.refresh()
    with qtbot.waitSignal(page.kiosk_active, timeout=TIMEOUT_MS, check_params_cb=lambda active: active):
        page.start_kiosk()
    assert page.kiosk is not None
    assert page.kiosk.isFullScreen()
    return page, page.kiosk


def end_kiosk(qtbot: QtBot, kiosk: KioskWindow, password: str) -> None:
    qtbot.mouseClick(kiosk.end_button, Qt.MouseButton.LeftButton)
    dialog = kiosk.end_dialog
    qtbot.keyClicks(dialog.password, password)
    with qtbot.waitSignal(kiosk.ended, timeout=TIMEOUT_MS):
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


@pytest.mark.req("R22")
def test_the_kiosk_recognises_a_staff_member_who_turns_their_head_and_ending_it_releases_the_camera(
    qtbot: QtBot, face_ready: DeskServices, manager: OperatorSession, speaker: int, make_context, shared_datasets: Path,
    expect_warnings,
) -> None:  # fmt: skip
    camera = TrackedCamera(lambda: VideoFileSource(shared_datasets / "clips" / "short_hamilton_clip.mp4"))
    states: list[str] = []
    page = DeskPages(make_context(face_ready, manager, camera)).attendance()
    page.camera_state.connect(lambda state, _: states.append(state))
    qtbot.addWidget(page)
    page.refresh()
    with qtbot.waitSignal(page.kiosk_active, timeout=TIMEOUT_MS):
        page.start_kiosk()
    kiosk = page.kiosk
    assert kiosk is not None and kiosk.camera_running
    assert unnamed_controls(kiosk) == []
    qtbot.waitUntil(lambda: "clocked in" in kiosk.message.text(), timeout=TIMEOUT_MS)
    assert kiosk.message.text().startswith(("Good morning, Lin Manuel", "Good afternoon, Lin Manuel",
                                            "Good evening, Lin Manuel"))  # fmt: skip
    events = face_ready.attendance.events(manager, face_ready.today(), face_ready.today())
    assert [(e.person_id, e.direction, e.method) for e in events] == [(speaker, ClockDirection.IN, ClockMethod.FACE)]

    expect_warnings("failed sign-in|LOGIN")
    qtbot.mouseClick(kiosk.end_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(kiosk.end_dialog.password, "not the password")
    kiosk.end_dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert kiosk.end_dialog.error.isVisible() and kiosk.camera_running  # a wrong password ends nothing
    kiosk.end_dialog.reject()
    with qtbot.waitSignal(page.kiosk_active, timeout=TIMEOUT_MS, check_params_cb=lambda active: not active):
        end_kiosk(qtbot, kiosk, "laozhang-pass-1")
    assert not kiosk.camera_running
    assert camera.created == 1 and camera.all_released
    assert page.kiosk is None
    # the desk's status bar follows the kiosk camera: on while it ran, off once it was released
    assert "live" in states and states[-1] == "stopped"


@pytest.mark.req("R24")
def test_a_stranger_is_told_they_are_not_recognised_and_offered_the_pin(
    qtbot: QtBot, face_ready: DeskServices, manager: OperatorSession, speaker: int, make_context, shared_datasets: Path
) -> None:
    photo = shared_datasets / STRANGER
    camera = Camera(lambda: ImageSequenceSource.still(photo, fps=15.0))
    _, kiosk = start_kiosk(qtbot, make_context(face_ready, manager, camera))
    qtbot.waitUntil(lambda: kiosk.message.text() == "Sorry, we could not recognise you.", timeout=TIMEOUT_MS)
    assert kiosk.detail.text() == "Please use your PIN."
    assert kiosk.use_pin.isVisible()
    assert face_ready.attendance.events(manager, face_ready.today(), face_ready.today()) == []
    kiosk.close()
    assert not kiosk.camera_running


@pytest.mark.req("R8")
def test_a_pin_clock_in_works_by_keyboard_while_the_camera_runs(
    qtbot: QtBot, face_ready: DeskServices, manager: OperatorSession, speaker: int, make_context, shared_datasets: Path
) -> None:
    camera = Camera(lambda: ImageSequenceSource.still(shared_datasets / STRANGER, fps=15.0))
    _, kiosk = start_kiosk(qtbot, make_context(face_ready, manager, camera))
    assert kiosk.use_pin.isVisible() and kiosk.names.currentIndex() == -1  # nobody pre-selected
    kiosk.activateWindow()
    kiosk.use_pin.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is kiosk.use_pin, timeout=TIMEOUT_MS)
    qtbot.keyClick(kiosk.use_pin, Qt.Key.Key_Return)  # Enter presses the focused button, as Space does
    assert not kiosk.use_pin.isVisible(), "already in PIN mode: Back returns to the camera"
    assert kiosk.names.currentText() == "" and kiosk.names.placeholderText() == "Choose your name"
    qtbot.keyClicks(kiosk.names, SPEAKER[:3])
    qtbot.keyClick(kiosk.names, Qt.Key.Key_Tab)
    qtbot.keyClicks(kiosk.pin, "0000")
    qtbot.keyClick(kiosk.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: kiosk.pin_error.isVisible(), timeout=TIMEOUT_MS)
    assert kiosk.pin_error.text() == "That PIN is not right. Please try again."
    qtbot.keyClicks(kiosk.pin, "2580")
    qtbot.keyClick(kiosk.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "clocked in" in kiosk.message.text(), timeout=TIMEOUT_MS)
    assert kiosk.use_pin.isVisible()  # back at the camera, the PIN is one tap away again
    events = face_ready.attendance.events(manager, face_ready.today(), face_ready.today())
    assert [(e.person_id, e.method) for e in events] == [(speaker, ClockMethod.PIN)]
    kiosk.close()


def test_a_manager_adds_staff_sets_a_pin_and_sets_up_face_entry_with_consent(
    qtbot: QtBot, face_ready: DeskServices, manager: OperatorSession, make_context, shared_datasets: Path
) -> None:
    camera = Camera(lambda: VideoFileSource(shared_datasets / "clips" / "short_hamilton_clip.mp4", loop=True))
    page = DeskPages(make_context(face_ready, manager, camera)).staff()
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert unnamed_controls(page) == []
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.add_dialog
    qtbot.keyClicks(dialog.name, SPEAKER)
    qtbot.keyClicks(dialog.document_number, "11010519880615123X")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.error.isVisible()  # a wrong checksum is explained, nothing is added
    dialog.document_number.clear()

    qtbot.keyClicks(dialog.document_number, make_resident_id("310104", date(1988, 6, 15), "111"))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    (member,) = face_ready.staff.members(manager)
    assert (member.name, member.has_pin, member.face_entry) == (SPEAKER, False, False)
    assert page.selected() == member

    qtbot.mouseClick(page.pin_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.pin_dialog.pin, "1234")
    qtbot.keyClicks(page.pin_dialog.again, "1234")
    page.pin_dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert "harder to guess" in page.pin_dialog.error.text()
    for field in (page.pin_dialog.pin, page.pin_dialog.again):
        field.clear()
        qtbot.keyClicks(field, "2580")
    page.pin_dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert face_ready.staff.members(manager)[0].has_pin

    qtbot.mouseClick(page.face_button, Qt.MouseButton.LeftButton)
    enrolment = page.enrolment
    assert not enrolment.consent.consent_box.isChecked()
    assert enrolment.consent.decline_button.text() == "No thanks, I will use my PIN"
    enrolment.consent.consent_box.setChecked(True)
    qtbot.keyClicks(enrolment.consent.typed_name, SPEAKER)
    qtbot.mouseClick(enrolment.consent.agree_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: enrolment.enrolled, timeout=TIMEOUT_MS)
    assert enrolment.done_title.text() == f"Face entry is on for {SPEAKER}."
    qtbot.mouseClick(enrolment.close_button, Qt.MouseButton.LeftButton)
    assert face_ready.staff.members(manager)[0].face_entry


@pytest.mark.req("R9")
@pytest.mark.req("R17")
def test_the_staff_entry_page_shows_days_and_weeks_without_the_method_and_corrects_events(
    qtbot: QtBot, qtmodeltester, face_ready: DeskServices, manager: OperatorSession, speaker: int, clock: FakeClock,
    make_context, shared_datasets: Path, tmp_path: Path,
) -> None:  # fmt: skip
    kiosk = face_ready.kiosk.start(manager, fast_clip_camera(shared_datasets))
    kiosk.clock_with_pin(speaker, "2580")
    clock.advance(timedelta(hours=3))
    kiosk.clock_with_pin(speaker, "2580")
    kiosk.end(manager, face_ready.access)
    page = DeskPages(make_context(face_ready, manager, fast_clip_camera(shared_datasets))).attendance()
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtmodeltester.check(page.events)
    texts = [[page.events.index(r, c).data() for c in range(4)] for r in range(page.events.rowCount())]
    assert [row[1:] for row in texts] == [[SPEAKER, "In", "At the kiosk"], [SPEAKER, "Out", "At the kiosk"]]
    assert not any("PIN" in cell or "face" in cell.lower() for row in texts for cell in row)

    page.event_table.selectRow(1)
    qtbot.mouseClick(page.correct_button, Qt.MouseButton.LeftButton)
    page.correction.time.setTime(page.correction.time.time().addSecs(-1800))
    page.correction.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    recorded = [page.events.index(r, 3).data() for r in range(page.events.rowCount())]
    assert recorded == ["At the kiosk", "Corrected by a manager", "Corrected (not counted)"]  # by time

    page.view.setCurrentIndex(1)
    qtmodeltester.check(page.days)
    (week_row,) = [[page.days.index(0, c).data() for c in range(5)]]
    assert week_row[1] == SPEAKER and week_row[4] == "2:30"
    headers = [page.days.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Day", "Name", "First in", "Last out", "Hours"]

    out = tmp_path / "week.csv"
    page.export_to(out)
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert [(r["person"], r["direction"], r["method"]) for r in rows] == [
        (SPEAKER, "in", "pin"),
        (SPEAKER, "out", "manager"),
    ]
    assert page.status.text() == "Wrote 2 clock events to week.csv."


def test_a_camera_that_stops_during_face_entry_is_said_not_a_frozen_picture(
    qtbot: QtBot, face_ready: DeskServices, manager: OperatorSession, make_context, shared_datasets: Path,
    clock: FakeClock,
) -> None:  # fmt: skip
    """The source delivers a few frames and ends (a camera unplugged for good, a video that ran out)."""
    photo = shared_datasets / "images" / "obama_partial_face.jpg"
    camera = Camera(lambda: ImageSequenceSource([photo] * 4, name="desk camera", fps=10.0))
    person_id = register_staff(face_ready, manager, clock, SPEAKER, "111")
    page = DeskPages(make_context(face_ready, manager, camera)).staff()
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.select(person_id)
    qtbot.mouseClick(page.face_button, Qt.MouseButton.LeftButton)
    enrolment = page.enrolment
    enrolment.consent.consent_box.setChecked(True)
    qtbot.keyClicks(enrolment.consent.typed_name, SPEAKER)
    qtbot.mouseClick(enrolment.consent.agree_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: enrolment.stack.currentWidget() is enrolment._done, timeout=TIMEOUT_MS)
    assert enrolment.done_title.text() == "Face entry could not be set up."
    assert enrolment.done_detail.text() == "The camera stopped sending pictures. The PIN works as before."
    assert not face_ready.staff.members(manager)[0].face_entry
    enrolment.close_button.click()


def test_a_camera_that_stops_delivering_at_the_kiosk_says_so_and_points_to_the_pin(
    qtbot: QtBot, face_ready: DeskServices, manager: OperatorSession, speaker: int, make_context, shared_datasets: Path
) -> None:
    """A video that plays to its end (no more frames will come) is said on the picture, not left frozen."""
    photo = shared_datasets / STRANGER
    camera = Camera(lambda: ImageSequenceSource([photo] * 10, name="kiosk camera", fps=10.0, realtime=True))
    _, kiosk = start_kiosk(qtbot, make_context(face_ready, manager, camera))
    qtbot.waitUntil(
        lambda: kiosk.preview.message == "The camera is not available. Please use your PIN.", timeout=TIMEOUT_MS
    )
    assert kiosk.use_pin.isVisible()
    kiosk.close()
