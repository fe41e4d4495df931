"""The outline's tree widget: keyboard indenting and dropped library paragraphs."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTreeWidget


class OutlineTree(QTreeWidget):
    """Text dropped on it (a library paragraph dragged from the side panel) becomes a paragraph.
    Tab moves the focus as everywhere (it never traps the keyboard): Ctrl+→ / Ctrl+← indent."""

    text_dropped = Signal(str, object)  # text, the item it was dropped on (or None)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)

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
