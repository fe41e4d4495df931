"""The list of steps beside the page, each marked done (✓) or still to do (○)."""
from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

DONE, TODO = "✓", "○"
ROW_PADDING = 12  # px added to each row's height: the steps read as a list of places to go




def _roomy_rows(parent):
    """A delegate for taller rows, text centred. (A style sheet would do it too, but the first
    style sheet loads Qt's CSS engine: ~10 ms of start-up.) Made with the first rows: the window's
    frame shows an empty list."""
    from PySide6.QtWidgets import QStyledItemDelegate

    class RoomyRows(QStyledItemDelegate):
        def sizeHint(self, option, index):  # noqa: N802 - Qt API
            size = super().sizeHint(option, index)
            size.setHeight(size.height() + ROW_PADDING)
            return size

    return RoomyRows(parent)


class StepList(QListWidget):
    step_chosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("stepList")
        self.setAccessibleName("Các bước")
        self.setMinimumWidth(170)
        self.setMaximumWidth(230)
        self.setWordWrap(True)
        self._delegate = None
        self.currentRowChanged.connect(self._chosen)
        self._titles: list[str] = []
        self._done: list[bool] = []

    def finish_start(self) -> None:
        """After the window's first paint (the Qt namespace is slow to create before it)."""
        self.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long titles wrap

    def set_steps(self, titles: list[str]) -> None:
        if self._delegate is None:
            self._delegate = _roomy_rows(self)
            self.setItemDelegate(self._delegate)
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
