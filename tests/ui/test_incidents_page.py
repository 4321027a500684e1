"""The Incidents page (R20): record an incident, list who it affected, write to them, report it (issue 16).

Before this page, incident recording, the affected-people query and the notice existed only in
the services; the dashboard told the manager to "record an incident" with nowhere to do it.
"""

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from app.domain.operators import OperatorSession
from app.services.check_in_service import GuestStay
from app.services.desk_services import DeskServices
from app.ui.incidents_page import IncidentsPage
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import enrolled_guest
from tests.helpers.pdf_text import pdf_page_count, pdf_text
from tests.integration.services.conftest import SourceSpy, adult


@pytest.fixture
def incidents_page(
    desk_page: Callable[[OperatorSession, str], IncidentsPage], manager: OperatorSession
) -> IncidentsPage:
    return desk_page(manager, "incidents")


def save_through_the_dialog(page: IncidentsPage, button, target: Path) -> None:
    button.click()
    dialog = page.file_dialog
    assert dialog is not None
    dialog.selectFile(str(target))
    dialog.accept()


@pytest.mark.usefixtures("cjk_fonts")  # reads Chinese back from the PDF
@pytest.mark.req("R20")
@pytest.mark.req("R2")
def test_an_incident_is_recorded_its_people_listed_and_their_letters_and_the_report_written(
    qtmodeltester,
    incidents_page: IncidentsPage,
    face_ready: DeskServices,
    clerk: OperatorSession,
    manager: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    li = register()
    enrolled_guest(face_ready, clerk, li, obama_camera)
    zhang = adult(clock, "Zhang San", serial="222")
    register(zhang, room="1302")  # registered, no face data
    clock.advance(timedelta(hours=3))
    assert face_ready.pia.status().current
    page = incidents_page
    assert not page.letters_button.isEnabled()  # nothing selected yet

    page.record_button.click()
    form = page.dialog
    assert form is not None
    form.began.setDateTime(form.began.dateTime().addSecs(-2 * 3600))
    form.kinds["face_templates"].setChecked(True)
    form.description.setPlainText("The desk computer was left signed in overnight.")
    form.record_button.click()  # no cause, harm or remedies yet
    assert page.dialog is form and form.error.isVisible() and form.error.text() == "Describe why it happened."
    assert form.description.toPlainText() == "The desk computer was left signed in overnight."  # nothing lost
    form.cause.setPlainText("An operator forgot to lock the screen.")
    form.harm.setPlainText("Someone could have seen which guests use face verification.")
    form.remedies.setPlainText("Auto-lock shortened to 2 minutes; staff retrained.")
    form.record_button.click()

    assert page.dialog is None and "paused" in page.status.text()
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 1 and page.selected_incident() is not None
    assert page.model.index(0, 3).data() == "Face data" and page.model.index(0, 4).data() == "Not yet"
    last4 = adult(clock).document.number[-4:]
    assert [page.affected.item(n).text() for n in range(page.affected.count())] == [
        f"Li Wei, ID document ending {last4}: Face data"
    ]
    assert not face_ready.pia.status().current  # the incident makes the assessment stale (R2)

    letters = tmp_path / "letters.pdf"
    save_through_the_dialog(page, page.letters_button, letters)
    text = pdf_text(letters)
    for part in ("Dear Li Wei", f"ending {last4}", "1. What happened", "2. What we have done", "3. Whom to contact",
                 "一、发生了什么", "二、我们采取的补救措施", "三、联系方式", "人脸特征值", "Lotus Inn",
                 "The desk computer was left signed in overnight."):  # fmt: skip
        assert part in text, part
    assert adult(clock).document.number not in text and "Zhang San" not in text
    assert pdf_page_count(letters) >= 1

    report = tmp_path / "report.pdf"
    save_through_the_dialog(page, page.report_button, report)
    text = pdf_text(report)
    for part in ("第五十七条", "Article 57", "人脸特征值", "face templates (128 numbers, not photos): 1",
                 "Auto-lock shortened"):  # fmt: skip
        assert part in text, part
    assert text.count("face templates (128 numbers, not photos)") == 1  # each kind counted once, in each language
    assert "Li Wei" not in text and last4 not in text  # counts for the authority, never names

    page.notified_button.click()
    assert page.model.index(0, 4).data() != "Not yet" and not page.notified_button.isEnabled()
    actions = [event.action for event in face_ready.audit.recent_events(manager, 10)]
    assert {"incident.recorded", "incident.letters_written", "incident.report_written",
            "incident.people_notified"} <= set(actions)  # fmt: skip


@pytest.mark.req("R20")
def test_the_people_affected_follow_the_kinds_of_data_the_incident_touched(
    incidents_page: IncidentsPage,
    face_ready: DeskServices,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    clock: FakeClock,
) -> None:
    enrolled_guest(face_ready, clerk, register(), obama_camera)
    register(adult(clock, "Zhang San", serial="222"), room="1302")
    clock.advance(timedelta(hours=1))
    page = incidents_page
    page.record_button.click()
    form = page.dialog
    assert form is not None
    form.began.setDateTime(form.began.dateTime().addSecs(-3600))
    form.kinds["identity"].setChecked(True)
    form.description.setPlainText("A printed guest list was lost.")
    form.cause.setPlainText("Left on a train.")
    form.harm.setPlainText("Names could be known.")
    form.remedies.setPlainText("Lists are no longer printed.")
    form.record_button.click()
    listed = [page.affected.item(n).text() for n in range(page.affected.count())]
    assert len(listed) == 2 and all(line.endswith(": Identity") for line in listed)
    assert {line.split(",")[0] for line in listed} == {"Li Wei", "Zhang San"}
