"""The rights and incidents part of the screenshot tour: a request in the register, an incident recorded.

Called by tests/ui/screenshot_tour.py last (an incident makes the impact assessment out of date, so
nothing after it could enrol a face); see its docstring for how to run.
"""

from datetime import timedelta

from app.services.desk_services import DeskServices
from app.ui.desk_context import DeskContext, DeskEnvironment
from app.ui.desk_window import DeskWindow
from tests.ui.screenshot_staff import Grabber

DESK_SIZE = (1280, 800)
INCIDENT = {
    "en": (
        "The desk computer was left signed in overnight.",
        "An operator forgot to lock the screen before leaving.",
        "Someone could have seen which guests use face verification.",
        "Auto-lock shortened to 2 minutes; the night staff were retrained.",
    ),
    "zh_CN": (
        "前台电脑整夜处于登录状态。",
        "操作员离开前忘记锁定屏幕。",
        "他人可能看到哪些客人使用人脸核验。",
        "自动锁定缩短为 2 分钟；已对夜班员工重新培训。",
    ),
}


def rights_and_incident_screens(
    tour: Grabber, desk: DeskServices, env: DeskEnvironment, admin: tuple[str, str], guest_name: str
) -> None:
    """A guest asks for a copy of their data; an incident is recorded and its people listed."""
    session = desk.operators.sign_in(*admin)
    window = DeskWindow(DeskContext.for_session(env, desk, session, tour.language), env.camera_name())
    window.resize(*DESK_SIZE)
    window.show()
    try:
        window.show_page("rights")
        rights = window.rights
        assert rights is not None
        rights.search.query.setText(guest_name)
        rights.search.search_button.click()
        rights.search.results.setCurrentRow(0)
        rights.kind.setCurrentIndex(rights.kind.findData("copy"))
        rights.identity_checked.setChecked(True)
        rights.register_button.click()
        tour.grab(window, "rights-requests")

        window.show_page("incidents")
        incidents = window.incidents
        assert incidents is not None
        incidents.record_button.click()
        form = incidents.dialog
        assert form is not None
        form.began.setDateTime(form.began.dateTime().addSecs(-int(timedelta(hours=10).total_seconds())))
        form.discovered.setDateTime(form.discovered.dateTime())
        form.kinds["face_templates"].setChecked(True)
        form.kinds["identity"].setChecked(True)
        for field, text in zip((form.description, form.cause, form.harm, form.remedies), INCIDENT[tour.language],
                               strict=True):  # fmt: skip
            field.setPlainText(text)
        form.resize(form.sizeHint().expandedTo(form.minimumSizeHint()))
        tour.grab(form, "incident-form")
        form.record_button.click()
        tour.grab(window, "incidents")
    finally:
        window.shutdown()
        window.close()
        desk.operators.sign_out(session)
