"""A search box with a result list, shared by the Verify and Withdraw pages."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from app.domain.operators import OperatorSession
from app.services.directory_service import DirectoryService, PersonRow


class PeopleSearch(QWidget):
    """Find people by name, room or withdrawal code.

    Signals:
        selected(object): the chosen PersonRow (or None when the selection is cleared).
    """

    selected = Signal(object)

    def __init__(
        self, directory: DirectoryService, session: OperatorSession, placeholder: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._directory = directory
        self._session = session
        self._rows: list[PersonRow] = []
        self.query = QLineEdit()
        self.query.setPlaceholderText(placeholder)
        self.query.setAccessibleName(placeholder)
        self.search_button = QPushButton(self.tr("Search"))
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Search results"))
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.search_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.results, 1)
        self.search_button.clicked.connect(self.search)
        self.query.returnPressed.connect(self.search)
        self.results.currentRowChanged.connect(self._selected)

    def search(self) -> None:
        """Run the search and list the people found."""
        self._show(self._directory.search(self._session, self.query.text()))

    def show_rows(self, rows: list[PersonRow]) -> None:
        """List ``rows`` (for example the guests in the house) until the receptionist searches."""
        self._show(rows)

    def show_person(self, row: PersonRow) -> None:
        """List just this person, chosen (they were picked elsewhere, on the Front desk)."""
        self.query.setText(row.name)
        self._show([row])

    def _show(self, rows: list[PersonRow]) -> None:
        self._rows = rows
        self.results.clear()
        for row in self._rows:
            room = self.tr("room %1").replace("%1", row.room) if row.room else self.tr("no stay")
            face = self.tr("face data held") if row.templates else self.tr("no face data")
            item = QListWidgetItem(f"{row.name}  ·  {room}  ·  {face}")
            item.setData(Qt.ItemDataRole.UserRole, row.person_id)
            self.results.addItem(item)
        if self._rows:
            self.results.setCurrentRow(0)
            self.results.setFocus()
        else:
            self.selected.emit(None)

    def current(self) -> PersonRow | None:
        """The selected person."""
        index = self.results.currentRow()
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def refresh(self) -> None:
        """Search again with the same text (after a change)."""
        keep = self.results.currentRow()
        self.search()
        if 0 <= keep < self.results.count():
            self.results.setCurrentRow(keep)

    def enter(self) -> None:
        """The page was opened: results of an earlier search are updated, the cursor is in the box."""
        if self.query.text().strip():
            self.refresh()
        self.query.setFocus()

    def _selected(self, index: int) -> None:
        self.selected.emit(self._rows[index] if 0 <= index < len(self._rows) else None)
