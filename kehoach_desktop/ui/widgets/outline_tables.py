"""The outline editor's tables: a table row shows the table editor in place of the text box.

A mixin of ``OutlineEditor`` (kept apart so that each file has one job): adding a
table (the form's usual one for the part), showing its editor with room to
work, and telling which table a change of the plan is inside.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter

from ...plan.edits import EditError, get_value
from ...plan.table import Table


class OutlineTables:
    """Needs: ``document``, ``right`` (a QStackedWidget), ``text_edit``, ``splitter``, ``hint``,
    ``_current``, ``_insert`` and ``_update_buttons`` from the editor."""

    table_editor = None

    @staticmethod
    def _get(plan, path: str):
        try:
            return get_value(plan, path)
        except EditError:
            return None

    def _show_table(self) -> bool:
        """When a table is selected, show its editor instead of the text box."""
        value = self._get(self.document.plan, self._current) if self._current else None
        if not isinstance(value, Table):
            self.right.setCurrentWidget(self.text_edit)
            return False
        if self.table_editor is None:
            from .table_editor import TableEditor

            self.table_editor = TableEditor(self.document, self._current)
            self.table_editor.setObjectName("tableEditor")
            self.right.addWidget(self.table_editor)
        elif self.table_editor.path != self._current:
            self.table_editor.set_path(self._current)
        if self.right.currentWidget() is not self.table_editor:
            self._give_table_room()
        self.right.setCurrentWidget(self.table_editor)
        self.hint.setText("Đang sửa bảng: gõ vào ô, hoặc dán một khối ô từ Excel/Word (Ctrl+V). "
                          "“Gộp dòng” làm dòng tiêu đề nhóm.")
        self._update_buttons()
        return True

    def _give_table_room(self):
        """Narrow the outline so the table has the width; after the click that chose the table is
        over (resizing the tree under a pressed mouse makes its release clear the selection)."""
        if QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton:
            QTimer.singleShot(50, self._give_table_room)
            return
        total = sum(self.splitter.sizes()) or 600
        self.splitter.setSizes([total // 4, total - total // 4])
        child, parent = self, self.parentWidget()  # a step's outline | library splitter: more height too
        while parent is not None and not (isinstance(parent, QSplitter)
                                          and parent.orientation() == Qt.Orientation.Vertical):
            child, parent = parent, parent.parentWidget()
        if parent is not None and parent.count() == 2:
            total = sum(parent.sizes())
            mine = parent.indexOf(child)
            sizes = [total * 3 // 10] * 2
            sizes[mine] = total - sizes[1 - mine]
            parent.setSizes(sizes)

    def add_table(self):
        """A new table: the form's usual one for this part (e.g. the duties table), else three columns."""
        from ...plan.table_edits import new_table

        header = list(self.usual_table) or ["TT", "Nội dung", "Ghi chú"]
        self._insert(new_table(header, body_rows=2), False, "Thêm bảng")
        if self.table_editor is not None:
            self.table_editor.grid.setFocus()
            self.table_editor.grid.setCurrentCell(min(1, self.table_editor.grid.rowCount() - 1), 0)


def table_of(path: str) -> str | None:
    """``"….content[2].rows[1][0].text"`` → ``"….content[2]"``: the table a change is inside."""
    for marker in (".rows", ".header", ".widths"):
        at = path.find(marker)
        if at > 0:
            return path[:at]
    return None
