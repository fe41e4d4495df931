"""Nơi nhận: an editable list of recipients, the "Lưu" entry always last.

Entries are stored without the leading "- " and the trailing ";", "," or "."
(the writer adds them as the regime wants), so typed marks are stripped.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QCompleter, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from ...plan.edits import Batch, InsertItem, MoveItem, RemoveItem, SetValue
from ...plan.layout import ARCHIVE_ENTRY, rules_for
from ...plan.text import clean_line, same_text
from .bound_fields import affects, route_undo_keys
from ...lazy_regex import lazy_compile

_MARKS = lazy_compile(r"^[-–+•]\s*|[\s;,.]+$")


def clean_recipient(text: str) -> str:
    """"- UBND xã (để báo cáo);" → "UBND xã (để báo cáo)"."""
    text = clean_line(text)
    previous = None
    while previous != text:
        previous, text = text, _MARKS.sub("", text).strip()
    return text


def is_archive(entry: str) -> bool:
    return bool(ARCHIVE_ENTRY.match(entry))


class RecipientsEditor(QWidget):
    PATH = "recipients"

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self._loading = False
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Nơi nhận (mỗi dòng một nơi; dòng “Lưu” luôn ở cuối):"))
        self.list = QListWidget()
        self.list.setObjectName("recipientsList")
        self.list.setAccessibleName("Danh sách nơi nhận")
        self.list.setToolTip("Nhấp đúp để sửa một dòng")
        self.list.itemChanged.connect(self._on_item_edited)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        layout.addWidget(self.list, 1)

        add_row = QHBoxLayout()
        self.input = QComboBox()
        self.input.setObjectName("recipientInput")
        self.input.setEditable(True)
        self.input.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.input.lineEdit().setPlaceholderText("Gõ hoặc chọn nơi nhận, ví dụ: Các thôn (để thực hiện)")
        self.input.lineEdit().returnPressed.connect(self.add_from_input)
        route_undo_keys(self.input.lineEdit())
        self.add_button = QPushButton("Thêm")
        self.add_button.setObjectName("recipientAdd")
        self.add_button.setToolTip("Thêm nơi nhận vào danh sách (Enter)")
        self.add_button.clicked.connect(self.add_from_input)
        add_row.addWidget(self.input, 1)
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)

        buttons = QHBoxLayout()
        self.delete_button = self._button("recipientDelete", "Xóa", "Xóa dòng đang chọn (Delete)",
                                          self.delete_current, buttons)
        self.up_button = self._button("recipientUp", "Lên", "Chuyển lên trên", self.move_current_up, buttons)
        self.down_button = self._button("recipientDown", "Xuống", "Chuyển xuống dưới",
                                        self.move_current_down, buttons)
        self.archive_button = self._button("recipientArchive", "Thêm dòng Lưu",
                                           "Thêm dòng “Lưu” (lưu văn thư) ở cuối", self.add_archive, buttons)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        document.changed.connect(self._on_changed)
        self.refresh()

    def _button(self, name, text, tip, slot, row):
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    # ---- model → view ---------------------------------------------------------------
    @property
    def entries(self) -> list[str]:
        return list(self.document.plan.recipients)

    def refresh(self):
        self._loading = True
        row = self.list.currentRow()
        self.list.clear()
        for entry in self.entries:
            item = QListWidgetItem(entry)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        self.list.setCurrentRow(min(row, self.list.count() - 1))
        self._loading = False
        self._update_buttons()

    def _on_changed(self, path: str):
        if affects(path, self.PATH):
            self.refresh()

    def _update_buttons(self):
        entries = self.entries
        row = self.list.currentRow()
        has = 0 <= row < len(entries)
        archive_row = has and is_archive(entries[row])
        self.delete_button.setEnabled(has)
        self.up_button.setEnabled(has and not archive_row and row > 0)
        self.down_button.setEnabled(has and not archive_row and row + 1 < self._insert_index())
        self.archive_button.setEnabled(not any(is_archive(e) for e in entries))

    def set_suggestions(self, suggestions: list[str]):
        """The form's usual recipients, offered in the input's list and completer."""
        text = self.input.currentText()
        self.input.clear()
        self.input.addItems([clean_recipient(s) for s in suggestions if clean_recipient(s)])
        completer = QCompleter([self.input.itemText(i) for i in range(self.input.count())], self.input)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.input.setCompleter(completer)
        self.input.setEditText(text)

    # ---- view → model ------------------------------------------------------------------
    def _insert_index(self) -> int:
        """New entries go before a trailing "Lưu" entry."""
        entries = self.entries
        return len(entries) - 1 if entries and is_archive(entries[-1]) else len(entries)

    def add(self, text: str) -> bool:
        entry = clean_recipient(text)
        if not entry or any(same_text(entry, e) for e in self.entries):
            return False
        # An archive entry typed by hand goes last like the button's.
        index = len(self.entries) if is_archive(entry) else self._insert_index()
        self.document.apply(InsertItem(self.PATH, index, entry), text="Thêm nơi nhận")
        self.list.setCurrentRow(index)
        return True

    def add_from_input(self):
        if self.add(self.input.currentText()):
            self.input.setEditText("")

    def add_archive(self):
        if any(is_archive(e) for e in self.entries):
            return
        example = rules_for(self.document.plan.regime).archive_example
        self.document.apply(InsertItem(self.PATH, len(self.entries), example), text="Thêm dòng Lưu")
        self.list.setCurrentRow(self.list.count() - 1)

    def delete_current(self):
        row = self.list.currentRow()
        if 0 <= row < len(self.entries):
            self.document.apply(RemoveItem(self.PATH, row), text="Xóa nơi nhận")

    def _move(self, delta: int):
        row = self.list.currentRow()
        entries = self.entries
        target = row + delta
        if not (0 <= row < len(entries) and 0 <= target < self._insert_index()) or is_archive(entries[row]):
            return
        self.document.apply(MoveItem(self.PATH, row, target), text="Di chuyển nơi nhận")
        self.list.setCurrentRow(target)

    def move_current_up(self):
        self._move(-1)

    def move_current_down(self):
        self._move(1)

    def _on_item_edited(self, item: QListWidgetItem):
        if self._loading:
            return
        row = self.list.row(item)
        entries = self.entries
        entry = clean_recipient(item.text())
        if not 0 <= row < len(entries) or entry == entries[row]:
            return
        if not entry:  # emptied: remove the line
            self.document.apply(RemoveItem(self.PATH, row), text="Xóa nơi nhận")
            return
        edits = [SetValue(f"{self.PATH}[{row}]", entry)]
        last = len(entries) - 1
        if is_archive(entry) and row != last:  # it became the archive entry: it goes last
            edits.append(MoveItem(self.PATH, row, last))
        self.document.apply(Batch(tuple(edits)), text="Sửa nơi nhận")

    def keyPressEvent(self, event):  # noqa: N802 (Qt name)
        if event.key() == Qt.Key.Key_Delete and self.list.hasFocus():
            self.delete_current()
            return
        super().keyPressEvent(event)
