"""A flat, read-only table model whose cells come from one function per row.

Used by the Staff, Staff entry and Compliance pages; every use passes qtmodeltester.
"""

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")


class RowsTableModel(QAbstractTableModel, Generic[Row]):
    """A flat, read-only table of rows, each turned into cell texts by ``cells``."""

    def __init__(
        self,
        columns: Sequence[str],
        cells: Callable[[Row], tuple[str, ...]],
        translate: Callable[[str], str],
        foreground: Callable[[Row, int], QBrush | None] | None = None,
    ) -> None:
        """Columns are source texts shown through ``translate``; ``foreground`` may colour a cell."""
        super().__init__()
        self._columns = tuple(columns)
        self._cells = cells
        self._translate = translate
        self._foreground = foreground
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        """The value shown in ``row``."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        """Rows (none under a valid parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Columns."""
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Column titles."""
        if (
            orientation != Qt.Orientation.Horizontal
            or role != Qt.ItemDataRole.DisplayRole
            or not 0 <= section < len(self._columns)
        ):
            return None
        return self._translate(self._columns[section])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Cell text, and the cell's colour where ``foreground`` gives one."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and self._foreground is not None:
            return self._foreground(row, index.column())
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        return self._cells(row)[index.column()]
