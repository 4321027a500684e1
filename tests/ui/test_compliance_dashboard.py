"""The compliance dashboard: R1-R24, each "Met" or "Needs action" with what to do (R2, R13, R18, R22)."""

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.cli import build_parser
from app.domain.errors import AuthenticationError
from app.domain.operators import OperatorSession
from app.services import dashboard_service
from app.services.check_in_service import GuestStay
from app.services.dashboard_service import PATHS_IN_THIS_BUILD, REQUIREMENT_PATHS
from app.services.desk_services import DeskServices
from app.ui.compliance_page import CompliancePage
from app.ui.desk_context import DeskContext
from app.ui.desk_pages import DeskPages
from app.ui.desk_window import DeskWindow
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import enrolled_guest
from tests.helpers.pdf_text import pdf_text
from tests.integration.services.conftest import PIA, SourceSpy
from tests.ui.conftest import Camera


def row(page: CompliancePage, requirement: str) -> tuple[str, str]:
    """(status, what it means) as the table shows them."""
    model = page.requirements
    for number in range(model.rowCount()):
        if model.index(number, 0).data() == requirement:
            return model.index(number, 2).data(), model.index(number, 3).data()
    raise AssertionError(f"{requirement} is not on the dashboard")


@pytest.fixture
def page(
    qtbot: QtBot, desk: DeskServices, admin: OperatorSession, photo_camera: Camera, make_context
) -> CompliancePage:
    widget = DeskPages(make_context(desk, admin, photo_camera)).compliance()
    qtbot.addWidget(widget)
    widget.show()
    widget.refresh()
    return widget


def test_the_dashboard_lists_all_24_requirements_and_passes_the_model_tester(
    page: CompliancePage, qtmodeltester
) -> None:
    qtmodeltester.check(page.requirements)
    shown = [page.requirements.index(n, 0).data() for n in range(page.requirements.rowCount())]
    assert sorted(shown, key=lambda rid: int(rid[1:])) == [f"R{n}" for n in range(1, 25)]
    statuses = [page.requirements.index(n, 2).data() for n in range(24)]
    waiting = statuses.count("Needs action")
    assert waiting >= 1 and statuses[:waiting] == ["Needs action"] * waiting  # what needs doing comes first
    assert page.summary.text() == f"{waiting} of 24 requirements need action; each row says what to do."
    assert row(page, "R8") == ("Met", "In place: Check in, Verify guest.")
    assert row(page, "R11")[0] == "Met" and "docs/COMPLIANCE.md" in row(page, "R11")[1]
    assert "nothing to do" not in " ".join(row(page, f"R{n}")[1] for n in range(1, 25))  # no "met by design"


@pytest.mark.req("R19")
@pytest.mark.req("R20")
def test_rights_requests_and_incidents_are_met_by_their_pages_and_a_missing_page_is_never_shown_as_met(
    page: CompliancePage, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dashboard showed R19 and R20 as met by design although no page or command reached them."""
    assert row(page, "R19") == ("Met", "In place: Rights requests, facedesk export-person, facedesk request.")
    assert row(page, "R20") == ("Met", "In place: Incidents.")
    for rid, paths in REQUIREMENT_PATHS.items():
        if row(page, rid)[0] == "Met":
            assert set(paths) <= PATHS_IN_THIS_BUILD, rid
    # a build without the Incidents page (as before this version) says so instead of "Met"
    monkeypatch.setattr(dashboard_service, "PATHS_IN_THIS_BUILD", PATHS_IN_THIS_BUILD - {"page:incidents"})
    page.refresh()
    assert row(page, "R20") == (
        "Needs action",
        "Not complete in this version of FaceDesk: it needs Incidents. Use paper records meanwhile.",
    )


def test_every_page_and_command_the_dashboard_counts_on_is_really_there(
    qtbot: QtBot, desk: DeskServices, admin: OperatorSession, photo_camera: Camera, make_context, capsys
) -> None:
    window = DeskWindow(make_context(desk, admin, photo_camera), "USB camera 0")
    qtbot.addWidget(window)
    pages = {f"page:{page.key}" for page in window.pages}
    window.shutdown()
    for path in sorted(PATHS_IN_THIS_BUILD):
        kind, _, name = path.partition(":")
        if kind == "page":
            assert path in pages, path
        else:  # the command line knows it: its help exits 0 (an unknown command exits 2)
            with pytest.raises(SystemExit) as help_exit:
                build_parser().parse_args([name, "--help"])
            assert help_exit.value.code == 0, path


@pytest.mark.req("R2")
def test_a_missing_or_stale_assessment_needs_action_until_one_is_recorded(
    page: CompliancePage, desk: DeskServices, admin: OperatorSession
) -> None:
    assert row(page, "R2") == ("Needs action", "Record an impact assessment before face enrolment.")
    assert not page.banner.isVisible()  # nothing recorded yet, so nothing can be stale
    desk.pia.record(admin, PIA)
    page.refresh()
    assert row(page, "R2") == ("Met", "The impact assessment is current.")
    desk.settings.change(admin, "retention/guest_grace_hours", 12)
    page.refresh()
    assert row(page, "R2") == (
        "Needs action",
        "Something it covers has changed: record a new impact assessment.",
    )
    assert page.banner.isVisible()
    assert page.banner.text().startswith("The impact assessment is out of date (")
    assert "changed" in page.banner.text()
    desk.pia.record(admin, PIA)
    page.refresh()
    assert row(page, "R2")[0] == "Met" and not page.banner.isVisible()


@pytest.mark.req("R13")
def test_a_retention_backlog_needs_action_until_retention_is_applied(
    qtbot: QtBot,
    face_ready: DeskServices,
    admin: OperatorSession,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    clock: FakeClock,
    photo_camera: Camera,
    make_context: Callable[..., DeskContext],
) -> None:
    guest = register()
    enrolled_guest(face_ready, clerk, guest, obama_camera)
    face_ready.settings.change(admin, "retention/guest_grace_hours", 0)
    clock.advance(timedelta(days=3))  # the stay ended two days ago and nobody ran the job
    page = DeskPages(make_context(face_ready, admin, photo_camera)).compliance()
    qtbot.addWidget(page)
    page.refresh()
    assert row(page, "R13") == ("Needs action", "1 consent is past its retention date: apply retention now.")
    page.purge_button.click()
    assert row(page, "R13") == ("Met", "Nothing is waiting for deletion.")


@pytest.mark.usefixtures("cjk_fonts")  # reads Chinese back from the PDF
@pytest.mark.req("R22")
def test_the_sign_is_needed_until_saved_and_again_after_the_business_details_change(
    page: CompliancePage, desk: DeskServices, admin: OperatorSession, tmp_path: Path
) -> None:
    assert row(page, "R22")[0] == "Needs action"
    sign = tmp_path / "sign.pdf"
    page.documents.save_sign(sign)
    assert page.documents.status.text() == "Saved sign.pdf."
    assert row(page, "R22") == ("Met", "The sign matches the current business details.")
    assert "Lotus Inn" in pdf_text(sign) and "人脸识别" in pdf_text(sign)
    desk.business.update(admin, contact="+86 10 8888 0000")
    page.refresh()
    assert row(page, "R22")[0] == "Needs action"  # the old sign shows the old contact


@pytest.mark.req("R18")
def test_security_alerts_need_action_until_a_manager_marks_them_read(
    page: CompliancePage, desk: DeskServices, expect_warnings
) -> None:
    expect_warnings("locked after")
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            desk.operators.sign_in("boss", "wrong password")
    page.refresh()
    assert row(page, "R18") == ("Needs action", "1 unread security alert: review it, then mark it read.")
    page.acknowledge_button.click()
    assert row(page, "R18") == ("Met", "No unread security alerts.")
    assert not page.acknowledge_button.isEnabled()


@pytest.mark.req("R18")
def test_a_bulk_export_from_the_page_is_an_alert_until_a_manager_marks_it_read(
    page: CompliancePage, tmp_path: Path
) -> None:
    """No alert for the bulk exports (issue 16)."""
    assert row(page, "R18")[0] == "Met"
    page.documents.export_filing(tmp_path / "filing-data.pdf")
    page.refresh()
    assert row(page, "R18") == ("Needs action", "1 unread security alert: review it, then mark it read.")
    page.acknowledge_button.click()
    assert row(page, "R18") == ("Met", "No unread security alerts.")
