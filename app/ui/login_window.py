"""The sign-in screen: named operator accounts only (R16)."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.domain.errors import AccountLockedError, AuthenticationError, FaceDeskError
from app.services.operator_service import OperatorService
from app.ui.labels import error_line, hint, page_title, show_error
from app.ui.messages import user_message
from app.ui.widgets.return_key import ReturnPressesFocusedButton

OTHER_LANGUAGE = {"en": ("zh_CN", "中文"), "zh_CN": ("en", "English")}


class LoginWindow(QWidget):
    """Asks for user name and password; the language can be switched before signing in.

    Signals:
        signed_in(OperatorSession): credentials were accepted.
        language_requested(str): the operator chose the other interface language.
    """

    signed_in = Signal(object)
    language_requested = Signal(str)

    def __init__(
        self, operators: OperatorService, business_name: str, language: str = "en", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        ReturnPressesFocusedButton(self)
        self._operators = operators
        other, other_name = OTHER_LANGUAGE.get(language, OTHER_LANGUAGE["en"])
        # named in its own language, so whoever reads it can find it
        self.language_button = QPushButton(other_name)
        self.language_button.setAccessibleName(self.tr("Switch the language to %1").replace("%1", other_name))
        self.language_button.setAutoDefault(False)
        self.language_button.clicked.connect(lambda: self.language_requested.emit(other))
        self.setObjectName("LoginWindow")
        self.setWindowTitle(self.tr("FaceDesk – %1").replace("%1", business_name))
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setObjectName("Primary")
        self.sign_in_button.setDefault(True)
        self.error = error_line()

        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        box = QWidget()
        box.setMaximumWidth(460)
        inner = QVBoxLayout(box)
        inner.addWidget(page_title(self.tr("Sign in")))
        inner.addWidget(hint(business_name))
        inner.addLayout(form)
        inner.addWidget(self.error)
        inner.addWidget(self.sign_in_button, alignment=Qt.AlignmentFlag.AlignRight)
        outer = QVBoxLayout(self)
        outer.addWidget(self.language_button, alignment=Qt.AlignmentFlag.AlignRight)
        outer.addStretch()
        outer.addWidget(box, alignment=Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch()
        self.resize(720, 480)
        self.setTabOrder(self.sign_in_button, self.language_button)

        self.sign_in_button.clicked.connect(self._sign_in)
        self.password.returnPressed.connect(self._sign_in)
        self.username.returnPressed.connect(self.password.setFocus)

    def reset(self, username: str = "") -> None:
        """Clear the form for the next sign-in (keeping a user name after a lock)."""
        self.username.setText(username)
        self.password.clear()
        show_error(self.error, "")
        (self.password if username else self.username).setFocus()

    def _sign_in(self) -> None:
        try:
            session = self._operators.sign_in(self.username.text(), self.password.text())
        except AccountLockedError:
            show_error(
                self.error,
                self.tr("This account is locked after too many failed sign-ins. Ask a manager, or wait and try again."),
            )
        except AuthenticationError:
            show_error(self.error, self.tr("Wrong user name or password."))
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
        else:
            self.password.clear()
            show_error(self.error, "")
            self.signed_in.emit(session)
            return
        self.password.clear()
        self.password.setFocus()
