"""The register's rows as a Qt table: sort by any column, filter by year, kind and folded words.

All rows of the unit are read once (5,000 rows take milliseconds); filtering and sorting
work on that list in Python with each row's folded text computed once, so typing in the
search box never touches the database. Only the note column is editable; its edit is
written to the register at once.
"""
from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from ..plan.text import fold

HEADERS = ("Số, ký hiệu", "Ngày", "Tên loại và trích yếu", "Người ký", "Nơi nhận", "Bản lưu", "Số bản",
           "Ghi chú")
NOTE_COLUMN = 7
_SORT_KEYS = (
    lambda e: (e.date[:4], e.number, e.date), lambda e: (e.date, e.number), lambda e: fold(e.title()),
    lambda e: fold(e.signer), lambda e: fold("; ".join(e.recipients)), lambda e: fold(e.archive),
    lambda e: int(e.copies) if str(e.copies).isdigit() else -1, lambda e: fold(e.note),
)


def _cell(entry, column: int) -> str:
    if column == 0:
        return entry.number_and_symbol()
    if column == 1:
        return _dt.date.fromisoformat(entry.date).strftime("%d/%m/%Y")
    return (entry.title(), entry.signer, "; ".join(entry.recipients), entry.archive, str(entry.copies or ""),
            entry.note)[column - 2]


class RegisterTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.book = None
        self.all: list = []
        self.rows: list = []
        self._folded: dict[int, str] = {}
        self._filter = (None, "", "")
        self._sort = (1, Qt.SortOrder.AscendingOrder)

    def set_entries(self, book, entries: list) -> None:
        self.book = book
        self.all = entries
        self._folded = {id(e): fold(" ".join((e.number_and_symbol(), _cell(e, 1), e.title(), e.signer,
                                              " ".join(e.recipients), e.archive, e.note))) for e in entries}
        self.apply_filter(*self._filter)

    def apply_filter(self, year: int | None = None, kind: str = "", words: str = "") -> None:
        self._filter = (year, kind, words)
        needles = fold(words).split()
        prefix = f"{year:04d}-" if year else ""
        self.beginResetModel()
        self.rows = [e for e in self.all if (not prefix or e.date.startswith(prefix)) and (not kind or e.kind == kind)
                     and all(n in self._folded[id(e)] for n in needles)]
        self._sort_rows()
        self.endResetModel()

    def _sort_rows(self) -> None:
        column, order = self._sort
        self.rows.sort(key=_SORT_KEYS[column], reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:  # noqa: D102 - Qt API
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._sort_rows()
        self.layoutChanged.emit()

    # ---- Qt's table API --------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return _cell(entry, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (2, 4):
            return _cell(entry, index.column()).replace("; ", "\n")
        return None

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == NOTE_COLUMN else base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or index.column() != NOTE_COLUMN or self.book is None:
            return False
        entry = self.rows[index.row()]
        self.book.set_note(entry.id, str(value))
        entry.note = str(value).strip()
        self._folded[id(entry)] = fold(f"{self._folded[id(entry)]} {entry.note}")
        self.dataChanged.emit(index, index)
        return True

    def entry_at(self, row: int):
        return self.rows[row] if 0 <= row < len(self.rows) else None
