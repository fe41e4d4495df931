"""The register window (sổ văn bản đi): every number the unit issued, sorted, filtered and searched.

Filter by year and kind, search without accents (``plan.text.fold``), sort by any column,
edit a row's note in place, open the plan's file when it still exists, give back a number,
export a year to Excel and import an old register kept in Excel.
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QTableView, QVBoxLayout)

from .. import storage
from . import vi
from .register_table import NOTE_COLUMN, RegisterTableModel
from .widgets.button_row import add_buttons

XLSX_FILTER = "Bảng tính Excel (*.xlsx)"
ALL = "Tất cả"


class RegisterWindow(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("registerWindow")
        self.setWindowTitle("Sổ văn bản đi")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.book = None
        self.profile = None
        self.resize(1240, 640)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.unit = self._combo("registerUnit", "Đơn vị", top, "Đơn vị:")
        self.unit.activated.connect(lambda _i: self.reload(self.unit.currentData()))
        self.year = self._combo("registerYear", "Năm", top, "Năm:")
        self.kind = self._combo("registerKind", "Loại văn bản", top, "Loại:")
        self.search = QLineEdit()
        self.search.setObjectName("registerSearch")
        self.search.setPlaceholderText("Tìm số, trích yếu, người ký, nơi nhận… (không cần dấu)")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refilter)
        top.addWidget(self.search, 1)
        layout.addLayout(top)
        self.year.activated.connect(lambda _i: self.refilter())
        self.kind.activated.connect(lambda _i: self.refilter())

        self.model = RegisterTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("registerTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        for column, width in enumerate((110, 84, 420, 140, 220, 90, 60, 150)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._double_clicked)
        layout.addWidget(self.table, 1)

        bottom = QHBoxLayout()
        self.count = QLabel()
        self.count.setObjectName("registerCount")
        bottom.addWidget(self.count, 1)
        add_buttons(bottom, (("registerOpenFile", "Mở tệp kế hoạch", self.open_file),
                             ("registerNote", "Sửa ghi chú", self.edit_note),
                             ("registerRelease", "Bỏ số…", self.release),
                             ("registerExport", "Xuất Excel…", self.export),
                             ("registerImport", "Nhập từ Excel…", self.import_excel),
                             ("registerSettings", "Cài đặt sổ…", self.settings),
                             ("registerClose", "Đóng", self.close)))
        layout.addLayout(bottom)

    def _combo(self, name, accessible, row, label) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        title = QLabel(label)
        title.setBuddy(combo)
        row.addWidget(title)
        row.addWidget(combo)
        return combo

    # ---- loading ---------------------------------------------------------------------------
    def _default_profile(self, profiles):
        window = self.parent()
        name = getattr(window, "profile_name", "")
        document = getattr(window, "document", None)
        if document is not None:
            from ..register.units import find_profile_for

            found = find_profile_for(document.plan, profiles)
            if found is not None:
                return found
        return storage.find_profile(profiles, name) or (profiles[0] if profiles else None)

    def reload(self, name: str | None = None) -> None:
        from .register_actions import open_book

        profiles = storage.load_profiles()
        profile = storage.find_profile(profiles, name) if name else (
            storage.find_profile(profiles, self.profile.name) if self.profile else None)
        profile = profile or self._default_profile(profiles)
        self.unit.clear()
        for p in profiles:
            self.unit.addItem(p.label, p.name)
        self.close_book()
        self.profile = profile
        if profile is None:
            self.model.set_entries(None, [])
            self.count.setText("Chưa có sổ: hãy “Cấp số và vào sổ” cho một kế hoạch ở bước Kiểm tra và lưu.")
            return
        self.unit.setCurrentIndex(max(self.unit.findData(profile.name), 0))
        self.book = open_book(self, profile)
        entries = self.book.entries() if self.book is not None else []
        self._fill_filters(entries)
        self.model.set_entries(self.book, entries)
        self.refilter()

    def _fill_filters(self, entries) -> None:
        year, kind = self.year.currentData(), self.kind.currentText()
        years = sorted({int(e.date[:4]) for e in entries}, reverse=True)
        self.year.clear()
        self.year.addItem(ALL, None)
        for y in years:
            self.year.addItem(str(y), y)
        this_year = year if year in years else (_dt.date.today().year if _dt.date.today().year in years else None)
        self.year.setCurrentIndex(max(self.year.findData(this_year), 0))
        self.kind.clear()
        self.kind.addItems([ALL, *sorted({e.kind for e in entries if e.kind})])
        self.kind.setCurrentIndex(max(self.kind.findText(kind), 0))

    def refilter(self) -> None:
        kind = self.kind.currentText()
        self.model.apply_filter(self.year.currentData(), "" if kind in (ALL, "") else kind, self.search.text())
        shown, total = self.model.rowCount(), len(self.model.all)
        self.count.setText(f"{shown} / {total} văn bản" + (f" — sổ của {self.profile.label}" if self.profile else ""))

    def close_book(self) -> None:
        if self.book is not None:
            self.book.close()
            self.book = None

    def closeEvent(self, event):  # noqa: N802
        self.close_book()
        super().closeEvent(event)

    # ---- rows ----------------------------------------------------------------------------
    def current_entry(self):
        index = self.table.currentIndex()
        return self.model.entry_at(index.row()) if index.isValid() else None

    def _double_clicked(self, index) -> None:
        if index.column() != NOTE_COLUMN:
            self.open_file()

    def edit_note(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.table.edit(self.model.index(index.row(), NOTE_COLUMN))

    def open_file(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        if not entry.file or not Path(entry.file).is_file():
            vi.inform(self, "Không có tệp", "Tệp kế hoạch của số này không còn ở chỗ cũ (hoặc chưa được lưu)."
                      + (f"\n{entry.file}" if entry.file else ""))
            return
        files = getattr(self.parent(), "files", None)
        if files is not None:
            files.open(entry.file)
            return
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(entry.file))

    def release(self) -> None:
        from ..errors import KehoachError

        entry = self.current_entry()
        if entry is None or self.book is None:
            return
        answer = vi.ask(self, "Bỏ số", f"Bỏ số {entry.number_and_symbol()} (“{entry.title()}”)? Dùng khi văn bản "
                        "không ban hành; số này sẽ được cấp lại cho văn bản tiếp theo.",
                        [("release", "Bỏ số", vi.DESTRUCTIVE), ("cancel", "Hủy", vi.REJECT)],
                        icon="warning", default="cancel")
        if answer != "release":
            return
        try:
            self.book.release(entry.number, entry.day, entry.kind)
        except KehoachError as exc:
            vi.error(self, "Không bỏ được số", str(exc))
        self.reload()

    def export(self) -> None:
        from ..errors import KehoachError
        from ..register.actions import export_file

        if self.book is None:
            return
        year = self.year.currentData()
        name = f"so-van-ban-di-{year or 'tat-ca'}.xlsx"
        path = vi.choose_save_file(self, "Xuất sổ văn bản đi ra Excel", name, XLSX_FILTER)
        if not path:
            return
        path = path if path.lower().endswith(".xlsx") else path + ".xlsx"
        try:
            count = export_file(self.book, path, year=year, unit=self.profile.issuer or self.profile.name)
        except KehoachError as exc:
            vi.error(self, "Không xuất được", str(exc))
            return
        vi.inform(self, "Đã xuất", f"Đã xuất {count} văn bản ra tệp {path}.")

    def import_excel(self) -> None:
        from ..errors import KehoachError
        from ..register.actions import import_file

        if self.book is None:
            return
        path = vi.choose_open_file(self, "Nhập sổ văn bản đi từ Excel", XLSX_FILTER)
        if not path:
            return
        try:
            summary = import_file(self.book, path, default_symbol=self.profile.symbol)
        except KehoachError as exc:
            vi.error(self, "Không nhập được", str(exc))
            return
        vi.inform(self, "Đã nhập", summary.message() + " Sổ được sao lưu trước khi nhập.")
        self.reload()

    def settings(self) -> None:
        from .register_settings import edit_register_settings

        if self.profile is not None and edit_register_settings(self, self.profile):
            self.reload(self.profile.name)
