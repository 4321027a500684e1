"""Setup pages before anything is created: language, the business profile and the first Admin."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.domain.business import PERMITTED_LOCATIONS, LocationType, Purpose
from app.domain.operators import MIN_PASSWORD_LENGTH
from app.ui.labels import error_line, hint, show_error

LANGUAGE_CHOICES = (("zh_CN", "中文（简体）"), ("en", "English"))


def password_field(accessible_name: str) -> QLineEdit:
    """A masked input with a name for screen readers."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(accessible_name)
    return field


class LanguagePage(QWizardPage):
    """The desk's language, chosen first so every later page is in it.

    Signals:
        language_chosen(str): a language code; the wizard is redrawn in that language.
    """

    language_chosen = Signal(str)

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Language / 语言"))
        self.setSubTitle(self.tr("Choose the language of the desk. Guests can switch on their own screens."))
        self.choices = QButtonGroup(self)
        layout = QVBoxLayout(self)
        self.buttons: dict[str, QRadioButton] = {}
        for code, name in LANGUAGE_CHOICES:
            button = QRadioButton(name)
            button.setAccessibleName(name)
            button.setChecked(code == current)
            self.choices.addButton(button)
            self.buttons[code] = button
            layout.addWidget(button)
            button.toggled.connect(lambda on, lang=code: self.language_chosen.emit(lang) if on else None)
        layout.addWidget(hint(self.tr("You can change it later under Settings.")))
        layout.addStretch()


class BusinessPage(QWizardPage):
    """Who the processor is, where the camera is, and what face recognition is for."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your business"))
        self.setSubTitle(self.tr("Guests see this name and contact on every notice and sign."))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Business name"))
        self.contact = QLineEdit()
        self.contact.setAccessibleName(self.tr("Contact for privacy questions"))
        self.contact.setPlaceholderText(self.tr("Phone, e-mail or address"))
        self.location = QComboBox()
        self.location.setAccessibleName(self.tr("Where the camera is"))
        labels = {
            LocationType.HOTEL_FRONT_DESK: self.tr("Hotel front desk"),
            LocationType.SHOP_COUNTER: self.tr("Shop counter"),
            LocationType.STAFF_ENTRANCE: self.tr("Staff entrance"),
            LocationType.OFFICE_RECEPTION: self.tr("Office reception"),
        }
        for place in PERMITTED_LOCATIONS:
            self.location.addItem(labels[place], place.value)
        self.guest_purpose = QCheckBox(self.tr("Verify returning guests (key pickup, breakfast, luggage)"))
        self.staff_purpose = QCheckBox(self.tr("Staff entry and attendance"))

        form = QFormLayout()
        form.addRow(self.tr("Business name"), self.name)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("Where the camera is"), self.location)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            hint(self.tr("Face recognition is never allowed in guest rooms, bathrooms, changing rooms or toilets."))
        )
        layout.addSpacing(12)
        layout.addWidget(QLabel(self.tr("Use face recognition for:")))
        layout.addWidget(self.guest_purpose)
        layout.addWidget(self.staff_purpose)
        layout.addWidget(
            hint(
                self.tr(
                    "Leave both unticked to start with face recognition switched off. "
                    "The manual ID check is always available."
                )
            )
        )
        layout.addStretch()
        self.name.textChanged.connect(self.completeChanged)
        self.contact.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        """Name and contact are required."""
        return bool(self.name.text().strip() and self.contact.text().strip())

    def purposes(self) -> frozenset[Purpose]:
        """The purposes ticked."""
        chosen = set()
        if self.guest_purpose.isChecked():
            chosen.add(Purpose.GUEST_VERIFICATION)
        if self.staff_purpose.isChecked():
            chosen.add(Purpose.STAFF_ENTRY)
        return frozenset(chosen)


class AdminPage(QWizardPage):
    """The first Admin account."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Administrator account"))
        self.setSubTitle(self.tr("The administrator sets FaceDesk up and adds the other staff accounts."))
        self.display_name = QLineEdit()
        self.display_name.setAccessibleName(self.tr("Your name"))
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("User name"))
        self.password = password_field(self.tr("Password"))
        # the rule is shown before anyone breaks it
        self.password.setPlaceholderText(self.tr("At least %n characters", "", MIN_PASSWORD_LENGTH))
        self.repeat = password_field(self.tr("Repeat the password"))
        self.error = error_line()
        form = QFormLayout(self)
        form.addRow(self.tr("Your name"), self.display_name)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat the password"), self.repeat)
        form.addRow(self.error)

    def validatePage(self) -> bool:
        """Check the account fields and say what to fix."""
        username = self.username.text().strip()
        problem = ""
        if not username:
            problem = self.tr("Enter a user name.")
        elif any(ch.isspace() for ch in username):
            problem = self.tr("A user name cannot contain spaces.")
        elif len(self.password.text()) < MIN_PASSWORD_LENGTH:
            problem = self.tr("The password needs at least %n characters.", "", MIN_PASSWORD_LENGTH)
        elif self.password.text() != self.repeat.text():
            problem = self.tr("The two passwords differ.")
        show_error(self.error, problem)
        return not problem
