"""The staff door through the real services: access rules at the kiosk, the entry log, the timesheet.

The desk time zone is Shanghai and the test clock starts on Monday 2026-03-02 at 17:00 desk time.
The kiosk here is PIN only (no face purpose), which takes the same door decision as a face.
"""

import csv
from collections.abc import Callable
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from app.camera.source import FrameSource
from app.domain.access_rules import AccessRule, EntryRefusal, WeeklyHours
from app.domain.attendance import ClockDirection, ClockMethod, CorrectionReason
from app.domain.errors import AuthenticationError, PermissionDeniedError
from app.domain.operators import OperatorSession
from app.services.desk_services import DeskServices
from app.services.kiosk_service import KioskSession
from app.storage.audit_repository import AuditRepository
from tests.helpers.clock import FakeClock
from tests.helpers.staff import register_staff

WEEKDAYS = frozenset(range(5))


def no_camera() -> FrameSource:
    raise AssertionError("a PIN-only kiosk never opens the camera")


def start_kiosk(desk: DeskServices, manager: OperatorSession) -> KioskSession:
    """A PIN-only kiosk session with a door relay (started after the staff are registered: its roster)."""
    return desk.kiosk.start(manager, no_camera, door_configured=True)


def staff_with_pin(desk: DeskServices, manager: OperatorSession, clock: FakeClock, name: str, serial: str) -> int:
    person_id = register_staff(desk, manager, clock, name, serial)
    desk.staff.set_pin(manager, person_id, "4071")
    return person_id


def audit_actions(desk: DeskServices) -> list[str]:
    with desk.database.snapshot() as conn:
        return [record.action for record in AuditRepository(conn).iter_all()]


def test_inside_their_hours_the_pin_opens_and_outside_it_is_refused_with_the_reason(
    desk: DeskServices, manager: OperatorSession, clock: FakeClock
) -> None:
    day_shift = staff_with_pin(desk, manager, clock, "Zhou Min", "401")
    early_shift = staff_with_pin(desk, manager, clock, "Wu Lei", "402")
    desk.entries.set_rule(manager, AccessRule(day_shift, WeeklyHours(WEEKDAYS, time(9), time(18))))
    desk.entries.set_rule(manager, AccessRule(early_shift, WeeklyHours(WEEKDAYS, time(6), time(12))))

    kiosk = start_kiosk(desk, manager)
    granted = kiosk.clock_with_pin(day_shift, "4071")
    assert granted.refusal is None and granted.event_id is not None
    assert granted.direction is ClockDirection.IN
    refused = kiosk.clock_with_pin(early_shift, "4071")
    assert refused.refusal is EntryRefusal.OUTSIDE_HOURS
    assert refused.event_id is None, "a refused entry clocks nobody in"
    assert kiosk.clock_with_pin(early_shift, "4071") == refused, "one walk-up is one decision"

    today = desk.today()
    events = desk.attendance.events(manager, today, today)
    assert [event.person_id for event in events] == [day_shift]
    log = desk.entries.entries(manager, today, today)
    assert [(row.person_id, row.granted, row.reason) for row in reversed(log)] == [
        (day_shift, True, None),
        (early_shift, False, EntryRefusal.OUTSIDE_HOURS),
    ]
    assert log[-1].door_result is None, "the relay's answer is still to come"
    assert granted.entry_id is not None
    kiosk.record_door_result(granted.entry_id, opened=True)
    assert desk.entries.entries(manager, today, today, person_id=day_shift)[0].door_result == "opened"


def test_leaving_is_never_refused(desk: DeskServices, manager: OperatorSession, clock: FakeClock) -> None:
    person = staff_with_pin(desk, manager, clock, "Zhou Min", "401")
    desk.entries.set_rule(manager, AccessRule(person, WeeklyHours(WEEKDAYS, time(9), time(18))))
    kiosk = start_kiosk(desk, manager)
    assert kiosk.clock_with_pin(person, "4071").direction is ClockDirection.IN
    clock.advance(timedelta(hours=3))  # 20:00, after their hours
    out = kiosk.clock_with_pin(person, "4071")
    assert (out.direction, out.refusal) == (ClockDirection.OUT, None)


def test_temporary_access_and_the_shops_hours_apply_to_the_kiosk(
    desk: DeskServices, admin: OperatorSession, manager: OperatorSession, clock: FakeClock
) -> None:
    contractor = staff_with_pin(desk, manager, clock, "Qian Hao", "403")
    regular = staff_with_pin(desk, manager, clock, "Sun Li", "404")
    desk.entries.set_rule(manager, AccessRule(contractor, valid_from=date(2026, 3, 9), valid_until=date(2026, 3, 13)))
    desk.settings.change(admin, "door/closes_at_hour", 16)  # the shop closed at 16:00 today
    kiosk = start_kiosk(desk, manager)
    assert kiosk.clock_with_pin(contractor, "4071").refusal is EntryRefusal.NOT_YET
    later = desk.kiosk.start(manager, no_camera)  # settings are read per decision, not per session
    assert later.clock_with_pin(regular, "4071").refusal is EntryRefusal.OUTSIDE_HOURS


def test_wrong_pins_and_remote_openings_are_in_the_log_and_the_opening_is_audited(
    desk: DeskServices, manager: OperatorSession, clerk: OperatorSession, clock: FakeClock,
    expect_warnings: Callable[[str], None],
) -> None:  # fmt: skip
    person = staff_with_pin(desk, manager, clock, "Zhou Min", "401")
    kiosk = start_kiosk(desk, manager)
    with pytest.raises(AuthenticationError):
        kiosk.clock_with_pin(person, "9999")
    entry_id = desk.entries.open_remotely(manager, door_configured=False)
    today = desk.today()
    newest, oldest = desk.entries.entries(manager, today, today)
    assert (oldest.person_id, oldest.method, oldest.granted, oldest.reason) == (
        person,
        ClockMethod.PIN,
        False,
        EntryRefusal.WRONG_PIN,
    )
    assert (newest.id, newest.method, newest.granted, newest.door_result) == (
        entry_id,
        ClockMethod.MANAGER,
        True,
        "no_door",
    )
    assert audit_actions(desk)[-1] == "door.opened_remotely"
    expect_warnings("was refused (run_kiosk|manage_staff)")
    with pytest.raises(PermissionDeniedError):
        desk.entries.open_remotely(clerk, door_configured=True)
    with pytest.raises(PermissionDeniedError):
        desk.entries.set_rule(clerk, AccessRule(person))


def test_the_entry_log_exports_formula_safe_csv(
    desk: DeskServices, manager: OperatorSession, clock: FakeClock, tmp_path: Path
) -> None:
    person = staff_with_pin(desk, manager, clock, "=HYPERLINK(1)", "405")
    kiosk = start_kiosk(desk, manager)
    kiosk.clock_with_pin(person, "4071")
    out = tmp_path / "entries.csv"
    today = desk.today()
    assert desk.entries.export_csv(manager, today, today, out) == 1
    with out.open(encoding="utf-8-sig") as handle:
        header, row = list(csv.reader(handle))
    assert header == ["entry", "person", "date", "time", "direction", "method", "result", "reason", "door"]
    assert row[1] == "'=HYPERLINK(1)"
    assert row[4:] == ["in", "pin", "granted", "", ""]
    assert "door.entry_log_exported" in audit_actions(desk)[-2:]


def test_a_monthly_timesheet_with_a_correction_and_an_absence(
    desk: DeskServices, manager: OperatorSession, clock: FakeClock
) -> None:
    person = staff_with_pin(desk, manager, clock, "Zhou Min", "401")
    desk.entries.set_rule(manager, AccessRule(person, WeeklyHours(WEEKDAYS, time(0), time(0))))
    clock.advance(timedelta(hours=-8))  # Monday 09:00 desk time
    kiosk = desk.kiosk.start(manager, no_camera)
    kiosk.clock_with_pin(person, "4071")
    clock.advance(timedelta(hours=8))
    kiosk.clock_with_pin(person, "4071")  # out at 17:00
    clock.advance(timedelta(hours=16, minutes=30))  # Tuesday 09:30
    kiosk.clock_with_pin(person, "4071")
    clock.advance(timedelta(hours=1))  # 10:30: the kiosk's repeat window is long over
    wrong_out = kiosk.clock_with_pin(person, "4071")  # pressed by mistake at 10:30: recorded as "out"
    assert wrong_out.direction is ClockDirection.OUT and wrong_out.event_id is not None
    clock.advance(timedelta(days=2, hours=8))  # Thursday 18:30: nobody came on Wednesday or Thursday
    desk.attendance.correct(  # Zhou Min really left on Tuesday at 17:30
        manager,
        wrong_out.event_id,
        CorrectionReason.WRONG_TIME,
        (clock() - timedelta(days=2, hours=1), ClockDirection.OUT),
    )
    sheet = desk.entries.timesheet(manager, person, date(2026, 3, 1))
    by_day = {day.day: day for day in sheet.days}
    assert by_day[date(2026, 3, 2)].worked == timedelta(hours=8)
    assert by_day[date(2026, 3, 3)].worked == timedelta(hours=8)  # 09:30 to the corrected 17:30
    assert by_day[date(2026, 3, 3)].corrected
    assert by_day[date(2026, 3, 4)].absent
    assert not by_day[date(2026, 3, 1)].absent, "registered on the 2nd"
    assert sheet.total_worked == timedelta(hours=16)
    assert (sheet.days_worked, sheet.days_absent) == (2, 2), "Wednesday and Thursday (no event yet)"


def test_a_pin_typed_again_opens_the_door_again_as_its_own_entry_but_clocks_once(
    desk: DeskServices, manager: OperatorSession, clock: FakeClock
) -> None:
    person = staff_with_pin(desk, manager, clock, "Zhou Min", "401")
    kiosk = start_kiosk(desk, manager)
    first = kiosk.clock_with_pin(person, "4071")
    clock.advance(timedelta(seconds=20))  # the door did not open: they type the PIN again
    again = kiosk.clock_with_pin(person, "4071")
    assert (again.event_id, again.direction) == (first.event_id, first.direction)
    assert again.entry_id is not None and again.entry_id != first.entry_id
    today = desk.today()
    assert len(desk.attendance.events(manager, today, today)) == 1, "one walk-up is one clock event"
    log = desk.entries.entries(manager, today, today)
    assert [(row.id, row.granted) for row in reversed(log)] == [(first.entry_id, True), (again.entry_id, True)]
