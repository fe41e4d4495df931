"""A row of push buttons from (objectName, text, slot) triples: the dialogs' bottom rows."""
from __future__ import annotations

from PySide6.QtWidgets import QPushButton


def add_buttons(row, specs) -> dict:
    """Add a QPushButton per ``(name, text, slot)`` to the layout ``row``; returns them by name."""
    buttons = {}
    for name, text, slot in specs:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        row.addWidget(button)
        buttons[name] = button
    return buttons
