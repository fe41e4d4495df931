"""Editor of one table of the plan: a grid with merged cells, and the selected cell's text below.

Typing in a cell (in the grid or in the box below, where Enter starts a new
paragraph of the cell) sets that cell's text; every other action — rows,
columns, group headings, a block pasted from Excel or Word — computes a new
table (``plan/table_edits.py``) and replaces the old one in a single edit.
Both go through the PlanDocument, so Ctrl+Z / Ctrl+Y undo and redo them with
the rest of the plan.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPlainTextEdit, QSpinBox,
                               QTableWidget, QTableWidgetItem, QToolButton, QVBoxLayout, QWidget)

from ...plan import table_edits as te
from ...plan.edits import EditError, SetValue, get_value
from ...plan.table import Table, layout
from ...plan.table_layout import column_fractions
from ...plan.text import nfc
from .bound_fields import affects, route_undo_keys

HEADER_BRUSH = QBrush(QColor(0xE8, 0xEC, 0xF2))


class TableEditor(QWidget):
    def __init__(self, document, path: str = "", parent=None):
        super().__init__(parent)
        self.document = document
        self.path = path
        self._loading = False
        self._build_ui()
        document.changed.connect(self._on_changed)
        document.replaced.connect(self.refresh)
        self.refresh()

    # ---- construction ------------------------------------------------------------
    def _build_ui(self):
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        rows_bar, cols_bar = QHBoxLayout(), QHBoxLayout()  # two short rows: the editor fits beside the outline
        self.buttons = {}
        for bar, name, text, tip, slot, keys in (
                (rows_bar, "tableAddRow", "+ Dòng", "Thêm một dòng dưới dòng đang chọn", self.add_row,
                 "Ctrl+Shift+Down"),
                (rows_bar, "tableRemoveRow", "− Dòng", "Xóa dòng đang chọn", self.remove_row, ""),
                (rows_bar, "tableRowUp", "Lên", "Chuyển dòng lên trên", lambda: self.move_row(-1), "Ctrl+Up"),
                (rows_bar, "tableRowDown", "Xuống", "Chuyển dòng xuống dưới", lambda: self.move_row(1), "Ctrl+Down"),
                (rows_bar, "tableMergeRow", "Gộp dòng", "Gộp cả dòng thành một ô: dòng tiêu đề nhóm (I., II., …)",
                 self.merge_row, ""),
                (rows_bar, "tableSplitRow", "Tách dòng", "Tách dòng đã gộp thành các ô như cũ", self.split_row, ""),
                (cols_bar, "tableAddColumn", "+ Cột", "Thêm một cột bên phải cột đang chọn", self.add_column,
                 "Ctrl+Shift+Right"),
                (cols_bar, "tableRemoveColumn", "− Cột", "Xóa cột đang chọn", self.remove_column, ""),
                (cols_bar, "tablePaste", "Dán từ Excel", "Dán một khối ô đã sao chép từ Excel hoặc Word vào ô "
                 "đang chọn (Ctrl+V)", self.paste_clipboard, "")):
            button = QToolButton()
            button.setObjectName(name)
            button.setText(text)
            button.setToolTip(tip + (f" ({keys})" if keys else ""))
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[name] = button
        rows_bar.addStretch(1)
        cols_bar.addStretch(1)
        cols_bar.addWidget(QLabel("Dòng tiêu đề:"))
        self.header_spin = QSpinBox()
        self.header_spin.setObjectName("tableHeaderRows")
        self.header_spin.setToolTip("Số dòng tiêu đề của bảng: in đậm, lặp lại ở đầu mỗi trang")
        self.header_spin.setRange(0, 5)
        self.header_spin.valueChanged.connect(self._on_header)
        cols_bar.addWidget(self.header_spin)
        outer.addLayout(rows_bar)
        outer.addLayout(cols_bar)
        self.grid = QTableWidget()
        self.grid.setObjectName("tableGrid")
        self.grid.setAccessibleName("Bảng")
        self.grid.setWordWrap(True)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.grid.itemChanged.connect(self._on_item_changed)
        self.grid.currentCellChanged.connect(lambda *_: self._show_cell())
        for keys, slot in (("Ctrl+V", self.paste_clipboard), ("Ctrl+Shift+Down", self.add_row),
                           ("Ctrl+Shift+Right", self.add_column), ("Ctrl+Up", lambda: self.move_row(-1)),
                           ("Ctrl+Down", lambda: self.move_row(1))):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.grid.addAction(action)
        self.grid.setMinimumHeight(90)
        outer.addWidget(self.grid, 3)
        self.cell_text = QPlainTextEdit()
        self.cell_text.setObjectName("tableCellText")
        self.cell_text.setMaximumHeight(52)
        self.cell_text.setPlaceholderText("Nội dung ô đang chọn; Enter: xuống dòng trong ô")
        self.cell_text.setToolTip("Nội dung ô đang chọn (Enter: xuống dòng trong ô)")
        self.cell_text.setUndoRedoEnabled(False)
        route_undo_keys(self.cell_text)
        self.cell_text.textChanged.connect(self._on_cell_typed)
        outer.addWidget(self.cell_text, 1)

    # ---- model → view -------------------------------------------------------------
    def table(self) -> Table | None:
        try:
            value = get_value(self.document.plan, self.path) if self.path else None
        except EditError:
            return None
        return value if isinstance(value, Table) else None

    def set_path(self, path: str):
        self.path = path
        self.refresh()

    def refresh(self):
        table = self.table()
        self._loading = True
        r0, c0 = self.grid.currentRow(), self.grid.currentColumn()
        self.grid.clearSpans()
        self.grid.clear()
        self.setEnabled(table is not None)
        if table is None:
            self.grid.setRowCount(0)
            self._loading = False
            return
        grid = layout(table)
        self.grid.setRowCount(len(table.rows))
        self.grid.setColumnCount(grid.columns)
        self.grid.setHorizontalHeaderLabels([f"Cột {k + 1}" for k in range(grid.columns)])
        bold = QFont(self.grid.font())
        bold.setBold(True)
        for (r, i, top, left, rs, cs) in grid.placed:
            if left >= grid.columns:
                continue
            item = QTableWidgetItem(table.rows[r][i].text)
            if r < table.header or (cs >= grid.columns > 1):
                item.setFont(bold)
            if r < table.header:
                item.setBackground(HEADER_BRUSH)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.grid.setItem(top, left, item)
            if rs > 1 or cs > 1:
                self.grid.setSpan(top, left, min(rs, len(table.rows) - top), min(cs, grid.columns - left))
        self._fit_columns(table)
        self.header_spin.blockSignals(True)
        self.header_spin.setValue(table.header)
        self.header_spin.blockSignals(False)
        if self.grid.rowCount() and self.grid.columnCount():
            self.grid.setCurrentCell(max(0, min(r0, self.grid.rowCount() - 1)),
                                     max(0, min(c0, self.grid.columnCount() - 1)))
        self._loading = False
        self._show_cell()

    def _fit_columns(self, table: Table):
        """Columns as wide, relatively, as they will print (the TT column narrow)."""
        fractions = column_fractions(table)
        room = max(240, self.width() - self.grid.verticalHeader().width() - 24)  # less the scroll bar
        for k, f in enumerate(fractions):
            self.grid.setColumnWidth(k, max(40, int(room * f)))
        self.grid.resizeRowsToContents()

    def resizeEvent(self, event):  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        table = self.table()
        if table is not None and table.rows:
            self._fit_columns(table)

    def select_cell_path(self, path: str) -> bool:
        """Put the cursor on the cell a path names (``….rows[3][2].text``, e.g. a validator warning)."""
        import re

        self.grid.setFocus()
        m = re.search(r"\.rows\[(\d+)\](?:\[(\d+)\])?", path[len(self.path):])
        table = self.table()
        if not m or table is None:
            return True
        r, i = int(m.group(1)), int(m.group(2) or 0)
        for (row, index, top, left, rs, cs) in layout(table).placed:
            if (row, index) == (r, i):
                self.grid.setCurrentCell(top, left)
                break
        return True

    def _cell_path(self, r: int | None = None, c: int | None = None) -> str | None:
        table = self.table()
        r = self.grid.currentRow() if r is None else r
        c = self.grid.currentColumn() if c is None else c
        if table is None or r < 0 or c < 0:
            return None
        where = te.position(table, r, c)
        return f"{self.path}.rows[{where[0]}][{where[1]}].text" if where else None

    def _show_cell(self):
        path = self._cell_path()
        text = str(get_value(self.document.plan, path)) if path else ""
        self.cell_text.setEnabled(path is not None)
        if nfc(self.cell_text.toPlainText()) != text:
            self._loading, was = True, self._loading
            self.cell_text.setPlainText(text)
            self._loading = was

    def _on_changed(self, path: str):
        if not self.path or not affects(path, self.path):
            return
        if path.endswith(".text") and path.startswith(self.path + ".rows["):
            self._update_cell(path)  # typing: the grid keeps its editor and selection
            return
        self.refresh()

    def _update_cell(self, path: str):
        table = self.table()
        if table is None:
            return
        for (r, i, top, left, rs, cs) in layout(table).placed:
            if path == f"{self.path}.rows[{r}][{i}].text":
                item = self.grid.item(top, left)
                text = table.rows[r][i].text
                if item is not None and item.text() != text:
                    self._loading = True
                    item.setText(text)
                    self._loading = False
        if self.grid.hasFocus() or not self.cell_text.hasFocus():
            self._show_cell()

    # ---- view → model ---------------------------------------------------------------
    def _on_item_changed(self, item: QTableWidgetItem):
        if self._loading:
            return
        path = self._cell_path(item.row(), item.column())
        if path:
            self.document.set_value(path, nfc(item.text()))

    def _on_cell_typed(self):
        if self._loading:
            return
        path = self._cell_path()
        if path:
            self.document.set_value(path, nfc(self.cell_text.toPlainText()))

    def _replace(self, new: Table | None, text: str):
        if new is None or self.table() is None:
            return
        self.document.apply(SetValue(self.path, new), text=text)

    def _row_col(self) -> tuple[int, int]:
        return max(0, self.grid.currentRow()), max(0, self.grid.currentColumn())

    def add_row(self):
        r, c = self._row_col()
        self._replace(te.insert_row(self.table(), r + 1 if self.grid.rowCount() else 0), "Thêm dòng bảng")
        self.grid.setCurrentCell(min(r + 1, self.grid.rowCount() - 1), c)

    def remove_row(self):
        r, c = self._row_col()
        self._replace(te.remove_row(self.table(), r), "Xóa dòng bảng")

    def add_column(self):
        r, c = self._row_col()
        self._replace(te.insert_column(self.table(), c + 1 if self.grid.columnCount() else 0), "Thêm cột bảng")

    def remove_column(self):
        r, c = self._row_col()
        self._replace(te.remove_column(self.table(), c), "Xóa cột bảng")

    def move_row(self, step: int):
        r, c = self._row_col()
        new = te.move_row(self.table(), r, step)
        self._replace(new, "Di chuyển dòng bảng")
        if new is not None:
            self.grid.setCurrentCell(r + step, c)

    def merge_row(self):
        self._replace(te.merge_row(self.table(), self._row_col()[0]), "Gộp dòng thành tiêu đề nhóm")

    def split_row(self):
        self._replace(te.split_row(self.table(), self._row_col()[0]), "Tách dòng đã gộp")

    def _on_header(self, value: int):
        table = self.table()
        if table is not None and value != table.header:
            self._replace(te.set_header(table, value), "Đổi số dòng tiêu đề")

    def paste_text(self, text: str) -> bool:
        """A block copied from a spreadsheet or a Word table, written from the current cell on."""
        block = te.parse_block(text)
        if not block or self.table() is None:
            return False
        r, c = self._row_col()
        self._replace(te.paste_block(self.table(), r, c, block), "Dán khối ô")
        return True

    def paste_clipboard(self):
        self.paste_text(QGuiApplication.clipboard().text())

    def insert_text(self, text: str) -> bool:
        """A paragraph (e.g. from the library) added to the current cell, as a new paragraph of it."""
        path = self._cell_path()
        if not path:
            return False
        old = str(get_value(self.document.plan, path))
        self.document.apply(SetValue(path, f"{old}\n{nfc(text)}" if old.strip() else nfc(text)),
                            text="Chèn đoạn mẫu vào ô")
        self._show_cell()
        return True
