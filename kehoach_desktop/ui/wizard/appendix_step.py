"""The "Phụ lục" step: the appendices printed after the signature, each on a new page.

A list of appendices (add, remove, reorder) and, for the selected one, its
trích yếu, whether it is printed on landscape pages, and its content in the
same outline editor as a section's (paragraphs, subsections, tables — with the
table editor). Everything goes through the PlanDocument's undo stack.
"""
from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton,
                               QVBoxLayout, QWidget)

from ...forms import Guidance
from ...plan.edits import InsertItem, MoveItem, RemoveItem, SetValue
from ...plan.table import Appendix
from ...plan.table_edits import new_table
from ...plan.table_layout import appendix_title
from ..widgets.bound_fields import bind_line_edit
from ..widgets.outline_editor import OutlineEditor
from .base import Step

DUTIES = ("TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành")


class AppendixStep(Step):
    key = "appendices"
    title = "Phụ lục"
    prefixes = ("appendices",)

    def __init__(self, document, guidance: Guidance, parent=None):
        super().__init__(document, guidance, (), parent)
        self.index = -1
        self.outline = None
        top = QHBoxLayout()
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("appendixList")
        self.list.setMaximumWidth(220)
        self.list.currentRowChanged.connect(self._on_row)
        left.addWidget(self.list, 1)
        for name, text, slot in (("appendixAdd", "Thêm phụ lục", self.add_appendix),
                                 ("appendixRemove", "Xóa phụ lục", self.remove_appendix),
                                 ("appendixUp", "Lên", lambda: self.move(-1)),
                                 ("appendixDown", "Xuống", lambda: self.move(1))):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            left.addWidget(button)
        top.addLayout(left)
        self.detail = QVBoxLayout()
        self.page = None  # the selected appendix's fields, rebuilt for each (bindings follow one path)
        self.empty = QLabel("Chưa có phụ lục. Bấm “Thêm phụ lục” để thêm (ví dụ bảng phân công nhiệm vụ).")
        self.empty.setWordWrap(True)
        self.detail.addWidget(self.empty)
        top.addLayout(self.detail, 1)
        self.body.addLayout(top, 1)
        document.changed.connect(self._on_changed)
        document.replaced.connect(lambda: self.reload(0))
        self.reload(0)

    # ---- model → view -----------------------------------------------------------------
    def reload(self, index: int | None = None):
        appendices = self.document.plan.appendices
        index = self.index if index is None else index
        self.list.blockSignals(True)
        self.list.clear()
        for i, a in enumerate(appendices):
            self.list.addItem(f"{appendix_title(a, i, len(appendices))}: {a.summary}".rstrip(": "))
        self.list.blockSignals(False)
        index = min(max(index, 0), len(appendices) - 1)
        self.list.setCurrentRow(index)
        self._show(index)

    def _show(self, index: int):
        appendices = self.document.plan.appendices
        has = 0 <= index < len(appendices)
        self.empty.setVisible(not has)
        if index == self.index and self.page is not None and has:
            self.landscape.blockSignals(True)
            self.landscape.setChecked(bool(appendices[index].landscape))
            self.landscape.blockSignals(False)
            return
        self.index = index
        if self.page is not None:
            self.page.setParent(None)
            self.page.deleteLater()
            self.page = self.outline = None
        if not has:
            return
        path = f"appendices[{index}]"
        self.page = QWidget()
        box = QVBoxLayout(self.page)
        box.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel("Trích yếu:"))
        self.summary = QLineEdit()
        self.summary.setObjectName(f"{path}.summary")
        self.summary.setPlaceholderText("Ví dụ: Phân công nhiệm vụ thực hiện Kế hoạch")
        bind_line_edit(self.summary, self.document, f"{path}.summary")
        row.addWidget(self.summary, 1)
        self.landscape = QCheckBox("In trang ngang")
        self.landscape.setObjectName(f"{path}.landscape")
        self.landscape.setToolTip("Bảng rộng nhiều cột: phụ lục này in trên trang giấy xoay ngang")
        self.landscape.setChecked(bool(appendices[index].landscape))
        self.landscape.toggled.connect(self._on_landscape)
        row.addWidget(self.landscape)
        box.addLayout(row)
        self.outline = OutlineEditor(self.document, list_path=f"{path}.content", usual_table=DUTIES)
        self.outline.setObjectName(f"{path}.content")
        self.outline.title_label.setText("Tên phụ lục:")
        self.outline.title_edit.setPlaceholderText("Tên phụ lục, ví dụ: PHỤ LỤC I (để trống: tự đánh)")
        box.addWidget(self.outline, 1)
        self.detail.addWidget(self.page, 1)

    def focus_where(self, where: str) -> bool:
        """Show the appendix a problem is in, then its field (the table's cell, the summary…)."""
        import re

        m = re.match(r"appendices\[(\d+)\]", where)
        if m and int(m.group(1)) != self.index:
            self.reload(int(m.group(1)))
        return super().focus_where(where)

    def _on_row(self, row: int):
        self._show(row)

    def _on_changed(self, path: str):
        if path in ("appendices", ""):  # added, removed, moved (or undone): a fresh page
            old = self.index
            self.index = -2
            self.reload(old)
        elif path.startswith("appendices[") and (path.endswith(".title") or path.endswith(".summary")
                                                 or path.endswith(".landscape")):
            self.reload()

    # ---- view → model -----------------------------------------------------------------
    def add_appendix(self):
        at = len(self.document.plan.appendices)
        item = Appendix(title="", summary="", content=[new_table(list(DUTIES), body_rows=2)])
        self.document.apply(InsertItem("appendices", at, item), text="Thêm phụ lục")
        self.index = -2
        self.reload(at)

    def remove_appendix(self):
        if 0 <= self.index < len(self.document.plan.appendices):
            self.document.apply(RemoveItem("appendices", self.index), text="Xóa phụ lục")

    def move(self, step: int):
        other = self.index + step
        if 0 <= self.index < len(self.document.plan.appendices) and 0 <= other < len(self.document.plan.appendices):
            self.document.apply(MoveItem("appendices", self.index, other), text="Di chuyển phụ lục")
            self.index = -2
            self.reload(other)

    def _on_landscape(self, on: bool):
        if 0 <= self.index < len(self.document.plan.appendices):
            self.document.apply(SetValue(f"appendices[{self.index}].landscape", True if on else None),
                                text="Đổi hướng trang phụ lục")
