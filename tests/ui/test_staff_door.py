"""The staff door in the desk UI: the kiosk opens a simulated relay on a pty, faults are said, the Staff door page.

The relay board is a simulated LCUS board on a pseudo-terminal (tests/helpers/relay_sim.py): the
real relay thread writes real command bytes to it through pyserial. The test clock starts on
Monday 2026-03-02 at 17:00 desk time (Shanghai).
"""

from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.access_rules import AccessRule, EntryRefusal, WeeklyHours
from app.domain.attendance import ClockDirection, ClockMethod
from app.domain.door import DoorFailMode, DoorOpenResult, DoorReport, DoorState
from app.domain.operators import OperatorSession
from app.door.protocol import lcus_profile
from app.services.desk_services import DeskServices
from app.services.door_service import DoorConfiguration
from app.ui.desk_context import DeskContext
from app.ui.desk_pages import DeskPages
from app.ui.door.door_page import DoorPage
from app.ui.i18n import Translators
from app.ui.staff.attendance_page import AttendancePage
from app.ui.staff.kiosk_window import KioskWindow
from app.workers.door_worker import DoorRelayThread
from tests.helpers.clock import FakeClock
from tests.helpers.pdf_text import pdf_text
from tests.helpers.relay_sim import RelayFaults, SimulatedRelay
from tests.helpers.staff import register_staff
from tests.ui.conftest import Camera

TIMEOUT_MS = 120_000  # a ceiling against a hang (camera-driven waits on a loaded CI machine)
RELAY_MS = 30_000  # the relay answers within about a second; this only catches a hang
OPEN_SECONDS = 1
DOOR_FAILED = "The door could not be opened. Please ask the manager."
MONDAY = date(2026, 3, 2)


def is_state(state: DoorState) -> Callable[[object], bool]:
    return lambda report: isinstance(report, DoorReport) and report.state is state


@pytest.fixture
def door_relay(qtbot: QtBot, relay_board: SimulatedRelay) -> Iterator[DoorRelayThread]:
    """The real relay thread on the simulated board, connected (the door locked)."""
    configuration = DoorConfiguration(
        str(relay_board.path), lcus_profile(answers_status=True), DoorFailMode.FAIL_SECURE, OPEN_SECONDS
    )
    relay = DoorRelayThread(configuration)
    with qtbot.waitSignal(relay.reported, timeout=RELAY_MS, check_params_cb=is_state(DoorState.LOCKED)):
        relay.start()
    yield relay
    assert relay.stop()


def start_kiosk(qtbot: QtBot, ctx: DeskContext, door: DoorRelayThread | None) -> tuple[AttendancePage, KioskWindow]:
    page = DeskPages(ctx).attendance()
    qtbot.addWidget(page)
    page.door = door
    page.refresh()
    with qtbot.waitSignal(page.kiosk_active, timeout=TIMEOUT_MS):
        page.start_kiosk()
    assert page.kiosk is not None
    return page, page.kiosk


def staff_with_pin(desk: DeskServices, manager: OperatorSession, clock: FakeClock, name: str, serial: str) -> int:
    person_id = register_staff(desk, manager, clock, name, serial)
    desk.staff.set_pin(manager, person_id, "4071")
    return person_id


def clock_by_pin(qtbot: QtBot, kiosk: KioskWindow, person_id: int, pin: str) -> None:
    kiosk.show_pin()
    kiosk.names.setCurrentIndex(kiosk.names.findData(person_id))
    kiosk.pin.setText(pin)
    kiosk.pin_ok.click()
    qtbot.waitUntil(lambda: kiosk.side.currentWidget() is not kiosk._pin_panel, timeout=TIMEOUT_MS)


@pytest.mark.req("R8")
@pytest.mark.req("R24")
def test_the_door_opens_for_staff_inside_their_hours_stays_shut_outside_and_opens_for_a_pin(
    qtbot: QtBot, face_ready: DeskServices, manager: OperatorSession, speaker: int, make_context,
    clip_camera: Camera, clock: FakeClock, door_relay: DoorRelayThread, relay_board: SimulatedRelay,
) -> None:  # fmt: skip
    colleague = staff_with_pin(face_ready, manager, clock, "Zhou Min", "401")
    weekdays_nine_to_six = WeeklyHours(frozenset(range(5)), time(9), time(18))
    face_ready.entries.set_rule(manager, AccessRule(speaker, weekdays_nine_to_six))
    ctx = make_context(face_ready, manager, clip_camera)

    # Monday 17:00, inside the speaker's hours: recognised from the clip, liveness, the door opens and locks
    _, kiosk = start_kiosk(qtbot, ctx, door_relay)
    qtbot.waitUntil(lambda: "clocked in" in kiosk.message.text(), timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: len(relay_board.commands) >= 3, timeout=RELAY_MS)
    assert relay_board.switched() == [False, True, False], "locked on connecting, then open, then locked"
    opened, locked = relay_board.commands[1], relay_board.commands[2]
    assert locked.at - opened.at >= OPEN_SECONDS
    kiosk.close()

    # Tuesday 19:00: after the speaker's hours; refused with the reason, the relay receives nothing
    clock.advance(timedelta(days=1, hours=2))
    _, kiosk = start_kiosk(qtbot, ctx, door_relay)
    qtbot.waitUntil(lambda: "cannot come in" in kiosk.message.text(), timeout=TIMEOUT_MS)
    assert kiosk.message.text() == "Sorry, Lin Manuel: you cannot come in now."
    assert kiosk.detail.text().startswith("Outside your hours: the door stays shut.")
    assert len(relay_board.commands) == 3, "a refusal never sends anything to the relay"

    # a PIN entry (the shop's hours: all day) opens the door
    clock_by_pin(qtbot, kiosk, colleague, "4071")
    qtbot.waitUntil(lambda: "clocked in" in kiosk.message.text(), timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: len(relay_board.commands) >= 5, timeout=RELAY_MS)
    assert relay_board.switched()[3:] == [True, False]
    kiosk.close()

    log = face_ready.entries.entries(manager, MONDAY, MONDAY + timedelta(days=1))
    assert [(row.person_id, row.method, row.direction, row.granted, row.reason) for row in reversed(log)] == [
        (speaker, ClockMethod.FACE, ClockDirection.IN, True, None),
        (speaker, ClockMethod.FACE, ClockDirection.IN, False, EntryRefusal.OUTSIDE_HOURS),
        (colleague, ClockMethod.PIN, ClockDirection.IN, True, None),
    ]
    qtbot.waitUntil(
        lambda: (
            [row.door_result for row in face_ready.entries.entries(manager, MONDAY, MONDAY + timedelta(days=1))]
            == ["opened", None, "opened"]
        ),
        timeout=RELAY_MS,
    )
    events = face_ready.attendance.events(manager, MONDAY, MONDAY + timedelta(days=1))
    assert [event.person_id for event in events] == [speaker, colleague], "the refusal clocked nobody in"


def test_a_door_that_cannot_open_is_said_at_the_kiosk_and_comes_back_by_itself(
    qtbot: QtBot, desk: DeskServices, manager: OperatorSession, make_context, photo_camera: Camera,
    clock: FakeClock, door_relay: DoorRelayThread, relay_board: SimulatedRelay,
    expect_warnings: Callable[[str], None],
) -> None:  # fmt: skip
    expect_warnings(r"The door relay did not (open|confirm locking)")
    states: list[DoorState] = []
    door_relay.reported.connect(lambda report: states.append(report.state))
    person = staff_with_pin(desk, manager, clock, "Zhou Min", "401")
    _, kiosk = start_kiosk(qtbot, make_context(desk, manager, photo_camera), door_relay)

    def attempt() -> None:
        clock.advance(timedelta(minutes=2))  # past the kiosk's repeat interval: a new walk-up
        kiosk.detail.clear()
        clock_by_pin(qtbot, kiosk, person, "4071")
        qtbot.waitUntil(lambda: "clocked" in kiosk.message.text(), timeout=TIMEOUT_MS)

    def door_results() -> list[str | None]:
        rows = desk.entries.entries(manager, MONDAY, MONDAY + timedelta(days=2))
        return [row.door_result for row in reversed(rows)]

    # unplugged mid-session
    with qtbot.waitSignal(door_relay.reported, timeout=RELAY_MS, check_params_cb=is_state(DoorState.UNPLUGGED)):
        relay_board.unplug()
    attempt()
    qtbot.waitUntil(lambda: kiosk.detail.text() == DOOR_FAILED, timeout=RELAY_MS)
    with qtbot.waitSignal(door_relay.reported, timeout=RELAY_MS, check_params_cb=is_state(DoorState.LOCKED)):
        relay_board.plug()
    attempt()
    qtbot.waitUntil(lambda: door_results()[-1] == "opened", timeout=RELAY_MS)
    assert kiosk.detail.text() != DOOR_FAILED

    # garbage instead of the board's answer, then a slow board: said, never opened; good again: opens
    for fault in (RelayFaults(garbage=True), RelayFaults(delay=5.0)):
        relay_board.faults = fault
        attempt()
        qtbot.waitUntil(lambda: kiosk.detail.text() == DOOR_FAILED, timeout=RELAY_MS)
        assert door_results()[-1] == "failed"
        relay_board.faults = RelayFaults()
        qtbot.waitUntil(lambda: states[-1] is DoorState.LOCKED, timeout=RELAY_MS)  # relocked by itself
        attempt()
        qtbot.waitUntil(lambda: door_results()[-1] == "opened", timeout=RELAY_MS)
    assert door_results() == ["failed", "opened", "failed", "opened", "failed", "opened"]
    qtbot.waitUntil(lambda: relay_board.relays[1] is False, timeout=RELAY_MS)  # locked again after its second
    kiosk.close()


def door_page(qtbot: QtBot, ctx: DeskContext, relay: DoorRelayThread | None = None) -> DoorPage:
    page = DeskPages(ctx).door(lambda: relay)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    return page


def test_the_access_tab_sets_own_hours_and_temporary_dates_and_the_log_opens_the_door_from_the_desk(
    qtbot: QtBot, desk: DeskServices, manager: OperatorSession, make_context, photo_camera: Camera,
    clock: FakeClock, door_relay: DoorRelayThread, relay_board: SimulatedRelay, tmp_path: Path,
) -> None:  # fmt: skip
    person = staff_with_pin(desk, manager, clock, "Zhou Min", "401")
    page = door_page(qtbot, make_context(desk, manager, photo_camera), door_relay)
    page.tabs.setCurrentIndex(1)
    ModelTester(None).check(page.access)  # type: ignore[arg-type]
    assert page.access.rowCount() == 1
    cells = [page.access.index(0, column).data() for column in range(4)]
    assert cells == ["Zhou Min", "Shop's days", "Shop's hours (All day)", "No end date"]
    page.access_table.selectRow(0)
    page.change_button.click()
    dialog = page.dialog
    dialog.own_hours.setChecked(True)
    for index in (5, 6):
        dialog.days[index].setChecked(False)  # Monday to Friday
    dialog.temporary.setChecked(True)
    dialog.valid_until.setDate(dialog.valid_until.date().addDays(30))
    dialog._accept()
    cells = [page.access.index(0, column).data() for column in range(4)]
    assert cells == ["Zhou Min", "Mon–Fri", "09:00–18:00", "2026-03-02 to 2026-04-01"]
    rule = desk.entries.rules(manager)[person]
    assert rule.hours == WeeklyHours(frozenset(range(5)), time(9), time(18))

    page.tabs.setCurrentIndex(0)
    ModelTester(None).check(page.log_model)  # type: ignore[arg-type]
    assert page.open_button.isEnabled()
    page.open_button.click()
    qtbot.waitUntil(lambda: page.log_status.text() == "The door opened; it locks again by itself.", timeout=RELAY_MS)
    assert page.log_model.rowCount() == 1
    cells = [page.log_model.index(0, column).data() for column in range(6)]
    assert cells[1:] == ["Laozhang", "", "Opened from the desk", "Let in", "Opened"], "the manager who opened it"
    qtbot.waitUntil(lambda: len(relay_board.commands) >= 3, timeout=RELAY_MS)
    assert relay_board.switched() == [False, True, False]
    page.export_to(tmp_path / "entries.csv")
    assert page.log_status.text() == "Wrote 1 entries to entries.csv."


def timesheet_month(desk: DeskServices, manager: OperatorSession, clock: FakeClock) -> int:
    """Monday worked 17:00-18:00 at the kiosk; Tuesday absent; Wednesday added by the manager (a correction)."""
    person = staff_with_pin(desk, manager, clock, "Zhou Min", "401")
    kiosk = desk.kiosk.start(manager, lambda: None)  # type: ignore[arg-type,return-value]  # PIN only
    kiosk.clock_with_pin(person, "4071")
    clock.advance(timedelta(hours=1))
    kiosk.clock_with_pin(person, "4071")
    clock.advance(timedelta(days=2))  # Wednesday 18:00
    zone = desk.zone
    wednesday = date(2026, 3, 4)
    for hour, direction in ((9, ClockDirection.IN), (17, ClockDirection.OUT)):
        desk.attendance.add_missing(manager, person, datetime.combine(wednesday, time(hour), zone), direction)
    return person


def test_the_monthly_timesheet_pdf_has_totals_an_absence_a_correction_and_no_method_in_both_languages(
    qtbot: QtBot, qapp, desk: DeskServices, manager: OperatorSession, make_context, photo_camera: Camera,
    clock: FakeClock, tmp_path: Path, cjk_fonts: None,
) -> None:  # fmt: skip
    timesheet_month(desk, manager, clock)
    page = door_page(qtbot, make_context(desk, manager, photo_camera))
    page.tabs.setCurrentIndex(2)
    assert page.sheet is not None
    assert (page.sheet.days_worked, page.sheet.days_absent) == (2, 1)
    page.save_timesheet(tmp_path / "timesheet-en.pdf")
    text = pdf_text(tmp_path / "timesheet-en.pdf")
    for expected in ("Monthly timesheet", "Zhou Min", "2026-03", "Hours worked", "9:00", "Days worked", "Days absent",
                     "2026-03-02", "17:00", "18:00", "1:00", "Absent", "Corrected by the manager", "8:00"):  # fmt: skip
        assert expected in text, expected
    for method_word in ("Face", "face", "PIN", "Kiosk", "Method"):
        assert method_word not in text, method_word

    translators = Translators(qapp, tmp_path / "cache")
    try:
        translators.use("zh_CN")
        page_zh = door_page(qtbot, make_context(desk, manager, photo_camera))
        page_zh.tabs.setCurrentIndex(2)
        page_zh.save_timesheet(tmp_path / "timesheet-zh.pdf")
    finally:
        translators.remove()
    text = pdf_text(tmp_path / "timesheet-zh.pdf")
    for expected in (
        "月度考勤表",
        "Zhou Min",
        "工作时长",
        "9:00",
        "出勤天数",
        "缺勤天数",
        "缺勤",
        "经理已更正",
        "周二",
    ):
        assert expected in text, expected
    for method_word in ("人脸", "PIN", "考勤机"):
        assert method_word not in text, method_word


def test_settings_save_the_door_refuse_bad_bytes_and_test_the_door(
    qtbot: QtBot, desk: DeskServices, admin: OperatorSession, make_context, photo_camera: Camera,
    door_relay: DoorRelayThread, relay_board: SimulatedRelay,
) -> None:  # fmt: skip
    ctx = make_context(desk, admin, photo_camera)
    settings = DeskPages(ctx).settings(lambda: door_relay)
    qtbot.addWidget(settings)
    settings.show()
    settings.refresh()
    box = settings.door
    assert not box.open_bytes.isVisible(), "the bytes are asked only for another board"
    box.port.addItem(str(relay_board.path), str(relay_board.path))
    box.port.setCurrentIndex(box.port.count() - 1)
    box.board.setCurrentIndex(box.board.findData("generic"))
    box._show_board_fields()
    assert box.open_bytes.isVisible()
    box.open_bytes.setText("A0 01 01 Z2")
    box.close_bytes.setText("A0 01 00 A1")
    with qtbot.assertNotEmitted(box.door_changed):
        box.save_button.click()
    assert box.error.text() == "Enter the bytes as hexadecimal pairs, for example A0 01 01 A2."
    assert ctx.device.value("door/port") == "", "nothing was saved"
    box.board.setCurrentIndex(box.board.findData("lcus_status"))
    box._show_board_fields()
    with qtbot.waitSignal(box.door_changed, timeout=RELAY_MS):
        box.save_button.click()
    assert (ctx.device.value("door/port"), ctx.device.value("door/board")) == (str(relay_board.path), "lcus_status")
    assert box.test_button.isEnabled()
    box.test_button.click()
    qtbot.waitUntil(lambda: "The door opened" in box.result.text(), timeout=RELAY_MS)
    qtbot.waitUntil(lambda: len(relay_board.commands) >= 3, timeout=RELAY_MS)
    assert relay_board.switched() == [False, True, False]


def test_a_stopped_relay_answers_at_once_that_the_door_could_not_open(
    qtbot: QtBot, door_relay: DoorRelayThread, relay_board: SimulatedRelay
) -> None:
    """A kiosk still holding a relay that Settings replaced is told the door could not open, not left waiting."""
    assert door_relay.stop()
    with qtbot.waitSignal(door_relay.reported, timeout=RELAY_MS) as blocker:
        door_relay.open_door()
    report = blocker.args[0]
    assert (report.state, report.result) == (DoorState.UNPLUGGED, DoorOpenResult.FAILED)
    assert relay_board.switched() == [False], "nothing was sent after the stop"
