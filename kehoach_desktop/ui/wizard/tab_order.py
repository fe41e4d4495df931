"""The wizard's Tab order: step list → the page's inputs, top to bottom → Back → Next.

A page built late would otherwise come last in the window's focus chain.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QWidget


def _is_part(widget) -> bool:
    """A combo's line edit, a list's viewport: the input itself takes Tab, not its parts."""
    parent = widget.parent()
    return isinstance(parent, (QComboBox, QAbstractSpinBox)) or (
        isinstance(parent, QAbstractScrollArea) and widget is parent.viewport())


def chain_tab_order(page, step_list, back_button, next_button) -> None:
    window = step_list.window()
    inputs = [w for w in page.findChildren(QWidget)
              if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.window() is window and not _is_part(w)]
    chain = [step_list, *inputs, back_button, next_button]
    for first, second in zip(chain, chain[1:]):
        QWidget.setTabOrder(first, second)
