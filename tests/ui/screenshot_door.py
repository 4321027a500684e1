"""The staff-door part of the screenshot tour: a refusal at the kiosk, the entry log, access, timesheet, Settings.

Called by tests/ui/screenshot_tour.py after the staff screens (whose staff and clock events it uses).
"""

from datetime import time, timedelta

from app.domain.access_rules import AccessRule, WeeklyHours
from app.services.desk_services import DeskServices
from app.ui.desk_context import DeskContext, DeskEnvironment
from app.ui.desk_window import DeskWindow
from tests.ui.screenshot_staff import KIOSK_SIZE, STAFF_NAMES, Grabber


def door_screens(tour: Grabber, desk: DeskServices, env: DeskEnvironment, admin: tuple[str, str], wait_until) -> None:  # type: ignore[no-untyped-def]
    """A shop owner limits one person's access, the kiosk refuses them today, and the owner reads the door pages."""
    _, pin_name = STAFF_NAMES[tour.language]
    session = desk.operators.sign_in(*admin)
    today = desk.today()
    pin_staff = next(member.person_id for member in desk.staff.members(session) if member.name == pin_name)
    not_today = frozenset(day for day in range(5) if day != today.weekday()) or frozenset({(today.weekday() + 1) % 7})
    rule = AccessRule(
        pin_staff,
        WeeklyHours(not_today, time(9), time(18)),
        valid_from=today - timedelta(days=30),
        valid_until=today + timedelta(days=60),
    )
    desk.entries.set_rule(session, rule)
    ctx = DeskContext.for_session(env, desk, session, tour.language)
    window = DeskWindow(ctx, env.camera_name())
    window.resize(*KIOSK_SIZE)
    window.show()

    window.show_page("attendance")
    attendance = window.attendance
    assert attendance is not None
    attendance.start_kiosk()
    kiosk = attendance.kiosk
    assert kiosk is not None
    kiosk.showNormal()
    kiosk.resize(*KIOSK_SIZE)
    # the tour's camera shows the face-entry colleague; their liveness prompt would replace the
    # refusal before the shot, so the camera is stopped (the PIN path is what this screen shows)
    kiosk._stop_camera()
    kiosk.show_pin()
    kiosk.names.setCurrentIndex(kiosk.names.findData(pin_staff))
    kiosk.pin.setText("2580")
    kiosk.pin_ok.click()
    wait_until(lambda: pin_name in kiosk.message.text())
    tour.grab(kiosk, "kiosk-6-refused", camera=kiosk.preview)  # pixelated, as every camera picture
    kiosk.end()

    window.show_page("door")
    page = window.door_page
    assert page is not None
    page.tabs.setCurrentIndex(0)
    tour.grab(window, "door-1-entry-log")
    page.tabs.setCurrentIndex(1)
    for row in range(page.access.rowCount()):
        if page.access.row_at(row).person_id == pin_staff:
            page.access_table.selectRow(row)
    tour.grab(window, "door-2-access")
    page.change_button.click()
    tour.grab(page.dialog, "door-3-access-dialog")
    page.dialog.reject()
    page.tabs.setCurrentIndex(2)
    page.sheet_person.setCurrentIndex(page.sheet_person.findData(pin_staff))
    page.refresh()
    tour.grab(window, "door-4-timesheet")

    window.show_page("settings")
    settings = window.settings
    assert settings is not None
    settings.scroll_area.ensureWidgetVisible(settings.door, 0, 0)
    settings.scroll_area.verticalScrollBar().setValue(settings.door.y())
    tour.grab(window, "settings-door")
    window.close()
    desk.operators.sign_out(session)
