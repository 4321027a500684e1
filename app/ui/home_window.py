"""The signed-in window. The desk pages (check-in, verify, withdraw...) are added by later issues."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

from app.domain.operators import OperatorSession
from app.domain.roles import Role
from app.ui.labels import hint, page_title


class HomeWindow(QMainWindow):
    """Shows who is signed in, with Lock and Sign out in the status bar.

    Signals:
        lock_requested(): the operator stepped away; the session ends and sign-in is shown.
        sign_out_requested(): the operator is done.
    """

    lock_requested = Signal()
    sign_out_requested = Signal()

    def __init__(self, session: OperatorSession, business_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        role_names = {
            Role.DESK: self.tr("Desk"),
            Role.MANAGER: self.tr("Manager"),
            Role.ADMIN: self.tr("Admin"),
        }
        self.setWindowTitle(self.tr("FaceDesk – %1").replace("%1", business_name))
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(page_title(business_name))
        layout.addWidget(hint(self.tr("FaceDesk is set up. The data on this computer is encrypted.")))
        layout.addStretch()
        self.setCentralWidget(central)

        self.operator_label = QLabel(
            self.tr("Signed in: %1 (%2)").replace("%1", session.display_name).replace("%2", role_names[session.role])
        )
        self.lock_button = QPushButton(self.tr("Lock"))
        self.lock_button.setAccessibleName(self.tr("Lock the screen"))
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.statusBar().addWidget(self.operator_label, 1)
        self.statusBar().addPermanentWidget(self.lock_button)
        self.statusBar().addPermanentWidget(self.sign_out_button)
        self.lock_button.clicked.connect(self.lock_requested)
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        self.resize(960, 640)
