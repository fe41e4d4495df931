"""Outline editor of one top-level section: a tree of subsections and paragraphs.

Every change is an edit applied through the PlanDocument, so undo/redo covers
it; the tree is rebuilt from the model after structural changes (labels
renumber live) and only relabelled in place while the user types.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QSplitter,
                               QStackedWidget, QToolButton, QTreeWidgetItem, QVBoxLayout, QWidget)

from ...plan.edits import (Batch, EditError, InsertItem, RemoveItem, SetValue, get_value,
                           indent_item, item_path, move_down, move_up, outdent_item,
                           split_item_path, target_path)
from ...plan.model import Section
from ...plan.table import Table
from ...plan.text import nfc
from .bound_fields import affects, bind_line_edit, route_undo_keys
from .outline_model import Row, build_rows, root_label, root_of, table_caption
from .outline_tables import OutlineTables, table_of
from .outline_tree import OutlineTree

PATH_ROLE = Qt.ItemDataRole.UserRole
LABEL_ROLE = Qt.ItemDataRole.UserRole + 1


class OutlineEditor(OutlineTables, QWidget):
    def __init__(self, document, list_path: str = "sections[0].content", parent=None,
                 usual_table: tuple = ()):
        super().__init__(parent)
        self.document = document
        self.list_path = list_path
        self.usual_table = tuple(usual_table)  # the form's usual table for this part (its header row)
        self.table_editor = None  # built when a table is first selected (outline_tables)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._current: str | None = None  # path of the selected item
        self._loading = False
        self._build_ui()
        document.changed.connect(self._on_changed)
        document.replaced.connect(self._on_replaced)
        self.rebuild()
        if self._current is None and self.tree.topLevelItemCount():
            self._select(self.tree.topLevelItem(0).data(0, PATH_ROLE))  # ready to type

    # ---- construction -----------------------------------------------------------
    def _build_ui(self):
        outer = QVBoxLayout(self)
        title_row = QHBoxLayout()
        self.root_label = QLabel()
        self.root_label.setObjectName("sectionLabel")
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("sectionTitle")
        self.title_edit.setPlaceholderText("Tiêu đề phần này, ví dụ: MỤC ĐÍCH, YÊU CẦU")
        self.title_edit.setToolTip("Tiêu đề của phần (mục cấp cao nhất)")
        self.title_label = QLabel("Tiêu đề phần:")
        title_row.addWidget(self.title_label)
        title_row.addWidget(self.root_label)
        title_row.addWidget(self.title_edit, 1)
        outer.addLayout(title_row)
        root = root_of(self.list_path)
        if root:
            bind_line_edit(self.title_edit, self.document, f"{root}.title")
        else:
            self.title_edit.setEnabled(False)

        buttons = QHBoxLayout()
        self.actions = {}
        specs = [
            ("outlineAddSection", "Thêm mục", "Thêm một mục (có số thứ tự) sau dòng đang chọn",
             "Ctrl+Shift+Return", self.add_section),
            ("outlineAddParagraph", "Thêm đoạn", "Thêm một đoạn văn sau dòng đang chọn",
             "Ctrl+Return", self.add_paragraph),
            ("outlineAddTable", "Thêm bảng", "Thêm một bảng sau dòng đang chọn", "Ctrl+Shift+T", self.add_table),
            ("outlineDelete", "Xóa", "Xóa dòng đang chọn", "Delete", self.delete_current),
            ("outlineUp", "Lên", "Chuyển lên trên", "Ctrl+Up", self.move_current_up),
            ("outlineDown", "Xuống", "Chuyển xuống dưới", "Ctrl+Down", self.move_current_down),
            ("outlineIndent", "Lùi vào", "Đưa vào làm mục con của mục phía trên",
             "Ctrl+Right", self.indent_current),
            ("outlineOutdent", "Lùi ra", "Đưa ra ngoài mục cha", "Ctrl+Left",
             self.outdent_current),
        ]
        self.tree = OutlineTree()
        for name, text, tip, keys, slot in specs:
            button = QToolButton()
            button.setObjectName(name)
            button.setText(text)
            button.setToolTip(f"{tip} ({keys.replace('Return', 'Enter')})")
            button.clicked.connect(slot)
            buttons.addWidget(button)
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            # Adding works from the text box too; moving keys only in the tree (text keeps Ctrl+arrows).
            if name in ("outlineAddSection", "outlineAddParagraph", "outlineAddTable"):
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.addAction(action)
            else:
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                self.tree.addAction(action)
            action.triggered.connect(slot)
            self.actions[name] = button
        buttons.addStretch(1)
        outer.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.tree.setObjectName("outlineTree")
        self.tree.setHeaderHidden(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)  # the tooltip holds the whole text
        self.tree.setAccessibleName("Dàn ý")
        self.tree.text_dropped.connect(self._on_text_dropped)
        self.tree.currentItemChanged.connect(self._on_current_item)
        self.tree.setToolTip("Ctrl+→: lùi vào · Ctrl+←: lùi ra · Ctrl+↑/↓: di chuyển · Delete: xóa")
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("outlineText")
        self.text_edit.setUndoRedoEnabled(False)
        self.text_edit.setTabChangesFocus(True)  # Tab leaves the box; a tab is never typed into a plan
        self.text_edit.setAccessibleName("Nội dung dòng đang chọn")
        route_undo_keys(self.text_edit)
        self.text_edit.textChanged.connect(self._on_text_typed)
        splitter.addWidget(self.tree)
        self.right = QStackedWidget()  # the selected row's text, or the selected table's editor
        self.right.addWidget(self.text_edit)
        splitter.addWidget(self.right)
        self.splitter = splitter
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        outer.addWidget(splitter, 1)
        self.hint = QLabel()
        self.hint.setObjectName("outlineHint")
        self.hint.setWordWrap(True)
        outer.addWidget(self.hint)

    # ---- model → view --------------------------------------------------------------
    def rebuild(self):
        """Rebuild the tree from the plan, keeping the selected path when it still exists."""
        self._loading = True
        self.tree.clear()
        self._items = {}
        bold = QFont(self.tree.font())
        bold.setBold(True)

        def add(rows, parent):
            for row in rows:
                item = QTreeWidgetItem([row.display])
                item.setData(0, PATH_ROLE, row.path)
                item.setData(0, LABEL_ROLE, row.label)
                item.setToolTip(0, row.text)
                if row.is_section:
                    item.setFont(0, bold)
                else:
                    item.setForeground(0, self.palette().placeholderText())
                parent.addChild(item) if parent is not None else self.tree.addTopLevelItem(item)
                self._items[row.path] = item
                add(row.children, item)

        add(build_rows(self.document.plan, self.list_path), None)
        self.tree.expandAll()
        self.root_label.setText(root_label(self.document.plan, self.list_path))
        self._loading = False
        self._select(self._current if self._current in self._items else self._fallback())

    def _fallback(self) -> str | None:
        """After a delete: the item now at the same place, else the one before, else the parent."""
        path = self._current
        while path:
            if path in self._items:
                return path
            try:
                list_path, index = split_item_path(path)
            except EditError:
                return None
            if index > 0 and item_path(list_path, index - 1) in self._items and (
                    item_path(list_path, index) not in self._items):
                return item_path(list_path, index - 1)
            path = root_of(list_path)
        return None

    def _select(self, path: str | None):
        item = self._items.get(path) if path else None
        self._current = path if item else None
        self.tree.setCurrentItem(item)
        self._show_text()

    def _text_path(self) -> str | None:
        """Where the text box writes: a paragraph's own path or a section's title."""
        if not self._current:
            return None
        try:
            value = get_value(self.document.plan, self._current)
        except EditError:
            return None
        if isinstance(value, Table):
            return None
        return f"{self._current}.title" if isinstance(value, Section) else self._current

    def _show_text(self):
        if self._show_table():
            return
        path = self._text_path()
        self.text_edit.setEnabled(path is not None)
        text = ""
        if path:
            text = str(get_value(self.document.plan, path))
            is_title = path.endswith(".title")
            self.text_edit.setPlaceholderText("Gõ tiêu đề mục…" if is_title else "Gõ nội dung đoạn văn…")
            self.hint.setText("Đang sửa tiêu đề mục (không gõ số thứ tự: phần mềm tự đánh số)."
                              if is_title else "Đang sửa đoạn văn. Enter để xuống dòng thành đoạn mới.")
        else:
            self.hint.setText("Chọn một dòng để sửa, hoặc bấm “Thêm mục” / “Thêm đoạn”.")
        if nfc(self.text_edit.toPlainText()) != text:
            self._loading = True
            pos = self.text_edit.textCursor().position()
            self.text_edit.setPlainText(text)
            cursor = self.text_edit.textCursor()
            cursor.setPosition(min(pos, len(text)))
            self.text_edit.setTextCursor(cursor)
            self._loading = False
        self._update_buttons()

    def _update_buttons(self):
        has = self._current is not None
        for name in ("outlineDelete", "outlineUp", "outlineDown", "outlineIndent", "outlineOutdent"):
            self.actions[name].setEnabled(has)

    def _on_changed(self, path: str):
        root = root_of(self.list_path) or self.list_path
        if not affects(path, root) and path != "numbering":
            return  # another part of the plan: our labels count siblings only
        if path == f"{root}.title":
            return  # the title field is bound by itself
        inside = table_of(path)
        if inside and inside in self._items:  # a table's cells, rows or header: its editor follows
            self._relabel(self._items[inside])
            return
        key = path[: -len(".title")] if path.endswith(".title") else path
        item = self._items.get(key)
        if item is not None and path != root and (
                path.endswith(".title") or isinstance(_safe_get(self.document.plan, path), str)):
            self._relabel(item)  # typing: no rebuild, the selection and scroll stay
            return
        self.rebuild()

    def _on_replaced(self):
        self._current = None
        self.rebuild()
        if self.tree.topLevelItemCount():
            self._select(self.tree.topLevelItem(0).data(0, PATH_ROLE))

    def _relabel(self, item: QTreeWidgetItem):
        value = _safe_get(self.document.plan, item.data(0, PATH_ROLE))
        is_section = isinstance(value, Section)
        if isinstance(value, Table):
            item.setText(0, table_caption(value))
            return
        text = value.title if is_section else str(value or "")
        row = Row(item.data(0, PATH_ROLE), is_section, item.data(0, LABEL_ROLE) or "", text)
        item.setText(0, row.display)
        item.setToolTip(0, text)
        if item.data(0, PATH_ROLE) == self._current:
            self._show_text()

    # ---- view → model ------------------------------------------------------------------
    def _on_current_item(self, current, _previous):
        if self._loading:
            return
        self._current = current.data(0, PATH_ROLE) if current is not None else None
        self._show_text()

    def _on_text_typed(self):
        if self._loading:
            return
        path = self._text_path()
        text = nfc(self.text_edit.toPlainText())
        if path is None:
            return
        if not path.endswith(".title") and "\n" in text:
            self._split_paragraph(path, text)
            return
        if text != get_value(self.document.plan, path):
            self.document.set_value(path, text.replace("\n", " "))

    def _split_paragraph(self, path: str, text: str):
        """Enter inside a paragraph: the text after it becomes a new paragraph below."""
        parts = [p.strip() for p in text.split("\n")]
        list_path, index = split_item_path(path)
        edits = [SetValue(path, parts[0])]
        edits += [InsertItem(list_path, index + k, p) for k, p in enumerate(parts[1:], 1)]
        self._current = item_path(list_path, index + len(parts) - 1)
        self.document.apply(Batch(tuple(edits)), text="Tách đoạn")
        self.text_edit.setFocus()
        cursor = self.text_edit.textCursor()
        cursor.setPosition(0)
        self.text_edit.setTextCursor(cursor)

    def _place_for_new(self, paragraph: bool) -> tuple[str, int]:
        """Insert after the selection; a paragraph added on a section goes inside it, at its end."""
        if not self._current:
            items = _safe_get(self.document.plan, self.list_path) or []
            return self.list_path, len(items)
        value = _safe_get(self.document.plan, self._current)
        if paragraph and isinstance(value, Section):
            return f"{self._current}.content", len(value.content)
        list_path, index = split_item_path(self._current)
        return list_path, index + 1

    def _insert(self, item, paragraph: bool, text: str):
        if _safe_get(self.document.plan, self.list_path) is None:
            return
        list_path, index = self._place_for_new(paragraph)
        edit = InsertItem(list_path, index, item)
        self._current = target_path(edit)
        self.document.apply(edit, text=text)
        self._select(self._current)

    def add_section(self):
        self._insert(Section(title=""), False, "Thêm mục")
        self.text_edit.setFocus()

    def add_paragraph(self):
        self._insert("", True, "Thêm đoạn")
        self.text_edit.setFocus()

    def insert_paragraph(self, text: str):
        """Insert a paragraph (e.g. from the library) after the selection, or into the selected table's cell."""
        if self.table_editor is not None and self.right.currentWidget() is self.table_editor \
                and self.table_editor.insert_text(text):
            return
        self._insert(nfc(text), True, "Chèn đoạn mẫu")

    def _on_text_dropped(self, text: str, item):
        """A paragraph dragged onto a row goes after that row (inside it when it is a section)."""
        if item is not None:
            self._select(item.data(0, PATH_ROLE))
        self.insert_paragraph(text)

    def delete_current(self):
        if not self._current:
            return
        list_path, index = split_item_path(self._current)
        self.document.apply(RemoveItem(list_path, index), text="Xóa dòng")

    def _apply_outline(self, make, text: str):
        if not self._current:
            return
        list_path, index = split_item_path(self._current)
        if make is outdent_item and list_path == self.list_path:
            return  # would leave this step's section
        batch = make(self.document.plan, list_path, index)
        if batch is None:
            return
        self._current = target_path(batch)
        self.document.apply(batch, text=text)
        self._select(self._current)
        self.tree.setFocus()

    def move_current_up(self):
        self._apply_outline(move_up, "Chuyển lên")

    def move_current_down(self):
        self._apply_outline(move_down, "Chuyển xuống")

    def indent_current(self):
        self._apply_outline(indent_item, "Lùi vào")

    def outdent_current(self):
        self._apply_outline(outdent_item, "Lùi ra")

    # ---- navigation -------------------------------------------------------------------
    def select_path(self, path: str) -> bool:
        """Select the item that holds ``path`` (e.g. a validation problem's place); True if found."""
        root = root_of(self.list_path)
        if root and path in (root, f"{root}.title"):
            self.title_edit.setFocus()
            return True
        probe = path
        while probe and probe not in self._items:
            probe = probe.rsplit(".", 1)[0] if "." in probe else ""
            if probe.endswith(".content"):
                probe = root_of(probe) or ""
        if not probe:
            return False
        self._select(probe)
        if table_of(path) == probe and self.table_editor is not None:  # a cell of a table: that cell
            return self.table_editor.select_cell_path(path)
        self.text_edit.setFocus()
        return True

    def current_path(self) -> str | None:
        return self._current


def _safe_get(plan, path):
    try:
        return get_value(plan, path)
    except EditError:
        return None
