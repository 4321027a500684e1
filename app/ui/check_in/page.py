"""The Check in page: the wizard that ties the steps together.

Guest details -> method choice (guest-facing) -> [guardian, for a child under 14] -> notice and
consent -> live capture -> receipt; declining at any guest-facing step goes straight to the manual
ID check, which completes the same check-in. With a second monitor connected, the guest-facing
steps open full-screen there.

Guests sharing a room are checked in one after another as a party: "Another guest in this room"
starts the next guest with the room and dates filled in, each guest makes their own choice, and an
adult of the party can give the guardian's consent for a child. An arrival registered earlier
continues from the Front desk (``resume``).

The page only renders a ``GuestCheckInFlow`` (app/services/flows) and forwards what the operator
and the guest do; the flow decides the order of the services and what leaving a step undoes.
"""

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from app.domain.check_in import CheckInMethod
from app.domain.consent import Affirmation, Guardian
from app.domain.documents import Paper
from app.domain.errors import FaceDeskError
from app.domain.flows import AbandonReason
from app.domain.guests import GuestDetails, StayDetails
from app.domain.id_cards import IdCardRead
from app.services.check_in_service import CheckInResult
from app.services.flows.check_in_party import CheckInParty
from app.services.flows.guest_check_in import CheckInState, GuestCheckInFlow
from app.services.notice_service import RenderedNotice
from app.services.receipts import Receipt
from app.ui.check_in.capture_step import CaptureStep
from app.ui.check_in.consent_step import NoticeConsentStep
from app.ui.check_in.details_step import GuestDetailsStep
from app.ui.check_in.done_step import CheckedInStep
from app.ui.check_in.guardian_step import GuardianStep
from app.ui.check_in.guest_slot import GuestSlot
from app.ui.check_in.manual_step import ManualCheckStep
from app.ui.check_in.method_step import MethodChoiceStep
from app.ui.check_in.receipt_step import ReceiptStep
from app.ui.guest_language import GuestLanguage
from app.ui.labels import show_error
from app.ui.messages import user_message
from app.workers.background_task import BackgroundTask
from app.workers.flow_step import run_flow_step

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

    def __init__(
        self,
        start_flow: Callable[[], GuestCheckInFlow],
        guest: GuestLanguage,
        today: Callable[[], date],
        guest_screen_wanted: Callable[[], bool],
        parent: QWidget | None = None,
        *,
        paper: Callable[[], Paper] = lambda: Paper.A4,
    ) -> None:
        """Build the page.

        Args:
            start_flow: a new check-in flow for the signed-in operator.
            guest: the guest-facing screens' language.
            today: today's date at the desk.
            guest_screen_wanted: whether guest steps go to a second monitor when one is connected.
            parent: Qt parent.
            paper: the receipt paper of the desk's printer (Settings), read at each print.
        """
        super().__init__(parent)
        self._start_flow = start_flow
        self._guest_language = guest
        self._guest_screen_wanted = guest_screen_wanted
        self._today = today
        self.flow = start_flow()
        self.party: CheckInParty | None = None
        self._task: BackgroundTask | None = None
        self._card: IdCardRead | None = None  # the last card read during this guest's check-in
        self.details = GuestDetailsStep(today)
        self.method = MethodChoiceStep(guest)
        self.guardian = GuardianStep(guest, today)
        self.consent = NoticeConsentStep(guest)
        self.capture = CaptureStep(guest)
        self.receipt = ReceiptStep(guest, paper)
        self.manual = ManualCheckStep()
        done = CheckedInStep()
        self.done_title, self.done_detail = done.title, done.detail
        self.next_button, self.same_room_button = done.next_button, done.same_room_button

        self.guest_steps = QStackedWidget()
        self.guest_steps.setObjectName("GuestSteps")
        for step in (self.method, self.guardian, self.consent, self.capture, self.receipt):
            self.guest_steps.addWidget(step)
        self.guest_slot = GuestSlot(self.guest_steps)
        self.operator_stop = self.guest_slot.operator_stop
        self.guest_slot.back_button.clicked.connect(self.cancel)

        self.stack = QStackedWidget()
        for widget in (self.details, self.guest_slot, self.manual, done):
            self.stack.addWidget(widget)
        self._done = done
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.details.submitted.connect(self._registered)
        self.method.chosen.connect(self._method_chosen)
        self.guardian.chosen.connect(self._guardian_chosen)
        self.guardian.declined.connect(self._declined)
        self.consent.language_requested.connect(self._switch_language)
        self.consent.agreed.connect(self._consented)
        self.consent.declined.connect(self._declined)
        self.capture.complete.connect(self._capture_complete)
        self.capture.declined.connect(self._declined_during_capture)
        self.capture.failed.connect(self._capture_failed)
        self.capture.camera_gone.connect(self._camera_gone)
        self.receipt.done.connect(self._finish_face)
        self.manual.answered.connect(self._manual_answered)
        self.manual.card_confirmed.connect(self._card_confirmed)
        self.manual.face_requested.connect(self._guest_asks_for_face)
        self.manual.cancelled.connect(self.cancel)
        # Escape anywhere (the operator's window or the guest's screen) stops the check-in at once.
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.escape.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.escape.activated.connect(self.cancel)
        self.escape.setEnabled(False)  # only while a guest step or the ID check shows: Escape stays free elsewhere
        self.stack.currentChanged.connect(
            lambda _: self.escape.setEnabled(self.stack.currentWidget() in (self.guest_slot, self.manual))
        )
        self.next_button.clicked.connect(self.reset)
        self.same_room_button.clicked.connect(self.next_in_room)
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
        """Ready for the next guest (whatever was under way is abandoned first)."""
        self.party = None
        self.abandon(AbandonReason.CLOSED)

    def next_in_room(self) -> None:
        """Another guest of the same party: room and dates filled in, their own choice to make."""
        party = self.party
        self.abandon(AbandonReason.CLOSED)
        self.party = party
        if party is not None:
            self.details.prefill_stay(party.stay)

    def resume(self, stay_id: int) -> bool:
        """Continue the check-in of an arrival registered earlier; whether it could be continued."""
        self.reset()
        try:
            self.flow.resume(stay_id)
        except FaceDeskError as exc:
            show_error(self.details.error, user_message(exc))
            return False
        self._continue_registered()
        return True

    def shutdown(self, reason: AbandonReason = AbandonReason.CLOSED) -> None:
        """The desk is locking, switching operator or closing: leave the flow, stop the camera."""
        self.abandon(reason)

    def leave(self) -> None:
        """The operator opened another page: release the camera, keep the check-in where it is.

        Navigation is hidden while the guest uses the screen, so this only happens at the details,
        the ID document check or the done step, which the receptionist can come back to.
        """
        self.capture.stop()

    def cancel(self) -> None:
        """Back / Escape: stop this check-in at any step; the operator's view is back at once.

        The flow is abandoned as when the desk locks (nothing about face data stays behind); a
        registered guest stays on today's arrivals, where the Front desk finds them again.
        """
        if not self.isVisible() or self.stack.currentWidget() not in (self.guest_slot, self.manual):
            return
        self.abandon(AbandonReason.STOPPED)

    def card_presented(self, card: IdCardRead) -> None:
        """A card was laid on the ID card reader: it fills the form, or it is the guest's document check."""
        current = self.stack.currentWidget()
        if current is self.details:
            self._card = card
            self.details.card_presented(card)
        elif current is self.manual:
            self._card = card
            self._offer_card(laid_now=True)
        elif current is self.guest_slot:
            self._card = card  # laid while the guest chooses: ready for the ID check if they decline

    def show_reader_state(self, state: str, message: str) -> None:
        """The ID card reader's state, on the steps that use it ("" for no reader)."""
        for status in (self.details.reader_status, self.manual.reader_status):
            if state:
                status.show_state(state, message)
            else:
                status.clear_state()

    def abandon(self, reason: AbandonReason) -> None:
        """Stop any capture and leave the flow (it undoes what it must); the page is ready again."""
        self._card = None
        self.capture.stop()
        self._close_guest_screen()
        self.flow.abandon(reason)
        self.flow = self._start_flow()  # never keep an ended flow: the next guest starts clean
        self._guest_language.reset()
        self.details.reset()
        self.stack.setCurrentWidget(self.details)
        self.details.name.setFocus()

    def _registered(self, guest: GuestDetails, stay: StayDetails) -> None:
        try:
            self.flow.register(guest, stay)
        except FaceDeskError as exc:
            self.details.error.setText(user_message(exc))
            self.details.error.show()
            return
        self._continue_registered()

    def _continue_registered(self) -> None:
        flow = self.flow
        assert flow.guest is not None and flow.stay is not None and flow.stay_details is not None  # noqa: S101
        if self.party is None or self.party.stay.room.casefold() != flow.room.casefold():
            self.party = CheckInParty(flow.stay_details)
        self.party.add(flow.guest, flow.stay.stay_id)
        if self.flow.state is CheckInState.METHOD_CHOICE:
            self._show_guest(self.method)
            self.method.prepare()
        else:
            self._to_manual()

    def _method_chosen(self, method: str) -> None:
        if method != CheckInMethod.FACE:
            self._declined()
            return
        self._show_notice(self.flow.choose_face(self._guest_language.language))

    def _guest_asks_for_face(self) -> None:
        try:
            notice = self.flow.guest_asks_for_face(self._guest_language.language)
        except FaceDeskError as exc:
            self.manual.show_problem(user_message(exc))
            return
        self._show_notice(notice)

    def _show_notice(self, notice: RenderedNotice) -> None:
        """The notice next, after the guardian step for a child."""
        self.consent.show_notice(notice)
        self.consent.set_guardian_consent(self.flow.guardian_needed)
        if self.flow.state is CheckInState.GUARDIAN:
            assert self.flow.guest is not None and self.flow.stay is not None  # noqa: S101
            adults = self.party.guardians_for(self.flow.stay.stay_id, self._today()) if self.party else ()
            self.guardian.prepare(self.flow.guest.full_name, adults)
            self._show_guest(self.guardian)
            return
        self._show_guest(self.consent)
        self.consent.reset()

    def _guardian_chosen(self, guardian: Guardian) -> None:
        try:
            self.flow.set_guardian(guardian)
        except FaceDeskError as exc:
            show_error(self.guardian.error, self._guest_language.message(exc))
            return
        self._show_guest(self.consent)
        self.consent.reset()

    def _switch_language(self, language: str) -> None:
        self._guest_language.switch(language)
        self.consent.show_notice(self.flow.notice(language))

    def _consented(self, notice: RenderedNotice, affirmation: Affirmation) -> None:
        try:
            session = self.flow.consent(notice, affirmation)
        except FaceDeskError as exc:
            self.consent.show_problem(self._guest_language.message(exc))
            return
        self._show_guest(self.capture)
        self.capture.start(session)

    def _capture_complete(self) -> None:
        self._task = run_flow_step(self.flow.complete, self._stored, self._store_failed)

    def _stored(self, receipt: Receipt) -> None:
        self._task = None
        if self.flow.state is not CheckInState.RECEIPT:
            return  # the desk was locked meanwhile; the flow knows what happened
        self.receipt.show_receipt(receipt)
        self._show_guest(self.receipt)

    def _store_failed(self, error: FaceDeskError) -> None:
        self._task = None
        if self.flow.state is CheckInState.CAPTURE:
            self._capture_failed(user_message(error))

    def _finish_face(self) -> None:
        self._show_done(self.flow.finish_receipt())

    def _declined(self) -> None:
        self.capture.stop()
        self.flow.decline()
        self._to_manual()

    def _operator_stop(self) -> None:
        """The operator ends the guest-screen part (the guest walked away or asked at the desk)."""
        if self.flow.state is CheckInState.RECEIPT:
            self._finish_face()
        else:
            self._declined()

    def _declined_during_capture(self) -> None:
        self._declined()

    def _camera_gone(self, message: str) -> None:
        if self.flow.state is CheckInState.CAPTURE:
            self.flow.capture_failed(message, AbandonReason.CAMERA_LOST)
            self._to_manual()

    def _capture_failed(self, message: str) -> None:
        logger.warning("Face capture ended without templates; switching to the ID document check.")
        self.capture.stop()
        self.flow.capture_failed(message)
        self._to_manual()

    def _to_manual(self) -> None:
        assert self.flow.guest is not None  # noqa: S101 - the guest was registered
        self._close_guest_screen()
        self.stack.setCurrentWidget(self.manual)
        document = self.flow.guest.document
        self.manual.prepare(
            self.flow.guest.full_name,
            document.type,
            document.last4,
            self.manual.reason_text(self.flow.manual_reason),
            may_ask_for_face=self.flow.guest_may_ask_for_face,
        )
        self._offer_card()

    def _offer_card(self, *, laid_now: bool = False) -> None:
        """At the ID check: the card read is offered when it is the registered document.

        A different card laid on the reader at this step is refused (recorded as a mismatch); one
        read earlier (another guest of the party, say) is simply not offered.
        """
        card = self._card
        if card is None or self.flow.guest is None:
            return
        if card.document == self.flow.guest.document:
            self.manual.show_card(card)
        elif laid_now:
            self.manual.show_card(None)
            self._card_confirmed(card)

    def _card_confirmed(self, card: IdCardRead) -> None:
        try:
            result = self.flow.confirm_card(card)
        except FaceDeskError as exc:
            self.manual.show_problem(user_message(exc))
            return
        self._show_done(result)

    def _manual_answered(self, matches: bool) -> None:
        try:
            result = self.flow.confirm_document(matches=matches)
        except FaceDeskError as exc:
            self.manual.show_problem(user_message(exc))
            return
        self._show_done(result)

    def _show_done(self, result: CheckInResult) -> None:
        assert self.flow.guest is not None  # noqa: S101
        self._close_guest_screen()
        self._done.show_result(self.flow.guest.full_name, self.flow.room, result)
        self.stack.setCurrentWidget(self._done)
        self.next_button.setFocus()
        self.checked_in.emit(result)

    def _show_guest(self, step: QWidget) -> None:
        self.stack.setCurrentWidget(self.guest_slot)
        self.guest_slot.show_step(step, second_screen_wanted=self._guest_screen_wanted())

    def _close_guest_screen(self) -> None:
        self.guest_slot.close_guest_screen()
