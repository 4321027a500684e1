"""Filing on the Compliance page (R21): people counted as people, and the change and cancellation filings.

Before: the counter counted one person holding two documents twice; switching face recognition
off after the filing tracked no change or cancellation filing, and a filing could never be
recorded as submitted, so R21 stayed "Needs action" for ever once the threshold was reached.
"""

from collections.abc import Callable
from datetime import date

import pytest

from app.domain.business import Purpose
from app.domain.filing import filing_deadline
from app.domain.guests import guest_details
from app.domain.operators import OperatorSession
from app.domain.people import IdDocumentType
from app.services.check_in_service import GuestStay
from app.services.desk_services import DeskServices
from app.services.filing_service import owe_initial_filing
from app.ui.compliance_page import CompliancePage
from tests.helpers.clock import FakeClock
from tests.helpers.enrolment import enrolled_guest
from tests.integration.services.conftest import SourceSpy, adult
from tests.ui.test_compliance_dashboard import row


@pytest.fixture
def compliance(desk_page: Callable[[OperatorSession, str], CompliancePage], admin: OperatorSession) -> CompliancePage:
    return desk_page(admin, "compliance")


def tasks(page: CompliancePage) -> list[str]:
    listing = page.filing_box.tasks
    return [listing.item(n).text() for n in range(listing.count())]


def switch_off(page: CompliancePage, desk: DeskServices, admin: OperatorSession, purposes: set[Purpose]) -> None:
    """As the Settings page does it: the purposes left on are saved (after its confirmation)."""
    left = desk.business.profile().purposes - purposes
    desk.business.update(admin, purposes=frozenset(left))
    page.refresh()


@pytest.mark.req("R21")
def test_after_the_filing_a_purpose_switched_off_owes_a_change_and_face_off_a_cancellation(
    compliance: CompliancePage, face_ready: DeskServices, admin: OperatorSession, clock: FakeClock
) -> None:
    page = compliance
    switch_off(page, face_ready, admin, {Purpose.STAFF_ENTRY})
    assert tasks(page) == [] and row(page, "R21")[0] == "Met"  # nothing was filed, so nothing to change
    face_ready.business.update(admin, purposes=frozenset({Purpose.GUEST_VERIFICATION, Purpose.STAFF_ENTRY}))

    reached = date(2026, 3, 2)
    with face_ready.database.unit() as uow:  # 100,000 people were reached on 2 March (as the counter records it)
        owe_initial_filing(uow, reached, filing_deadline(reached))
    page.refresh()
    assert row(page, "R21") == (
        "Needs action",
        "1 filing to submit to the authority. It is listed below with its deadline.",
    )
    assert tasks(page) == [f"Filing (100,000 people with face data reached): due by {filing_deadline(reached)} "
                           "(arose on 2026-03-02)."]  # fmt: skip
    page.filing_box.tasks.setCurrentRow(0)
    page.filing_box.filed_button.click()
    assert tasks(page) == ["Filing (100,000 people with face data reached): submitted on 2026-03-02."]
    assert row(page, "R21")[0] == "Met" and not page.filing_box.filed_button.isVisible()

    switch_off(page, face_ready, admin, {Purpose.STAFF_ENTRY})
    due = filing_deadline(date(2026, 3, 2))
    assert tasks(page)[0] == f"Change filing (what was filed changed): due by {due} (arose on 2026-03-02)."
    assert row(page, "R21")[0] == "Needs action"
    switch_off(page, face_ready, admin, {Purpose.GUEST_VERIFICATION})
    assert tasks(page)[0] == f"Cancellation filing (face recognition switched off): due by {due} (arose on 2026-03-02)."
    assert len(tasks(page)) == 3
    for _ in range(2):
        page.filing_box.tasks.setCurrentRow(0)
        page.filing_box.filed_button.click()
    assert all("submitted on" in line for line in tasks(page)) and row(page, "R21")[0] == "Met"
    actions = [event.action for event in face_ready.audit.recent_events(admin, 30)]
    assert actions.count("filing.owed") == 2 and actions.count("filing.submitted") == 3


@pytest.mark.req("R21")
def test_one_person_enrolled_under_two_documents_counts_once(
    compliance: CompliancePage,
    face_ready: DeskServices,
    clerk: OperatorSession,
    register: Callable[..., GuestStay],
    obama_camera: SourceSpy,
    clock: FakeClock,
) -> None:
    resident = adult(clock)  # Li Wei, born 1988-06-15, resident ID
    enrolled_guest(face_ready, clerk, register(resident), obama_camera)
    passport = guest_details("LI WEI", IdDocumentType.PASSPORT, "E12345678", resident.date_of_birth,
                             today=clock().date())  # fmt: skip
    enrolled_guest(face_ready, clerk, register(passport, room="1209"), obama_camera, name="LI WEI")
    other = adult(clock, "Zhang San", date(1979, 4, 2), serial="222")
    enrolled_guest(face_ready, clerk, register(other, room="1302"), obama_camera, name="Zhang San")
    compliance.refresh()
    assert compliance.filing.text() == "2 people with face data."
    assert face_ready.statistics.summary()["filing"]["people_with_face_data"] == 2
