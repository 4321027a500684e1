"""The Check in page: the wizard that ties the steps together.

Guest details -> method choice (guest-facing) -> notice and consent -> live capture -> receipt;
declining at any guest-facing step goes straight to the manual ID check, which completes the same
check-in. With a second monitor connected, the guest-facing steps open full-screen there.
"""

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton, QStackedWidget, QVBoxLayout, QWidget

from app.domain.business import Purpose
from app.domain.check_in import CheckInMethod, FaceUnavailableReason
from app.domain.consent import Affirmation
from app.domain.errors import FaceDeskError
from app.domain.guests import GuestDetails, StayDetails
from app.domain.people import IdDocumentType
from app.services.check_in_service import CheckInResult, GuestStay
from app.services.consent_service import Receipt
from app.services.notice_service import RenderedNotice
from app.ui.check_in.capture_step import CaptureStep, end_unused_consent
from app.ui.check_in.consent_step import NoticeConsentStep
from app.ui.check_in.details_step import GuestDetailsStep
from app.ui.check_in.manual_step import ManualCheckStep
from app.ui.check_in.method_step import MethodChoiceStep
from app.ui.check_in.receipt_step import ReceiptStep
from app.ui.desk_context import DeskContext
from app.ui.labels import hint, page_title
from app.ui.messages import user_message

logger = logging.getLogger(__name__)


class CheckInPage(QWidget):
    """One guest at a time, from details to checked in.

    Signals:
        checked_in(object): a CheckInResult.
        guest_view_changed(bool): the guest-facing steps were shown (True) or left (False); the
            window hides its operator navigation while the guest is using the screen.
        camera_state(str, str): the camera's state and a plain explanation (for the status bar).
    """

    checked_in = Signal(object)
    guest_view_changed = Signal(bool)
    camera_state = Signal(str, str)

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._guest: GuestDetails | None = None
        self._stay: GuestStay | None = None
        self._receipt: Receipt | None = None
        self._result: CheckInResult | None = None
        self._external: QWidget | None = None
        self.details = GuestDetailsStep(ctx.desk.today)
        self.method = MethodChoiceStep(ctx.guest)
        self.consent = NoticeConsentStep(ctx.guest)
        self.capture = CaptureStep(ctx)
        self.receipt = ReceiptStep(ctx.guest)
        self.manual = ManualCheckStep()
        self.done_title = page_title("")
        self.done_detail = hint("")
        self.next_button = QPushButton(self.tr("Next guest"))
        self.next_button.setObjectName("Primary")
        done = QWidget()
        done_layout = QVBoxLayout(done)
        done_layout.addWidget(self.done_title)
        done_layout.addWidget(self.done_detail)
        done_layout.addWidget(self.next_button, alignment=Qt.AlignmentFlag.AlignLeft)
        done_layout.addStretch()

        self.guest_steps = QStackedWidget()
        self.guest_steps.setObjectName("GuestSteps")
        for step in (self.method, self.consent, self.capture, self.receipt):
            self.guest_steps.addWidget(step)
        self.guest_slot = QWidget()
        self._slot_layout = QVBoxLayout(self.guest_slot)
        self._slot_layout.setContentsMargins(0, 0, 0, 0)
        self._slot_layout.addWidget(self.guest_steps)
        self.on_guest_screen = QWidget()
        waiting = QVBoxLayout(self.on_guest_screen)
        waiting.addStretch()
        waiting.addWidget(
            hint(self.tr("The guest is using the guest screen.")), alignment=Qt.AlignmentFlag.AlignHCenter
        )
        self.operator_stop = QPushButton(self.tr("Stop and check the ID document instead"))
        waiting.addWidget(self.operator_stop, alignment=Qt.AlignmentFlag.AlignHCenter)
        waiting.addStretch()
        self._slot_layout.addWidget(self.on_guest_screen)
        self.on_guest_screen.hide()

        self.stack = QStackedWidget()
        for widget in (self.details, self.guest_slot, self.manual, done):
            self.stack.addWidget(widget)
        self._done = done
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.details.submitted.connect(self._registered)
        self.method.chosen.connect(self._method_chosen)
        self.consent.language_requested.connect(self._switch_language)
        self.consent.agreed.connect(self._consented)
        self.consent.declined.connect(self._declined)
        self.capture.captured.connect(self._captured)
        self.capture.declined.connect(self._declined_during_capture)
        self.capture.failed.connect(self._capture_failed)
        self.receipt.done.connect(self._finish_face)
        self.manual.confirmed.connect(self._manual_confirmed)
        self.next_button.clicked.connect(self.reset)
        self.operator_stop.clicked.connect(self._operator_stop)
        self.capture.camera_state.connect(self.camera_state)
        self.stack.currentChanged.connect(
            lambda _: self.guest_view_changed.emit(self.stack.currentWidget() is self.guest_slot)
        )

    @property
    def guest_view_active(self) -> bool:
        """Whether a guest-facing step is showing."""
        return self.stack.currentWidget() is self.guest_slot

    def reset(self) -> None:
        """Ready for the next guest."""
        self.capture.stop()
        self._close_guest_screen()
        self._guest = self._stay = self._receipt = None
        self._ctx.guest.reset()
        self.details.reset()
        self.stack.setCurrentWidget(self.details)
        self.details.name.setFocus()

    def shutdown(self) -> None:
        """Stop any capture (the page is going away)."""
        self.capture.stop()
        self._close_guest_screen()

    def _registered(self, guest: GuestDetails, stay: StayDetails) -> None:
        try:
            self._stay = self._ctx.desk.check_in.register(self._ctx.session, guest, stay)
            offer = self._ctx.desk.check_in.method_offer(self._ctx.session, self._stay.stay_id)
        except FaceDeskError as exc:
            self.details.error.setText(user_message(exc))
            self.details.error.show()
            return
        self._guest = guest
        if CheckInMethod.FACE in offer.options:
            self._show_guest(self.method)
            self.method.prepare()
        else:
            self._to_manual(self._reason_text(offer.face_unavailable))

    def _method_chosen(self, method: str) -> None:
        if method == CheckInMethod.FACE:
            self._show_notice(self._ctx.guest.language)
            self._show_guest(self.consent)
            self.consent.reset()
        else:
            self._declined()

    def _show_notice(self, language: str) -> None:
        self.consent.show_notice(self._ctx.desk.consents.notice(Purpose.GUEST_VERIFICATION, language))

    def _switch_language(self, language: str) -> None:
        self._ctx.guest.switch(language)
        self._show_notice(language)

    def _consented(self, notice: RenderedNotice, affirmation: Affirmation) -> None:
        assert self._stay is not None  # noqa: S101 - set when details were registered
        try:
            self._receipt = self._ctx.desk.consents.give(
                self._ctx.session,
                person_id=self._stay.person_id,
                stay_id=self._stay.stay_id,
                purpose=Purpose.GUEST_VERIFICATION,
                notice=notice,
                affirmation=affirmation,
            )
            self._show_guest(self.capture)
            self.capture.start(self._stay.person_id)
        except FaceDeskError as exc:
            self.consent.show_problem(user_message(exc))

    def _captured(self) -> None:
        assert self._stay is not None and self._receipt is not None  # noqa: S101
        try:
            result = self._ctx.desk.check_in.complete_with_face(self._ctx.session, self._stay.stay_id)
        except FaceDeskError as exc:
            self._capture_failed(user_message(exc))
            return
        self._result = result
        self.receipt.show_receipt(self._receipt)
        self._show_guest(self.receipt)

    def _finish_face(self) -> None:
        assert self._result is not None  # noqa: S101 - set when the capture completed
        self._show_done(self._result)

    def _declined(self) -> None:
        assert self._stay is not None  # noqa: S101
        self._ctx.desk.check_in.decline_face(self._ctx.session, self._stay.stay_id)
        self._to_manual(self.tr("The guest chose the ID document check."))

    def _operator_stop(self) -> None:
        """The operator ends the guest-screen part (the guest walked away or asked at the desk)."""
        if self.guest_steps.currentWidget() is self.capture:
            self.capture.stop_and_decline()
        elif self.guest_steps.currentWidget() is self.receipt:
            self._finish_face()
        else:
            self._declined()

    def _declined_during_capture(self) -> None:
        self._withdraw_unused_consent()
        self._declined()

    def _capture_failed(self, message: str) -> None:
        logger.warning("Face capture ended without templates; switching to the ID document check.")
        self.capture.stop()
        self._withdraw_unused_consent()
        self._to_manual(
            self.tr("Face capture did not work (%1). Check the ID document instead.").replace("%1", message)
        )

    def _withdraw_unused_consent(self) -> None:
        end_unused_consent(self._ctx, self._receipt)
        self._receipt = None

    def _to_manual(self, reason: str) -> None:
        assert self._guest is not None  # noqa: S101
        self._close_guest_screen()
        self.stack.setCurrentWidget(self.manual)
        self.manual.prepare(self._guest.document.type, reason)

    def _manual_confirmed(self, document_type: str, number: str) -> None:
        assert self._stay is not None  # noqa: S101
        try:
            result = self._ctx.desk.check_in.complete_manual(
                self._ctx.session, self._stay.stay_id, IdDocumentType(document_type), number
            )
        except FaceDeskError as exc:
            self.manual.show_problem(user_message(exc))
            return
        self._show_done(result)

    def _show_done(self, result: CheckInResult) -> None:
        assert self._guest is not None  # noqa: S101
        self._close_guest_screen()
        room = self.details.room.text().strip()
        self.done_title.setText(
            self.tr("%1 is checked in to room %2.").replace("%1", self._guest.full_name).replace("%2", room)
        )
        self.done_detail.setText(
            self.tr("Verified with face.") if result.method is CheckInMethod.FACE else self.tr("ID document checked.")
        )
        self.stack.setCurrentWidget(self._done)
        self.next_button.setFocus()
        self.checked_in.emit(result)

    def _reason_text(self, reason: FaceUnavailableReason | None) -> str:
        return {
            FaceUnavailableReason.PURPOSE_NOT_ENABLED: self.tr("Face verification is switched off at this desk."),
            FaceUnavailableReason.IMPACT_ASSESSMENT_MISSING: self.tr(
                "Face verification waits for an up-to-date impact assessment."
            ),
            FaceUnavailableReason.UNDER_14: self.tr("For guests under 14 the ID document is checked."),
            FaceUnavailableReason.DECLINED_THIS_STAY: self.tr("The guest chose the ID document check."),
            None: "",
        }[reason]

    def _show_guest(self, step: QWidget) -> None:
        self.guest_steps.setCurrentWidget(step)
        self.stack.setCurrentWidget(self.guest_slot)
        screens = QGuiApplication.screens()
        if len(screens) > 1 and self._ctx.device.value("ui/guest_screen"):
            self._open_guest_screen(screens[1])

    def _open_guest_screen(self, screen: object) -> None:
        if self._external is None:
            self._external = QWidget(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
            self._external.setWindowTitle(self.tr("FaceDesk guest screen"))
            QVBoxLayout(self._external).addWidget(self.guest_steps)
            self.on_guest_screen.show()
        self._external.setScreen(screen)  # type: ignore[arg-type]
        self._external.showFullScreen()

    def _close_guest_screen(self) -> None:
        if self._external is not None:
            self._slot_layout.insertWidget(0, self.guest_steps)
            self.on_guest_screen.hide()
            self._external.close()
            self._external.deleteLater()
            self._external = None
