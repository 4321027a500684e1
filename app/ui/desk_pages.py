"""Which services each desk page gets: the one place in the UI that sees the whole signed-in desk.

Pages take only what they use (a service or two, the operator's session, a flow factory), so a
page cannot reach past its job and a test builds it with exactly its dependencies. The window
asks this factory for its pages; nothing else in ``app/ui`` holds the ``DeskContext``.
"""

from collections.abc import Callable

from app.domain.documents import Paper
from app.ui.check_in.page import CheckInPage
from app.ui.compliance_page import CompliancePage
from app.ui.desk_context import DeskContext
from app.ui.door.door_page import DoorPage
from app.ui.front_desk_page import FrontDeskPage
from app.ui.incidents_page import IncidentsPage
from app.ui.records_pages import AuditPage, PeoplePage
from app.ui.rights_page import RightsPage
from app.ui.settings_page import SettingsPage
from app.ui.staff.attendance_page import AttendancePage
from app.ui.staff.staff_page import StaffPage
from app.ui.verify_page import VerifyPage
from app.ui.withdraw_page import WithdrawPage
from app.workers.door_worker import DoorRelayThread


class DeskPages:
    """Builds each page of the desk with its own dependencies."""

    def __init__(self, ctx: DeskContext) -> None:
        self._ctx = ctx

    def _paper(self) -> Paper:
        """The receipt paper of this desk's printer, read at each print (Settings may change it)."""
        return Paper(str(self._ctx.device.value("printing/receipt_paper")))

    def front_desk(self) -> FrontDeskPage:
        """Today's arrivals, in-house guests and departures, and what to do with one."""
        ctx = self._ctx
        return FrontDeskPage(
            ctx.desk.front_desk,
            ctx.desk.check_in,
            ctx.desk.stays,
            ctx.desk.consents,
            ctx.session,
            ctx.desk.zone,
            paper=self._paper,
        )

    def check_in(self) -> CheckInPage:
        """Guest check-in."""
        ctx = self._ctx
        return CheckInPage(
            ctx.check_in_flow,
            ctx.guest,
            ctx.desk.today,
            lambda: bool(ctx.device.value("ui/guest_screen")),
            paper=self._paper,
        )

    def verify(self) -> VerifyPage:
        """Verify a guest."""
        ctx = self._ctx
        return VerifyPage(ctx.desk.directory, ctx.session, ctx.guest, ctx.verification_flow)

    def withdraw(self) -> WithdrawPage:
        """Withdraw / opt out."""
        ctx = self._ctx
        return WithdrawPage(ctx.desk.directory, ctx.desk.consents, ctx.session, paper=self._paper)

    def people(self) -> PeoplePage:
        """Everyone on file."""
        ctx = self._ctx
        return PeoplePage(ctx.desk.directory, ctx.desk.zone, ctx.session)

    def audit(self) -> AuditPage:
        """The audit log."""
        ctx = self._ctx
        return AuditPage(ctx.desk.audit, ctx.desk.zone, ctx.session)

    def rights(self) -> RightsPage:
        """The rights request register."""
        ctx = self._ctx
        return RightsPage(ctx.desk.rights, ctx.desk.directory, ctx.desk.zone, ctx.session)

    def incidents(self) -> IncidentsPage:
        """The incident register."""
        ctx = self._ctx
        return IncidentsPage(ctx.desk.incidents, ctx.desk.zone, ctx.desk.clock, ctx.session)

    def staff(self) -> StaffPage:
        """Staff records and face entry."""
        ctx = self._ctx
        return StaffPage(ctx.desk.staff, ctx.desk.today, ctx.session, ctx.guest, ctx.staff_face_entry_flow)

    def attendance(self) -> AttendancePage:
        """Staff entry: the kiosk and attendance."""
        ctx = self._ctx
        desk = ctx.desk
        return AttendancePage(desk.zone, desk.operators, desk.attendance, desk.today, ctx.session, ctx.kiosk_flow)

    def door(self, relay: Callable[[], DoorRelayThread | None] = lambda: None) -> DoorPage:
        """The staff door: entry log, access rules, timesheets; ``relay`` gives the running door relay."""
        ctx = self._ctx
        desk = ctx.desk
        return DoorPage(desk.zone, desk.entries, desk.staff, desk.business, desk.today, ctx.session, relay)

    def compliance(self) -> CompliancePage:
        """The compliance dashboard and documents."""
        ctx = self._ctx
        desk = ctx.desk
        return CompliancePage(
            desk.documents,
            desk.dashboard,
            desk.pia,
            desk.records,
            desk.retention,
            desk.statistics,
            desk.filing,
            desk.today,
            ctx.session,
        )

    def settings(self, door: Callable[[], DoorRelayThread | None] = lambda: None) -> SettingsPage:
        """Settings and operator accounts; ``door`` gives the running door relay (for its test)."""
        ctx = self._ctx
        return SettingsPage(
            ctx.desk.settings,
            ctx.desk.operators,
            ctx.session,
            ctx.device,
            ctx.desk.business,
            ctx.camera_name,
            door=door,
        )
