"""Guardian step (guest-facing): who gives consent for a child under 14 (R7).

Shown only with the guardian flow on. An adult of the same party (already registered, so their
document is known) or another adult who is here (name and ID document typed by them or the
receptionist) gives consent, with their relation to the child; they then read the notice and
confirm with their own name. Declining is one tap and goes to the ID document check.
"""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.consent import Guardian
from app.domain.errors import InvalidInputError
from app.domain.guests import GuestDetails
from app.domain.identity_documents import id_document
from app.domain.people import IdDocumentType
from app.ui.check_in import guest_text as text
from app.ui.guest_language import GuestLanguage
from app.ui.labels import error_line, guest_label, show_error
from app.ui.names import document_type_names

RELATIONS = (text.RELATION_PARENT, text.RELATION_GRANDPARENT, text.RELATION_GUARDIAN, text.RELATION_OTHER)


class GuardianStep(QWidget):
    """Choose the consenting adult.

    Signals:
        chosen(object): the Guardian.
        declined(): the ID document check instead.
    """

    chosen = Signal(object)
    declined = Signal()

    def __init__(self, guest: GuestLanguage, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._guest = guest
        self._today = today
        self._child = ""
        self._adults: tuple[GuestDetails, ...] = ()
        self.setObjectName("GuestScreen")
        self.title = guest_label("GuestTitle")
        self.subtitle = guest_label()
        self.who = guest_label()
        self.choices = QButtonGroup(self)
        self._choice_box = QVBoxLayout()
        self.other = QRadioButton()
        self.other.setObjectName("GuestText")
        self.name = QLineEdit()
        self.document_type = QComboBox()
        for kind, label in document_type_names().items():
            self.document_type.addItem(label, kind.value)
        self.number = QLineEdit()
        self.relation = QComboBox()
        for field in (self.name, self.number, self.document_type, self.relation):
            field.setObjectName("GuestInput")
        for choice in (self.document_type, self.relation):
            # the longest document name in large type would otherwise make the screen wider than the desk's
            choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            choice.setMinimumContentsLength(14)
        self.other_form = QWidget()
        form = QFormLayout(self.other_form)
        form.setContentsMargins(28, 0, 0, 0)
        self._name_label, self._document_label, self._number_label = QLabel(), QLabel(), QLabel()
        for field_label in (self._name_label, self._document_label, self._number_label):
            field_label.setObjectName("GuestText")
        form.addRow(self._name_label, self.name)
        form.addRow(self._document_label, self.document_type)
        form.addRow(self._number_label, self.number)
        self._relation_label = QLabel()
        self._relation_label.setObjectName("GuestText")
        self.error = error_line()
        self.decline_button = QPushButton()
        self.continue_button = QPushButton()
        for button in (self.decline_button, self.continue_button):
            button.setObjectName("GuestAction")
            button.setAutoDefault(False)
            button.setMinimumHeight(56)
        actions = QHBoxLayout()
        actions.addWidget(self.decline_button, 1)
        actions.addWidget(self.continue_button, 1)
        relation = QHBoxLayout()
        relation.addWidget(self._relation_label)
        relation.addWidget(self.relation, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.who)
        layout.addLayout(self._choice_box)
        layout.addWidget(self.other)
        layout.addWidget(self.other_form)
        layout.addLayout(relation)
        layout.addWidget(self.error)
        layout.addStretch()
        layout.addLayout(actions)
        self.choices.addButton(self.other)
        self.other.toggled.connect(self.other_form.setVisible)  # only what the chosen way needs is shown
        self.continue_button.clicked.connect(self._continue)
        self.decline_button.clicked.connect(self.declined)
        guest.on_change(self._retranslate)

    def prepare(self, child: str, adults: tuple[GuestDetails, ...]) -> None:
        """Ready for ``child``; ``adults`` of the same party are offered first (nobody preselected)."""
        self._child = child
        self._adults = adults
        for button in self.choices.buttons():
            if button is not self.other:
                self.choices.removeButton(button)
                button.deleteLater()
        self.choices.setExclusive(False)
        self.other.setChecked(False)
        self.choices.setExclusive(True)
        for adult in adults:
            button = QRadioButton(adult.full_name)
            button.setObjectName("GuestText")
            self.choices.addButton(button)
            self._choice_box.addWidget(button)
        self.other_form.setVisible(False)
        for field in (self.name, self.number):
            field.clear()
        self.relation.setCurrentIndex(0)
        show_error(self.error, "")
        self._retranslate()

    def _continue(self) -> None:
        checked = self.choices.checkedButton()
        relation = self.relation.currentText()
        if checked is None:
            show_error(self.error, self._guest.text(text.GUARDIAN_CHOOSE))
            return
        try:
            if checked is self.other:
                document = id_document(
                    IdDocumentType(self.document_type.currentData()), self.number.text(), today=self._today()
                )
                guardian = Guardian(self.name.text(), relation, document)
            else:
                adult = self._adults[self.choices.buttons().index(checked) - 1]
                guardian = Guardian(adult.full_name, relation, adult.document)
        except InvalidInputError as exc:
            show_error(self.error, self._guest.message(exc))
            return
        show_error(self.error, "")
        self.chosen.emit(guardian)

    def _retranslate(self) -> None:
        t = self._guest.text
        self.title.setText(t(text.GUARDIAN_TITLE).replace("%1", self._child))
        self.subtitle.setText(t(text.GUARDIAN_SUBTITLE))
        self.who.setText(t(text.GUARDIAN_WHO))
        self.other.setText(t(text.GUARDIAN_OTHER))
        self._name_label.setText(t(text.GUARDIAN_NAME))
        self._document_label.setText(t(text.GUARDIAN_DOCUMENT))
        self._number_label.setText(t(text.GUARDIAN_NUMBER))
        self._relation_label.setText(t(text.GUARDIAN_RELATION))
        for field, label in ((self.name, text.GUARDIAN_NAME), (self.number, text.GUARDIAN_NUMBER)):
            field.setAccessibleName(t(label))
        self.relation.setAccessibleName(t(text.GUARDIAN_RELATION))
        index = self.relation.currentIndex()
        self.relation.clear()
        self.relation.addItems([t(relation) for relation in RELATIONS])
        self.relation.setCurrentIndex(max(index, 0))
        self.continue_button.setText(t(text.GUARDIAN_CONTINUE))
        self.decline_button.setText(t(text.DECLINE))
