"""The side panel of reusable paragraphs, for every step of the wizard.

A thin view over ``library.catalog.Library``: search as you type, ranked by the
step's section; preview of the whole paragraph with the placeholders the plan
cannot fill highlighted; insert with Enter, double-click or drag. Inserting
emits ``paragraph_chosen(text)`` with placeholders already filled from the plan.
"""
from __future__ import annotations

import html

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QMenu, QPlainTextEdit, QPushButton,
                               QTextBrowser, QToolButton, QVBoxLayout, QWidget)

from ..errors import KehoachError
from ..library.catalog import Library, shared_library
from ..library.entry import section_label
from ..library.placeholders import fill_placeholders
from . import vi

ID_ROLE = Qt.ItemDataRole.UserRole
LIMIT = 60
HIGHLIGHT = "background-color:#fff2a8;"
# Sharing between communes: an Excel sheet or the library's own JSON file.
SHARE_OPEN_FILTERS = "Thư viện đoạn văn (*.xlsx *.json);;Tất cả các tệp (*)"
SHARE_SAVE_FILTERS = "Bảng tính Excel (*.xlsx);;Tệp thư viện (*.json)"


class _ResultList(QListWidget):
    """The results: Enter inserts, and a dragged item carries its filled text as text/plain."""

    enter_pressed = Signal()

    def __init__(self, panel: "LibraryPanel"):
        super().__init__()
        self._panel = panel
        self.setDragEnabled(True)
        self.setDragDropMode(QListWidget.DragDropMode.DragOnly)
        self.setWordWrap(True)

    def keyPressEvent(self, event):  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_pressed.emit()
            return
        super().keyPressEvent(event)

    def mimeTypes(self):  # noqa: N802 - Qt API
        return ["text/plain"]

    def mimeData(self, items):  # noqa: N802 - Qt API
        data = QMimeData()
        texts = [self._panel.filled_text(item.data(ID_ROLE)) for item in items]
        data.setText("\n".join(t for t in texts if t))
        return data


LIST_MIN_ROWS = 8


class LibraryPanel(QWidget):
    """Reusable paragraphs beside the plan. Emits ``paragraph_chosen`` with the text to insert."""

    paragraph_chosen = Signal(str)

    def __init__(self, library: Library | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("libraryPanel")
        self.library = library if library is not None else shared_library()
        self._section = ""
        self._plan = None
        self._text_source = None  # callable returning the text to save (the editor's selection)
        self.confirm = self._ask  # replaced in tests: confirm(question) -> bool
        self.run_dialog = lambda dialog: dialog.exec() == QDialog.DialogCode.Accepted  # likewise
        self.ask_open_path = self._ask_open_path  # likewise: () -> str ("" when cancelled)
        self.ask_save_path = self._ask_save_path  # likewise: (suggested name) -> str
        self._busy = False  # our own change: we refresh ourselves, at the right moment
        self._build()
        self.library.subscribe(self._library_changed)
        if self.library.note:
            self._say(self.library.note)
        self.refresh()

    # ---- layout -----------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel("<b>Đoạn văn mẫu</b>")
        self.search_box = QLineEdit(objectName="librarySearch")
        self.search_box.setPlaceholderText("Tìm đoạn văn (Ctrl+F; gõ không dấu cũng được)…")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName("Tìm đoạn văn mẫu")
        from .widgets.bound_fields import route_undo_keys

        route_undo_keys(self.search_box)  # Ctrl+Z undoes the last insertion, not the typed query
        self.results = _ResultList(self)
        self.results.setObjectName("libraryResults")
        self.results.setAccessibleName("Kết quả tìm đoạn văn mẫu")
        self.preview = QTextBrowser(objectName="libraryPreview")
        self.preview.setAccessibleName("Xem trước đoạn văn")
        self.preview.setPlaceholderText("Chọn một đoạn để xem toàn văn.")
        self.insert_button = QPushButton("&Chèn vào kế hoạch", objectName="libraryInsert")
        self.favourite_button = QPushButton("☆ &Yêu thích", objectName="libraryFavourite")
        self.edit_button = QPushButton("Sử&a", objectName="libraryEdit")  # Alt+S: the Sửa menu
        self.delete_button = QPushButton("Xóa", objectName="libraryDelete")  # (Alt+X: the Xem menu)
        self.save_button = QPushButton("&Lưu vào thư viện", objectName="librarySave")
        self.save_button.setToolTip("Lưu đoạn văn (hoặc phần chữ đang bôi đen) vào thư viện của bạn")
        self.share_button = QToolButton(objectName="libraryShare", text="C&hia sẻ")
        self.share_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.share_button)
        menu.addAction("Nhập đoạn văn từ tệp (.xlsx, .json)…", self.import_from_file)
        menu.addAction("Xuất thư viện của tôi ra tệp…", self.export_to_file)
        self.share_button.setMenu(menu)
        self.status = QLabel(objectName="libraryStatus")
        self.status.setWordWrap(True)
        self.status.setVisible(False)  # shown with a message: no empty line takes a row of the list

        # At 1366×768 with a taskbar the list shows at least 8 rows: the title shares the search's
        # line, every button one line, and the paragraph's preview stays short.
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.search_box, 1)
        buttons = QHBoxLayout()
        for b in (self.insert_button, self.favourite_button, self.edit_button, self.delete_button,
                  self.save_button, self.share_button):
            buttons.addWidget(b)
        line = self.fontMetrics().lineSpacing()
        self.results.setMinimumHeight(LIST_MIN_ROWS * (line + 2) + 2 * self.results.frameWidth())
        self.preview.setMaximumHeight(5 * line + 12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.results, 3)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

        self.search_box.textChanged.connect(self.refresh)
        self.search_box.returnPressed.connect(self._insert_from_search)
        self.results.currentItemChanged.connect(lambda *_: self._show_current())
        self.results.itemDoubleClicked.connect(lambda item: self.insert(item.data(ID_ROLE)))
        self.results.enter_pressed.connect(lambda: self.insert(self.current_id()))
        self.insert_button.clicked.connect(lambda: self.insert(self.current_id()))
        self.favourite_button.clicked.connect(self._toggle_favourite)
        self.delete_button.clicked.connect(self._delete_current)
        self.edit_button.clicked.connect(self._edit_current)
        self.save_button.clicked.connect(self._save_from_source)
        self.save_button.setEnabled(False)

    # ---- public API ---------------------------------------------------------------
    def set_section(self, key: str) -> None:
        """The wizard step's section: its paragraphs come first (alone, while the search is empty)."""
        self._section = key or ""
        name = section_label(self._section) if self._section else "tất cả các mục"
        self.title.setText(f"<b>Đoạn văn mẫu</b> — {html.escape(name)}")
        self.refresh()

    def set_plan(self, plan) -> None:
        """The plan being written: fills placeholders and picks paragraphs of its regime and kind."""
        self._plan = plan
        self.refresh()

    def set_text_source(self, source) -> None:
        """A callable giving the paragraph or selection the user wants to save (None: no button)."""
        self._text_source = source
        self.save_button.setEnabled(source is not None)

    def add_user_paragraph(self, text: str, section: str | None = None):
        """Save ``text`` into the user's library under ``section`` (default: the current one)."""
        ok, p = self._mutate(self.library.add_user_paragraph, text,
                             section if section is not None else self._section)
        if not ok:
            return None
        self._say(f"Đã lưu vào thư viện của bạn: “{p.title}”.")
        self.refresh(select=p.id)
        return p

    def current_id(self) -> str | None:
        item = self.results.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def filled_text(self, pid: str | None) -> str:
        p = self.library.get(pid) if pid else None
        return fill_placeholders(p.text, self._plan).text if p else ""

    def insert(self, pid: str | None) -> None:
        p = self.library.get(pid) if pid else None
        if p is None:
            return
        filled = fill_placeholders(p.text, self._plan)
        self._mutate(self.library.record_use, p.id)  # a nicety: inserting works even if saving fails
        self.paragraph_chosen.emit(filled.text)
        if filled.unfilled_spans:
            self._say(f"Đã chèn. Còn {len(filled.unfilled_spans)} chỗ trong ngoặc {{…}} cần điền.")
        else:
            self._say("Đã chèn đoạn văn.")

    def _library_changed(self) -> None:
        if not self._busy:  # another panel changed the shared library
            self.refresh()

    def _mutate(self, change, *args, **kwargs) -> tuple[bool, object]:
        """Run a change of the library; its error (e.g. the disk is full) becomes a status line."""
        self._busy = True
        try:
            return True, change(*args, **kwargs)
        except KehoachError as exc:
            self._say(str(exc))
            return False, None
        finally:
            self._busy = False

    # ---- results ------------------------------------------------------------------
    def refresh(self, *_args, select: str | None = None) -> None:
        keep = select or self.current_id()
        plan = self._plan
        hits = self.library.search(self.search_box.text(), section=self._section or None,
                                   regime=getattr(plan, "regime", None) or None,
                                   kind=getattr(plan, "kind", None) or None, limit=LIMIT)
        self.results.blockSignals(True)
        self.results.clear()
        for hit in hits:
            p = hit.paragraph
            mark = "★ " if p.favourite else ""
            mine = " (của tôi)" if p.is_user else ""
            other = "" if hit.in_section or not self._section else f" · {section_label(p.section)}"
            item = QListWidgetItem(f"{mark}{p.title}{mine}{other}")
            item.setData(ID_ROLE, p.id)
            item.setToolTip(self.filled_text(p.id))  # preview on hover
            self.results.addItem(item)
        self.results.blockSignals(False)
        row = next((i for i in range(self.results.count()) if self.results.item(i).data(ID_ROLE) == keep), 0)
        if self.results.count():
            self.results.setCurrentRow(row)
        if not hits:
            self._say("Không tìm thấy đoạn văn nào." if self.search_box.text().strip() else "")
        self._show_current()

    def _show_current(self) -> None:
        pid = self.current_id()
        p = self.library.get(pid) if pid else None
        for b in (self.insert_button, self.favourite_button):
            b.setEnabled(p is not None)
        self.delete_button.setEnabled(p is not None and p.is_user)
        self.edit_button.setEnabled(p is not None and p.is_user)
        if p is None:
            self.preview.clear()
            return
        self.favourite_button.setText("★ Bỏ yêu thích" if p.favourite else "☆ Yêu thích")
        filled = fill_placeholders(p.text, self._plan)
        self.preview.setHtml(_preview_html(p.title, filled.text, filled.unfilled_spans))

    def _insert_from_search(self) -> None:
        if self.results.count():
            self.insert(self.current_id())

    def _toggle_favourite(self) -> None:
        pid = self.current_id()
        if pid:
            self._mutate(self.library.toggle_favourite, pid)
            self.refresh(select=pid)

    def _delete_current(self) -> None:
        p = self.library.get(self.current_id() or "")
        if p is None or not p.is_user:
            return
        if not self.confirm(f"Xóa đoạn “{p.title}” khỏi thư viện của bạn?"):
            return
        ok, _ = self._mutate(self.library.delete, p.id)
        if not ok:
            self.refresh()
            return
        self._say("Đã xóa đoạn văn khỏi thư viện của bạn.")
        self.refresh()

    def _edit_current(self) -> None:
        p = self.library.get(self.current_id() or "")
        if p is None or not p.is_user:
            return
        dialog = ParagraphEditDialog(p.title, p.text, self)
        if not self.run_dialog(dialog):
            return
        title, text = dialog.values()
        ok, _ = self._mutate(self.library.edit, p.id, title=title, text=text)
        if ok:
            self._say("Đã sửa đoạn văn trong thư viện của bạn.")
        self.refresh(select=p.id)

    def _save_from_source(self) -> None:
        text = self._text_source() if self._text_source else ""
        if not text or not text.strip():
            self._say("Hãy chọn một đoạn văn (hoặc bôi đen phần chữ) trong kế hoạch để lưu.")
            return
        self.add_user_paragraph(text)

    # ---- sharing between communes (USB stick) ----------------------------------------
    def import_from_file(self) -> None:
        """Merge an Excel sheet or a library file into the user's library; say what was added."""
        path = self.ask_open_path()
        if not path:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            ok, summary = self._mutate(self.library.import_file, path)
        finally:
            QApplication.restoreOverrideCursor()
        if ok:
            self._say(summary.message())
            self.refresh()

    def export_to_file(self) -> None:
        """Write the user's own paragraphs (all of them if none yet: the bundled ones) to .xlsx or .json."""
        path = self.ask_save_path("thu-vien-doan-van.xlsx")
        if not path:
            return
        chosen = self.library.user or self.library.entries
        ok, count = self._mutate(self.library.export_file, path, chosen)
        if ok:
            self._say(f"Đã xuất {count} đoạn văn ra tệp {path}.")

    def _ask_open_path(self) -> str:
        return vi.choose_open_file(self, "Nhập đoạn văn mẫu", SHARE_OPEN_FILTERS)

    def _ask_save_path(self, suggested: str) -> str:
        return vi.choose_save_file(self, "Xuất thư viện đoạn văn", suggested, SHARE_SAVE_FILTERS)

    def _ask(self, question: str) -> bool:
        answer = vi.ask(self, "Xóa đoạn văn", question,
                        [("delete", "Xóa", vi.DESTRUCTIVE), ("keep", "Không xóa", vi.REJECT)],
                        default="keep")
        return answer == "delete"

    def _say(self, message: str) -> None:
        self.status.setText(message)
        self.status.setVisible(bool(message))


class ParagraphEditDialog(QDialog):
    """Edit the title and text of one of the user's paragraphs."""

    def __init__(self, title: str, text: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Sửa đoạn văn mẫu")
        self.title_edit = QLineEdit(title, objectName="libraryEditTitle")
        self.text_edit = QPlainTextEdit(text, objectName="libraryEditText")
        self.text_edit.setTabChangesFocus(True)  # Tab goes on to the buttons, as everywhere
        buttons = vi.button_box(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Lưu")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.text_edit.textChanged.connect(
            lambda: buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
                bool(self.text_edit.toPlainText().strip())))
        form = QFormLayout(self)
        form.addRow("&Tiêu đề:", self.title_edit)
        form.addRow("&Nội dung:", self.text_edit)
        form.addRow(buttons)
        self.resize(520, 320)

    def values(self) -> tuple[str, str]:
        return self.title_edit.text(), self.text_edit.toPlainText()


def _preview_html(title: str, text: str, spans) -> str:
    """The paragraph as HTML, with the placeholders left to fill highlighted."""
    parts, pos = [], 0
    for start, end in spans:
        parts.append(html.escape(text[pos:start]))
        parts.append(f'<span style="{HIGHLIGHT}">{html.escape(text[start:end])}</span>')
        pos = end
    parts.append(html.escape(text[pos:]))
    body = "".join(parts).replace("\n", "<br>")
    return f"<p><b>{html.escape(title)}</b></p><p>{body}</p>"


if __name__ == "__main__":  # preview the panel alone: python -m kehoach_desktop.ui.library_panel
    import sys

    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv)
    panel = LibraryPanel()
    panel.set_section("kinh-phi")
    panel.paragraph_chosen.connect(print)
    panel.resize(420, 640)
    panel.show()
    sys.exit(app.exec())
