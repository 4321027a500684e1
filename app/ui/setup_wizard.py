"""First-run setup, page by page.

Language, business profile, first Admin, key protection, the recovery code shown once, the camera
with a live test, and the impact assessment. The last two can be left for later.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard, QWizardPage

from app.domain.business import LocationType
from app.services.desk_services import DeskServices
from app.services.installation_service import InstallationService
from app.services.setup_service import SetupRequest
from app.ui.desk_context import DeskEnvironment
from app.ui.labels import share_label_column
from app.ui.setup_desk_pages import AssessmentPage, CameraPage
from app.ui.setup_key_pages import KeyPage, RecoveryPage
from app.ui.setup_pages import AdminPage, BusinessPage, LanguagePage


class SetupWizard(QWizard):
    """The first-run setup. Emits ``setup_completed`` with the new installation's services.

    Signals:
        setup_completed(DeskServices): setup finished and the recovery code was confirmed.
        language_requested(str): the language was changed on the first page; the wizard is
            rebuilt in that language (nothing has been typed yet, so nothing is lost).
    """

    setup_completed = Signal(object)
    language_requested = Signal(str)

    def __init__(self, installation: InstallationService, env: DeskEnvironment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._installation = installation
        self._desk: DeskServices | None = None
        self._code_text = ""
        self.setWindowTitle(self.tr("Set up FaceDesk"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.language_page = LanguagePage(str(env.device.value("ui/language")))
        self.business_page = BusinessPage()
        self.admin_page = AdminPage()
        self.key_page = KeyPage(installation)
        self.recovery_page = RecoveryPage()
        self.camera_page = CameraPage(env)
        self.assessment_page = AssessmentPage()
        for page in (
            self.language_page,
            self.business_page,
            self.admin_page,
            self.key_page,
            self.recovery_page,
            self.camera_page,
            self.assessment_page,
        ):
            self.addPage(page)
        share_label_column(self.pages())
        self.language_page.language_chosen.connect(self.language_requested)
        self.setMinimumSize(820, 640)

    def pages(self) -> list[QWizardPage]:
        """The pages in order."""
        return [self.page(page_id) for page_id in self.pageIds()]

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

    def business_name(self) -> str:
        """The business name as typed."""
        return self.business_page.name.text().strip()

    def created_desk(self) -> DeskServices | None:
        """The new installation's services, once created."""
        return self._desk

    def admin_credentials(self) -> tuple[str, str]:
        """The first Admin's user name and password as typed."""
        return self.admin_page.username.text(), self.admin_page.password.text()

    def accept(self) -> None:
        """Finish (once the last page accepts): release the camera, forget secrets, hand over the services."""
        super().accept()  # QWizard validates the current page first and stays open if it refuses
        if self.result() != QWizard.DialogCode.Accepted:
            return
        self.camera_page.stop_test()
        desk = self._desk
        self._code_text = ""
        self.recovery_page.code.clear()
        for field in (self.admin_page.password, self.admin_page.repeat):
            field.clear()
        if desk is not None:
            self.setup_completed.emit(desk)

    def reject(self) -> None:
        """Cancel only before anything was created; afterwards the code must be confirmed."""
        if self._desk is not None and not self.recovery_page.confirmed.isChecked():
            return
        if self._desk is not None:
            self.accept()
            return
        self.camera_page.stop_test()
        super().reject()
