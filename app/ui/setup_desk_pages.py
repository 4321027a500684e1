"""Setup pages after the installation exists: the camera with a live test, and the impact assessment.

Both can be left for later (Settings and Compliance have the same controls). The camera test
only shows the picture: no face is looked for and nothing is kept.
"""

from typing import Protocol, cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget, QWizardPage

from app.domain.camera_state import FeedState
from app.domain.errors import FaceDeskError
from app.services.camera_service import available_cameras
from app.services.desk_services import DeskServices
from app.ui.compliance_page import PiaForm
from app.ui.desk_context import DeskEnvironment
from app.ui.labels import error_line, hint, show_error
from app.ui.messages import user_message
from app.ui.widgets.preview import PreviewWidget
from app.workers.camera_worker import CameraThread


class AdminCredentials(Protocol):
    """What the assessment page needs from its wizard."""

    def created_desk(self) -> DeskServices | None:
        """The new installation's services."""
        ...

    def admin_credentials(self) -> tuple[str, str]:
        """The first Admin's user name and password, to record the assessment in their name."""
        ...


class CameraPage(QWizardPage):
    """Pick the camera and see its picture."""

    def __init__(self, env: DeskEnvironment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._thread: CameraThread | None = None
        self.setTitle(self.tr("Camera"))
        self.setSubTitle(self.tr("Choose the camera at the desk and check that the picture is clear."))
        self.camera = QComboBox()
        self.camera.setAccessibleName(self.tr("Camera"))
        self.test_button = QPushButton(self.tr("Test camera"))
        self.test_button.setAutoDefault(False)
        self.preview = PreviewWidget()
        self.preview.setMinimumSize(400, 225)
        self.note = hint("")
        row = QHBoxLayout()
        row.addWidget(self.camera, 1)
        row.addWidget(self.test_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.note)
        self.camera.activated.connect(lambda _: self._choose())
        self.test_button.clicked.connect(self.start_test)

    def initializePage(self) -> None:
        """List the cameras (or the --camera file) and show the current choice."""
        self.camera.clear()
        if self._env.camera_override is not None:
            self.camera.addItem(self._env.camera_name(), self._env.camera_override)
            self.camera.setEnabled(False)
            self.note.setText(self.tr("This session uses the camera given on the command line."))
            return
        for index, name in available_cameras():
            self.camera.addItem(f"{index}: {name}", str(index))
        if self.camera.count() == 0:
            self.camera.addItem(self.tr("No camera found"), str(self._env.device.value("camera/device")))
            self.note.setText(
                self.tr(
                    "Connect a USB camera and test again, or choose it later under Settings. "
                    "The ID document check works without a camera."
                )
            )
        else:
            self.note.setText(self.tr("You can change the camera later under Settings."))
        current = self.camera.findData(str(self._env.device.value("camera/device")))
        self.camera.setCurrentIndex(max(0, current))
        self._choose()

    def start_test(self) -> None:
        """Show the chosen camera's picture until the page is left."""
        self.stop_test()
        self.preview.show_message(self.tr("Starting the camera…"))
        thread = CameraThread(self._env.open_camera)
        thread.frame_ready.connect(self.preview.show_frame)
        thread.state_changed.connect(self._state)
        self._thread = thread
        thread.start()

    def stop_test(self) -> None:
        """Release the camera."""
        if self._thread is not None:
            self._thread.stop()
            self._thread.deleteLater()
            self._thread = None

    def validatePage(self) -> bool:
        """Leaving forward releases the camera."""
        self.stop_test()
        return True

    def cleanupPage(self) -> None:
        """Leaving backward releases the camera."""
        self.stop_test()

    def _choose(self) -> None:
        if self._env.camera_override is None and self.camera.count():
            self._env.device.set("camera/device", str(self.camera.currentData()))

    def _state(self, state: str, message: str) -> None:
        if state == FeedState.LIVE:
            self.preview.show_message("")
            self.note.setText(self.tr("The camera works. Check the face area is bright and sharp."))
        elif state in (FeedState.UNAVAILABLE, FeedState.LOST):
            self.stop_test()
            self.preview.show_message(self.tr("The camera is not available."))
            self.note.setText(message)


class AssessmentPage(QWizardPage):
    """The personal information impact assessment (R2); face enrolment waits for it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Impact assessment"))
        self.setSubTitle(self.tr("Face enrolment starts only after this assessment. It is kept for three years."))
        self.form = PiaForm()
        self.error = error_line()
        self.recorded = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(
            hint(
                self.tr(
                    "Leave it empty to do it later under Compliance; until then every guest uses the ID document check."
                )
            ),
            alignment=Qt.AlignmentFlag.AlignBottom,
        )

    def is_empty(self) -> bool:
        """Nothing typed: the assessment is left for later."""
        fields = [self.form.assessor.text(), *(item.toPlainText() for item in self.form.items.values())]
        return not any(text.strip() for text in fields)

    def validatePage(self) -> bool:
        """Record the assessment in the first Admin's name, or skip it when empty."""
        if self.is_empty() or self.recorded:
            return True
        problem = self.form.problem()
        if problem:
            show_error(self.error, problem)
            return False
        wizard = cast(AdminCredentials, self.wizard())
        desk = wizard.created_desk()
        if desk is None:
            return True
        username, password = wizard.admin_credentials()
        try:
            session = desk.operators.sign_in(username, password)
            try:
                desk.pia.record(session, self.form.answers(desk.today()))
            finally:
                desk.operators.sign_out(session, reason="setup")
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return False
        self.recorded = True
        show_error(self.error, "")
        return True
