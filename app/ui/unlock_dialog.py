"""Opening the encrypted data at start-up: the passphrase, or the recovery code when access is lost."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import FaceDeskError, WrongPassphraseError, WrongRecoveryCodeError
from app.services.desk_services import DeskServices
from app.services.installation_service import InstallationService
from app.ui.labels import dialog_width, error_line, hint, page_title, show_error
from app.ui.messages import user_message


class UnlockDialog(QDialog):
    """Asks for what opens the database; on success ``desk`` holds the services.

    Args:
        installation: the installation to open.
        problem: why the automatic unlock failed (shown at the top), or empty.
        recovery_only: start in recovery mode (the keyring entry is gone).
    """

    def __init__(
        self,
        installation: InstallationService,
        *,
        problem: str = "",
        recovery_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._installation = installation
        self.desk: DeskServices | None = None
        self.setWindowTitle(self.tr("Unlock FaceDesk"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Database passphrase"))
        self.recovery_code = QLineEdit()
        self.recovery_code.setAccessibleName(self.tr("Recovery code"))
        self.recovery_code.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self.new_passphrase = QLineEdit()
        self.new_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_passphrase.setAccessibleName(self.tr("New passphrase"))
        self.use_recovery = QPushButton(self.tr("Use the recovery code instead"))
        self.use_recovery.setFlat(True)
        self.use_recovery.setAutoDefault(False)  # Enter in the passphrase field unlocks, never switches mode
        self.error = error_line()
        buttons = QDialogButtonBox()
        self.cancel_button = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setAutoDefault(False)
        self.unlock_button = buttons.addButton(self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setObjectName("Primary")
        self.unlock_button.setDefault(True)
        self.recovery_hint = hint(
            self.tr("The recovery code was shown once at setup, in six groups of five letters and digits.")
        )

        self._form = QFormLayout()
        self._form.addRow(self.tr("Passphrase"), self.passphrase)
        self._form.addRow(self.tr("Recovery code"), self.recovery_code)
        self._form.addRow(self.tr("New passphrase"), self.new_passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Unlock FaceDesk")))
        if problem:
            layout.addWidget(hint(problem))
        layout.addLayout(self._form)
        layout.addWidget(self.recovery_hint)
        layout.addWidget(self.use_recovery, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        dialog_width(self, 560)
        buttons.accepted.connect(self._unlock)
        buttons.rejected.connect(self._cancel)
        self.use_recovery.clicked.connect(lambda: self._set_recovery_mode(True))
        # with a passphrase to go back to, Cancel in recovery mode goes back to it instead of quitting
        self._can_go_back = not recovery_only and installation.uses_passphrase()
        self._set_recovery_mode(not self._can_go_back)

    def showEvent(self, event: QShowEvent) -> None:
        """The field to type in has the focus when the dialog appears."""
        super().showEvent(event)
        (self.recovery_code if self._recovery else self.passphrase).setFocus()

    def _cancel(self) -> None:
        if self._recovery and self._can_go_back:
            show_error(self.error, "")
            self._set_recovery_mode(False)
            return
        self.reject()

    def _set_recovery_mode(self, on: bool) -> None:
        self._recovery = on
        self._form.setRowVisible(self.passphrase, not on)
        self._form.setRowVisible(self.recovery_code, on)
        # Without a keyring, access after recovery needs a new passphrase.
        self._form.setRowVisible(self.new_passphrase, on and not self._installation.keyring_available)
        self.use_recovery.setVisible(not on)
        self.recovery_hint.setVisible(on)
        self.cancel_button.setText(self.tr("Back") if on and self._can_go_back else self.tr("Cancel"))
        (self.recovery_code if on else self.passphrase).setFocus()

    def _unlock(self) -> None:
        try:
            if self._recovery:
                new_passphrase = self.new_passphrase.text() if self._form.isRowVisible(self.new_passphrase) else None
                self._installation.recover(self.recovery_code.text(), new_passphrase=new_passphrase).close()
                self.desk = self._installation.open_desk(new_passphrase)
            else:
                self.desk = self._installation.open_desk(self.passphrase.text())
        except WrongPassphraseError:
            show_error(self.error, self.tr("Wrong passphrase. Nothing was changed; try again."))
            self.passphrase.selectAll()
            return
        except WrongRecoveryCodeError:
            show_error(self.error, self.tr("This recovery code does not fit. Check it for typing mistakes."))
            return
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        self.accept()
