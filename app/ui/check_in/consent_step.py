"""Step 3 (guest-facing): the notice, then a separate, explicit consent (R3, R4).

The notice is shown in full, scrollable, in the guest's language (a toggle switches between 中文
and English). The consent box starts unchecked; agreeing also needs an affirmative act: the guest
types their own name or signs. Declining is one tap, on the same screen, at the same size.
"""

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.consent import Affirmation, Signature, TypedName
from app.domain.errors import FaceDeskError
from app.services.notice_service import RenderedNotice
from app.ui.check_in import guest_text as text
from app.ui.file_dialogs import ask_where_to_save
from app.ui.guest_language import GuestLanguage
from app.ui.labels import error_line, phrases_kept_whole
from app.ui.printing import print_text
from app.ui.receipt_pdf import save_notice_pdf
from app.ui.widgets.signature_pad import SignaturePad


class NoticeConsentStep(QWidget):
    """Notice and consent.

    Signals:
        agreed(object, object): the RenderedNotice shown and the Affirmation given.
        declined(): the guest chose the ID document instead.
        language_requested(str): the guest switched language (the page re-renders the notice).
    """

    agreed = Signal(object, object)
    declined = Signal()
    language_requested = Signal(str)

    def __init__(
        self, guest: GuestLanguage, parent: QWidget | None = None, *, decline_text: str = text.DECLINE
    ) -> None:
        super().__init__(parent)
        self._guest = guest
        self._decline_text = decline_text
        self._notice: RenderedNotice | None = None
        self._guardian = False
        self.setObjectName("GuestScreen")
        self.title = QLabel()
        self.title.setObjectName("GuestTitle")
        self.title.setWordWrap(True)
        self.chinese = QPushButton(text.LANGUAGE_ZH)
        self.english = QPushButton(text.LANGUAGE_EN)
        for button, language in ((self.chinese, "zh_CN"), (self.english, "en")):
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setAccessibleName(button.text())
            button.clicked.connect(lambda _=False, lang=language: self.language_requested.emit(lang))
        self.notice = QTextBrowser()
        self.notice.setObjectName("NoticeText")
        self.notice.setOpenLinks(False)
        self.notice.setTabChangesFocus(True)  # Tab leaves the notice: the whole step works by keyboard (R23)
        self.consent_box = QCheckBox()
        self.consent_box.setObjectName("GuestText")
        self.name_label = QLabel()
        self.name_label.setObjectName("GuestText")
        self.typed_name = QLineEdit()
        self.typed_name.setObjectName("GuestInput")
        self.signature = SignaturePad()
        self.clear_signature = QPushButton()
        self.clear_signature.setAutoDefault(False)
        self.switch_affirmation = QPushButton()
        self.switch_affirmation.setAutoDefault(False)
        self.switch_affirmation.setFlat(True)
        # The notice can be taken away before deciding: printed, or saved as a PDF (R23)
        self.print_notice = QPushButton()
        self.save_notice = QPushButton()
        for button in (self.print_notice, self.save_notice):
            button.setAutoDefault(False)
            button.setFlat(True)
        # The name field or the signature pad: only the one in use is shown and takes room.
        self.affirmation = QWidget()
        self._signing = False
        affirmation_layout = QVBoxLayout(self.affirmation)
        affirmation_layout.setContentsMargins(0, 0, 0, 0)
        affirmation_layout.addWidget(self.typed_name)
        sign_box = QWidget()
        sign_layout = QHBoxLayout(sign_box)
        sign_layout.setContentsMargins(0, 0, 0, 0)
        sign_layout.addWidget(self.signature, 1)
        sign_layout.addWidget(self.clear_signature, alignment=Qt.AlignmentFlag.AlignBottom)
        affirmation_layout.addWidget(sign_box)
        self._sign_box = sign_box
        self.error = error_line()
        self.agree_button = QPushButton()
        self.decline_button = QPushButton()
        for button in (self.agree_button, self.decline_button):
            button.setObjectName("GuestAction")
            button.setAutoDefault(False)
            button.setMinimumHeight(56)

        languages = QHBoxLayout()
        languages.addWidget(self.title, 1)
        languages.addWidget(self.chinese)
        languages.addWidget(self.english)
        actions = QHBoxLayout()
        actions.addWidget(self.decline_button, 1)
        actions.addWidget(self.agree_button, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addLayout(languages)
        layout.addWidget(self.notice, 1)
        layout.addWidget(self.consent_box)
        layout.addWidget(self.name_label)
        layout.addWidget(self.affirmation)
        below = QHBoxLayout()
        below.addWidget(self.switch_affirmation)
        below.addStretch()
        below.addWidget(self.print_notice)
        below.addWidget(self.save_notice)
        layout.addLayout(below)
        layout.addWidget(self.error)
        layout.addLayout(actions)

        self.consent_box.toggled.connect(self._update_agree)
        self.typed_name.textChanged.connect(self._update_agree)
        self.signature.changed.connect(self._update_agree)
        self.clear_signature.clicked.connect(self.signature.clear)
        self.switch_affirmation.clicked.connect(self._switch_affirmation)
        self.print_notice.clicked.connect(lambda: print_text(self, self._notice.text) if self._notice else None)
        self.save_notice.clicked.connect(self._ask_notice_pdf)
        self.typed_name.returnPressed.connect(self._agree)
        self.agree_button.clicked.connect(self._agree)
        self.decline_button.clicked.connect(self.declined)
        guest.on_change(self._retranslate)

    def show_notice(self, notice: RenderedNotice) -> None:
        """Display ``notice`` (a fresh rendering in the guest's language)."""
        self._notice = notice
        self.notice.setPlainText(notice.text)
        self.chinese.setChecked(notice.language == "zh_CN")
        self.english.setChecked(notice.language == "en")

    def reset(self) -> None:
        """Unchecked box, empty name and signature: nothing is pre-filled (R4)."""
        self.consent_box.setChecked(False)
        self.typed_name.clear()
        self.signature.clear()
        self._show_affirmation(signing=False)
        self.error.hide()
        self._update_agree()
        self.notice.verticalScrollBar().setValue(0)
        self.notice.setFocus()

    def set_guardian_consent(self, guardian: bool) -> None:
        """A parent or guardian consents (for a child): they confirm with their own name."""
        self._guardian = guardian
        self._retranslate()

    def save_notice_pdf(self, path: Path) -> None:
        """Save the notice shown, in the language shown, as a PDF at ``path``."""
        if self._notice is None:
            return
        try:
            save_notice_pdf(self._notice, path)
        except FaceDeskError as exc:  # a full disk or a read-only folder: say so, keep the step
            self.show_problem(self._guest.message(exc))

    def _ask_notice_pdf(self) -> None:
        self.file_dialog = ask_where_to_save(self, self._guest.text(text.SAVE_NOTICE), "notice.pdf")
        self.file_dialog.fileSelected.connect(lambda name: self.save_notice_pdf(Path(name)))

    def show_problem(self, message: str) -> None:
        """Explain why the consent could not be recorded."""
        self.error.setText(message)
        self.error.show()

    def _affirmation(self) -> Affirmation | None:
        if not self._signing:
            return TypedName(self.typed_name.text()) if self.typed_name.text().strip() else None
        return Signature(self.signature.strokes) if self.signature.strokes else None

    def _update_agree(self) -> None:
        self.agree_button.setEnabled(self.consent_box.isChecked() and self._affirmation() is not None)

    def _agree(self) -> None:
        affirmation = self._affirmation()
        if self._notice is not None and self.consent_box.isChecked() and affirmation is not None:
            self.agreed.emit(self._notice, affirmation)

    def _switch_affirmation(self) -> None:
        self._show_affirmation(signing=not self._signing)
        self._retranslate()
        self._update_agree()

    def _show_affirmation(self, *, signing: bool) -> None:
        """Show the name field or the signature pad."""
        self._signing = signing
        self.typed_name.setVisible(not signing)
        self._sign_box.setVisible(signing)
        (self.signature if signing else self.typed_name).setFocus()

    def _retranslate(self) -> None:
        t = self._guest.text
        self.title.setText(phrases_kept_whole(t(text.NOTICE_TITLE)))
        self.consent_box.setText(t(text.CONSENT_BOX))
        self.consent_box.setAccessibleName(t(text.CONSENT_BOX))
        type_name = text.TYPE_GUARDIAN_NAME if self._guardian else text.TYPE_NAME
        self.name_label.setText(t(type_name))
        self.typed_name.setAccessibleName(t(type_name))
        self.notice.setAccessibleName(t(text.NOTICE_TITLE))
        self.clear_signature.setText(t(text.CLEAR_SIGNATURE))
        self.switch_affirmation.setText(t(text.TYPE_INSTEAD if self._signing else text.SIGN_INSTEAD))
        self.print_notice.setText(t(text.PRINT_NOTICE))
        self.save_notice.setText(t(text.SAVE_NOTICE))
        self.agree_button.setText(t(text.AGREE))
        self.decline_button.setText(t(self._decline_text))
