"""The review screen of "Tạo kế hoạch năm mới từ kế hoạch này".

Lists every year the plan mentions, with its context (the year highlighted),
the proposed change and why; the plan's own years are ticked, references,
periods and targets are not. The user picks the new year, reviews, and gets
a new plan (number and date cleared) from ``result_plan()`` after accepting.
"""
from __future__ import annotations

import datetime as _dt
import html

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout)

from ..plan.rollover import apply_rollover, find_year_mentions, plan_year, propose_year
from .widgets.unit_review import attach_unit_review

COLUMNS = ("Đổi", "Ngữ cảnh", "Năm cũ → năm mới", "Lý do")
REASON_WIDTH = 250  # px: the reasons wrap on two or three lines, the context keeps the rest
CELL_PADDING = 10


class RolloverDialog(QDialog):
    """Review the year changes of a roll-over; ``result_plan()`` is the new plan after ``accept``."""

    def __init__(self, plan, parent=None, *, today: _dt.date | None = None):
        super().__init__(parent)
        self.setObjectName("rolloverDialog")
        self.setWindowTitle("Tạo kế hoạch năm mới từ kế hoạch này")
        self._plan = plan
        self._result = None
        self._mentions: list = []
        self._choices: dict = {}  # (where, start) -> checked, what the user changed by hand
        self.setSizeGripEnabled(True)
        self._today = today or _dt.date.today()
        self._from_year = plan_year(plan)
        self._proposed = propose_year(self._from_year, self._today)

        self.intro = QLabel(
            "Các năm được đánh dấu sẽ được đổi sang năm mới. Ngày tháng và số hiệu của văn bản khác, "
            "nhiệm kỳ, giai đoạn và mốc mục tiêu được giữ nguyên. Số và ngày ban hành sẽ được xóa.")
        self.intro.setWordWrap(True)
        self.year = QSpinBox(objectName="rolloverYear")
        self.year.setRange(1990, 2200)
        self.year.setValue(self._proposed)
        self.year.setAccessibleName("Năm của kế hoạch mới")
        year_label = QLabel("Năm của kế hoạch mới:")
        year_label.setBuddy(self.year)
        self.year_note = QLabel(objectName="rolloverYearNote")  # why this year; a past year said plainly
        self.year_note.setWordWrap(True)
        self.year_note.setTextFormat(Qt.RichText)

        self.table = QTableWidget(0, len(COLUMNS), objectName="rolloverMentions")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.Interactive)
        header.resizeSection(3, REASON_WIDTH)
        header.setStretchLastSection(False)
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # the context column gives way
        header.sectionResized.connect(lambda *_: self._fit_rows_later())

        self.select_all = QPushButton("Chọn tất cả", objectName="rolloverSelectAll")
        self.select_none = QPushButton("Bỏ chọn", objectName="rolloverSelectNone")
        self.summary = QLabel(objectName="rolloverSummary")
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, objectName="rolloverButtons")
        ok = self.buttons.button(QDialogButtonBox.Ok)
        ok.setText("Tạo kế hoạch mới")
        ok.setObjectName("rolloverOk")
        cancel = self.buttons.button(QDialogButtonBox.Cancel)
        cancel.setText("Hủy")
        cancel.setObjectName("rolloverCancel")

        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(self.select_all)
        top.addWidget(self.select_none)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addWidget(self.year_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self._fit_pending = False
        self._size_to_screen()

        self.year.valueChanged.connect(self._reload)
        self.select_all.clicked.connect(lambda: self._set_all(True))
        self.select_none.clicked.connect(lambda: self._set_all(False))
        self.table.itemChanged.connect(self._item_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._reload()
        self.units = attach_unit_review(self, layout, plan)  # district bodies and old units, in a tab

    # ---- public -----------------------------------------------------------
    @property
    def mentions(self) -> list:
        return list(self._mentions)

    def result_plan(self):
        """The new plan after ``accept()``; None when cancelled."""
        return self._result

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit_rows_later()

    def accept(self) -> None:
        self._result = apply_rollover(self._plan, self._mentions, self.year.value())
        self._result = self.units.apply_to(self._result)
        super().accept()

    # ---- internals --------------------------------------------------------
    def _reload(self) -> None:
        self._mentions = find_year_mentions(self._plan, self.year.value())
        for m in self._mentions:
            m.checked = self._choices.get((m.where, m.start), m.checked)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._mentions))
        for row, m in enumerate(self._mentions):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemIsUserCheckable | Qt.ItemIsEnabled | Qt.ItemIsSelectable)
            check.setCheckState(Qt.Checked if m.checked else Qt.Unchecked)
            check.setData(Qt.AccessibleTextRole, f"Đổi năm {m.old}")
            self.table.setItem(row, 0, check)
            self.table.setCellWidget(row, 1, self._context_label(m))
            self.table.setItem(row, 2, QTableWidgetItem(self._change_text(m)))
            reason = QTableWidgetItem(m.reason)
            reason.setToolTip(m.reason)
            self.table.setItem(row, 3, reason)
        self.table.blockSignals(False)
        self._update_summary()
        self._update_year_note()
        self._fit_rows()

    @staticmethod
    def _context_label(mention) -> QLabel:
        start, end = mention.context_span
        text = mention.context
        rich = (html.escape(text[:start]) + '<b style="background-color:#ffe08a">' + html.escape(text[start:end])
                + "</b>" + html.escape(text[end:]))
        label = QLabel(rich)
        label.setTextFormat(Qt.RichText)
        label.setWordWrap(True)
        label.setToolTip(text)
        label.setContentsMargins(4, 0, 4, 0)
        return label

    def _size_to_screen(self) -> None:
        """Big enough to read every column, never bigger than the screen (1366×768 with a taskbar)."""
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1120, 640
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
        self.resize(width, height)

    def _fit_rows_later(self) -> None:
        if not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(0, self._fit_rows)

    def _fit_rows(self) -> None:
        """Each row as tall as its wrapped context and reason (Qt does not size rows of cell widgets)."""
        self._fit_pending = False
        metrics = self.table.fontMetrics()
        context_width = self.table.columnWidth(1)
        reason_width = max(self.table.columnWidth(3) - CELL_PADDING, 40)
        for row in range(self.table.rowCount()):
            label = self.table.cellWidget(row, 1)
            reason = self.table.item(row, 3)
            needed = metrics.height() + CELL_PADDING
            if label is not None:
                needed = max(needed, label.heightForWidth(context_width) + CELL_PADDING // 2)
            if reason is not None:
                box = metrics.boundingRect(QRect(0, 0, reason_width, 10_000), Qt.TextWordWrap, reason.text())
                needed = max(needed, box.height() + CELL_PADDING)
            self.table.setRowHeight(row, needed)

    def _update_year_note(self) -> None:
        year, this_year = self.year.value(), self._today.year
        old = f"Kế hoạch cũ là năm {self._from_year}. " if self._from_year else ""
        if year < this_year:
            text = (f'<b style="color:#b00020">Năm {year} đã qua (nay là năm {this_year}).</b> Kế hoạch mới sẽ '
                    f"mang năm đã qua: chỉ giữ năm này nếu đúng là anh/chị làm lại kế hoạch của năm {year}.")
        elif self._from_year and year == self._proposed and year != self._from_year + 1:
            text = (f"{old}Năm {self._from_year + 1} đã qua nên phần mềm đề nghị năm {year} (năm nay). "
                    f"Nếu lập kế hoạch cho năm sau, chọn {year + 1}.")
        else:
            text = f"{old}Kế hoạch mới: năm {year}."
        self.year_note.setText(text)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != 0 or not 0 <= item.row() < len(self._mentions):
            return
        m = self._mentions[item.row()]
        m.checked = item.checkState() == Qt.Checked
        self._choices[(m.where, m.start)] = m.checked
        change = self.table.item(item.row(), 2)
        if change is not None:
            change.setText(self._change_text(m))
        self._update_summary()

    @staticmethod
    def _change_text(mention) -> str:
        """"2024 → 2026" when ticked; "2024 (giữ nguyên)" when the year stays."""
        return f"{mention.old} → {mention.new}" if mention.checked else f"{mention.old} (giữ nguyên)"

    def _set_all(self, checked: bool) -> None:
        for row in range(self.table.rowCount()):
            self.table.item(row, 0).setCheckState(Qt.Checked if checked else Qt.Unchecked)

    def _update_summary(self) -> None:
        n = sum(1 for m in self._mentions if m.checked)
        self.summary.setText(f"Sẽ đổi {n} trong {len(self._mentions)} chỗ có năm.")


__all__ = ["RolloverDialog"]
