"""Settings: what face recognition is used for, and switching a purpose off (R1, R13).

Switching a purpose off deletes the face data held for it at once, so the box asks first and says
how many people it concerns; switching one on needs a new impact assessment (the Compliance page
says so) before any face is enrolled.
"""

from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from app.domain.business import Purpose
from app.domain.errors import FaceDeskError
from app.domain.operators import OperatorSession
from app.domain.roles import Permission, role_allows
from app.services.business_service import BusinessService
from app.ui.labels import error_line, hint, own_icon, show_error
from app.ui.messages import user_message


class PurposesBox(QGroupBox):
    """The purposes, with one Save that confirms before deleting anything."""

    def __init__(self, business: BusinessService, session: OperatorSession, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Face recognition is used for"), parent)
        self._business = business
        self._session = session
        self.boxes = {
            Purpose.GUEST_VERIFICATION: QCheckBox(self.tr("Verify returning guests (key pickup, breakfast, luggage)")),
            Purpose.STAFF_ENTRY: QCheckBox(self.tr("Staff entry and attendance")),
        }
        self.save_button = QPushButton(self.tr("Save purposes"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.error = error_line()
        self.confirmation: QMessageBox | None = None
        layout = QVBoxLayout(self)
        for box in self.boxes.values():
            layout.addWidget(box)
        layout.addWidget(
            hint(self.tr("Switching a purpose off deletes the face data held for it at once. The ID check stays."))
        )
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.save_button)
        layout.addLayout(row)
        self.setEnabled(role_allows(session.role, Permission.EDIT_BUSINESS_PROFILE))
        self.save_button.clicked.connect(self.save)
        self.refresh()

    def refresh(self) -> None:
        """Show the purposes recorded now."""
        recorded = self._business.profile().purposes
        for purpose, box in self.boxes.items():
            box.setChecked(purpose in recorded)

    def chosen(self) -> frozenset[Purpose]:
        """The purposes ticked."""
        return frozenset(purpose for purpose, box in self.boxes.items() if box.isChecked())

    def save(self) -> None:
        """Save; when face data would be deleted, ask first with the number of people."""
        try:
            switched_off = self._business.profile().purposes - self.chosen()
            people, _templates = self._business.face_data_for(self._session, switched_off)
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        if people == 0:
            self._store()
            return
        question = (
            self.tr(
                "Switching this off deletes the face data of one person now. They are verified with their ID "
                "document from then on. Continue?"
            )
            if people == 1
            else self.tr(
                "Switching this off deletes the face data of %1 people now. They are verified with their ID "
                "document from then on. Continue?"
            ).replace("%1", str(people))
        )
        self.confirmation = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete face data"), question, parent=self)
        own_icon(self.confirmation)
        self.confirmation.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        self.confirmation.button(QMessageBox.StandardButton.Yes).setText(self.tr("Switch off and delete"))
        self.confirmation.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirmation.finished.connect(self._answered)
        self.confirmation.open()

    def _answered(self, result: int) -> None:
        self.confirmation = None
        if result == QMessageBox.StandardButton.Yes:
            self._store()
        else:
            self.refresh()

    def _store(self) -> None:
        try:
            self._business.update(self._session, purposes=self.chosen())
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        show_error(self.error, "")
        self.status.setText(self.tr("Saved. The Compliance page shows what the change needs next."))
        self.refresh()
