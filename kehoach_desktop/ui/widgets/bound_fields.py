"""Two-way bindings of plain Qt inputs to one path of a PlanDocument.

User typing goes to ``document.set_value`` (merged into one undo step per
field); a change from elsewhere (undo/redo, another widget) refreshes the
widget only when its value really differs, so the cursor stays put and there
is no loop. The widgets' own undo is switched off and Ctrl+Z / Ctrl+Y are left
to the window's global actions.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QDate, QEvent, QObject
from PySide6.QtGui import QKeySequence

from ...plan.edits import EditError, get_value
from ...plan.text import nfc

if TYPE_CHECKING:  # the widget classes are only named here: importing them costs start-up time
    from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QPlainTextEdit

__all__ = ["bind_line_edit", "bind_text_edit", "bind_combo", "bind_date_edit",
           "text_to_list", "list_to_text", "GlobalUndoKeys", "route_undo_keys", "affects"]

EMPTY_DATE = QDate(1900, 1, 1)  # shown as the "undated" special text
UNDATED_TEXT = "Chưa ghi ngày"


def affects(changed_path: str, path: str) -> bool:
    """True when a change at ``changed_path`` may change the value at ``path``."""
    if not changed_path:
        return True
    return path == changed_path or path.startswith(changed_path + ".") or path.startswith(
        changed_path + "[") or changed_path.startswith(path + ".") or changed_path.startswith(path + "[")


class GlobalUndoKeys(QObject):
    """Event filter: let Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) reach the window's actions.

    Text inputs accept the ShortcutOverride for undo keys (so their own undo
    runs); ignoring it lets the window action fire, and the key press itself is
    swallowed so the widget's private undo never runs.
    """

    KEYS = ("Undo", "Redo")  # QKeySequence.StandardKey names, looked up on the first key press

    def _is_undo_key(self, event) -> bool:
        if any(event.matches(getattr(QKeySequence.StandardKey, k)) for k in self.KEYS):
            return True
        # Ctrl+Y is the app's redo on every platform (not a standard key everywhere).
        qt = QtCore.Qt  # looked up here: the Qt namespace is slow to create at start-up
        return event.key() == qt.Key.Key_Y and event.modifiers() == qt.KeyboardModifier.ControlModifier

    def eventFilter(self, watched, event):
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and self._is_undo_key(event):
            event.ignore()
            return True
        if kind == QEvent.Type.KeyPress and self._is_undo_key(event):
            return True
        return False


_FILTER: GlobalUndoKeys | None = None


def route_undo_keys(widget) -> None:
    """Install the shared GlobalUndoKeys filter on ``widget``."""
    global _FILTER
    if _FILTER is None:
        _FILTER = GlobalUndoKeys()
    widget.installEventFilter(_FILTER)


def _read(document, path, default):
    try:
        value = get_value(document.plan, path)
    except EditError:
        return default
    return default if value is None else value


def _follow(document, widget, path, refresh):
    """Call ``refresh`` when the model changes at ``path``; disconnect when the widget dies."""
    def on_changed(changed_path: str):
        if affects(changed_path, path):
            refresh()

    document.changed.connect(on_changed)
    widget.destroyed.connect(lambda *_: _safe_disconnect(document.changed, on_changed))
    refresh()


def _safe_disconnect(signal, slot):
    try:
        signal.disconnect(slot)
    except (RuntimeError, TypeError):
        pass


# ---- line edit -------------------------------------------------------------------
def bind_line_edit(line_edit: QLineEdit, document, path: str) -> None:
    def refresh():
        value = str(_read(document, path, ""))
        if line_edit.text() != value:
            pos = line_edit.cursorPosition()
            line_edit.setText(value)
            line_edit.setCursorPosition(min(pos, len(value)))

    line_edit.textEdited.connect(lambda text: document.set_value(path, nfc(text)))
    route_undo_keys(line_edit)
    _follow(document, line_edit, path, refresh)


# ---- multi-line text -------------------------------------------------------------
def text_to_list(text: str) -> list[str]:
    """One paragraph per non-empty line (blank lines only separate)."""
    return [line.strip() for line in nfc(text).split("\n") if line.strip()]


def list_to_text(items: list) -> str:
    return "\n".join(items)


def bind_text_edit(text_edit: QPlainTextEdit, document, path: str, *, as_list: bool = False) -> None:
    text_edit.setUndoRedoEnabled(False)
    route_undo_keys(text_edit)

    def model_value():
        value = _read(document, path, [] if as_list else "")
        return list(value) if as_list else str(value)

    def widget_value():
        text = text_edit.toPlainText()
        return text_to_list(text) if as_list else nfc(text)

    def refresh(force: bool = False):
        value = model_value()
        if widget_value() == value and not force:
            return  # same content (maybe a blank line in progress): keep cursor and text
        cursor = text_edit.textCursor()
        pos = cursor.position()
        text = list_to_text(value) if as_list else value
        text_edit.setPlainText(text)
        cursor = text_edit.textCursor()
        cursor.setPosition(min(pos, len(text)))
        text_edit.setTextCursor(cursor)

    def on_user_change():
        if text_edit.signalsBlocked():
            return
        value = widget_value()
        if value != model_value():
            document.set_value(path, value)
        if "\t" in text_edit.toPlainText():  # a pasted tab: show the text as the model keeps it
            refresh(force=True)

    # textChanged also fires on setPlainText; on_user_change compares, so no loop.
    text_edit.textChanged.connect(on_user_change)
    _follow(document, text_edit, path, refresh)


# ---- combo --------------------------------------------------------------------------
def bind_combo(combo: QComboBox, document, path: str, values) -> None:
    """``values``: a list of model values, or of (value, label) pairs; labels are shown."""
    pairs = [(v, v) if not isinstance(v, tuple) else v for v in values]
    combo.clear()
    for value, label in pairs:
        combo.addItem(label, value)
    route_undo_keys(combo)

    def refresh():
        value = _read(document, path, None)
        index = combo.findData(value)
        if index < 0 and value is not None:  # a value from an imported plan: show it as written
            combo.addItem(str(value), value)
            index = combo.count() - 1
        if index != combo.currentIndex():
            combo.blockSignals(True)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)

    def on_activated(index: int):
        value = combo.itemData(index)
        if value != _read(document, path, None):
            document.set_value(path, value)

    combo.activated.connect(on_activated)
    _follow(document, combo, path, refresh)


# ---- ISO date with an "undated" state --------------------------------------------------
def bind_date_edit(date_edit: QDateEdit, document, path: str) -> None:
    """The earliest date shows "Chưa ghi ngày" and means "" (an undated draft)."""
    date_edit.setMinimumDate(EMPTY_DATE)
    date_edit.setSpecialValueText(UNDATED_TEXT)
    date_edit.setDisplayFormat("dd/MM/yyyy")
    date_edit.setCalendarPopup(True)
    route_undo_keys(date_edit)

    def iso_of_widget() -> str:
        d = date_edit.date()
        return "" if d == EMPTY_DATE else d.toString("yyyy-MM-dd")

    def refresh():
        value = str(_read(document, path, ""))
        if value == iso_of_widget():
            return
        d = QDate.fromString(value, "yyyy-MM-dd") if value else EMPTY_DATE
        date_edit.blockSignals(True)
        date_edit.setDate(d if d.isValid() else EMPTY_DATE)
        date_edit.blockSignals(False)

    def on_changed(_date):
        value = iso_of_widget()
        if value != str(_read(document, path, "")):
            document.set_value(path, value)

    date_edit.dateChanged.connect(on_changed)
    _follow(document, date_edit, path, refresh)


def clear_date(date_edit: QDateEdit) -> None:
    """Back to the undated state (for a "Xóa ngày" button)."""
    date_edit.setDate(EMPTY_DATE)
