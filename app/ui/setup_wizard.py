"""First-run setup: business profile, first Admin, key protection, and the recovery code shown once."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.domain.business import PERMITTED_LOCATIONS, LocationType, Purpose
from app.domain.errors import FaceDeskError
from app.domain.operators import MIN_PASSWORD_LENGTH
from app.services.desk_services import DeskServices
from app.services.installation_service import InstallationService
from app.services.setup_service import SetupRequest
from app.ui.labels import error_line, hint, show_error
from app.ui.recovery_sheet import print_recovery_sheet

MIN_PASSPHRASE_LENGTH = 10  # mirrors the key store's rule, so the page can say it before trying


def _password_field(accessible_name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(accessible_name)
    return field


class BusinessPage(QWizardPage):
    """Who the processor is, where the camera is, and what face recognition is for."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your business"))
        self.setSubTitle(self.tr("Guests see this name and contact on every notice and sign."))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Business name"))
        self.contact = QLineEdit()
        self.contact.setAccessibleName(self.tr("Contact for privacy questions"))
        self.contact.setPlaceholderText(self.tr("Phone, e-mail or address"))
        self.location = QComboBox()
        self.location.setAccessibleName(self.tr("Where the camera is"))
        labels = {
            LocationType.HOTEL_FRONT_DESK: self.tr("Hotel front desk"),
            LocationType.SHOP_COUNTER: self.tr("Shop counter"),
            LocationType.STAFF_ENTRANCE: self.tr("Staff entrance"),
            LocationType.OFFICE_RECEPTION: self.tr("Office reception"),
        }
        for place in PERMITTED_LOCATIONS:
            self.location.addItem(labels[place], place.value)
        self.guest_purpose = QCheckBox(self.tr("Verify returning guests (key pickup, breakfast, luggage)"))
        self.staff_purpose = QCheckBox(self.tr("Staff entry and attendance"))

        form = QFormLayout()
        form.addRow(self.tr("Business name"), self.name)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("Where the camera is"), self.location)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            hint(self.tr("Face recognition is never allowed in guest rooms, bathrooms, changing rooms or toilets."))
        )
        layout.addSpacing(12)
        layout.addWidget(QLabel(self.tr("Use face recognition for:")))
        layout.addWidget(self.guest_purpose)
        layout.addWidget(self.staff_purpose)
        layout.addWidget(
            hint(
                self.tr(
                    "Leave both unticked to start with face recognition switched off. "
                    "The manual ID check is always available."
                )
            )
        )
        layout.addStretch()
        self.name.textChanged.connect(self.completeChanged)
        self.contact.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        """Name and contact are required."""
        return bool(self.name.text().strip() and self.contact.text().strip())

    def purposes(self) -> frozenset[Purpose]:
        """The purposes ticked."""
        chosen = set()
        if self.guest_purpose.isChecked():
            chosen.add(Purpose.GUEST_VERIFICATION)
        if self.staff_purpose.isChecked():
            chosen.add(Purpose.STAFF_ENTRY)
        return frozenset(chosen)


class AdminPage(QWizardPage):
    """The first Admin account."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Administrator account"))
        self.setSubTitle(self.tr("The administrator sets FaceDesk up and adds the other staff accounts."))
        self.display_name = QLineEdit()
        self.display_name.setAccessibleName(self.tr("Your name"))
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("User name"))
        self.password = _password_field(self.tr("Password"))
        self.repeat = _password_field(self.tr("Repeat the password"))
        self.error = error_line()
        form = QFormLayout(self)
        form.addRow(self.tr("Your name"), self.display_name)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat the password"), self.repeat)
        form.addRow(self.error)

    def validatePage(self) -> bool:
        """Check the account fields and say what to fix."""
        username = self.username.text().strip()
        problem = ""
        if not username:
            problem = self.tr("Enter a user name.")
        elif any(ch.isspace() for ch in username):
            problem = self.tr("A user name cannot contain spaces.")
        elif len(self.password.text()) < MIN_PASSWORD_LENGTH:
            problem = self.tr("The password needs at least %n characters.", "", MIN_PASSWORD_LENGTH)
        elif self.password.text() != self.repeat.text():
            problem = self.tr("The two passwords differ.")
        show_error(self.error, problem)
        return not problem


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
        self.passphrase = _password_field(self.tr("Passphrase"))
        self.repeat = _password_field(self.tr("Repeat the passphrase"))
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
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)  # noqa: S101 - this page only lives in SetupWizard
        try:
            wizard.create_installation(passphrase)
        except FaceDeskError as exc:
            show_error(self.error, str(exc))
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
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)  # noqa: S101
        self.code.setText(wizard.recovery_code_text())
        # The installation exists now: the only way on is to confirm the code was written down.
        wizard.setOption(QWizard.WizardOption.NoCancelButton, True)

    def isComplete(self) -> bool:
        """Finishing needs the confirmation."""
        return self.confirmed.isChecked()

    def _print(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)  # noqa: S101
        print_recovery_sheet(self, wizard.recovery_code_text(), wizard.business_page.name.text().strip())


class SetupWizard(QWizard):
    """The first-run setup. Emits ``setup_completed`` with the new installation's services.

    Signals:
        setup_completed(DeskServices): setup finished and the recovery code was confirmed.
    """

    setup_completed = Signal(object)

    def __init__(self, installation: InstallationService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._installation = installation
        self._desk: DeskServices | None = None
        self._code_text = ""
        self.setWindowTitle(self.tr("Set up FaceDesk"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.business_page = BusinessPage()
        self.admin_page = AdminPage()
        self.key_page = KeyPage(installation)
        self.recovery_page = RecoveryPage()
        for page in (self.business_page, self.admin_page, self.key_page, self.recovery_page):
            self.addPage(page)
        self.setMinimumSize(720, 560)

    def create_installation(self, passphrase: str | None) -> None:
        """Create the key and database from the pages' answers (raises ``FaceDeskError``)."""
        business, admin = self.business_page, self.admin_page
        request = SetupRequest(
            business_name=business.name.text(),
            contact=business.contact.text(),
            location_type=LocationType(business.location.currentData()),
            admin_username=admin.username.text(),
            admin_password=admin.password.text(),
            admin_display_name=admin.display_name.text(),
            purposes=business.purposes(),
        )
        self._desk, code = self._installation.create_desk(request, passphrase=passphrase)
        self._code_text = code.formatted()

    def recovery_code_text(self) -> str:
        """The recovery code for display (empty before the installation exists)."""
        return self._code_text

    def accept(self) -> None:
        """Finish: forget the displayed code and hand over the services."""
        desk = self._desk
        self._code_text = ""
        self.recovery_page.code.clear()
        super().accept()
        if desk is not None:
            self.setup_completed.emit(desk)

    def reject(self) -> None:
        """Cancel only before anything was created; afterwards the code must be confirmed."""
        if self._desk is not None and not self.recovery_page.confirmed.isChecked():
            return
        if self._desk is not None:
            self.accept()
            return
        super().reject()
