"""The Compliance page's filing section (R21): people counted, and every filing owed or submitted.

At 100,000 people with face data the business owes a filing, and after that a change filing when
what it filed changes and a cancellation filing when it switches face recognition off, each within
30 working days. Each is listed with its deadline until an Admin records the day it was submitted.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from app.domain.errors import FaceDeskError
from app.domain.filing import FilingTask
from app.domain.operators import OperatorSession
from app.domain.roles import Permission, role_allows
from app.services.filing_service import FilingService
from app.ui.labels import error_line, show_error
from app.ui.messages import user_message


class FilingBox(QGroupBox):
    """People with face data, and the filings owed to the authority.

    Signals:
        filed(): a filing was recorded as submitted (the page refreshes its requirements).
    """

    filed = Signal()

    def __init__(self, filing: FilingService, session: OperatorSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("People with face data (filing threshold 100,000)"))
        self._filing = filing
        self._session = session
        self._tasks: list[FilingTask] = []
        self._people = 0
        self.people = QLabel()
        self.people.setWordWrap(True)
        self.tasks = QListWidget()
        self.tasks.setAccessibleName(self.tr("Filings"))
        self.tasks.setVisible(False)
        self.filed_button = QPushButton(self.tr("The selected filing was submitted today"))
        self.filed_button.setVisible(False)
        self.filed_button.setAutoDefault(True)  # Enter presses it, as Space does
        self.error = error_line()
        layout = QVBoxLayout(self)
        layout.addWidget(self.people)
        layout.addWidget(self.tasks)
        layout.addWidget(self.filed_button)
        layout.addWidget(self.error)
        self.filed_button.clicked.connect(self.mark_selected_filed)
        self.tasks.currentRowChanged.connect(lambda _: self._update_button())

    def show_state(self, people: int) -> None:
        """Show the count and reload the filings."""
        self._people = people
        self.people.setText(self.tr("%1 people with face data.").replace("%1", f"{people:,}"))
        try:
            self._tasks = self._filing.tasks(self._session)
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        self.tasks.clear()
        for task in self._tasks:
            self.tasks.addItem(QListWidgetItem(self._describe(task)))
        self.tasks.setVisible(bool(self._tasks))
        self.tasks.setFixedHeight(self.tasks.sizeHintForRow(0) * min(len(self._tasks), 5) + 8 if self._tasks else 0)
        may_record = role_allows(self._session.role, Permission.EDIT_BUSINESS_PROFILE)
        self.filed_button.setVisible(may_record and any(task.open for task in self._tasks))
        self._update_button()

    def mark_selected_filed(self) -> None:
        """Record that the selected filing was submitted today."""
        row = self.tasks.currentRow()
        if not 0 <= row < len(self._tasks):
            return
        try:
            self._filing.mark_filed(self._session, self._tasks[row].id)
        except FaceDeskError as exc:
            show_error(self.error, user_message(exc))
            return
        show_error(self.error, "")
        self.show_state(self._people)
        self.filed.emit()

    def _update_button(self) -> None:
        row = self.tasks.currentRow()
        self.filed_button.setEnabled(0 <= row < len(self._tasks) and self._tasks[row].open)

    def _describe(self, task: FilingTask) -> str:
        what = {
            "filing": self.tr("Filing (100,000 people with face data reached)"),
            "change": self.tr("Change filing (what was filed changed)"),
            "cancellation": self.tr("Cancellation filing (face recognition switched off)"),
        }[task.kind]
        if task.filed_on is not None:
            return self.tr("%1: submitted on %2.").replace("%1", what).replace("%2", task.filed_on.isoformat())
        return (
            self.tr("%1: due by %2 (arose on %3).")
            .replace("%1", what)
            .replace("%2", task.deadline.isoformat())
            .replace("%3", task.arose_on.isoformat())
        )
