"""From launch to a signed-in operator: setup on first run, unlock, sign-in, lock and sign-out."""

import logging

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from app.domain.errors import FaceDeskError, KeyAccessError, KeyUnavailableError
from app.domain.operators import OperatorSession
from app.services.desk_services import DeskServices
from app.services.installation_service import InstallationService
from app.ui.home_window import HomeWindow
from app.ui.login_window import LoginWindow
from app.ui.setup_wizard import SetupWizard
from app.ui.unlock_dialog import UnlockDialog

logger = logging.getLogger(__name__)

RETENTION_INTERVAL_MS = 60 * 60 * 1000  # the retention job runs at start-up and then hourly (R13)


class StartupFlow(QObject):
    """Shows the right window at each step and owns the open installation's services."""

    def __init__(
        self, installation: InstallationService, passphrase: str | None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._installation = installation
        self._passphrase = passphrase
        self.desk: DeskServices | None = None
        self.session: OperatorSession | None = None
        self.window: QWidget | None = None
        self.retention_timer = QTimer(self)
        self.retention_timer.setInterval(RETENTION_INTERVAL_MS)
        self.retention_timer.timeout.connect(self.run_retention)

    def start(self) -> None:
        """Show the first window: setup, unlock or sign-in."""
        if not self._installation.is_initialized():
            wizard = SetupWizard(self._installation)
            wizard.setup_completed.connect(self._opened)
            self._show(wizard)
            return
        try:
            self._opened(self._installation.open_desk(self._passphrase))
        except KeyAccessError as exc:
            self._ask_to_unlock(exc)
        except FaceDeskError as exc:
            logger.error("The installation could not be opened: %s", exc)
            QMessageBox.critical(None, self.tr("FaceDesk cannot start"), str(exc))
            self._show(None)

    def run_retention(self) -> None:
        """Apply the retention rules now (start-up and hourly); failures are logged, never fatal."""
        if self.desk is None:
            return
        try:
            report = self.desk.retention.purge()
        except FaceDeskError as exc:
            logger.error("The retention job could not run: %s", exc)
            return
        if report.items:
            logger.info("Retention job: face data of %d consents deleted.", len(report.items))

    def shutdown(self) -> None:
        """End the session and close the database; called once the event loop has ended."""
        self.retention_timer.stop()
        if self.session is not None and self.desk is not None:
            self.desk.operators.sign_out(self.session, reason="application_closed")
        self.session = None
        self._show(None)
        if self.desk is not None:
            self.desk.close()
            self.desk = None

    def _ask_to_unlock(self, problem: KeyAccessError) -> None:
        first_attempt_message = (
            "" if self._passphrase is None and not isinstance(problem, KeyUnavailableError) else str(problem)
        )
        dialog = UnlockDialog(
            self._installation,
            problem=first_attempt_message,
            recovery_only=isinstance(problem, KeyUnavailableError),
        )
        dialog.finished.connect(lambda result: self._unlock_finished(dialog, result))
        self._show(dialog)

    def _unlock_finished(self, dialog: UnlockDialog, result: int) -> None:
        if result == QDialog.DialogCode.Accepted and dialog.desk is not None:
            self._opened(dialog.desk)
        else:
            self._show(None)

    def _opened(self, desk: DeskServices) -> None:
        self.desk = desk
        self.run_retention()
        self.retention_timer.start()
        self._show_login()

    def _show_login(self, username: str = "") -> None:
        assert self.desk is not None  # noqa: S101 - only called once the installation is open
        login = LoginWindow(self.desk.operators, self.desk.business_name())
        login.signed_in.connect(self._signed_in)
        login.reset(username)
        self._show(login)

    def _signed_in(self, session: OperatorSession) -> None:
        assert self.desk is not None  # noqa: S101
        self.session = session
        home = HomeWindow(session, self.desk.business_name())
        home.lock_requested.connect(lambda: self._end_session("lock", session.username))
        home.sign_out_requested.connect(lambda: self._end_session("sign_out", ""))
        self._show(home)

    def _end_session(self, reason: str, keep_username: str) -> None:
        if self.session is not None and self.desk is not None:
            self.desk.operators.sign_out(self.session, reason=reason)
        self.session = None
        self._show_login(keep_username)

    def _show(self, window: QWidget | None) -> None:
        """Show ``window`` before closing the previous one, so the app never has zero windows mid-flow."""
        previous, self.window = self.window, window
        if window is not None:
            window.show()
        if previous is not None and previous is not window:
            previous.close()
            previous.deleteLater()
