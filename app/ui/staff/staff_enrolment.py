"""Face entry for one staff member: the staff notice, separate consent, then the capture (R3, R4, R8).

The same guest-facing steps as a guest check-in, with the staff-entry notice. Declining is one
tap and costs nothing: the PIN works the same, and the decline is not recorded against anyone.
"""

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from app.domain.business import Purpose
from app.domain.consent import Affirmation
from app.domain.errors import FaceDeskError
from app.services.consent_service import Receipt
from app.services.notice_service import RenderedNotice
from app.ui.check_in import guest_text as text
from app.ui.check_in.capture_step import CaptureStep, end_unused_consent
from app.ui.check_in.consent_step import NoticeConsentStep
from app.ui.desk_context import DeskContext
from app.ui.labels import hint, page_title
from app.ui.messages import user_message

logger = logging.getLogger(__name__)


class StaffEnrolmentDialog(QDialog):
    """Notice and consent, capture, and the outcome, for one staff member."""

    def __init__(self, ctx: DeskContext, person_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._person_id = person_id
        self._name = name
        self._receipt: Receipt | None = None
        self.enrolled = False
        self.setWindowTitle(self.tr("Face entry for %1").replace("%1", name))
        self.consent = NoticeConsentStep(ctx.guest, decline_text=text.STAFF_DECLINE)
        self.capture = CaptureStep(ctx, stop_text=text.STAFF_STOP)
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
        self.capture.captured.connect(self._captured)
        self.capture.declined.connect(self._stopped)
        self.capture.failed.connect(self._failed)
        self.close_button.clicked.connect(self.accept)
        self.rejected.connect(self.capture.stop)
        self._show_notice(ctx.guest.language)
        self.consent.reset()
        self.resize(1100, 800)

    def _show_notice(self, language: str) -> None:
        self.consent.show_notice(self._ctx.desk.consents.notice(Purpose.STAFF_ENTRY, language))

    def _switch_language(self, language: str) -> None:
        self._ctx.guest.switch(language)
        self._show_notice(language)

    def _consented(self, notice: RenderedNotice, affirmation: Affirmation) -> None:
        try:
            self._receipt = self._ctx.desk.consents.give(
                self._ctx.session,
                person_id=self._person_id,
                stay_id=None,
                purpose=Purpose.STAFF_ENTRY,
                notice=notice,
                affirmation=affirmation,
            )
            self.stack.setCurrentWidget(self.capture)
            self.capture.start(self._person_id, Purpose.STAFF_ENTRY)
        except FaceDeskError as exc:
            self.consent.show_problem(user_message(exc))

    def _captured(self) -> None:
        self.enrolled = True
        self._finish(
            self.tr("Face entry is on for %1.").replace("%1", self._name),
            self.tr("The PIN keeps working too. Face entry can be switched off at any time by withdrawing consent."),
        )

    def _declined(self) -> None:
        self._finish(
            self.tr("Nothing was recorded."),
            self.tr("%1 clocks in and out with the PIN, exactly as with face entry.").replace("%1", self._name),
        )

    def _stopped(self) -> None:
        self._withdraw_unused_consent()
        self._declined()

    def _failed(self, message: str) -> None:
        logger.warning("Staff face capture ended without templates.")
        self.capture.stop()
        self._withdraw_unused_consent()
        self._finish(
            self.tr("Face entry could not be set up."),
            self.tr("%1. The PIN works as before.").replace("%1", message),
        )

    def _withdraw_unused_consent(self) -> None:
        end_unused_consent(self._ctx, self._receipt)
        self._receipt = None

    def _finish(self, title: str, detail: str) -> None:
        self.done_title.setText(title)
        self.done_detail.setText(detail)
        self.stack.setCurrentWidget(self._done)
        self.close_button.setFocus()
