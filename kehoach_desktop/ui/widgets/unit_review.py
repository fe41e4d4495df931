"""The roll-over review's second part: district-level bodies and old units, each with what to do.

One row per mention (``units.mentions``): where it is, its words in context, a choice of what
to do (the successor unit, remove it from Nơi nhận, the province's body … and always "Giữ
nguyên"), and why. Cited documents are listed but cannot be changed: they are history.
``attach_unit_review`` puts the years and this list in two tabs of the roll-over dialog.
"""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem,
                               QTabWidget, QVBoxLayout, QWidget)

from ...units.mentions import PART_CITED, PART_LABELS, apply_unit_changes, find_unit_mentions

COLUMNS = ("Ở đâu", "Ngữ cảnh", "Làm gì", "Lý do")


class UnitReview(QWidget):
    """The list of unit mentions of ``plan`` with a choice for each; ``apply_to(new_plan)``."""

    def __init__(self, plan, parent=None):
        super().__init__(parent)
        self.setObjectName("unitReview")
        self.mentions = find_unit_mentions(plan)
        intro = QLabel("Từ 01/7/2025 không còn cấp huyện; nhiều xã, phường, thị trấn đã sáp nhập. Đầu văn bản, "
                       "địa danh, Nơi nhận và phần nhiệm vụ là của năm nay: chọn cách sửa từng chỗ. Cơ quan ban hành "
                       "của văn bản được dẫn được giữ nguyên.")
        intro.setWordWrap(True)
        self.table = _table(len(self.mentions))
        self.combos: list = []
        for row, mention in enumerate(self.mentions):
            self._fill_row(row, mention)
        self.summary = QLabel(objectName="unitReviewSummary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self._update_summary()

    def _fill_row(self, row: int, mention) -> None:
        self.table.setItem(row, 0, QTableWidgetItem(PART_LABELS[mention.part]))
        self.table.setCellWidget(row, 1, _highlighted(mention))
        combo = QComboBox(objectName=f"unitChoice{row}")
        combo.setAccessibleName(f"Cách sửa “{mention.text}”")
        for option in mention.options:
            combo.addItem(option.label)
        combo.setCurrentIndex(mention.choice)
        combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)  # whole labels in the list
        combo.setEnabled(mention.part != PART_CITED and len(mention.options) > 1)
        combo.currentIndexChanged.connect(lambda index, m=mention: self._choose(m, index))
        self.combos.append(combo)
        self.table.setCellWidget(row, 2, combo)
        reason = QTableWidgetItem(mention.reason)
        reason.setToolTip(mention.reason)
        self.table.setItem(row, 3, reason)

    def _choose(self, mention, index: int) -> None:
        if 0 <= index < len(mention.options):
            mention.choice = index
            self.combos[self.mentions.index(mention)].setToolTip(mention.options[index].label)
        self._update_summary()

    def _update_summary(self) -> None:
        n = sum(1 for m in self.mentions if m.changes)
        self.summary.setText(f"Sẽ sửa {n} trong {len(self.mentions)} chỗ nêu cơ quan cấp huyện hoặc đơn vị cũ.")

    def apply_to(self, plan):
        """``plan`` (the new year's plan) with the chosen changes; unchanged when there are none."""
        if plan is None or not any(m.changes for m in self.mentions):
            return plan
        return apply_unit_changes(plan, self.mentions)


def _table(rows: int) -> QTableWidget:
    """Read-only rows; where and what to do sized to their contents, the context takes the rest."""
    table = QTableWidget(rows, len(COLUMNS), objectName="unitMentions")
    table.setHorizontalHeaderLabels(list(COLUMNS))
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.verticalHeader().hide()
    modes = (QHeaderView.ResizeToContents, QHeaderView.Stretch, QHeaderView.Interactive, QHeaderView.Interactive)
    for column, (mode, width) in enumerate(zip(modes, (0, 0, 260, 240))):
        table.horizontalHeader().setSectionResizeMode(column, mode)
        if width:
            table.setColumnWidth(column, width)
    return table


def _highlighted(mention) -> QLabel:
    start, end = mention.context_span
    text = mention.context
    label = QLabel(html.escape(text[:start]) + '<b style="background-color:#ffd2c2">' + html.escape(text[start:end])
                   + "</b>" + html.escape(text[end:]))
    label.setTextFormat(Qt.RichText)
    label.setToolTip(text)
    label.setContentsMargins(4, 0, 4, 0)
    return label


def attach_unit_review(dialog, layout, plan) -> UnitReview:
    """Put the dialog's year table and the unit review in two tabs (only when there are units to review)."""
    review = UnitReview(plan)
    years = getattr(dialog, "table", None)
    at = layout.indexOf(years) if years is not None else -1
    if not review.mentions:
        review.hide()
        return review
    tabs = QTabWidget(objectName="rolloverTabs")
    if at >= 0:
        layout.removeWidget(years)
        tabs.addTab(years, f"Năm ({years.rowCount()})")
    tabs.addTab(review, f"Đơn vị hành chính ({len(review.mentions)})")
    layout.insertWidget(at if at >= 0 else layout.count() - 1, tabs, 1)
    dialog.resize(max(dialog.width(), 1100), max(dialog.height(), 600))
    return review
