"""The unlock dialog at start-up, by keyboard: Enter unlocks, Cancel from the recovery code goes back."""

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services.installation_service import InstallationService
from app.ui.unlock_dialog import UnlockDialog
from tests.conftest import STANDARD_SETUP

PASSPHRASE = "the desk passphrase"


def open_dialog(qtbot: QtBot, installation: InstallationService) -> UnlockDialog:
    installation.create(STANDARD_SETUP, passphrase=PASSPHRASE)[0].close()
    dialog = UnlockDialog(installation)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    return dialog


def test_enter_after_the_passphrase_unlocks(qtbot: QtBot, installation: InstallationService) -> None:
    dialog = open_dialog(qtbot, installation)
    assert dialog.passphrase.hasFocus()
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.error.text() == "Wrong passphrase. Nothing was changed; try again."
    assert dialog.passphrase.isVisible() and not dialog.recovery_code.isVisible()
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.desk is not None
    dialog.desk.close()


def test_cancel_in_recovery_mode_goes_back_to_the_passphrase(qtbot: QtBot, installation: InstallationService) -> None:
    dialog = open_dialog(qtbot, installation)
    dialog.use_recovery.click()
    assert dialog.recovery_code.isVisible() and dialog.recovery_code.hasFocus()
    assert dialog.cancel_button.text() == "Back"
    dialog.cancel_button.click()
    assert dialog.isVisible(), "Cancel in recovery mode does not quit"
    assert dialog.passphrase.isVisible() and dialog.passphrase.hasFocus()
    assert dialog.cancel_button.text() == "Cancel"
    with qtbot.waitSignal(dialog.rejected, timeout=5_000):
        dialog.cancel_button.click()
