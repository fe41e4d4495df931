"""The list of steps beside the page, each marked done (✓) or still to do (○)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

DONE, TODO = "✓", "○"


class StepList(QListWidget):
    step_chosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("stepList")
        self.setAccessibleName("Các bước")
        self.setMinimumWidth(170)
        self.setMaximumWidth(230)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long titles wrap
        self.setStyleSheet("QListWidget::item { padding: 6px 4px; }")
        self.currentRowChanged.connect(self._chosen)
        self._titles: list[str] = []
        self._done: list[bool] = []

    def set_steps(self, titles: list[str]) -> None:
        self.blockSignals(True)
        self.clear()
        self._titles = list(titles)
        self._done = [False] * len(titles)
        for i, title in enumerate(titles):
            self.addItem(QListWidgetItem(self._text(i)))
        self.blockSignals(False)

    def set_done(self, index: int, done: bool) -> None:
        if 0 <= index < len(self._done) and self._done[index] != done:
            self._done[index] = done
            self.item(index).setText(self._text(index))
            self.item(index).setToolTip("Đã xong" if done else "Còn thiếu")

    def is_done(self, index: int) -> bool:
        return self._done[index]

    def select(self, index: int) -> None:
        self.blockSignals(True)
        self.setCurrentRow(index)
        self.blockSignals(False)

    def _text(self, index: int) -> str:
        mark = DONE if self._done[index] else TODO
        return f"{mark}  {index + 1}. {self._titles[index]}"

    def _chosen(self, row: int) -> None:
        if row >= 0:
            self.step_chosen.emit(row)
