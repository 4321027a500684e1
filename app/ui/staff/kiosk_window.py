"""The staff-entry kiosk: full screen, camera preview, one plain message, and "Use PIN" always there.

The camera runs only while this window's kiosk session is open (R22); closing it, or the
manager ending it with their password, releases the camera and wipes the in-memory gallery.
Recognition runs on its own thread; PIN checks run in the background (Argon2 takes a moment),
so the preview never waits.
"""

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.access_rules import REFUSAL_SENTENCES
from app.domain.attendance import ClockDirection
from app.domain.camera_state import FeedState
from app.domain.errors import FaceDeskError, StateError
from app.domain.faces import TurnSide
from app.domain.flows import AbandonReason
from app.services.flows.kiosk_session import KioskSessionFlow
from app.services.kiosk_service import ClockOutcome, KioskPhase, KioskProgress
from app.ui.labels import error_line, hint, show_error
from app.ui.messages import user_message
from app.ui.staff.kiosk_door import KioskDoor
from app.ui.widgets.preview import PreviewWidget
from app.ui.widgets.return_key import ReturnPressesFocusedButton
from app.workers.background_task import BackgroundTask
from app.workers.capture_runner import CaptureRunner
from app.workers.door_worker import DoorRelayThread
from app.workers.flow_step import run_flow_step

logger = logging.getLogger(__name__)

RESULT_MS = 4000  # a PIN result stays this long, like a face result


class ManagerPasswordDialog(QDialog):
    """The signed-in manager confirms their password to end the kiosk; ``check`` raises if it is wrong."""

    def __init__(self, name: str, check: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check = check
        self.setWindowTitle(self.tr("End staff entry"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password of %1").replace("%1", name))
        self.error = error_line()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("End staff entry"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._confirm)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Password of %1").replace("%1", name), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(hint(self.tr("Only the manager who started the kiosk can end it.")))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _confirm(self) -> None:
        try:
            self._check(self.password.text())
        except FaceDeskError as exc:
            self.password.clear()
            show_error(self.error, user_message(exc))
            return
        self.accept()


class KioskWindow(QWidget):
    """One kiosk session on screen.

    Signals:
        ended(): the session ended and the camera is released.
        camera_state(str, str): the kiosk camera's state (for the desk's status bar).
    """

    ended = Signal()
    camera_state = Signal(str, str)

    def __init__(
        self,
        flow: KioskSessionFlow,
        manager_name: str,
        confirm_password: Callable[[str], None],
        parent: QWidget | None = None,
        door: DoorRelayThread | None = None,
    ) -> None:
        """Build the kiosk window for a started session.

        Args:
            flow: the running kiosk session flow.
            manager_name: who started it (named when asking for the password to end it).
            confirm_password: checks that manager's password (raises FaceDeskError if wrong).
            parent: Qt parent.
            door: the staff door's relay thread, when a door is configured.
        """
        super().__init__(parent, Qt.WindowType.Window)
        ReturnPressesFocusedButton(self)
        if flow.kiosk is None:
            raise StateError("Start the kiosk session before showing its window.")
        self._flow = flow
        self._kiosk = flow.kiosk
        self.door = KioskDoor(door, flow.kiosk, self)
        self.door.failed.connect(self._door_failed)
        self._manager_name = manager_name
        self._confirm_password = confirm_password
        self._runner: CaptureRunner | None = None
        self._task: BackgroundTask | None = None
        self._phase = KioskPhase.READY
        self.setObjectName("GuestScreen")
        self.setWindowTitle(self.tr("FaceDesk staff entry"))
        self.title = QLabel(self.tr("Staff entry"))
        self.title.setObjectName("GuestTitle")
        self.preview = PreviewWidget()
        self.preview.setAccessibleName(self.tr("Camera picture"))
        self.message = QLabel()
        self.message.setObjectName("GuestTitle")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.detail = QLabel()
        self.detail.setObjectName("GuestHint")
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName(self.tr("Hint"))
        message_panel = QWidget()
        message_layout = QVBoxLayout(message_panel)
        message_layout.addStretch()
        message_layout.addWidget(self.message)
        message_layout.addWidget(self.detail)
        message_layout.addStretch()

        self.names = QComboBox()
        self.names.setAccessibleName(self.tr("Your name"))
        self.names.setPlaceholderText(self.tr("Choose your name"))  # nobody is pre-selected
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setAccessibleName(self.tr("Your PIN"))
        self.pin_error = error_line()
        self.pin_ok = QPushButton(self.tr("Clock in or out"))
        self.pin_ok.setObjectName("GuestAction")
        self.pin_back = QPushButton(self.tr("Back"))
        self.pin_back.setObjectName("GuestAction")
        pin_panel = QWidget()
        pin_layout = QVBoxLayout(pin_panel)
        pin_layout.addStretch()
        pin_form = QFormLayout()
        pin_form.addRow(self.tr("Your name"), self.names)
        pin_form.addRow(self.tr("Your PIN"), self.pin)
        pin_layout.addLayout(pin_form)
        pin_layout.addWidget(self.pin_error)
        pin_buttons = QHBoxLayout()
        pin_buttons.addWidget(self.pin_back)
        pin_buttons.addWidget(self.pin_ok)
        pin_layout.addLayout(pin_buttons)
        pin_layout.addStretch()
        self.side = QStackedWidget()
        self.side.addWidget(message_panel)
        self.side.addWidget(pin_panel)
        self._message_panel, self._pin_panel = message_panel, pin_panel

        self.use_pin = QPushButton(self.tr("Use PIN"))
        self.use_pin.setObjectName("GuestAction")
        self.use_pin.setAccessibleName(self.tr("Use PIN"))
        self.end_button = QPushButton(self.tr("End staff entry"))
        self.end_button.setAccessibleName(self.tr("End staff entry (manager)"))
        body = QHBoxLayout()
        body.addWidget(self.preview, 3)
        body.addWidget(self.side, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.end_button)
        bottom.addStretch()
        bottom.addWidget(self.use_pin)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)

        for entry in self._kiosk.roster():
            self.names.addItem(entry.name, entry.person_id)
        self.names.setCurrentIndex(-1)  # nobody pre-selected
        self.reset_timer = QTimer(self)
        self.reset_timer.setSingleShot(True)
        self.reset_timer.setInterval(RESULT_MS)
        self.reset_timer.timeout.connect(self._ready)
        self.use_pin.clicked.connect(self.show_pin)
        self.pin_back.clicked.connect(self._ready)
        self.pin_ok.clicked.connect(self._submit_pin)
        self.pin.returnPressed.connect(self._submit_pin)
        self.end_button.clicked.connect(self._ask_to_end)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._ready)
        self._ready()
        if self._kiosk.face_enabled:
            self._start_camera()
        else:
            self.preview.show_message(self.tr("Face entry is off here. Everyone uses their PIN."))

    @property
    def phase(self) -> KioskPhase:
        """What the screen shows now."""
        return self._phase

    @property
    def camera_running(self) -> bool:
        """Whether the camera thread is running."""
        return self._runner is not None and self._runner.running

    def show_pin(self) -> None:
        """Show the PIN panel (always one tap away)."""
        self.reset_timer.stop()
        self.side.setCurrentWidget(self._pin_panel)
        self.use_pin.hide()  # already using it: Back returns to the camera
        self.pin.clear()
        show_error(self.pin_error, "")
        self.names.setFocus()

    def end(self) -> None:
        """Stop the camera, end the session, and close (after the manager's password was checked)."""
        self._stop_camera()
        self._flow.end()
        logger.info("Kiosk session ended.")
        self.ended.emit()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Whatever closes the window, the camera is released first."""
        self.abandon(AbandonReason.CLOSED)
        super().closeEvent(event)

    def abandon(self, reason: AbandonReason) -> None:
        """Release the camera and end the session without the manager (lock, quit, window closed)."""
        self._stop_camera()
        if self._flow.running:
            self._flow.abandon(reason)
            self.ended.emit()

    # --- camera ----------------------------------------------------------------------------------

    def _start_camera(self) -> None:
        runner = CaptureRunner(self._kiosk.open_source, self._kiosk.submit, lambda _: False, self)
        runner.frame_ready.connect(self.preview.show_frame)
        runner.progress.connect(self._on_progress)
        runner.camera_state.connect(self._on_camera_state)
        runner.camera_state.connect(self.camera_state)
        runner.failed.connect(self._on_failed)
        self._runner = runner
        runner.start()

    def _stop_camera(self) -> None:
        if self._runner is not None:
            self._runner.stop()
            self._runner.deleteLater()
            self._runner = None
            self.camera_state.emit(FeedState.STOPPED.value, "")

    def _on_camera_state(self, state: str, message: str) -> None:
        del message
        if state in (FeedState.UNAVAILABLE, FeedState.ENDED):  # ENDED: a video file played to its end
            self.preview.show_message(self.tr("The camera is not available. Please use your PIN."))
        elif state == FeedState.LOST:
            self.preview.show_message(self.tr("The camera stopped. Reconnecting... Please use your PIN."))
        elif state == FeedState.LIVE:
            self.preview.show_message("")

    def _on_failed(self, message: str) -> None:
        logger.warning("Kiosk recognition stopped; the PIN stays available.")
        self._stop_camera()
        self.preview.show_message(self.tr("Face entry stopped (%1). Please use your PIN.").replace("%1", message))

    def _on_progress(self, progress: KioskProgress) -> None:
        self.preview.show_face(progress.face, progress.phase is not KioskPhase.UNKNOWN, progress.frame_size)
        if self.side.currentWidget() is self._pin_panel:
            return  # someone is typing a PIN: the camera does not interrupt them
        if progress.phase is self._phase and progress.phase not in (KioskPhase.READY, KioskPhase.TURN_HEAD):
            return
        self._phase = progress.phase
        if progress.phase is KioskPhase.READY:
            if not self.reset_timer.isActive():
                self._say(self.tr("Look at the camera to clock in or out."), self._ready_detail(progress.hint))
        elif progress.phase is KioskPhase.TURN_HEAD:
            self.reset_timer.stop()
            detail = self.tr("This shows it is really you, not a photo.")
            if progress.prompts > 1:
                step = self.tr("Turn %1 of %2. Face the camera again after each turn.")
                detail = step.replace("%1", str(progress.prompt)).replace("%2", str(progress.prompts)) + "\n" + detail
            self._say(self._turn_text(progress.turn_side), detail)
        elif progress.phase is KioskPhase.REFUSED and progress.outcome is not None:
            self._show_outcome(progress.outcome, repeated=False)
        elif progress.phase in (KioskPhase.CLOCKED, KioskPhase.ALREADY_CLOCKED) and progress.outcome is not None:
            self._show_outcome(progress.outcome, repeated=progress.phase is KioskPhase.ALREADY_CLOCKED)
        elif progress.phase is KioskPhase.UNKNOWN:
            self._say(self.tr("Sorry, we could not recognise you."), self.tr("Please use your PIN."), hold=True)
        elif progress.phase is KioskPhase.USE_PIN:
            self._say(self.tr("We could not confirm it is you."), self.tr("Please use your PIN."), hold=True)

    # --- PIN -------------------------------------------------------------------------------------

    def _submit_pin(self) -> None:
        if self._task is not None:
            return
        person_id = self.names.currentData()
        if person_id is None:
            show_error(self.pin_error, self.tr("Choose your name first."))
            self.names.setFocus()
            return
        pin = self.pin.text()
        self.pin_ok.setEnabled(False)
        self._task = run_flow_step(
            lambda: self._kiosk.clock_with_pin(int(person_id), pin), self._pin_accepted, self._pin_refused
        )

    def _pin_accepted(self, outcome: object) -> None:
        self._task = None
        self.pin_ok.setEnabled(True)
        assert isinstance(outcome, ClockOutcome)  # noqa: S101 - what clock_with_pin returns
        self._show_outcome(outcome, repeated=False)

    def _pin_refused(self, error: FaceDeskError) -> None:
        self._task = None
        self.pin_ok.setEnabled(True)
        self.pin.clear()
        show_error(self.pin_error, user_message(error))
        self.pin.setFocus()

    # --- messages --------------------------------------------------------------------------------

    def _ready(self) -> None:
        self.reset_timer.stop()
        self._phase = KioskPhase.READY
        self.side.setCurrentWidget(self._message_panel)
        self.names.setCurrentIndex(-1)
        self.pin.clear()
        if self._kiosk.face_enabled:
            self._say(self.tr("Look at the camera to clock in or out."), self._ready_detail(""))
        else:
            self._say(self.tr("Tap “Use PIN” to clock in or out."), "")

    def _ready_detail(self, quality_hint: str) -> str:
        if quality_hint:
            return QCoreApplication.translate("QualityHint", quality_hint)
        return self.tr("Or tap “Use PIN”. Both work the same.")

    def _show_outcome(self, outcome: ClockOutcome, *, repeated: bool) -> None:
        at = outcome.local_time.strftime("%H:%M")
        name = outcome.person_name
        if outcome.refusal is not None:
            reason = QCoreApplication.translate("Entry", REFUSAL_SENTENCES[outcome.refusal])
            self._say(
                self.tr("Sorry, %1: you cannot come in now.").replace("%1", name),
                self.tr("%1 If this is wrong, please ask the manager.").replace("%1", reason),
                hold=True,
            )
            return
        if repeated:
            text = (
                self.tr("%1, you clocked in at %2.")
                if outcome.direction is ClockDirection.IN
                else self.tr("%1, you clocked out at %2.")
            )
            # someone still standing at the camera: the door opened for them already
            self._say(text.replace("%1", name).replace("%2", at), self.tr("Nothing more to do."), hold=True)
            return
        if outcome.direction is ClockDirection.OUT:
            text = self.tr("Goodbye, %1: clocked out %2")
        elif outcome.local_hour < 12:
            text = self.tr("Good morning, %1: clocked in %2")
        elif outcome.local_hour < 18:
            text = self.tr("Good afternoon, %1: clocked in %2")
        else:
            text = self.tr("Good evening, %1: clocked in %2")
        self._say(text.replace("%1", name).replace("%2", at), "", hold=True)
        self._open_door(outcome)

    def _open_door(self, outcome: ClockOutcome) -> None:
        if outcome.refusal is None and outcome.entry_id is not None:
            self.door.open_for(outcome.entry_id)

    def _door_failed(self) -> None:
        self.detail.setText(self.tr("The door could not be opened. Please ask the manager."))
        self.reset_timer.start()  # the message stays up for its full time

    def _say(self, message: str, detail: str, *, hold: bool = False) -> None:
        self.side.setCurrentWidget(self._message_panel)
        self.use_pin.show()
        self.message.setText(message)
        self.detail.setText(detail)
        if hold:
            self.reset_timer.start()

    def _turn_text(self, side: TurnSide | None) -> str:
        if side is TurnSide.LEFT:
            return self.tr("Please turn your head slightly to your left.")
        if side is TurnSide.RIGHT:
            return self.tr("Please turn your head slightly to your right.")
        return self.tr("Please turn your head slightly to one side.")

    def _ask_to_end(self) -> None:
        self.end_dialog = ManagerPasswordDialog(
            self._manager_name,
            self._confirm_password,
            self,
        )
        self.end_dialog.accepted.connect(self.end)
        self.end_dialog.open()
