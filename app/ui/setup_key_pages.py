"""Setup pages that create the installation: key protection, then the recovery code shown once."""

from typing import Protocol, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.domain.errors import FaceDeskError
from app.services.installation_service import InstallationService
from app.ui.labels import error_line, hint, show_error
from app.ui.messages import user_message
from app.ui.recovery_sheet import print_recovery_sheet
from app.ui.setup_pages import password_field

MIN_PASSPHRASE_LENGTH = 10  # mirrors the key store's rule, so the page can say it before trying


class InstallationCreator(Protocol):
    """What these pages need from their wizard."""

    def create_installation(self, passphrase: str | None) -> None:
        """Create the key and database (raises FaceDeskError)."""
        ...

    def recovery_code_text(self) -> str:
        """The code to show."""
        ...

    def business_name(self) -> str:
        """For the printed sheet."""
        ...


class KeyPage(QWizardPage):
    """How the database key is protected; committing this page creates the installation."""

    def __init__(self, installation: InstallationService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._installation = installation
        self.setTitle(self.tr("Protect the database"))
        self.setSubTitle(self.tr("Everything FaceDesk stores is encrypted on this computer."))
        self.use_keyring = QRadioButton(self.tr("Keep the key in this computer's keyring"))
        self.use_passphrase = QRadioButton(self.tr("Protect it with a passphrase typed at start-up"))
        group = QButtonGroup(self)
        group.addButton(self.use_keyring)
        group.addButton(self.use_passphrase)
        self.passphrase = password_field(self.tr("Passphrase"))
        self.passphrase.setPlaceholderText(self.tr("At least %n characters", "", MIN_PASSPHRASE_LENGTH))
        self.repeat = password_field(self.tr("Repeat the passphrase"))
        self.error = error_line()

        layout = QVBoxLayout(self)
        layout.addWidget(self.use_keyring)
        if not installation.keyring_available:
            self.use_keyring.setEnabled(False)
            layout.addWidget(hint(self.tr("No keyring is available on this computer, so a passphrase is needed.")))
        layout.addWidget(self.use_passphrase)
        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Repeat the passphrase"), self.repeat)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch()
        (self.use_keyring if installation.keyring_available else self.use_passphrase).setChecked(True)
        self.use_passphrase.toggled.connect(self._update_fields)
        self._update_fields()
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Set up FaceDesk"))

    def _update_fields(self) -> None:
        self.passphrase.setEnabled(self.use_passphrase.isChecked())
        self.repeat.setEnabled(self.use_passphrase.isChecked())

    def chosen_passphrase(self) -> str | None:
        """The passphrase, or ``None`` for keyring protection."""
        return self.passphrase.text() if self.use_passphrase.isChecked() else None

    def validatePage(self) -> bool:
        """Check the passphrase, then create the installation."""
        passphrase = self.chosen_passphrase()
        if passphrase is not None and len(passphrase) < MIN_PASSPHRASE_LENGTH:
            show_error(self.error, self.tr("The passphrase needs at least %n characters.", "", MIN_PASSPHRASE_LENGTH))
            return False
        if passphrase is not None and passphrase != self.repeat.text():
            show_error(self.error, self.tr("The two passphrases differ."))
            return False
        wizard = cast(InstallationCreator, self.wizard())
        try:
            wizard.create_installation(passphrase)
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return False
        show_error(self.error, "")
        return True


class RecoveryPage(QWizardPage):
    """The recovery code, shown once; finishing needs a confirmation it was written down."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Write down your recovery code"))
        self.setSubTitle(
            self.tr(
                "If the keyring entry or the passphrase is ever lost, this code is the only way to open "
                "the data again. It is shown only now."
            )
        )
        self.code = QLabel()
        self.code.setObjectName("RecoveryCode")
        self.code.setAccessibleName(self.tr("Recovery code"))
        self.code.setFont(QFont("monospace"))
        self.code.setTextInteractionFlags(self.code.textInteractionFlags())
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setAutoDefault(False)
        self.confirmed = QCheckBox(
            self.tr("I have written down the recovery code and will keep it away from this computer.")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.code)
        layout.addWidget(self.print_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(12)
        layout.addWidget(self.confirmed)
        layout.addStretch()
        self.confirmed.toggled.connect(self.completeChanged)
        self.print_button.clicked.connect(self._print)

    def initializePage(self) -> None:
        """Show the code created by the key page."""
        wizard = cast(InstallationCreator, self.wizard())
        self.code.setText(wizard.recovery_code_text())
        # The installation exists now: the only way on is to confirm the code was written down.
        self.wizard().setOption(QWizard.WizardOption.NoCancelButton, True)

    def isComplete(self) -> bool:
        """Finishing needs the confirmation."""
        return self.confirmed.isChecked()

    def _print(self) -> None:
        wizard = cast(InstallationCreator, self.wizard())
        print_recovery_sheet(self, wizard.recovery_code_text(), wizard.business_name())
