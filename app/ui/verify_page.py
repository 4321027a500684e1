"""Verify guest: find the guest, then a 1:1 live check or the manual ID check, one click apart.

One face attempt gives one decision; anything but a match offers the manual check, never a loop.
If the notice changed since the guest consented, the new notice is shown first (R6): the guest
accepts it (templates kept) or declines (templates deleted) before any camera is opened.
"""

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.camera_state import FeedState
from app.domain.consent import TypedName
from app.domain.errors import FaceDeskError
from app.domain.faces import TURN_PROMPTS, TURN_STEP
from app.domain.flows import AbandonReason
from app.domain.id_cards import IdCardRead
from app.domain.operators import OperatorSession
from app.domain.people import IdDocumentType
from app.services.directory_service import DirectoryService, PersonRow
from app.services.flows.guest_verification import GuestVerificationFlow, VerificationState
from app.services.verification_session import (
    RenewalRequired,
    VerificationProgress,
    VerificationResult,
    VerificationSession,
)
from app.ui.guest_language import GuestLanguage
from app.ui.labels import error_line, hint, page_title, result_banner, set_state, show_error
from app.ui.messages import user_message
from app.ui.names import document_type_names
from app.ui.notice_dialogs import RenewalDialog
from app.ui.people_search import PeopleSearch
from app.ui.verify_document_panel import DocumentCheckPanel
from app.ui.widgets.preview import PreviewWidget
from app.workers.capture_runner import CaptureRunner


class VerifyPage(QWidget):
    """Verify a returning guest.

    Signals:
        verified(str): the result of a face or manual check ("match", "no_match", "uncertain",
            "document_checked", "document_mismatch").
        camera_state(str, str): the camera's state and a plain explanation (for the status bar).
    """

    verified = Signal(str)
    camera_state = Signal(str, str)

    def __init__(
        self,
        directory: DirectoryService,
        session: OperatorSession,
        guest: GuestLanguage,
        start_verification: Callable[[int, int | None], GuestVerificationFlow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._directory = directory
        self._session = session
        self._guest = guest
        self._start_verification = start_verification
        self._person: PersonRow | None = None
        self._runner: CaptureRunner | None = None
        self.flow: GuestVerificationFlow | None = None
        self.renewal_dialog: RenewalDialog | None = None
        self.search = PeopleSearch(self._directory, self._session, self.tr("Guest name or room"))
        self.face_button = QPushButton(self.tr("Verify with face"))
        self.manual_button = QPushButton(self.tr("Check ID document"))
        for button in (self.face_button, self.manual_button):
            button.setEnabled(False)
            button.setMinimumHeight(44)
        self.result = result_banner(self.tr("Result"))
        self.preview = PreviewWidget()
        self.live_hint = QLabel()
        self.live_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stop_button = QPushButton(self.tr("Stop and check ID document"))
        live = QWidget()
        live_layout = QVBoxLayout(live)
        live_layout.addWidget(self.preview, 1)
        live_layout.addWidget(self.live_hint)
        live_layout.addWidget(self.stop_button, alignment=Qt.AlignmentFlag.AlignHCenter)
        self.error = error_line()
        self.checks = DocumentCheckPanel()
        self.document = self.checks.document
        self.matches_button = self.checks.matches_button
        self.mismatch_button = self.checks.mismatch_button
        self.card_button = self.checks.card_button
        self.reader_status = self.checks.reader_status
        manual = self.checks
        self.idle = hint(self.tr("Find the guest, then choose how to check."))
        self.area = QStackedWidget()
        for widget in (self.idle, live, manual):
            self.area.addWidget(widget)
        self._live, self._manual = live, manual
        buttons = QHBoxLayout()
        buttons.addWidget(self.face_button)
        buttons.addWidget(self.manual_button)
        left = QVBoxLayout()
        left.addWidget(self.search, 1)
        left.addLayout(buttons)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(self.area, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Verify a guest")))
        layout.addWidget(self.result)
        layout.addWidget(self.error)
        layout.addLayout(body, 1)
        self.search.selected.connect(self._select)
        self.face_button.clicked.connect(self.start_face)
        self.manual_button.clicked.connect(self.start_manual)
        self.stop_button.clicked.connect(self.start_manual)
        self.checks.answered.connect(self._document_answered)
        self.checks.card_confirmed.connect(self._card_confirmed)

    def enter(self) -> None:
        """The page was opened from the navigation: the guests in the house are listed, no search needed."""
        if self.search.query.text().strip():
            self.search.enter()
            return
        try:
            self.search.show_rows(self._directory.in_house(self._session))
            self.search.query.setFocus()  # typing a name or room still searches at once
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))

    def open_guest(self, person_id: int) -> None:
        """Choose this guest (from the Front desk): the face and ID buttons are then one click away."""
        row = self._directory.row(self._session, person_id)
        if row is None:
            return
        self.search.show_person(row)  # the guest is listed and chosen, so the page says whom it checks
        (self.face_button if self.face_button.isEnabled() else self.manual_button).setFocus()

    def shutdown(self, reason: AbandonReason = AbandonReason.CLOSED) -> None:
        """Release the camera and leave a check under way (lock, operator switch, quit)."""
        self._stop_runner()
        if self.flow is not None:
            self.flow.abandon(reason)
            self.flow = None  # never keep an ended check: the next action starts a new one
        self.area.setCurrentWidget(self.idle)

    def start_face(self) -> None:
        """Start a 1:1 live check of the selected guest (after the new notice, if it changed)."""
        person = self._person
        if person is None:
            return
        self._stop_runner()
        show_error(self.error, "")
        flow = self._new_flow(person)
        try:
            outcome = flow.start_face()
        except FaceDeskError as exc:
            self._offer_manual(user_message(exc))
            return
        if isinstance(outcome, RenewalRequired):
            self._ask_renewal(outcome)
            return
        self._run(outcome)

    def _new_flow(self, person: PersonRow) -> GuestVerificationFlow:
        if self.flow is not None:
            self.flow.abandon(AbandonReason.CLOSED)
        self.flow = self._start_verification(person.person_id, person.stay_id)
        return self.flow

    def _run(self, session: VerificationSession) -> None:
        runner = CaptureRunner(
            session.open_source,
            session.submit,
            lambda p: isinstance(p, VerificationProgress) and p.result is not None,
            self,
        )
        runner.frame_ready.connect(self.preview.show_frame)
        runner.progress.connect(self._progress)
        runner.camera_state.connect(self._camera_state)
        runner.camera_state.connect(self.camera_state)
        self._runner = runner
        self._show_result("", "")
        self.live_hint.setText(self.tr("Ask the guest to look at the camera."))
        self.area.setCurrentWidget(self._live)
        runner.start()

    def start_manual(self) -> None:
        """Show the manual ID check for the selected guest."""
        person = self._person
        if person is None:
            return
        self._stop_runner()
        flow = self.flow
        if flow is None or flow.state not in (
            VerificationState.READY,
            VerificationState.LIVE,
            VerificationState.MANUAL_CHECK,
        ):
            flow = self._new_flow(person)
        flow.to_manual()
        self.checks.show_card(None)
        self.area.setCurrentWidget(self._manual)
        self.matches_button.setFocus()

    def _ask_renewal(self, renewal: RenewalRequired) -> None:
        # open(), not exec(): no nested event loop; the answer arrives in _renewal_answered
        dialog = RenewalDialog(renewal.notice, self)
        dialog.finished.connect(lambda result: self._renewal_answered(dialog, result))
        self.renewal_dialog = dialog
        dialog.open()

    def _renewal_answered(self, dialog: RenewalDialog, result: int) -> None:
        self.renewal_dialog = None
        dialog.deleteLater()
        flow = self.flow
        if flow is None or flow.state is not VerificationState.RENEWAL:
            return
        try:
            if result == QDialog.DialogCode.Accepted:
                flow.renew(TypedName(dialog.name.text()))
                self._continue_after_renewal(flow)
            elif dialog.declined:
                flow.decline_renewal()
                self._show_result(
                    self.tr("The guest declined the new notice; their face data was deleted."), "attention"
                )
                self._show_manual()
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))

    def _continue_after_renewal(self, flow: GuestVerificationFlow) -> None:
        try:
            outcome = flow.start_face()
        except FaceDeskError as exc:
            self._offer_manual(user_message(exc))
            return
        if isinstance(outcome, VerificationSession):
            self._run(outcome)

    def _progress(self, progress: VerificationProgress) -> None:
        self.preview.show_face(progress.face, progress.result is None, progress.frame_size)
        if progress.result is None:
            if progress.turn_side is not None:  # the liveness challenge: what to do now, in the guest's language
                step = self._guest.text(TURN_STEP, "QualityHint").replace("%1", str(progress.prompt))
                prompt = self._guest.text(TURN_PROMPTS[progress.turn_side], "QualityHint")
                self.live_hint.setText(f"{prompt}\n{step.replace('%2', str(progress.prompts))}")
            else:
                self.live_hint.setText(self._guest.text(progress.hint, "QualityHint") if progress.hint else "")
            return
        self._stop_runner()
        if self.flow is not None and self.flow.state is VerificationState.LIVE:
            self.flow.decided(progress.result)
        if progress.result is VerificationResult.MATCH:
            self._show_result(self._verdict(self.tr("Verified by face: %1 is the registered guest.")), "ok")
            self.area.setCurrentWidget(self.idle)
        else:
            message = {
                VerificationResult.NO_MATCH: self.tr("Not confirmed by face. Please check the ID document."),
                VerificationResult.UNCERTAIN: self.tr("No clear picture. Please check the ID document."),
            }[progress.result]
            if progress.liveness_failed:
                message = self.tr("The head turns were not seen. Please check the ID document.")
            self._offer_manual(message)
        self.verified.emit(progress.result.value)

    def _verdict(self, template: str) -> str:
        """A verdict that names the guest (and the room), so nobody wonders whom it is about."""
        person = self._person
        if person is None:
            return template.replace("%1", self.tr("the guest"))
        who = (
            person.name
            if not person.room
            else self.tr("%1 (room %2)").replace("%1", person.name).replace("%2", person.room)
        )
        return template.replace("%1", who)

    def _camera_state(self, state: str, message: str) -> None:
        if state in (FeedState.UNAVAILABLE, FeedState.LOST):
            self.preview.show_message(self.tr("The camera is not available. Check the ID document instead."))
        elif state == FeedState.ENDED and self.flow is not None and self.flow.state is VerificationState.LIVE:
            # No more frames will come (a video file played to its end): a prompt or a hint frozen on
            # the last picture would wait for ever, so the ID check takes over, as the stop button does.
            self._offer_manual(self.tr("The camera is not available. Check the ID document instead."))
        elif state == FeedState.LIVE:
            self.preview.show_message("")

    def _offer_manual(self, message: str) -> None:
        self._show_result(message, "attention")
        self.start_manual()

    def _show_manual(self) -> None:
        self.area.setCurrentWidget(self._manual)
        self.matches_button.setFocus()

    def card_presented(self, card: IdCardRead) -> None:
        """A card was laid on the ID card reader: at the ID check, it can confirm the guest."""
        if self.area.currentWidget() is self._manual:
            self.checks.show_card(card)

    def show_reader_state(self, state: str, message: str) -> None:
        """The ID card reader's state ("" for no reader)."""
        if state:
            self.reader_status.show_state(state, message)
        else:
            self.reader_status.clear_state()

    def _card_confirmed(self, card: IdCardRead) -> None:
        flow = self.flow
        if flow is None or flow.state is not VerificationState.MANUAL_CHECK:
            return
        try:
            matches = flow.confirm_card(card)
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        self.checks.show_card(None)
        self._answered(matches, card_read=True)

    def _document_answered(self, matches: bool) -> None:
        flow = self.flow
        if flow is None or flow.state is not VerificationState.MANUAL_CHECK or flow.stay_id is None:
            return
        try:
            flow.confirm_document(matches=matches)
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        self._answered(matches, card_read=False)

    def _answered(self, matches: bool, *, card_read: bool) -> None:
        show_error(self.error, "")
        if matches:
            verdict = (
                self.tr("ID card read: %1 is the registered guest.")
                if card_read
                else self.tr("ID document checked: %1 is the registered guest.")
            )
        else:
            verdict = (
                self.tr("The card on the reader is not the document registered for %1.")
                if card_read
                else self.tr("The document shown does not match the one registered for %1.")
            )
        self._show_result(self._verdict(verdict), "ok" if matches else "attention")
        self.area.setCurrentWidget(self.idle)
        self.verified.emit("document_checked" if matches else "document_mismatch")

    def _select(self, person: PersonRow | None) -> None:
        self._stop_runner()
        if self.flow is not None:
            self.flow.abandon(AbandonReason.CLOSED)
            self.flow = None
        self._person = person
        self.face_button.setEnabled(bool(person and person.templates and person.consent_state == "live"))
        self.manual_button.setEnabled(bool(person and person.stay_id))
        self.area.setCurrentWidget(self.idle)
        self._show_result("", "")
        if person is not None:
            registered = self._directory.document_to_check(self._session, person.person_id)
            kind, last4 = registered or (IdDocumentType.OTHER, "????")
            self.reader_status.expect(kind)
            self.document.setText(
                self.tr("%1: %2 ending %3")
                .replace("%1", person.name)
                .replace("%2", document_type_names()[kind])
                .replace("%3", last4)
            )

    def _show_result(self, text: str, state: str) -> None:
        """The verdict banner: green for a confirmed guest, amber when the ID check is needed."""
        self.result.setText(text)
        set_state(self.result, state)
        self.result.setVisible(bool(text))

    def _stop_runner(self) -> None:
        if self._runner is not None:
            self._runner.stop()
            self._runner.deleteLater()
            self._runner = None
