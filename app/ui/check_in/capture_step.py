"""Step 4 (guest-facing): the live capture that collects the good frames by itself.

The preview runs at the camera's rate on the GUI thread while recognition runs on its own thread
(see app/workers). One plain hint at a time; a ring shows progress; a lost camera shows a message
and reconnects while the ID document check stays one tap away. The step only shows the capture of
a session its flow started; when enough good frames are in, the flow stores them (in the
background, so the window never freezes).
"""

import logging

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.camera_state import FeedState
from app.services.enrolment_session import CaptureProgress, EnrolmentSession
from app.ui.check_in import guest_text as text
from app.ui.guest_language import GuestLanguage
from app.ui.widgets.preview import PreviewWidget
from app.ui.widgets.progress_ring import ProgressRing
from app.workers.capture_runner import CaptureRunner

logger = logging.getLogger(__name__)


class CaptureStep(QWidget):
    """Enrolment capture for one person.

    Signals:
        complete(): enough good frames are collected; the flow stores them now.
        declined(): the person stopped (and chose the ID document check or the PIN).
        failed(str): capture could not go on (message safe to show).
        camera_gone(str): the camera stopped delivering for good (message safe to show).
        camera_state(str, str): the camera's state and a plain explanation (for the status bar).
    """

    complete = Signal()
    declined = Signal()
    failed = Signal(str)
    camera_gone = Signal(str)
    camera_state = Signal(str, str)

    def __init__(
        self, guest: GuestLanguage, parent: QWidget | None = None, *, stop_text: str = text.STOP_AND_USE_ID
    ) -> None:
        super().__init__(parent)
        self._guest = guest
        self._stop_text = stop_text
        self._runner: CaptureRunner | None = None
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
        guest.on_change(self._retranslate)

    def start(self, session: EnrolmentSession) -> None:
        """Show the capture of ``session`` (its flow started it after the consent was checked)."""
        self.stop()
        self.ring.set_progress(0, 3)
        self.hint.setText(self._guest.text(text.CAPTURE_TITLE))
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

    @property
    def running(self) -> bool:
        """Whether the camera of this step is open."""
        return self._runner is not None and self._runner.running

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
            self.hint.setText(self._guest.text(text.CAPTURE_SAVING))
            self.stop()
            self.complete.emit()
        else:
            hint = self._guest.text(progress.hint, "QualityHint") if progress.hint else ""
            self.hint.setText(hint or self._guest.text(text.CAPTURE_HOLD))

    def _on_camera_state(self, state: str, message: str) -> None:
        if state == FeedState.UNAVAILABLE:
            self.preview.show_message(self._guest.text(text.CAMERA_UNAVAILABLE))
        elif state == FeedState.LOST:
            self.preview.show_message(self._guest.text(text.CAMERA_LOST))
        elif state == FeedState.LIVE:
            self.preview.show_message("")
        elif state == FeedState.ENDED and self._runner is not None:
            # The source delivers nothing more (unplugged for good, the end of a video): say so
            # instead of waiting on a frozen picture; the flow ends the capture as "camera lost".
            self.stop()
            self.camera_gone.emit(QCoreApplication.translate("CaptureStep", "the camera stopped sending pictures"))
        logger.info("Capture camera state: %s.", state)

    def stop_and_decline(self) -> None:
        """Stop the camera; the flow discards anything collected."""
        self.stop()
        self.declined.emit()

    def _retranslate(self) -> None:
        self.title.setText(self._guest.text(text.CAPTURE_TITLE))
        self.stop_button.setText(self._guest.text(self._stop_text))
        self.stop_button.setAccessibleName(self._guest.text(self._stop_text))
