"""First run to signed-in operator, driven through the real widgets (R15, R16)."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from app.domain.roles import Role
from app.keystore import MemorySecretStore
from app.services.installation_service import InstallationService
from app.ui.home_window import HomeWindow
from app.ui.login_window import LoginWindow
from app.ui.setup_wizard import SetupWizard
from app.ui.startup_flow import StartupFlow
from app.ui.unlock_dialog import UnlockDialog
from tests.conftest import ADMIN_PASSWORD, ADMIN_USER, STANDARD_SETUP


def fill_wizard(qtbot: QtBot, wizard: SetupWizard, *, passphrase: str | None = None) -> None:
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
def flow(qtbot: QtBot, installation: InstallationService) -> StartupFlow:
    startup = StartupFlow(installation, passphrase=None)
    yield startup
    startup.shutdown()


def test_first_run_opens_setup_then_sign_in_then_the_desk(qtbot: QtBot, flow: StartupFlow) -> None:
    flow.start()
    wizard = flow.window
    assert isinstance(wizard, SetupWizard)
    fill_wizard(qtbot, wizard)
    assert wizard.currentPage() is wizard.recovery_page
    code = wizard.recovery_page.code.text()
    assert len(code) == 35
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.recovery_page.confirmed.setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()

    login = flow.window
    assert isinstance(login, LoginWindow)
    assert flow.desk is not None and flow.desk.business_name() == "Lotus Inn 莲花客栈"
    qtbot.keyClicks(login.username, ADMIN_USER)
    qtbot.keyClicks(login.password, ADMIN_PASSWORD)
    with qtbot.waitSignal(login.signed_in, timeout=5000) as signed_in:
        qtbot.keyClick(login.password, Qt.Key.Key_Return)
    assert signed_in.args[0].role is Role.ADMIN
    assert isinstance(flow.window, HomeWindow)
    assert "Wang Fang" in flow.window.operator_label.text()


@pytest.mark.req("R16")
def test_locking_ends_the_session_and_asks_for_the_password_again(qtbot: QtBot, flow: StartupFlow) -> None:
    flow.start()
    assert isinstance(flow.window, SetupWizard)
    fill_wizard(qtbot, flow.window)
    flow.window.recovery_page.confirmed.setChecked(True)
    flow.window.accept()
    assert isinstance(flow.window, LoginWindow)
    flow.window.username.setText(ADMIN_USER)
    flow.window.password.setText(ADMIN_PASSWORD)
    flow.window.sign_in_button.click()
    home = flow.window
    assert isinstance(home, HomeWindow)
    session = flow.session
    home.lock_button.click()
    login = flow.window
    assert isinstance(login, LoginWindow)
    assert login.username.text() == ADMIN_USER
    assert login.password.text() == ""
    assert flow.desk is not None and not flow.desk.access.is_active(session)


def test_the_wizard_cannot_be_cancelled_once_the_code_is_shown(qtbot: QtBot, installation: InstallationService) -> None:
    wizard = SetupWizard(installation)
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
    qtbot: QtBot, installation: InstallationService, data_dir: Path
) -> None:
    wizard = SetupWizard(installation)
    qtbot.addWidget(wizard)
    wizard.show()
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


@pytest.mark.req("R22")
def test_private_spaces_are_not_even_offered(qtbot: QtBot, installation: InstallationService) -> None:
    wizard = SetupWizard(installation)
    qtbot.addWidget(wizard)
    offered = {wizard.business_page.location.itemData(i) for i in range(wizard.business_page.location.count())}
    assert offered.isdisjoint({"guest_room", "bathroom", "changing_room", "toilet"})


@pytest.mark.req("R1")
def test_face_purposes_start_unticked(qtbot: QtBot, installation: InstallationService) -> None:
    wizard = SetupWizard(installation)
    qtbot.addWidget(wizard)
    assert not wizard.business_page.guest_purpose.isChecked()
    assert not wizard.business_page.staff_purpose.isChecked()
    assert wizard.business_page.purposes() == frozenset()


@pytest.mark.req("R15")
def test_a_passphrase_installation_asks_for_the_passphrase_and_explains_a_wrong_one(
    qtbot: QtBot, installation: InstallationService
) -> None:
    installation.create(STANDARD_SETUP, passphrase="the desk passphrase")[0].close()
    flow = StartupFlow(installation, passphrase=None)
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
    qtbot: QtBot, installation: InstallationService, secret_store: MemorySecretStore
) -> None:
    desk, code = installation.create_desk(STANDARD_SETUP, passphrase=None)
    desk.close()
    secret_store._secrets.clear()  # the keyring entry is gone (reset keychain, new profile)
    flow = StartupFlow(installation, passphrase=None)
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
def test_the_retention_job_runs_at_start_up_and_every_hour(qtbot: QtBot, installation: InstallationService) -> None:
    installation.create(STANDARD_SETUP, passphrase=None)[0].close()
    flow = StartupFlow(installation, passphrase=None)
    flow.start()
    assert flow.retention_timer.isActive()
    assert flow.retention_timer.interval() == 60 * 60 * 1000
    assert flow.desk is not None
    with flow.desk.database.snapshot() as conn:
        runs = conn.execute("SELECT count(*) FROM audit_events WHERE action = 'retention.purged'").fetchone()[0]
    assert runs == 1  # at start-up
    flow.retention_timer.timeout.emit()  # an hour later
    with flow.desk.database.snapshot() as conn:
        runs = conn.execute("SELECT count(*) FROM audit_events WHERE action = 'retention.purged'").fetchone()[0]
    assert runs == 2
    flow.shutdown()
    assert not flow.retention_timer.isActive()
