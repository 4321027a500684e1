"""The manual ID check: a first-class route that completes the same check-in (R8).

The receptionist is shown the document entered at registration ("Resident ID card ending 0023")
and compares it with the one the guest shows: matches, or does not match. With an ID card reader,
the card read at registration (or laid on the reader now) is the document check: the receptionist
compares the photo printed on the card with the guest and checks in. Nothing is typed again; only
the type and the last four characters are kept, and how the document was checked.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.domain.check_in import FaceUnavailableReason
from app.domain.id_cards import IdCardRead
from app.domain.people import IdDocumentType
from app.services.flows.guest_check_in import CaptureProblem
from app.ui.card_reader_status import CardCheckBox, CardReaderStatusLabel
from app.ui.labels import error_line, form_column, hint, page_title, show_error
from app.ui.names import document_type_names


class ManualCheckStep(QWidget):
    """The registered document, and the receptionist's answer.

    Signals:
        answered(bool): whether the document shown matches the registered one.
        cancelled(): the receptionist stops this check-in (the guest stays on today's arrivals).
        face_requested(): the guest asks for face verification after all (it was held back only
            because they said no recently).
        card_confirmed(object): the receptionist compared the photo on the card read (an
            IdCardRead) with the guest: check in with the card read.
    """

    answered = Signal(bool)
    card_confirmed = Signal(object)
    cancelled = Signal()
    face_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = page_title(self.tr("Check the ID document"))
        self.reason = hint("")
        self.document = QLabel()
        self.document.setObjectName("DocumentToCheck")
        self.document.setWordWrap(True)
        self.error = error_line()
        self.reader_status = CardReaderStatusLabel()
        self.card_check = CardCheckBox(self.tr("Photo matches: check in with the card"))
        self.card, self.card_button = self.card_check.text, self.card_check.button
        self.matches_button = QPushButton(self.tr("Matches: check in"))
        self.matches_button.setObjectName("Primary")
        self.mismatch_button = QPushButton(self.tr("Does not match"))
        self.cancel_button = QPushButton(self.tr("Back: not now"))
        self.cancel_button.setAccessibleName(self.tr("Stop this check-in; the guest stays on today's arrivals"))
        self.ask_face_button = QPushButton(self.tr("The guest asks for face verification"))
        self.ask_face_button.setFlat(True)
        self.ask_face_button.setObjectName("BackLink")
        self.ask_face_button.hide()
        for button in (self.matches_button, self.mismatch_button, self.cancel_button, self.ask_face_button):
            button.setAutoDefault(True)  # Enter presses the focused answer, as Space does
            button.setMinimumHeight(40)
        layout = form_column(self)
        layout.addWidget(self.title)
        layout.addWidget(self.reason)
        layout.addWidget(self.document)
        layout.addWidget(
            hint(
                self.tr(
                    "Compare the guest's ID document and its photo with these details. "
                    "Only its type and last four characters are kept."
                )
            )
        )
        layout.addWidget(self.reader_status)
        layout.addWidget(self.card_check)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch()
        buttons.addWidget(self.mismatch_button)
        buttons.addWidget(self.matches_button)
        layout.addLayout(buttons)
        layout.addWidget(self.ask_face_button)
        layout.addStretch()
        self.card_check.confirmed.connect(self.card_confirmed)
        self.matches_button.clicked.connect(lambda: self.answered.emit(True))
        self.mismatch_button.clicked.connect(lambda: self.answered.emit(False))
        self.cancel_button.clicked.connect(self.cancelled)
        self.ask_face_button.clicked.connect(self.face_requested)

    def prepare(
        self, name: str, document_type: IdDocumentType, last4: str, reason: str, *, may_ask_for_face: bool = False
    ) -> None:
        """Ready for a guest whose registered document is ``document_type`` ending ``last4``."""
        self.ask_face_button.setVisible(may_ask_for_face)
        self.document.setText(
            self.tr("%1: %2 ending %3")
            .replace("%1", name)
            .replace("%2", document_type_names()[document_type])
            .replace("%3", last4)
        )
        self.reason.setText(reason)
        self.reason.setVisible(bool(reason))
        self.reader_status.expect(document_type)
        show_error(self.error, "")
        self.show_card(None)
        self.matches_button.setFocus()

    def show_card(self, card: IdCardRead | None) -> None:
        """A card read by the reader for this guest (None: none yet): checking in with it is one press."""
        self.card_check.show_card(card)
        self.reader_status.setVisible(card is None and self.reader_status.state is not None)
        self.matches_button.setObjectName("" if card is not None else "Primary")
        self.matches_button.style().polish(self.matches_button)
        if card is not None:
            show_error(self.error, "")

    def show_problem(self, message: str) -> None:
        """Explain a mismatch or error."""
        show_error(self.error, message)

    def reason_text(self, reason: FaceUnavailableReason | CaptureProblem | None) -> str:
        """Why the ID document is checked, in plain words ("" when the guest simply chose it)."""
        if isinstance(reason, CaptureProblem):
            return self.tr("Face capture did not work (%1). Check the ID document instead.").replace(
                "%1", reason.message
            )
        return {
            FaceUnavailableReason.PURPOSE_NOT_ENABLED: self.tr("Face verification is switched off at this desk."),
            FaceUnavailableReason.IMPACT_ASSESSMENT_MISSING: self.tr(
                "Face verification waits for an up-to-date impact assessment."
            ),
            FaceUnavailableReason.UNDER_14: self.tr("For guests under 14 the ID document is checked."),
            FaceUnavailableReason.DECLINED_THIS_STAY: self.tr("The guest chose the ID document check."),
            FaceUnavailableReason.DECLINED_RECENTLY: self.tr(
                "The guest said no to face verification recently, so it is not offered. If they ask for it, "
                "it can be used."
            ),
            None: "",
        }[reason]
