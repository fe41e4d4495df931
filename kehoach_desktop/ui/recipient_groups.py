"""Recipient groups in the Nơi nhận step: a whole group added at once (one undoable edit),
and a small dialog to keep the unit's groups, with Excel import and export.

The unit is the plan's (found from its issuer and symbol); a unit without groups of its
own is offered the bundled examples of its regime. Lines added stay ordinary lines of the
list, edited one by one as before.
"""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QMenu, QPlainTextEdit, QPushButton, QToolButton, QVBoxLayout)

from . import vi
from .widgets.button_row import add_buttons

XLSX_FILTER = "Bảng tính Excel (*.xlsx)"


def add_groups_row(step, editor) -> QToolButton:
    """Under the recipients editor: “Thêm cả nhóm ▾” and “Nhóm nơi nhận…”."""
    row = QHBoxLayout()
    button = QToolButton()
    button.setObjectName("recipientGroupsButton")
    button.setText("Thêm cả nhóm nơi nhận")
    button.setToolTip("Thêm mọi dòng của một nhóm (ví dụ: Các thôn) vào Nơi nhận; vẫn sửa được từng dòng")
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    menu.setObjectName("recipientGroupsMenu")
    menu.aboutToShow.connect(lambda: _fill_menu(menu, editor))
    button.setMenu(menu)
    manage = QPushButton("Sửa các nhóm…")
    manage.setObjectName("recipientGroupsManage")
    manage.clicked.connect(lambda: manage_groups(step, editor.document.plan))
    row.addWidget(button)
    row.addWidget(manage)
    row.addStretch(1)
    step.body.addLayout(row)
    return button


def groups_for_plan(plan) -> list:
    """The unit's own groups, or the bundled examples of the plan's regime."""
    from ..register.groups import bundled_groups
    from ..register.units import find_profile_for, register_path

    profile = find_profile_for(plan)
    if profile is not None and register_path(profile.name).exists():
        from ..register.units import open_register

        try:
            with open_register(profile) as book:
                own = book.groups()
            if own:
                return own
        except Exception:  # noqa: BLE001 - a damaged register is reported where it is opened
            pass
    return bundled_groups(plan.regime)


def _fill_menu(menu: QMenu, editor) -> None:
    menu.clear()
    for group in groups_for_plan(editor.document.plan):
        action = menu.addAction(f"{group.name}  ({len(group.lines)} dòng)")
        action.setToolTip("\n".join(group.lines))
        action.triggered.connect(lambda _c=False, g=group: add_group(editor, g))


def add_group(editor, group) -> int:
    """Insert the group's new lines before the “Lưu” line, as one undo step; returns how many."""
    from ..plan.edits import Batch, InsertItem
    from ..register.groups import lines_to_add
    from .widgets.recipients_editor import clean_recipient, is_archive

    entries = list(editor.document.plan.recipients)
    lines = [clean_recipient(x) for x in lines_to_add(entries, group)]
    lines = [x for x in lines if x]
    if not lines:
        return 0
    at = len(entries) - 1 if entries and is_archive(entries[-1]) else len(entries)
    edits = tuple(InsertItem("recipients", at + i, line) for i, line in enumerate(lines))
    editor.document.apply(Batch(edits), text=f"Thêm nhóm nơi nhận “{group.name}”")
    return len(lines)


def manage_groups(parent, plan) -> None:
    from ..errors import KehoachError
    from ..register.units import profile_for_plan
    from .register_actions import open_book

    try:
        profile, _created = profile_for_plan(plan)
    except KehoachError as exc:
        vi.error(parent, "Chưa có đơn vị", str(exc))
        return
    book = open_book(parent, profile)
    if book is None:
        return
    with book:
        dialog = GroupsDialog(parent, book.groups() or groups_for_plan(plan), profile.label)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            book.set_groups(dialog.result_groups())


class GroupsDialog(QDialog):
    """Groups on the left, the chosen group's lines (one per line) on the right."""

    def __init__(self, parent, groups, unit: str):
        super().__init__(parent)
        from ..register.groups import Group

        self.setObjectName("recipientGroupsDialog")
        self.setWindowTitle(f"Nhóm nơi nhận — {unit}")
        self.groups = [Group(g.name, list(g.lines)) for g in groups]
        layout = QVBoxLayout(self)
        body = QHBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("groupList")
        self.list.currentRowChanged.connect(self._show)
        self.list.itemChanged.connect(self._renamed)
        body.addWidget(self.list, 1)
        right = QVBoxLayout()
        right.addWidget(QLabel("Các dòng của nhóm (mỗi dòng một nơi nhận):"))
        self.lines = QPlainTextEdit()
        self.lines.setObjectName("groupLines")
        self.lines.textChanged.connect(self._lines_changed)
        right.addWidget(self.lines, 1)
        body.addLayout(right, 2)
        layout.addLayout(body, 1)
        buttons = QHBoxLayout()
        add_buttons(buttons, (("groupAdd", "Thêm nhóm", self.add_group), ("groupDelete", "Xóa nhóm", self.delete_group),
                              ("groupImport", "Nhập từ Excel…", self.import_excel),
                              ("groupExport", "Xuất ra Excel…", self.export_excel)))
        buttons.addStretch(1)
        box = vi.button_box(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        buttons.addWidget(box)
        layout.addLayout(buttons)
        self.resize(760, 420)
        self._refill(0)

    def _refill(self, row: int) -> None:
        from PySide6.QtCore import Qt

        self.list.blockSignals(True)
        self.list.clear()
        for g in self.groups:
            item = QListWidgetItem(g.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.list.setCurrentRow(min(row, len(self.groups) - 1))
        self._show(self.list.currentRow())

    def _show(self, row: int) -> None:
        self.lines.blockSignals(True)
        self.lines.setPlainText("\n".join(self.groups[row].lines) if 0 <= row < len(self.groups) else "")
        self.lines.setEnabled(0 <= row < len(self.groups))
        self.lines.blockSignals(False)

    def _lines_changed(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.groups):
            self.groups[row].lines = self.lines.toPlainText().split("\n")

    def _renamed(self, item) -> None:
        self.groups[self.list.row(item)].name = item.text()

    def add_group(self) -> None:
        from ..register.groups import Group

        self.groups.append(Group("Nhóm mới", []))
        self._refill(len(self.groups) - 1)
        self.lines.setFocus()

    def delete_group(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.groups):
            del self.groups[row]
            self._refill(row)

    def import_excel(self) -> None:
        from pathlib import Path

        from ..errors import KehoachError
        from ..register.groups import clean_groups, parse_groups_xlsx
        from ..safefile import read_bytes_limited

        path = vi.choose_open_file(self, "Nhập nhóm nơi nhận từ Excel", XLSX_FILTER)
        if not path:
            return
        try:
            found = parse_groups_xlsx(read_bytes_limited(path, max_bytes=20 * 1024 * 1024),
                                      name=f"Tệp “{Path(path).name}”")
        except KehoachError as exc:
            vi.error(self, "Không nhập được", str(exc))
            return
        names = {g.name for g in found}
        self.groups = clean_groups([g for g in self.groups if g.name not in names] + found)
        self._refill(0)

    def export_excel(self) -> None:
        from ..errors import KehoachError
        from ..register.groups import clean_groups, dump_groups_xlsx
        from ..safefile import write_atomic

        path = vi.choose_save_file(self, "Xuất nhóm nơi nhận ra Excel", "nhom-noi-nhan.xlsx", XLSX_FILTER)
        if not path:
            return
        try:
            write_atomic(path if path.lower().endswith(".xlsx") else path + ".xlsx",
                         dump_groups_xlsx(clean_groups(self.groups)))
        except KehoachError as exc:
            vi.error(self, "Không xuất được", str(exc))

    def result_groups(self) -> list:
        from ..register.groups import clean_groups

        return clean_groups(self.groups)
