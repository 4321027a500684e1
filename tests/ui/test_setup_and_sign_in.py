"""First run to signed-in operator, driven through the real widgets (R15, R16)."""

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QMessageBox, QWizard
from pytestqt.qtbot import QtBot

from app.application import OpenDesk
from app.config.paths import DataPaths
from app.domain.audit import SYSTEM_ACTOR, AuditAction
from app.domain.roles import Role
from app.keystore import MemorySecretStore
from app.services.installation_service import InstallationService
from app.ui.desk_context import DeskEnvironment
from app.ui.desk_window import DeskWindow
from app.ui.login_window import LoginWindow
from app.ui.setup_wizard import SetupWizard
from app.ui.startup_flow import StartupFlow
from app.ui.unlock_dialog import UnlockDialog
from tests.conftest import ADMIN_PASSWORD, ADMIN_USER, STANDARD_SETUP
from tests.ui.conftest import unnamed_controls


def fill_wizard(qtbot: QtBot, wizard: SetupWizard, *, passphrase: str | None = None) -> None:
    assert wizard.currentPage() is wizard.language_page
    wizard.next()
    business = wizard.business_page
    assert not business.isComplete()
    qtbot.keyClicks(business.name, "Lotus Inn ")
    business.name.insert("莲花客栈")  # QTest can only synthesise ASCII keys; an input method inserts text
    qtbot.keyClicks(business.contact, "+86 10 1234 5678")
    assert business.isComplete()
    wizard.next()
    admin = wizard.admin_page
    qtbot.keyClicks(admin.display_name, "Wang Fang")
    qtbot.keyClicks(admin.username, ADMIN_USER)
    qtbot.keyClicks(admin.password, ADMIN_PASSWORD)
    qtbot.keyClicks(admin.repeat, ADMIN_PASSWORD)
    wizard.next()
    if passphrase is not None:
        wizard.key_page.use_passphrase.setChecked(True)
        qtbot.keyClicks(wizard.key_page.passphrase, passphrase)
        qtbot.keyClicks(wizard.key_page.repeat, passphrase)
    wizard.next()


@pytest.fixture
def flow(qtbot: QtBot, installation: InstallationService, desk_env: DeskEnvironment, owner: OpenDesk) -> StartupFlow:
    startup = StartupFlow(installation, passphrase=None, env=desk_env, owner=owner)
    yield startup
    startup.shutdown()


def sign_in(qtbot: QtBot, flow: StartupFlow, username: str = ADMIN_USER, password: str = ADMIN_PASSWORD) -> DeskWindow:
    login = flow.window
    assert isinstance(login, LoginWindow)
    login.username.setText(username)
    qtbot.keyClicks(login.password, password)
    with qtbot.waitSignal(login.signed_in, timeout=5000):
        qtbot.keyClick(login.password, Qt.Key.Key_Return)
    assert isinstance(flow.window, DeskWindow)
    return flow.window


@pytest.mark.req("R2")
def test_first_run_opens_setup_then_sign_in_then_the_desk(qtbot: QtBot, flow: StartupFlow) -> None:
    flow.start()
    wizard = flow.window
    assert isinstance(wizard, SetupWizard)
    fill_wizard(qtbot, wizard)
    assert wizard.currentPage() is wizard.recovery_page
    code = wizard.recovery_page.code.text()
    assert len(code) == 35
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.recovery_page.confirmed.setChecked(True)
    wizard.next()

    camera = wizard.camera_page
    assert wizard.currentPage() is camera
    assert camera.camera.currentText() == "desk camera"  # the --camera stand-in, named as the status bar will
    camera.test_button.click()
    qtbot.waitUntil(lambda: camera.preview.painted >= 3, timeout=10_000)  # a live picture, frame after frame
    assert "works" in camera.note.text()
    wizard.next()
    assert camera._thread is None  # leaving the page released the camera

    assessment = wizard.assessment_page
    assert wizard.currentPage() is assessment
    qtbot.keyClicks(assessment.form.assessor, "Wang Fang")
    for field in assessment.form.items.values():
        field.setPlainText("Assessed for the front desk of Lotus Inn.")
    wizard.button(QWizard.WizardButton.FinishButton).click()

    assert isinstance(flow.window, LoginWindow)
    assert flow.desk is not None and flow.desk.business_name() == "Lotus Inn 莲花客栈"
    status = flow.desk.pia.status()
    assert status.current and status.record is not None and status.record.assessor == "Wang Fang"
    desk = sign_in(qtbot, flow)
    assert flow.session is not None and flow.session.role is Role.ADMIN
    assert "Wang Fang" in desk.operator_label.text()
    assert [page.key for page in desk.pages] == [
        "front_desk",
        "check_in",
        "verify",
        "withdraw",
        "people",
        "audit",
        "staff",
        "attendance",
        "door",
        "compliance",
        "rights",
        "incidents",
        "settings",
    ]


def test_the_assessment_can_be_left_for_later(qtbot: QtBot, flow: StartupFlow) -> None:
    flow.start()
    wizard = flow.window
    assert isinstance(wizard, SetupWizard)
    fill_wizard(qtbot, wizard)
    wizard.recovery_page.confirmed.setChecked(True)
    wizard.next()
    wizard.next()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert isinstance(flow.window, LoginWindow)
    assert flow.desk is not None and not flow.desk.pia.status().current


def test_choosing_chinese_first_redraws_the_wizard_in_chinese(
    qtbot: QtBot, flow: StartupFlow, desk_env: DeskEnvironment
) -> None:
    flow.start()
    wizard = flow.window
    assert isinstance(wizard, SetupWizard)
    assert wizard.windowTitle() == "Set up FaceDesk"
    wizard.language_page.buttons["zh_CN"].click()
    chinese = flow.window
    assert isinstance(chinese, SetupWizard) and chinese is not wizard
    assert chinese.windowTitle() == "设置 FaceDesk"
    assert chinese.language_page.buttons["zh_CN"].isChecked()
    assert desk_env.device.value("ui/language") == "zh_CN"
    chinese.next()
    assert chinese.currentPage() is chinese.business_page


def set_up_and_sign_in(qtbot: QtBot, flow: StartupFlow) -> DeskWindow:
    flow.start()
    assert isinstance(flow.window, SetupWizard)
    fill_wizard(qtbot, flow.window)
    flow.window.recovery_page.confirmed.setChecked(True)
    flow.window.accept()
    return sign_in(qtbot, flow)


@pytest.mark.req("R16")
def test_locking_ends_the_session_and_asks_for_the_password_again(qtbot: QtBot, flow: StartupFlow) -> None:
    desk = set_up_and_sign_in(qtbot, flow)
    session = flow.session
    desk.lock_button.click()
    login = flow.window
    assert isinstance(login, LoginWindow)
    assert login.username.text() == ADMIN_USER
    assert login.password.text() == ""
    assert flow.desk is not None and not flow.desk.access.is_active(session)


@pytest.mark.req("R23")
def test_the_sign_in_screen_switches_to_chinese_and_back_keeping_the_user_name(
    qtbot: QtBot, flow: StartupFlow, desk_env: DeskEnvironment
) -> None:
    desk = set_up_and_sign_in(qtbot, flow)
    desk.lock_button.click()
    login = flow.window
    assert isinstance(login, LoginWindow)
    assert login.language_button.text() == "中文"
    login.language_button.click()
    chinese = flow.window
    assert isinstance(chinese, LoginWindow) and chinese is not login
    assert chinese.sign_in_button.text() == "登录" and chinese.language_button.text() == "English"
    assert chinese.username.text() == ADMIN_USER
    assert desk_env.device.value("ui/language") == "zh_CN"  # kept for this computer
    chinese.language_button.click()
    english = flow.window
    assert isinstance(english, LoginWindow) and english.sign_in_button.text() == "Sign in"
    flow.shutdown()


def test_the_main_window_opens_maximised_and_keeps_its_size_through_sign_in_and_lock(
    qtbot: QtBot, flow: StartupFlow
) -> None:
    desk = set_up_and_sign_in(qtbot, flow)
    assert desk.isMaximized()  # the desk as big as the screen allows, not 1280x800 in a corner
    desk.showNormal()
    desk.setGeometry(40, 40, 1100, 700)  # the receptionist made it smaller
    desk.lock_button.click()
    login = flow.window
    assert isinstance(login, LoginWindow)
    assert not login.isMaximized() and login.geometry() == desk.geometry()  # no jump to 720x480


@pytest.mark.req("R16")
def test_the_desk_locks_itself_after_the_idle_minutes(qtbot: QtBot, flow: StartupFlow) -> None:
    desk = set_up_and_sign_in(qtbot, flow)
    session = flow.session
    assert flow.idle_lock.timer.isActive()
    assert flow.idle_lock.timer.interval() == 5 * 60 * 1000  # the policy default
    flow.idle_lock.timer.stop()
    qtbot.keyClick(desk.check_in.details.name, Qt.Key.Key_A)  # any input starts the count again
    assert flow.idle_lock.timer.isActive()
    flow.idle_lock.timer.timeout.emit()  # five quiet minutes later
    assert isinstance(flow.window, LoginWindow)
    assert flow.window.username.text() == ADMIN_USER
    assert flow.desk is not None and not flow.desk.access.is_active(session)
    assert not flow.idle_lock.timer.isActive()  # nothing to lock while signed out


@pytest.mark.req("R16")
def test_a_running_kiosk_pauses_the_idle_lock_and_ending_it_resumes(qtbot: QtBot, flow: StartupFlow) -> None:
    """The kiosk runs unattended for hours and is itself locked to clock-ins: the desk must not sign
    the manager out under it (which would stop staff entry); once it ends, the idle lock counts again.
    """
    desk = set_up_and_sign_in(qtbot, flow)
    desk.show_page("attendance")
    assert desk.attendance is not None
    desk.attendance.start_kiosk()
    kiosk = desk.attendance.kiosk
    assert kiosk is not None
    assert not flow.idle_lock.timer.isActive()
    with qtbot.waitSignal(desk.kiosk_active, timeout=10_000):
        kiosk.close()
    assert flow.idle_lock.timer.isActive()


@pytest.mark.req("R16")
def test_switching_operator_signs_out_and_clears_the_name(qtbot: QtBot, flow: StartupFlow) -> None:
    desk = set_up_and_sign_in(qtbot, flow)
    session = flow.session
    desk.switch_button.click()
    assert isinstance(flow.window, LoginWindow)
    assert flow.window.username.text() == ""
    assert flow.desk is not None and not flow.desk.access.is_active(session)


@pytest.mark.req("R23")
def test_the_language_switch_redraws_the_desk_on_the_same_page(
    qtbot: QtBot, flow: StartupFlow, desk_env: DeskEnvironment
) -> None:
    desk = set_up_and_sign_in(qtbot, flow)
    desk.show_page("people")
    desk.language_actions["zh_CN"].trigger()
    chinese = flow.window
    assert isinstance(chinese, DeskWindow) and chinese is not desk
    assert chinese.current_page == "people"
    assert chinese.navigation.item(1).text() == "办理入住"
    assert chinese.lock_button.text() == "锁定"
    assert desk_env.device.value("ui/language") == "zh_CN"
    assert flow.session is not None  # the same operator stays signed in


@pytest.mark.req("R23")
def test_large_text_and_high_contrast_restyle_the_desk(
    qtbot: QtBot, flow: StartupFlow, desk_env: DeskEnvironment
) -> None:
    desk = set_up_and_sign_in(qtbot, flow)
    name_field = desk.check_in.details.name
    normal = name_field.font().pointSize()
    desk.large_text.trigger()
    assert desk_env.device.value("ui/large_font") is True
    assert name_field.font().pointSize() > normal
    desk.high_contrast.trigger()
    assert desk_env.device.value("ui/high_contrast") is True
    assert name_field.palette().color(name_field.foregroundRole()).name() == "#000000"


def test_the_wizard_cannot_be_cancelled_once_the_code_is_shown(
    qtbot: QtBot, installation: InstallationService, desk_env: DeskEnvironment
) -> None:
    wizard = SetupWizard(installation, desk_env)
    qtbot.addWidget(wizard)
    wizard.show()
    fill_wizard(qtbot, wizard)
    wizard.reject()
    assert wizard.isVisible()
    assert wizard.testOption(QWizard.WizardOption.NoCancelButton)
    wizard.recovery_page.confirmed.setChecked(True)
    with qtbot.waitSignal(wizard.setup_completed, timeout=5000) as completed:
        wizard.reject()  # closing the window now finishes setup, it never discards it
    completed.args[0].close()


def test_mismatched_passwords_are_explained_and_nothing_is_created(
    qtbot: QtBot, installation: InstallationService, data_dir: Path, desk_env: DeskEnvironment
) -> None:
    wizard = SetupWizard(installation, desk_env)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()  # language
    qtbot.keyClicks(wizard.business_page.name, "Lotus Inn")
    qtbot.keyClicks(wizard.business_page.contact, "+86 10 1234 5678")
    wizard.next()
    admin = wizard.admin_page
    admin.username.setText("boss")
    admin.password.setText("boss-password-1")
    admin.repeat.setText("boss-password-2")
    wizard.next()
    assert wizard.currentPage() is admin
    assert admin.error.isVisible() or admin.error.text() == "The two passwords differ."
    assert admin.error.text() == "The two passwords differ."
    assert not installation.is_initialized()


def test_the_length_rules_are_shown_before_anyone_breaks_them(
    qtbot: QtBot, installation: InstallationService, desk_env: DeskEnvironment
) -> None:
    wizard = SetupWizard(installation, desk_env)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.admin_page.password.placeholderText() == "At least 8 characters"
    assert wizard.key_page.passphrase.placeholderText() == "At least 10 characters"
    assert not wizard.admin_page.error.isVisible()


@pytest.mark.req("R22")
def test_private_spaces_are_not_even_offered(
    qtbot: QtBot, installation: InstallationService, desk_env: DeskEnvironment
) -> None:
    wizard = SetupWizard(installation, desk_env)
    qtbot.addWidget(wizard)
    offered = {wizard.business_page.location.itemData(i) for i in range(wizard.business_page.location.count())}
    assert offered.isdisjoint({"guest_room", "bathroom", "changing_room", "toilet"})


@pytest.mark.req("R1")
def test_face_purposes_start_unticked(
    qtbot: QtBot, installation: InstallationService, desk_env: DeskEnvironment
) -> None:
    wizard = SetupWizard(installation, desk_env)
    qtbot.addWidget(wizard)
    assert not wizard.business_page.guest_purpose.isChecked()
    assert not wizard.business_page.staff_purpose.isChecked()
    assert wizard.business_page.purposes() == frozenset()


@pytest.mark.req("R15")
def test_a_passphrase_installation_asks_for_the_passphrase_and_explains_a_wrong_one(
    qtbot: QtBot, installation: InstallationService, desk_env: DeskEnvironment, owner: OpenDesk
) -> None:
    installation.create(STANDARD_SETUP, passphrase="the desk passphrase")[0].close()
    flow = StartupFlow(installation, passphrase=None, env=desk_env, owner=owner)
    flow.start()
    dialog = flow.window
    assert isinstance(dialog, UnlockDialog)
    dialog.passphrase.setText("not the passphrase")
    dialog.unlock_button.click()
    assert dialog.error.text() == "Wrong passphrase. Nothing was changed; try again."
    assert dialog.isVisible()
    dialog.passphrase.setText("the desk passphrase")
    dialog.unlock_button.click()
    assert isinstance(flow.window, LoginWindow)
    flow.shutdown()


@pytest.mark.req("R15")
def test_a_lost_keyring_entry_is_recovered_in_the_app_with_the_code(
    qtbot: QtBot,
    installation: InstallationService,
    secret_store: MemorySecretStore,
    desk_env: DeskEnvironment,
    owner: OpenDesk,
) -> None:
    desk, code = installation.create_desk(STANDARD_SETUP, passphrase=None)
    desk.close()
    secret_store._secrets.clear()  # the keyring entry is gone (reset keychain, new profile)
    flow = StartupFlow(installation, passphrase=None, env=desk_env, owner=owner)
    flow.start()
    dialog = flow.window
    assert isinstance(dialog, UnlockDialog)
    assert dialog.recovery_code.isVisible()
    dialog.recovery_code.setText(code.formatted().lower())
    dialog.unlock_button.click()
    assert isinstance(flow.window, LoginWindow)
    assert flow.desk is not None and flow.desk.operators.sign_in(ADMIN_USER, ADMIN_PASSWORD)
    flow.shutdown()


@pytest.mark.req("R13")
def test_the_retention_job_runs_at_start_up_and_every_hour(
    qtbot: QtBot, installation: InstallationService, desk_env: DeskEnvironment, owner: OpenDesk
) -> None:
    installation.create(STANDARD_SETUP, passphrase=None)[0].close()
    flow = StartupFlow(installation, passphrase=None, env=desk_env, owner=owner)
    flow.start()
    jobs = owner.jobs
    assert jobs is not None and jobs.timer.isActive()
    assert jobs.timer.interval() == 60 * 60 * 1000
    assert flow.desk is not None and flow.desk is owner.desk
    with flow.desk.database.snapshot() as conn:
        runs = conn.execute("SELECT count(*) FROM audit_events WHERE action = 'retention.purged'").fetchone()[0]
    assert runs == 1  # at start-up
    jobs.timer.timeout.emit()  # an hour later
    with flow.desk.database.snapshot() as conn:
        runs = conn.execute("SELECT count(*) FROM audit_events WHERE action = 'retention.purged'").fetchone()[0]
    assert runs == 2
    flow.shutdown()
    owner.close()
    assert not jobs.timer.isActive() and owner.desk is None


@pytest.mark.req("R23")
def test_every_setup_and_sign_in_control_has_an_accessible_name(qtbot: QtBot, flow: StartupFlow) -> None:
    flow.start()
    wizard = flow.window
    assert isinstance(wizard, SetupWizard)
    assert len(wizard.pageIds()) == 7
    unnamed = unnamed_controls(wizard)  # every page is a child of the wizard, shown or not
    fill_wizard(qtbot, wizard)
    wizard.recovery_page.confirmed.setChecked(True)
    wizard.accept()
    assert isinstance(flow.window, LoginWindow)
    unnamed += unnamed_controls(flow.window)
    assert unnamed == [], "\n".join(unnamed)


@pytest.mark.req("R14")
def test_the_desk_takes_one_encrypted_backup_a_day(qtbot: QtBot, flow: StartupFlow, owner: OpenDesk, paths) -> None:
    """The start-up and hourly job (retention, processing records) also takes the daily backup."""
    set_up_and_sign_in(qtbot, flow)
    owner.run_jobs()
    owner.run_jobs()  # the hourly run an hour later: still one backup that day
    backups = sorted(paths.backup_dir.glob("facedesk-backup-*"))
    assert len(backups) == 1
    assert sorted(p.name for p in backups[0].iterdir()) == ["facedesk.db", "facedesk.keys", "manifest.json"]
    assert not (backups[0] / "facedesk.db").read_bytes().startswith(b"SQLite format 3")


def test_a_database_that_cannot_be_opened_is_explained_and_the_app_ends(
    qtbot: QtBot,
    installation: InstallationService,
    desk_env: DeskEnvironment,
    owner: OpenDesk,
    paths: DataPaths,
    expect_warnings: Callable[[str], None],
) -> None:
    """A rolled-back database at start: the message says what happened and closing it ends the app
    (a blocking message used to return before the event loop ran, leaving a process with no window)."""
    expect_warnings("could not be opened")
    database, _ = installation.create(STANDARD_SETUP, passphrase=None)
    database.checkpoint()
    older = paths.database.read_bytes()
    with database.unit() as uow:  # more work after the copy: the copy is now an older one
        uow.audit(AuditAction.SETTINGS_CHANGED, SYSTEM_ACTOR, at=datetime.now(UTC))
    database.close()
    paths.database.write_bytes(older)
    for suffix in ("-wal", "-shm"):
        paths.database.with_name(paths.database.name + suffix).unlink(missing_ok=True)
    flow = StartupFlow(installation, passphrase=None, env=desk_env, owner=owner)
    flow.start()
    box = flow.window
    assert isinstance(box, QMessageBox) and box.isVisible()
    summary, details = box.text().split("\n\n")
    assert summary.startswith("The database is an older copy than this installation's own record.")
    assert "audit event #" in details and "facedesk restore" in details
    with qtbot.waitSignal(flow.cannot_start, timeout=5000):
        box.button(QMessageBox.StandardButton.Close).click()
    assert paths.database.read_bytes() == older  # refused unchanged


@pytest.mark.req("R23")
def test_started_in_chinese_on_the_command_line_the_display_menu_says_so_and_english_switches_back(
    qtbot: QtBot, installation: InstallationService, desk_env: DeskEnvironment, owner: OpenDesk
) -> None:
    assert desk_env.device.value("ui/language") == "en"  # the saved setting
    flow = StartupFlow(installation, passphrase=None, env=desk_env, owner=owner, language="zh_CN")  # --lang zh_CN
    try:
        desk = set_up_and_sign_in(qtbot, flow)
        assert desk.lock_button.text() == "锁定"
        assert desk.language_actions["zh_CN"].isChecked() and not desk.language_actions["en"].isChecked()
        desk.language_actions["en"].trigger()
        english = flow.window
        assert isinstance(english, DeskWindow) and english is not desk
        assert english.lock_button.text() == "Lock"
        assert english.language_actions["en"].isChecked()
        assert desk_env.device.value("ui/language") == "en"
    finally:
        flow.shutdown()


def test_the_setup_pages_fields_start_at_the_same_place_on_every_page(qtbot: QtBot, flow: StartupFlow) -> None:
    flow.start()
    wizard = flow.window
    assert isinstance(wizard, SetupWizard)
    starts = {}
    for page in (wizard.business_page, wizard.admin_page, wizard.key_page):
        page.resize(800, 500)
        layout = page.layout()
        assert layout is not None
        layout.setGeometry(page.rect())  # laid out as the wizard shows it, one page at a time
        first_field = page.findChildren(QFormLayout)[0].itemAt(0, QFormLayout.ItemRole.FieldRole).widget()
        starts[type(page).__name__] = first_field.mapTo(page, first_field.rect().topLeft()).x()
    assert len(set(starts.values())) == 1, starts
