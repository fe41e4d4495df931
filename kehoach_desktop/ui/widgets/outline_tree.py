"""The outline's tree widget: keyboard indenting and dropped library paragraphs."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTreeWidget


class OutlineTree(QTreeWidget):
    """Tab / Shift+Tab indent and outdent instead of moving the focus; text dropped
    on it (a library paragraph dragged from the side panel) becomes a paragraph."""

    tab_pressed = Signal(bool)  # True with Shift
    text_dropped = Signal(str, object)  # text, the item it was dropped on (or None)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)

    def focusNextPrevChild(self, next_: bool) -> bool:  # noqa: N802 (Qt name)
        self.tab_pressed.emit(not next_)
        return True

    def dragEnterEvent(self, event):  # noqa: N802 (Qt name)
        if event.mimeData().hasText():
            event.acceptProposedAction()

    def dragMoveEvent(self, event):  # noqa: N802 (Qt name)
        if event.mimeData().hasText():
            event.acceptProposedAction()

    def dropEvent(self, event):  # noqa: N802 (Qt name)
        text = event.mimeData().text().strip()
        if not text:
            return
        event.acceptProposedAction()
        self.text_dropped.emit(text, self.itemAt(event.position().toPoint()))
