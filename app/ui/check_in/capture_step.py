"""Step 4 (guest-facing): the live capture that collects the good frames by itself.

The preview runs at the camera's rate on the GUI thread while recognition runs on its own thread
(see app/workers). One plain hint at a time; a ring shows progress; a lost camera shows a message
and reconnects while the ID document check stays one tap away. The final write happens in the
background, so the window never freezes.
"""

import logging

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.business import Purpose
from app.domain.camera_state import FeedState
from app.domain.errors import FaceDeskError
from app.services.consent_service import Receipt
from app.services.face_service import CaptureProgress, EnrolmentSession
from app.ui.check_in import guest_text as text
from app.ui.desk_context import DeskContext
from app.ui.widgets.preview import PreviewWidget
from app.ui.widgets.progress_ring import ProgressRing
from app.workers.background_task import BackgroundTask, run_in_background
from app.workers.capture_runner import CaptureRunner

logger = logging.getLogger(__name__)


def end_unused_consent(ctx: DeskContext, receipt: Receipt | None) -> None:
    """End a consent that has no face data behind it (the capture stopped or failed).

    Nothing is kept for nothing; used after check-in and staff face-entry captures.
    """
    if receipt is None:
        return
    try:
        ctx.desk.consents.withdraw(ctx.session, receipt.consent_id)
    except FaceDeskError:
        logger.info("The unused consent was already ended.")


class CaptureStep(QWidget):
    """Enrolment capture for one guest.

    Signals:
        captured(): the templates are stored.
        declined(): the guest stopped and chose the ID document check.
        failed(str): capture could not go on (message safe to show).
        camera_state(str, str): the camera's state and a plain explanation (for the status bar).
    """

    captured = Signal()
    declined = Signal()
    failed = Signal(str)
    camera_state = Signal(str, str)

    def __init__(
        self, ctx: DeskContext, parent: QWidget | None = None, *, stop_text: str = text.STOP_AND_USE_ID
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._stop_text = stop_text
        self._session: EnrolmentSession | None = None
        self._runner: CaptureRunner | None = None
        self._task: BackgroundTask | None = None
        self.setObjectName("GuestScreen")
        self.title = QLabel()
        self.title.setObjectName("GuestTitle")
        self.preview = PreviewWidget()
        self.hint = QLabel()
        self.hint.setObjectName("GuestHint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setAccessibleName(QCoreApplication.translate("CaptureStep", "Hint"))
        self.ring = ProgressRing()
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("GuestAction")
        self.stop_button.setAutoDefault(False)
        side = QVBoxLayout()
        side.addStretch()
        side.addWidget(self.ring, alignment=Qt.AlignmentFlag.AlignHCenter)
        side.addStretch()
        body = QHBoxLayout()
        body.addWidget(self.preview, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.stop_button, alignment=Qt.AlignmentFlag.AlignHCenter)
        self.stop_button.clicked.connect(self.stop_and_decline)
        ctx.guest.on_change(self._retranslate)

    def start(self, person_id: int, purpose: Purpose = Purpose.GUEST_VERIFICATION) -> None:
        """Begin capture for someone who has just consented (raises FaceDeskError if not allowed)."""
        session = self._ctx.desk.faces.begin_enrolment(
            self._ctx.session,
            person_id=person_id,
            purpose=purpose,
            source_factory=self._ctx.open_camera,
        )
        self._session = session
        self.ring.set_progress(0, 3)
        self.hint.setText(self._ctx.guest.text(text.CAPTURE_TITLE))
        self.preview.show_face(None, False)
        runner = CaptureRunner(
            session.open_source, session.submit, lambda p: isinstance(p, CaptureProgress) and p.complete, self
        )
        runner.frame_ready.connect(self.preview.show_frame)
        runner.progress.connect(self._on_progress)
        runner.camera_state.connect(self._on_camera_state)
        runner.camera_state.connect(self.camera_state)
        runner.failed.connect(self.failed)
        self._runner = runner
        runner.start()
        self.stop_button.setFocus()

    def stop(self) -> None:
        """Stop the camera and recognition (when leaving the step)."""
        if self._runner is not None:
            self._runner.stop()
            self._runner.deleteLater()
            self._runner = None

    def _on_progress(self, progress: CaptureProgress) -> None:
        self.ring.set_progress(progress.collected, progress.required)
        self.preview.show_face(progress.face, not progress.issues, progress.frame_size)
        if progress.complete:
            self.hint.setText(self._ctx.guest.text(text.CAPTURE_SAVING))
            self.stop()
            session = self._session
            assert session is not None  # noqa: S101 - set in start()
            self._task = run_in_background(session.finish, lambda _: self.captured.emit(), self._on_save_failed)
        else:
            hint = self._ctx.guest.text(progress.hint, "QualityHint") if progress.hint else ""
            self.hint.setText(hint or self._ctx.guest.text(text.CAPTURE_HOLD))

    def _on_save_failed(self, error: object) -> None:
        self.failed.emit(str(error))

    def _on_camera_state(self, state: str, message: str) -> None:
        if state == FeedState.UNAVAILABLE:
            self.preview.show_message(self._ctx.guest.text(text.CAMERA_UNAVAILABLE))
        elif state == FeedState.LOST:
            self.preview.show_message(self._ctx.guest.text(text.CAMERA_LOST))
        elif state == FeedState.LIVE:
            self.preview.show_message("")
        logger.info("Capture camera state: %s.", state)

    def stop_and_decline(self) -> None:
        """Stop, discard anything collected, and switch to the ID document check."""
        self.stop()
        if self._session is not None:
            self._session.cancel()
            self._session = None
        self.declined.emit()

    def _retranslate(self) -> None:
        self.title.setText(self._ctx.guest.text(text.CAPTURE_TITLE))
        self.stop_button.setText(self._ctx.guest.text(self._stop_text))
        self.stop_button.setAccessibleName(self._ctx.guest.text(self._stop_text))
