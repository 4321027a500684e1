"""The People and Audit log pages: searchable tables, and the audit chain check."""

from collections.abc import Callable
from datetime import tzinfo

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.operators import OperatorSession
from app.services.audit_service import AuditService
from app.services.directory_service import DirectoryService, PersonRow
from app.ui.audit_words import detail_pairs
from app.ui.labels import page_title, set_state
from app.ui.table_models import audit_model, people_model


def table_view(model: QAbstractItemModel, name: str) -> QTableView:
    """A read-only, row-selecting table with an accessible name."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)  # Tab leaves the table (arrows move between rows), never cell by cell
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().hide()
    return view


class PeoplePage(QWidget):
    """Everyone on file, with consent state and when their face data goes."""

    FILTERS = ("all", "face", "withdrawn", "guests", "staff")

    def __init__(
        self, directory: DirectoryService, zone: tzinfo, session: OperatorSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._directory = directory
        self._zone = zone
        self._session = session
        self.model = people_model(self._zone)
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Search by name, room or withdrawal code"))
        self.query.setAccessibleName(self.tr("Search people"))
        self.filter = QComboBox()
        self.filter.setAccessibleName(self.tr("Show"))
        for key, label in zip(
            self.FILTERS,
            (
                self.tr("Everyone"),
                self.tr("Face data held"),
                self.tr("Consent withdrawn"),
                self.tr("Guests"),
                self.tr("Staff"),
            ),
            strict=True,
        ):
            self.filter.addItem(label, key)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.table = table_view(self.model, self.tr("People"))
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.filter)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("People")))
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.query.returnPressed.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.filter.currentIndexChanged.connect(self.refresh)

    def refresh(self) -> None:
        """Load the rows for the current search and filter."""
        rows = self._directory.search(self._session, self.query.text(), limit=500)
        wanted = self.filter.currentData()
        filters: dict[str, Callable[[PersonRow], bool]] = {
            "all": lambda r: True,
            "face": lambda r: r.templates > 0,
            "withdrawn": lambda r: r.consent_state == "withdrawn",
            "guests": lambda r: r.kind.value == "guest",
            "staff": lambda r: r.kind.value == "staff",
        }
        keep = filters[wanted]
        self.model.set_rows([row for row in rows if keep(row)])


class AuditPage(QWidget):
    """The audit log and its hash-chain check (Managers and Admins)."""

    def __init__(
        self, audit: AuditService, zone: tzinfo, session: OperatorSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._audit = audit
        self._zone = zone
        self._session = session
        self._operator_names: dict[int, str] = {}  # filled at each refresh: who acted, by name
        self.model = audit_model(self._zone, self._operator_names)
        self.verify_button = QPushButton(self.tr("Verify the audit chain"))
        self.verdict = QLabel()
        self.verdict.setObjectName("ResultBanner")
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName(self.tr("Audit chain verdict"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.table = table_view(self.model, self.tr("Audit log"))
        # the whole event, where a table cell would cut it with "…"
        self.event_details = QLabel(self.tr("Select an event to read all of it here."))
        self.event_details.setObjectName("Hint")
        self.event_details.setWordWrap(True)
        self.event_details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.event_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.event_details.setAccessibleName(self.tr("The selected event"))
        self.event_details.setMinimumWidth(240)
        top = QHBoxLayout()
        top.addWidget(self.verify_button)
        top.addWidget(self.verdict, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Audit log")))
        layout.addLayout(top)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addWidget(self.event_details, 1)
        layout.addLayout(body, 1)
        self.verify_button.clicked.connect(self.verify)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._show_event(current.row()))
        self.refresh_button.clicked.connect(self.refresh)

    def refresh(self) -> None:
        """Load the newest events."""
        self._operator_names.clear()
        self._operator_names.update(self._audit.operator_names(self._session))
        self.model.set_rows(self._audit.recent_events(self._session, 1000))

    def _show_event(self, row: int) -> None:
        if row < 0:
            return
        record = self.model.row_at(row)
        cells = [self.model.data(self.model.index(row, column)) for column in range(4)]
        lines = [f"{cells[3]}", f"{cells[1]} · {cells[2]}", ""]
        lines += [f"{label}: {value}" if label else value for label, value in detail_pairs(record.details)]
        self.event_details.setText("\n".join(lines))

    def verify(self) -> None:
        """Check the whole chain and say so plainly."""
        verdict = self._audit.verify_chain()
        if verdict.intact:
            self.verdict.setText(
                self.tr("Intact: all %Ln events check out; nothing was changed or removed.", "", verdict.events_checked)
            )
            set_state(self.verdict, "ok")
        else:
            self.verdict.setText(
                self.tr(
                    "Broken at event %1: the log was changed after it was written. Report this to the administrator."
                ).replace("%1", str(verdict.first_broken_id))
            )
            set_state(self.verdict, "attention")
