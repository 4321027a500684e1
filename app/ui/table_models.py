"""Table models for the People and Audit log pages."""

import json
from datetime import tzinfo

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from app.domain.audit import AuditRecord
from app.domain.clock import from_utc_text
from app.domain.people import PersonKind
from app.services.directory_service import PersonRow
from app.ui.names import audit_action_name

Index = QModelIndex | QPersistentModelIndex


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # lupdate looks for this exact name
    """Mark ``text`` for translation in ``context``."""
    del context
    return text


PEOPLE_COLUMNS = (
    QT_TRANSLATE_NOOP("TableModels", "Name"),
    QT_TRANSLATE_NOOP("TableModels", "Type"),
    QT_TRANSLATE_NOOP("TableModels", "Room"),
    QT_TRANSLATE_NOOP("TableModels", "Face data"),
    QT_TRANSLATE_NOOP("TableModels", "Consent"),
    QT_TRANSLATE_NOOP("TableModels", "Face data deleted by"),
)
AUDIT_COLUMNS = (
    QT_TRANSLATE_NOOP("TableModels", "No."),
    QT_TRANSLATE_NOOP("TableModels", "Time"),
    QT_TRANSLATE_NOOP("TableModels", "By"),
    QT_TRANSLATE_NOOP("TableModels", "Event"),
    QT_TRANSLATE_NOOP("TableModels", "Details"),
)
CONSENT_STATES = {
    "live": QT_TRANSLATE_NOOP("TableModels", "Given"),
    "withdrawn": QT_TRANSLATE_NOOP("TableModels", "Withdrawn"),
    "ended": QT_TRANSLATE_NOOP("TableModels", "Ended"),
    "none": QT_TRANSLATE_NOOP("TableModels", "None"),
}
GUEST = QT_TRANSLATE_NOOP("TableModels", "Guest")
STAFF = QT_TRANSLATE_NOOP("TableModels", "Staff")
TEMPLATES = QT_TRANSLATE_NOOP("TableModels", "%1 template(s)")


def _t(text: str) -> str:
    return QCoreApplication.translate("TableModels", text)


def readable_details(details: str) -> str:
    """Stored JSON details as "key: value · key: value" (the stored text itself if it is not JSON)."""
    try:
        values = json.loads(details)
    except ValueError:
        return details
    if not isinstance(values, dict):
        return details
    return " · ".join(f"{key}: {value}" for key, value in values.items())


class PeopleTableModel(QAbstractTableModel):
    """People with their stay, face data, consent state and deletion date."""

    def __init__(self, zone: tzinfo) -> None:
        super().__init__()
        self._rows: list[PersonRow] = []
        self._zone = zone

    def set_rows(self, rows: list[PersonRow]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> PersonRow:
        """The person in ``row``."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        """Rows (none under a valid parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Columns."""
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or not 0 <= section < 6:
            return None
        return _t(PEOPLE_COLUMNS[section])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Cell text."""
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        row = self._rows[index.row()]
        values = (
            row.name,
            _t(GUEST) if row.kind is PersonKind.GUEST else _t(STAFF),
            row.room or "",
            _t(TEMPLATES).replace("%1", str(row.templates)) if row.templates else _t(CONSENT_STATES["none"]),
            _t(CONSENT_STATES[row.consent_state]),
            row.delete_by.astimezone(self._zone).strftime("%Y-%m-%d %H:%M") if row.delete_by else "",
        )
        return values[index.column()]


class AuditTableModel(QAbstractTableModel):
    """Audit events, newest first. They hold no names or biometric data."""

    def __init__(self, zone: tzinfo) -> None:
        super().__init__()
        self._rows: list[AuditRecord] = []
        self._zone = zone

    def set_rows(self, rows: list[AuditRecord]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Rows."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Columns."""
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or not 0 <= section < 5:
            return None
        return _t(AUDIT_COLUMNS[section])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Cell text."""
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        record = self._rows[index.row()]
        subject = f" #{record.subject_id}" if record.subject_id is not None else ""
        values = (
            str(record.id),
            from_utc_text(record.occurred_at).astimezone(self._zone).strftime("%Y-%m-%d %H:%M:%S"),
            record.actor,
            audit_action_name(record.action) + subject,
            readable_details(record.details),
        )
        return values[index.column()]
