"""The signed-in desk: navigation on the left, one page at a time, the operator's status bar below.

Which pages appear depends on the operator's role: everyone checks guests in, verifies and
withdraws; Managers also see the audit log and compliance; Admins also see the settings. While
the guest is using the screen (method choice, notice, capture, receipt) the navigation is hidden
so the guest sees only their own step.
"""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from app.config.paths import resource_path
from app.domain.camera_state import FeedState
from app.domain.flows import AbandonReason
from app.domain.roles import Permission, role_allows
from app.services.door_service import configured_door
from app.ui.compliance_page import CompliancePage
from app.ui.desk_context import DeskContext
from app.ui.desk_pages import DeskPages
from app.ui.door.door_page import DoorPage
from app.ui.incidents_page import IncidentsPage
from app.ui.names import role_names
from app.ui.records_pages import AuditPage
from app.ui.rights_page import RightsPage
from app.ui.settings_page import SettingsPage
from app.ui.staff.attendance_page import AttendancePage
from app.ui.staff.staff_page import StaffPage
from app.ui.widgets.return_key import ReturnPressesFocusedButton
from app.workers.card_reader_worker import CardReaderThread
from app.workers.door_worker import DoorRelayThread

LANGUAGES = (("en", "English"), ("zh_CN", "中文"))


@dataclass(frozen=True)
class DeskPage:
    """One navigation entry."""

    key: str
    label: str
    icon: str
    widget: QWidget
    on_enter: Callable[[], None] | None = None
    on_leave: Callable[[], None] | None = None


class DeskWindow(QMainWindow):
    """The main window of a signed-in operator.

    Signals:
        lock_requested(): lock the screen (the operator's name stays on the sign-in screen).
        switch_operator_requested(): sign out so a colleague can sign in.
        language_requested(str): the operator chose another interface language.
        display_changed(): large text or high contrast was switched.
        kiosk_active(bool): a staff-entry kiosk started (True) or ended (False); the desk does not
            idle-lock under a running kiosk, which is itself locked to clock-ins.
    """

    lock_requested = Signal()
    switch_operator_requested = Signal()
    language_requested = Signal(str)
    display_changed = Signal()
    kiosk_active = Signal(bool)

    def __init__(self, ctx: DeskContext, camera_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        ReturnPressesFocusedButton(self)
        self._ctx = ctx
        prefix = "USB camera "  # the camera layer's name for webcams, translated here
        self._camera_name = (
            self.tr("USB camera %1").replace("%1", camera_name.removeprefix(prefix))
            if camera_name.startswith(prefix)
            else camera_name
        )
        self.setWindowTitle(self.tr("FaceDesk – %1").replace("%1", ctx.desk.business_name()))
        build = DeskPages(ctx)
        self.front_desk = build.front_desk()
        self.check_in = build.check_in()
        self.verify = build.verify()
        self.withdraw = build.withdraw()
        self.people = build.people()
        role = ctx.session.role
        self.pages: list[DeskPage] = [
            DeskPage("front_desk", self.tr("Front desk"), "front_desk", self.front_desk, self.front_desk.refresh),
            DeskPage("check_in", self.tr("Check in"), "check_in", self.check_in, on_leave=self._leave_check_in),
            DeskPage("verify", self.tr("Verify guest"), "verify", self.verify, self.verify.enter, self.verify.shutdown),
            DeskPage("withdraw", self.tr("Withdraw / opt out"), "withdraw", self.withdraw, self.withdraw.enter),
            DeskPage("people", self.tr("People"), "people", self.people, self.people.refresh),
        ]
        self.audit: AuditPage | None = None
        self.staff: StaffPage | None = None
        self.attendance: AttendancePage | None = None
        self.door: DoorRelayThread | None = None  # started once the pages exist (start_door)
        self.door_page: DoorPage | None = None
        self.compliance: CompliancePage | None = None
        self.rights: RightsPage | None = None
        self.incidents: IncidentsPage | None = None
        self.settings: SettingsPage | None = None
        if role_allows(role, Permission.VIEW_AUDIT_LOG):
            self.audit = build.audit()
            self.pages.append(DeskPage("audit", self.tr("Audit log"), "audit", self.audit, self.audit.refresh))
        if role_allows(role, Permission.MANAGE_STAFF):
            self.staff = build.staff()
            self.pages.append(DeskPage("staff", self.tr("Staff"), "staff", self.staff, self.staff.refresh))
        if role_allows(role, Permission.RUN_KIOSK):
            self.attendance = build.attendance()
            self.attendance.kiosk_active.connect(self.kiosk_active)
            self.attendance.camera_state.connect(self.show_camera_state)
            self.pages.append(
                DeskPage("attendance", self.tr("Staff entry"), "attendance", self.attendance, self.attendance.refresh)
            )
        if role_allows(role, Permission.VIEW_ATTENDANCE) and role_allows(role, Permission.RUN_KIOSK):
            self.door_page = build.door(lambda: self.door)
            self.pages.append(DeskPage("door", self.tr("Staff door"), "door", self.door_page, self.door_page.refresh))
        if role_allows(role, Permission.VIEW_COMPLIANCE):
            self.compliance = build.compliance()
            self.pages.append(
                DeskPage("compliance", self.tr("Compliance"), "compliance", self.compliance, self.compliance.refresh)
            )
        if role_allows(role, Permission.HANDLE_RIGHTS_REQUEST):
            self.rights = build.rights()
            self.pages.append(
                DeskPage("rights", self.tr("Rights requests"), "rights", self.rights, self.rights.refresh)
            )
        if role_allows(role, Permission.RECORD_INCIDENT):
            self.incidents = build.incidents()
            self.pages.append(
                DeskPage("incidents", self.tr("Incidents"), "incidents", self.incidents, self.incidents.refresh)
            )
        if role_allows(role, Permission.CHANGE_SETTINGS):
            self.settings = build.settings(lambda: self.door)
            self.settings.display_changed.connect(self._settings_display_changed)
            self.settings.card_reader_changed.connect(lambda _: self.start_card_reader())
            self.settings.card_reader_test_started.connect(self.stop_card_reader)
            self.settings.door_changed.connect(self.start_door)
            self.pages.append(
                DeskPage("settings", self.tr("Settings"), "settings", self.settings, self.settings.refresh)
            )

        self.navigation = QListWidget()
        self.navigation.setObjectName("Navigation")
        self.navigation.setAccessibleName(self.tr("Pages"))
        self.navigation.setIconSize(QSize(22, 22))
        self.stack = QStackedWidget()
        self.stack.setContentsMargins(24, 16, 24, 12)
        for page in self.pages:
            item = QListWidgetItem(QIcon(str(resource_path("icons", f"{page.icon}.svg"))), page.label)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, page.label)
            self.navigation.addItem(item)
            self.stack.addWidget(page.widget)
        # the page names always fit: the list widens with Large text instead of scrolling sideways
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.installEventFilter(self)
        self._fit_navigation()
        central = QWidget()
        body = QHBoxLayout(central)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.navigation)
        body.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_status_bar()

        self._current = 0
        self.navigation.currentRowChanged.connect(self._go_to)
        self.check_in.guest_view_changed.connect(self._guest_view_changed)
        self.check_in.camera_state.connect(self.show_camera_state)
        self.verify.camera_state.connect(self.show_camera_state)
        self.front_desk.check_in_requested.connect(self._continue_check_in)
        self.front_desk.verify_requested.connect(self._verify_guest)
        self.front_desk.withdraw_requested.connect(self._withdraw_for)
        self.navigation.setCurrentRow(0)
        self.check_in.reset()
        self.card_reader: CardReaderThread | None = None
        self.start_card_reader()
        self.start_door()
        self.resize(1280, 800)

    def start_card_reader(self) -> None:
        """(Re)start the ID card reader chosen in Settings; with none chosen, documents are typed."""
        self.stop_card_reader()
        port = str(self._ctx.device.value("card_reader/port"))
        if not port:
            self.check_in.show_reader_state("", "")
            self.verify.show_reader_state("", "")
            return
        reader = CardReaderThread(port, self._ctx.desk.today)
        for page in (self.check_in, self.verify):
            reader.card_read.connect(page.card_presented)
            reader.state_changed.connect(page.show_reader_state)
        self.card_reader = reader
        reader.start()

    def start_door(self) -> None:
        """(Re)start the staff door's relay chosen in Settings; with none chosen, no door is driven."""
        self.stop_door()
        configuration = configured_door(self._ctx.device.value)
        if configuration is not None:
            self.door = DoorRelayThread(configuration)
            self.door.start()
        if self.attendance is not None:
            self.attendance.door = self.door

    def stop_door(self) -> None:
        """Release the relay's port, locking the door first (locking, closing, or a new relay chosen)."""
        door, self.door = self.door, None
        if self.attendance is not None:
            self.attendance.door = None
        if door is not None:
            door.stop()

    def stop_card_reader(self) -> None:
        """Release the reader's port (locking, closing, or a test in Settings)."""
        reader, self.card_reader = self.card_reader, None
        if reader is not None:
            reader.stop()

    def _build_status_bar(self) -> None:
        session = self._ctx.session
        self.camera_label = QLabel()
        self.camera_label.setAccessibleName(self.tr("Camera"))
        self.show_camera_state(FeedState.STOPPED.value, "")
        self.operator_label = QLabel(
            self.tr("Signed in: %1 (%2)").replace("%1", session.display_name).replace("%2", role_names()[session.role])
        )
        self.display_button = QToolButton()
        self.display_button.setText(self.tr("Display"))
        self.display_button.setAccessibleName(self.tr("Language and display"))
        self.display_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.display_button)
        languages = QActionGroup(menu)
        self.language_actions: dict[str, QAction] = {}
        current = self._ctx.language  # what is on screen, which --lang may have chosen over the setting
        for code, name in LANGUAGES:
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current)
            languages.addAction(action)
            action.triggered.connect(lambda _=False, lang=code: self._language_chosen(lang))
            self.language_actions[code] = action
        menu.addSeparator()
        self.large_text = menu.addAction(self.tr("Large text"))
        self.high_contrast = menu.addAction(self.tr("High contrast"))
        for action, key in ((self.large_text, "ui/large_font"), (self.high_contrast, "ui/high_contrast")):
            action.setCheckable(True)
            action.setChecked(bool(self._ctx.device.value(key)))
            action.toggled.connect(lambda on, setting=key: self._display_toggled(setting, on))
        self.display_button.setMenu(menu)
        self.switch_button = QPushButton(self.tr("Switch operator"))
        self.lock_button = QPushButton(self.tr("Lock"))
        self.lock_button.setAccessibleName(self.tr("Lock the screen"))
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        bar.addWidget(self.operator_label)
        bar.addWidget(self.camera_label, 1)
        for widget in (self.display_button, self.switch_button, self.lock_button):
            bar.addPermanentWidget(widget)
        self.switch_button.clicked.connect(self.switch_operator_requested)
        self.lock_button.clicked.connect(self.lock_requested)

    def _fit_navigation(self) -> None:
        self.navigation.setFixedWidth(max(200, self.navigation.sizeHintForColumn(0) + 40))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Refit the navigation when its font or style changes (Large text, high contrast)."""
        if watched is self.navigation and event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_navigation()
        return super().eventFilter(watched, event)

    def show_page(self, key: str) -> None:
        """Go to the page with ``key`` (as the navigation would)."""
        for row, page in enumerate(self.pages):
            if page.key == key:
                self.navigation.setCurrentRow(row)
                return
        raise KeyError(key)

    @property
    def current_page(self) -> str:
        """The key of the page on show."""
        return self.pages[self._current].key

    def show_camera_state(self, state: str, message: str) -> None:
        """The camera part of the status bar."""
        del message  # the page shows the explanation where the guest is looking
        text = {
            FeedState.STARTING: self.tr("starting"),
            FeedState.LIVE: self.tr("on"),
            FeedState.UNAVAILABLE: self.tr("not available"),
            FeedState.LOST: self.tr("lost, reconnecting"),
            FeedState.ENDED: self.tr("off"),
            FeedState.STOPPED: self.tr("off"),
        }.get(FeedState(state), state)
        self.camera_label.setText(self.tr("Camera: %1 (%2)").replace("%1", self._camera_name).replace("%2", text))

    def shutdown(self, reason: AbandonReason = AbandonReason.CLOSED) -> None:
        """Stop every camera, the card reader, the door relay and the pages' background jobs; leave their flows."""
        self.stop_card_reader()
        self.check_in.shutdown(reason)
        self.verify.shutdown(reason)
        if self.staff is not None:
            self.staff.shutdown(reason)
        if self.attendance is not None:
            self.attendance.shutdown(reason)
        self.stop_door()  # after the kiosk: it may still be opening the door

    def closeEvent(self, event: QCloseEvent) -> None:
        """Release the camera when the window closes, whatever closed it."""
        self.shutdown()
        super().closeEvent(event)

    def _go_to(self, row: int) -> None:
        if row < 0:
            return
        previous = self.pages[self._current]
        if row != self._current and previous.on_leave is not None:
            previous.on_leave()
        self._current = row
        page = self.pages[row]
        self.stack.setCurrentWidget(page.widget)
        if page.on_enter is not None:
            page.on_enter()

    def _continue_check_in(self, stay_id: int) -> None:
        """From the Front desk: Check in, continuing an arrival registered earlier."""
        self.show_page("check_in")
        self.check_in.resume(stay_id)

    def _verify_guest(self, person_id: int) -> None:
        """From the Front desk: Verify guest, with the guest already chosen."""
        self.show_page("verify")
        self.verify.open_guest(person_id)

    def _withdraw_for(self, person_id: int) -> None:
        """From the Front desk: Withdraw, with the guest already chosen."""
        self.show_page("withdraw")
        self.withdraw.open_guest(person_id)

    def _leave_check_in(self) -> None:
        """Navigation is hidden during the guest steps, so leaving never interrupts a guest."""
        if not self.check_in.guest_view_active:
            self.check_in.leave()

    def _guest_view_changed(self, active: bool) -> None:
        self.navigation.setVisible(not active)
        for action in self.language_actions.values():
            action.setEnabled(not active)  # the guest switches their own screens' language
        self.switch_button.setEnabled(not active)

    def _language_chosen(self, code: str) -> None:
        self._ctx.device.set("ui/language", code)
        if code != self._ctx.language:
            self.language_requested.emit(code)

    def _display_toggled(self, key: str, on: bool) -> None:
        self._ctx.device.set(key, on)
        self.display_changed.emit()

    def _settings_display_changed(self) -> None:
        """The settings page changed the language or display mode."""
        language = str(self._ctx.device.value("ui/language"))
        for box, key in ((self.large_text, "ui/large_font"), (self.high_contrast, "ui/high_contrast")):
            box.blockSignals(True)
            box.setChecked(bool(self._ctx.device.value(key)))
            box.blockSignals(False)
        if language != self._ctx.language:
            self.language_requested.emit(language)
        else:
            self.display_changed.emit()
