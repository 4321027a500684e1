"""The staff-entry part of the screenshot tour: Staff page, face entry, the kiosk, attendance.

Called by tests/ui/screenshot_tour.py after the guest screens; see its docstring for how to run.
"""

from datetime import timedelta
from typing import Protocol

from PySide6.QtWidgets import QDialogButtonBox, QWidget

from app.domain.guests import guest_details
from app.domain.people import IdDocumentType
from app.services.desk_services import DeskServices
from app.services.kiosk_service import KioskPhase
from app.ui.desk_context import DeskContext, DeskEnvironment
from app.ui.desk_window import DeskWindow
from tests.unit.domain.test_identity_documents import make_resident_id

STAFF_NAMES = {"en": ("Zhao Lei", "Sun Mei"), "zh_CN": ("赵磊", "孙梅")}
KIOSK_SIZE = (1280, 800)


class Grabber(Protocol):
    """What the tour offers (see screenshot_tour.Tour)."""

    language: str

    def grab(self, widget: QWidget, name: str, *, camera: QWidget | None = None) -> None: ...


def staff_screens(
    tour: Grabber,
    desk: DeskServices,
    env: DeskEnvironment,
    admin: tuple[str, str],
    wait_until,
) -> None:
    """A shop owner's day: staff records, face entry with consent, the kiosk, attendance."""
    face_name, pin_name = STAFF_NAMES[tour.language]
    session = desk.operators.sign_in(*admin)
    today = desk.today()
    face_staff = desk.staff.register(
        session,
        guest_details(
            face_name, IdDocumentType.RESIDENT_ID, make_resident_id("310104", today.replace(year=1990), "321"), None,
            today=today,
        ),
    )  # fmt: skip
    pin_staff = desk.staff.register(
        session,
        guest_details(
            pin_name, IdDocumentType.RESIDENT_ID, make_resident_id("310104", today.replace(year=1985), "654"), None,
            today=today,
        ),
    )  # fmt: skip
    for person_id in (face_staff, pin_staff):
        desk.staff.set_pin(session, person_id, "2580")
    ctx = DeskContext.for_session(env, desk, session, tour.language)
    window = DeskWindow(ctx, env.camera_name())
    window.resize(*KIOSK_SIZE)
    window.show()

    window.show_page("staff")
    staff = window.staff
    assert staff is not None
    staff.select(face_staff)
    tour.grab(window, "staff-1-list")
    staff.face_button.click()
    enrolment = staff.enrolment
    enrolment.resize(*KIOSK_SIZE)
    enrolment.consent.consent_box.setChecked(True)
    enrolment.consent.typed_name.setText(face_name)
    tour.grab(enrolment, "staff-2-face-entry-notice")
    enrolment.consent.agree_button.click()
    wait_until(lambda: enrolment.enrolled)
    tour.grab(enrolment, "staff-3-face-entry-on")
    enrolment.close_button.click()

    window.show_page("attendance")
    attendance = window.attendance
    assert attendance is not None
    attendance.start_kiosk()
    kiosk = attendance.kiosk
    assert kiosk is not None
    kiosk.showNormal()
    kiosk.resize(*KIOSK_SIZE)
    wait_until(lambda: "turn" in kiosk.message.text().lower() or "转" in kiosk.message.text())
    tour.grab(kiosk, "kiosk-1-turn-head", camera=kiosk.preview)
    wait_until(lambda: kiosk.phase is KioskPhase.USE_PIN)
    tour.grab(kiosk, "kiosk-2-photo-refused-use-pin", camera=kiosk.preview)
    kiosk.show_pin()
    kiosk.names.setCurrentIndex(kiosk.names.findData(pin_staff))
    kiosk.pin.setText("2580")
    tour.grab(kiosk, "kiosk-3-pin", camera=kiosk.preview)
    kiosk.pin_ok.click()
    wait_until(lambda: pin_name in kiosk.message.text())
    tour.grab(kiosk, "kiosk-4-clocked-in", camera=kiosk.preview)
    kiosk.end_button.click()
    kiosk.end_dialog.password.setText("••••")
    tour.grab(kiosk.end_dialog, "kiosk-5-end")
    kiosk.end_dialog.reject()
    kiosk.end()

    clock = desk.clock
    kiosk_session = desk.kiosk.start(session, env.open_camera)
    if hasattr(clock, "advance"):
        clock.advance(timedelta(hours=8, minutes=5))  # type: ignore[attr-defined]
    kiosk_session.clock_with_pin(pin_staff, "2580")
    kiosk_session.end(session, desk.access)
    attendance.refresh()
    tour.grab(window, "attendance-1-day")
    attendance.event_table.selectRow(1)
    attendance.correct_button.click()
    tour.grab(attendance.correction, "attendance-2-correct")
    attendance.correction.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    attendance.view.setCurrentIndex(1)
    tour.grab(window, "attendance-3-week")
    window.close()
    desk.operators.sign_out(session)
