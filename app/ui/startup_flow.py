"""From launch to a signed-in operator and back.

Setup on first run, unlock, sign-in, the desk, lock (by button or after idle minutes), operator
switch, and language or display changes.
"""

import logging
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from app.config.settings import IDLE_LOCK_MINUTES
from app.domain.errors import FaceDeskError, KeyAccessError, KeyUnavailableError
from app.domain.flows import AbandonReason
from app.domain.operators import OperatorSession
from app.services.desk_services import DeskServices
from app.services.installation_service import InstallationService
from app.ui.desk_context import DeskContext, DeskEnvironment
from app.ui.desk_window import DeskWindow
from app.ui.i18n import Translators
from app.ui.idle_lock import IdleLock
from app.ui.labels import own_icon
from app.ui.login_window import LoginWindow
from app.ui.messages import user_message
from app.ui.setup_wizard import SetupWizard
from app.ui.style import apply_style
from app.ui.unlock_dialog import UnlockDialog

logger = logging.getLogger(__name__)


class DeskOwner(Protocol):
    """Who owns an installation once it is open (the composition root, app/application.py)."""

    def adopt(self, desk: DeskServices) -> None:
        """Take over the open installation: start its scheduled jobs."""


class StartupFlow(QObject):
    """Shows the right window at each step: setup, unlock, sign-in, the desk, lock.

    Signals:
        cannot_start(): the installation could not be opened and the person closed the message
            that says why; the application then ends (exit code 4, a data problem).
    """

    cannot_start = Signal()

    def __init__(
        self,
        installation: InstallationService,
        passphrase: str | None,
        env: DeskEnvironment,
        *,
        owner: DeskOwner,
        language: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        """Prepare the flow.

        Args:
            installation: the data folder's installation.
            passphrase: from the environment, tried before asking.
            env: camera, device preferences and cache folder.
            owner: takes over the installation once it is open (lifetime, scheduled jobs).
            language: ``--lang``: overrides the language setting for this run only.
            parent: Qt parent.
        """
        super().__init__(parent)
        self._installation = installation
        self._passphrase = passphrase
        self._env = env
        self._owner = owner
        self._language_override = language
        app = QCoreApplication.instance()
        assert app is not None  # noqa: S101 - the flow is created after the QApplication
        self._app = app
        self.translators = Translators(app, env.cache_dir)
        self.desk: DeskServices | None = None
        self.session: OperatorSession | None = None
        self.window: QWidget | None = None
        self.idle_lock = IdleLock(5, self)
        self.idle_lock.idle.connect(self._idle)

    @property
    def language(self) -> str:
        """The interface language in use."""
        return self.translators.language

    def start(self) -> None:
        """Apply language and display preferences, then show setup, unlock or sign-in."""
        self.translators.use(self._language_override or str(self._env.device.value("ui/language")))
        self.apply_display()
        if self._installation.needs_setup():
            self._show_setup()
            return
        try:
            self._opened(self._installation.open_desk(self._passphrase))
        except KeyAccessError as exc:
            self._ask_to_unlock(exc)
        except FaceDeskError as exc:
            logger.error("The installation could not be opened: %s", exc)
            # Not a blocking critical(): it would return before the event loop runs, and the app
            # would then sit there with no window at all.
            box = QMessageBox(QMessageBox.Icon.Critical, self.tr("FaceDesk cannot start"), user_message(exc))
            own_icon(box)
            box.setStandardButtons(QMessageBox.StandardButton.Close)
            box.finished.connect(lambda _: self.cannot_start.emit())
            self._show(box)

    def apply_display(self) -> None:
        """Large text and high contrast from the device settings (R23)."""
        if isinstance(self._app, QApplication):
            apply_style(
                self._app,
                large_font=bool(self._env.device.value("ui/large_font")),
                high_contrast=bool(self._env.device.value("ui/high_contrast")),
            )

    def shutdown(self) -> None:
        """End the session and close the windows; called once the event loop has ended.

        The open installation itself (services, database, scheduled jobs) belongs to the composition
        root, which closes it after this.
        """
        self.idle_lock.stop()
        if isinstance(self.window, DeskWindow):
            self.window.shutdown(AbandonReason.APP_QUIT)
        if self.session is not None and self.desk is not None:
            self.desk.operators.sign_out(self.session, reason="application_closed")
        self.session = None
        self._show(None)
        self.desk = None
        self.translators.remove()

    # --- setup, unlock, sign-in ---------------------------------------------------------------

    def _show_setup(self) -> None:
        wizard = SetupWizard(self._installation, self._env)
        wizard.setup_completed.connect(self._opened)
        wizard.language_requested.connect(self._setup_language)
        self._show(wizard)

    def _setup_language(self, language: str) -> None:
        self._env.device.set("ui/language", language)
        self._language_override = None
        self.translators.use(language)
        self._show_setup()

    def _ask_to_unlock(self, problem: KeyAccessError) -> None:
        first_attempt_message = (
            "" if self._passphrase is None and not isinstance(problem, KeyUnavailableError) else user_message(problem)
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
        self._owner.adopt(desk)  # the composition root owns it from here: lifetime and scheduled jobs
        self._show_login()

    def _show_login(self, username: str = "") -> None:
        assert self.desk is not None  # noqa: S101 - only called once the installation is open
        login = LoginWindow(self.desk.operators, self.desk.business_name(), self.language)
        login.signed_in.connect(self._signed_in)
        login.language_requested.connect(lambda language: self._login_language(language, login.username.text()))
        login.reset(username)
        self._show(login)

    def _login_language(self, language: str, username: str) -> None:
        """The sign-in screen again, in the chosen language (kept for this computer)."""
        self._env.device.set("ui/language", language)
        self._language_override = None
        self.translators.use(language)
        logger.info("Interface language switched to %s at sign-in.", self.translators.language)
        self._show_login(username)

    # --- the signed-in desk ---------------------------------------------------------------------

    def _signed_in(self, session: OperatorSession) -> None:
        assert self.desk is not None  # noqa: S101
        self.session = session
        minutes = self.desk.settings.policy(IDLE_LOCK_MINUTES)
        self.idle_lock.timer.setInterval(minutes * 60 * 1000)
        self.idle_lock.start(self._app)
        self._show_desk("check_in")

    def _show_desk(self, page: str) -> None:
        assert self.desk is not None and self.session is not None  # noqa: S101
        ctx = DeskContext.for_session(self._env, self.desk, self.session, self.language)
        window = DeskWindow(ctx, self._env.camera_name())
        window.lock_requested.connect(lambda: self._end_session("lock", keep_username=True))
        window.switch_operator_requested.connect(lambda: self._end_session("switch_operator", keep_username=False))
        window.language_requested.connect(self._desk_language)
        window.display_changed.connect(self.apply_display)
        window.kiosk_active.connect(self._kiosk_active)
        if page != "check_in":
            window.show_page(page)
        self._show(window)

    def _desk_language(self, language: str) -> None:
        """Rebuild the desk in the new language, on the same page, for the same operator."""
        page = self.window.current_page if isinstance(self.window, DeskWindow) else "check_in"
        if isinstance(self.window, DeskWindow):
            self.window.stop_card_reader()  # the new window opens the reader's port itself
            self.window.stop_door()  # and the relay's
        self._language_override = None
        self.translators.use(language)
        logger.info("Interface language switched to %s.", self.translators.language)
        self._show_desk(page)

    def _kiosk_active(self, active: bool) -> None:
        """A running kiosk only clocks staff in and out, so the desk behind it does not idle-lock."""
        if active:
            self.idle_lock.stop()
        else:
            self.idle_lock.start(self._app)

    def _idle(self) -> None:
        logger.info("No input for the idle-lock time; locking the desk.")
        self._end_session("idle_lock", keep_username=True)

    def _end_session(self, reason: str, *, keep_username: bool) -> None:
        self.idle_lock.stop()
        if isinstance(self.window, DeskWindow):
            self.window.shutdown(AbandonReason(reason))  # flows under way learn why they end
        username = self.session.username if self.session is not None and keep_username else ""
        if self.session is not None and self.desk is not None:
            self.desk.operators.sign_out(self.session, reason=reason)
        self.session = None
        self._show_login(username)

    def _show(self, window: QWidget | None) -> None:
        """Show ``window`` before closing the previous one, so the app never has zero windows mid-flow."""
        previous, self.window = self.window, window
        if window is not None:
            logger.info("Showing the %s.", type(window).__name__)
            if isinstance(window, LoginWindow | DeskWindow):
                # the main window keeps one size from sign-in to desk to lock: maximised at first,
                # then wherever the receptionist put it
                if isinstance(previous, LoginWindow | DeskWindow) and not previous.isMaximized():
                    window.setGeometry(previous.geometry())
                    window.show()
                else:
                    # without a window manager (a kiosk PC, a bare X server) "maximised" means
                    # nothing, so the window is first given the whole screen itself
                    window.setGeometry(window.screen().availableGeometry())
                    window.showMaximized()
            else:
                window.show()
        if previous is not None and previous is not window:
            previous.close()
            previous.deleteLater()
