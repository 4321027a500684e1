"""A longer stay the agreed notice does not cover: each guest sees the notice in force, one at a time.

Agreeing (with their own name) renews the consent and moves the face data's deletion to the new
checkout; declining deletes the face data at once (the stay goes on with the ID document check) and
the deletion receipt is offered when the last guest has answered. Closing the notice without an
answer changes nothing: the face data still goes on the date the guest agreed to.
"""

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from app.domain.consent import TypedName
from app.domain.errors import FaceDeskError
from app.domain.front_desk import DeskStay
from app.domain.operators import OperatorSession
from app.services.consent_service import ConsentService
from app.services.receipts import Receipt
from app.services.stay_service import Reconfirmation
from app.ui.messages import user_message
from app.ui.notice_dialogs import RenewalDialog


class ReconfirmationRound(QObject):
    """The guests of one extension who must agree again.

    Signals:
        answered(str): what one guest's answer did, in a sentence for the status line.
        failed(str): an answer could not be recorded (the message to show).
        finished(object): the round is over; the deletion receipts of those who declined (a tuple).
    """

    answered = Signal(str)
    failed = Signal(str)
    finished = Signal(object)

    def __init__(self, consents: ConsentService, session: OperatorSession, window: QWidget) -> None:
        super().__init__(window)
        self._consents = consents
        self._session = session
        self._window = window
        self._waiting: list[tuple[DeskStay, Reconfirmation]] = []
        self._receipts: list[Receipt] = []
        self.dialog: RenewalDialog | None = None

    def add(self, row: DeskStay, reconfirmations: tuple[Reconfirmation, ...]) -> None:
        """Queue the guest of ``row`` (nothing when their consent covers the change)."""
        self._waiting += [(row, reconfirm) for reconfirm in reconfirmations]

    def next(self) -> None:
        """Show the next guest the notice; when everyone answered, report the receipts."""
        if self.dialog is not None:
            return
        if not self._waiting:
            if self._receipts:
                receipts, self._receipts = tuple(self._receipts), []
                self.finished.emit(receipts)
            return
        row, reconfirm = self._waiting.pop(0)
        if reconfirm.guardian_name is None:
            intro = self.tr(
                "%1 stays longer, and the notice they agreed to has changed since. Turn the screen to the "
                "guest: their face data stays only if they agree; otherwise it is deleted and their ID "
                "document is checked during the stay."
            ).replace("%1", row.name)
        else:
            intro = (
                self.tr(
                    "%1 stays longer, and the notice %2 agreed to for them as parent or guardian has changed "
                    "since. Turn the screen to %2: the child's face data stays only if they agree; otherwise "
                    "it is deleted and the child's ID document is checked during the stay."
                )
                .replace("%1", row.name)
                .replace("%2", reconfirm.guardian_name)
            )
        dialog = RenewalDialog(reconfirm.notice, self._window, intro=intro)
        if reconfirm.guardian_name is not None:
            dialog.name_label.setText(
                self.tr("%1 types their full name to agree:").replace("%1", reconfirm.guardian_name)
            )
        # open(), not exec(): no nested event loop; the answer arrives in _answered
        dialog.finished.connect(lambda result: self._answered(dialog, row, reconfirm, result))
        self.dialog = dialog
        dialog.open()

    def _answered(self, dialog: RenewalDialog, row: DeskStay, reconfirm: Reconfirmation, result: int) -> None:
        self.dialog = None
        dialog.deleteLater()
        try:
            if result == QDialog.DialogCode.Accepted:
                name = TypedName(dialog.name.text())
                self._consents.renew(self._session, reconfirm.consent_id, reconfirm.notice, name)
                self.answered.emit(self.tr("%1 agreed: their face data stays until checkout.").replace("%1", row.name))
            elif dialog.declined:
                self._receipts.append(self._consents.decline_renewal(self._session, reconfirm.consent_id))
                self.answered.emit(
                    self.tr("%1 did not agree: their face data was deleted; check their ID document.").replace(
                        "%1", row.name
                    )
                )
            else:
                self.answered.emit(
                    self.tr("%1 did not answer: their face data still goes on the date they agreed to.").replace(
                        "%1", row.name
                    )
                )
        except FaceDeskError as exc:
            self.failed.emit(user_message(exc))
        self.next()
