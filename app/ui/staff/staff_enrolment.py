"""Face entry for one staff member: the staff notice, separate consent, then the capture (R3, R4, R8).

The same guest-facing steps as a guest check-in, with the staff-entry notice. Declining is one
tap and costs nothing: the PIN works the same, and the decline is not recorded against anyone.
The dialog renders a ``StaffFaceEntryFlow`` (app/services/flows); closing it, or the desk locking,
abandons the flow, which keeps no consent without the face data it covers.
"""

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from app.domain.consent import Affirmation
from app.domain.errors import FaceDeskError
from app.domain.flows import AbandonReason
from app.services.flows.staff_face_entry import StaffFaceEntryFlow, StaffFaceEntryState
from app.services.notice_service import RenderedNotice
from app.ui.check_in import guest_text as text
from app.ui.check_in.capture_step import CaptureStep
from app.ui.check_in.consent_step import NoticeConsentStep
from app.ui.guest_language import GuestLanguage
from app.ui.labels import hint, page_title
from app.ui.messages import user_message
from app.workers.background_task import BackgroundTask
from app.workers.flow_step import run_flow_step

logger = logging.getLogger(__name__)


class StaffEnrolmentDialog(QDialog):
    """Notice and consent, capture, and the outcome, for one staff member."""

    def __init__(
        self, flow: StaffFaceEntryFlow, guest: GuestLanguage, name: str, parent: QWidget | None = None
    ) -> None:
        """Build the dialog.

        Args:
            flow: the face-entry flow for this staff member.
            guest: the language of the person-facing screens.
            name: the staff member's name (for titles).
            parent: Qt parent.
        """
        super().__init__(parent)
        self.flow = flow
        self._guest = guest
        self._name = name
        self._task: BackgroundTask | None = None
        self.setWindowTitle(self.tr("Face entry for %1").replace("%1", name))
        self.consent = NoticeConsentStep(guest, decline_text=text.STAFF_DECLINE)
        self.capture = CaptureStep(guest, stop_text=text.STAFF_STOP)
        self.done_title = page_title("")
        self.done_detail = hint("")
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("Primary")
        done = QWidget()
        done_layout = QVBoxLayout(done)
        done_layout.addStretch()
        done_layout.addWidget(self.done_title)
        done_layout.addWidget(self.done_detail)
        done_layout.addWidget(self.close_button, alignment=Qt.AlignmentFlag.AlignLeft)
        done_layout.addStretch()
        self._done = done
        self.stack = QStackedWidget()
        for widget in (self.consent, self.capture, done):
            self.stack.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.consent.language_requested.connect(self._switch_language)
        self.consent.agreed.connect(self._consented)
        self.consent.declined.connect(self._declined)
        self.capture.complete.connect(self._capture_complete)
        self.capture.declined.connect(self._stopped)
        self.capture.failed.connect(self._failed)
        self.capture.camera_gone.connect(self._camera_gone)
        self.close_button.clicked.connect(self.accept)
        self.finished.connect(lambda _: self.abandon(AbandonReason.CLOSED))
        self.consent.show_notice(flow.notice(guest.language))
        self.consent.reset()
        self.resize(1100, 800)

    @property
    def enrolled(self) -> bool:
        """Whether the dialog shows face entry set up (the flow stored it and the result is on screen).

        The flow reaches ENROLLED on the worker thread that stores the templates, a moment before
        the dialog shows it; this answers for what the person sees.
        """
        return self.flow.state is StaffFaceEntryState.ENROLLED and self.stack.currentWidget() is self._done

    def abandon(self, reason: AbandonReason) -> None:
        """Stop the camera and leave the flow (closed, locked, quit); safe to call again."""
        self.capture.stop()
        self.flow.abandon(reason)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window by any means abandons the flow (nothing half-done stays)."""
        self.abandon(AbandonReason.CLOSED)
        super().closeEvent(event)

    def _switch_language(self, language: str) -> None:
        self._guest.switch(language)
        self.consent.show_notice(self.flow.notice(language))

    def _consented(self, notice: RenderedNotice, affirmation: Affirmation) -> None:
        try:
            session = self.flow.consent(notice, affirmation)
        except FaceDeskError as exc:
            self.consent.show_problem(user_message(exc))
            return
        if session is None:  # a renewal: the consent is renewed, the templates kept
            self._finish(
                self.tr("Face entry is on again for %1.").replace("%1", self._name),
                self.tr("They agreed to the changed notice; their face data was kept. The PIN keeps working too."),
            )
            return
        self.stack.setCurrentWidget(self.capture)
        self.capture.start(session)

    def _capture_complete(self) -> None:
        self._task = run_flow_step(self.flow.complete, lambda _: self._stored(), self._store_failed)

    def _stored(self) -> None:
        self._task = None
        if self.flow.state is StaffFaceEntryState.ENROLLED:
            self._finish(
                self.tr("Face entry is on for %1.").replace("%1", self._name),
                self.tr(
                    "The PIN keeps working too. Face entry can be switched off at any time by withdrawing consent."
                ),
            )

    def _store_failed(self, error: FaceDeskError) -> None:
        self._task = None
        if self.flow.state is StaffFaceEntryState.CAPTURE:
            self._failed(user_message(error))

    def _declined(self) -> None:
        renewal = self.flow.renewal
        self.flow.decline()
        if renewal:
            self._finish(
                self.tr("Face entry is off for %1; their face data was deleted.").replace("%1", self._name),
                self.tr("%1 clocks in and out with the PIN, exactly as with face entry.").replace("%1", self._name),
            )
            return
        self._finish(
            self.tr("Nothing was recorded."),
            self.tr("%1 clocks in and out with the PIN, exactly as with face entry.").replace("%1", self._name),
        )

    def _stopped(self) -> None:
        self.flow.stop(AbandonReason.STOPPED)
        self._finish(
            self.tr("No face data was kept."),
            self.tr("%1 clocks in and out with the PIN, exactly as with face entry.").replace("%1", self._name),
        )

    def _camera_gone(self, message: str) -> None:
        if self.flow.state is StaffFaceEntryState.CAPTURE:
            self.flow.stop(AbandonReason.CAMERA_LOST, message)
            self._finish(
                self.tr("Face entry could not be set up."),
                self.tr("%1. The PIN works as before.").replace("%1", message.capitalize()),
            )

    def _failed(self, message: str) -> None:
        logger.warning("Staff face capture ended without templates.")
        self.capture.stop()
        self.flow.stop(AbandonReason.CAPTURE_FAILED, message)
        self._finish(
            self.tr("Face entry could not be set up."),
            self.tr("%1. The PIN works as before.").replace("%1", message),
        )

    def _finish(self, title: str, detail: str) -> None:
        self.done_title.setText(title)
        self.done_detail.setText(detail)
        self.stack.setCurrentWidget(self._done)
        self.close_button.setFocus()
