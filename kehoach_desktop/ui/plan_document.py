"""The open plan plus its undo stack: every change of the plan goes through here.

Widgets never mutate the Plan directly: they call ``apply``/``set_value`` with an
edit from ``plan/edits.py``; the document pushes one generic QUndoCommand that
holds the edit and its inverse, and tells everyone what changed.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..plan.edits import SetValue, apply_edit, describe_edit, edit_paths, get_value
from ..plan.model import Plan

_MERGE_ID = 0x4B48  # any fixed id: merging is decided by merge_key in mergeWith


class EditCommand(QUndoCommand):
    """Redo applies the edit, undo applies its inverse; each returns the other."""

    def __init__(self, document: "PlanDocument", edit, inverse, text: str, merge_key):
        super().__init__(text)
        self._document = document
        self.edit = edit
        self.inverse = inverse
        self.merge_key = merge_key
        self._done = True  # the edit was applied before the push (so errors surface first)

    def redo(self):
        if self._done:
            self._done = False
            return
        self.inverse = apply_edit(self._document.plan, self.edit)
        self._document._announce(self.edit)

    def undo(self):
        self.edit = apply_edit(self._document.plan, self.inverse)
        self._document._announce(self.inverse)

    def id(self) -> int:
        return _MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Consecutive typing in one field: keep our inverse (the value before), take the new value.
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key:
            return False
        if not (isinstance(self.edit, SetValue) and isinstance(other.edit, SetValue)
                and self.edit.path == other.edit.path):
            return False
        self.edit = other.edit
        return True


class PlanDocument(QObject):
    changed = Signal(str)  # the path that changed; "" for everything
    replaced = Signal()  # a new plan was loaded
    modified_changed = Signal(bool)

    def __init__(self, plan: Plan | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._plan = plan if plan is not None else Plan()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    @property
    def plan(self) -> Plan:
        return self._plan

    # ---- editing ---------------------------------------------------------------
    def apply(self, edit, *, text: str = "", merge_key=None):
        """Apply an edit now and push it on the undo stack; returns the inverse edit.

        Raises ``EditError`` (nothing pushed) when the edit does not fit the plan.
        """
        inverse = apply_edit(self._plan, edit)
        if isinstance(edit, SetValue) and get_value(self._plan, edit.path) == inverse.value:
            return inverse  # nothing changed: no undo step, the plan stays unmodified
        command = EditCommand(self, edit, inverse, text or describe_edit(edit), merge_key)
        self.undo_stack.push(command)  # calls redo(), which skips the first time
        self._announce(edit)
        return inverse

    def set_value(self, path: str, value):
        """Set one value; consecutive sets of the same path merge into one undo step."""
        return self.apply(SetValue(path, value), merge_key=path)

    def begin_macro(self, text: str):
        self.undo_stack.beginMacro(text)

    def end_macro(self):
        self.undo_stack.endMacro()

    # ---- whole plan ------------------------------------------------------------------
    def replace_plan(self, plan: Plan, *, modified: bool = False):
        """A new plan, with a fresh undo history; ``modified`` for a plan no file holds yet (a roll-over)."""
        self._plan = plan
        self.undo_stack.clear()  # reports cleanChanged(True) when it was modified
        self.undo_stack.setClean()
        if modified:
            self.undo_stack.resetClean()  # unsaved until saved: no undo brings it back to "clean"
        self.replaced.emit()
        self.changed.emit("")

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def set_clean(self):
        self.undo_stack.setClean()

    def _on_clean_changed(self, clean: bool):
        self.modified_changed.emit(not clean)

    def _announce(self, edit):
        for path in edit_paths(edit):
            self.changed.emit(path)
