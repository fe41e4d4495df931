"""Names as you type: today's xã, phường and đặc khu offered under the issuer, superior and
place fields (accents not needed: ``tan lap`` offers every Tân Lập with its province).

Choosing one fills the header forms of the plan's regime in one undoable edit (``units.forms``).
The unit list is loaded on the first keystroke, never at start-up. Hooked into the Đơn vị step
(``attach_to_unit_step``) and the profile dialog (``attach_to_profile_dialog``) with one line each.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit

MIN_CHARS = 2
FIELDS = ("issuer", "superior", "place")


class UnitMatches(QAbstractListModel):
    """The units matching what was typed, best first (a model over ``units.index``)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.units: list = []

    @staticmethod
    def index_of_units():
        from ...units.index import current_index  # loaded on first use

        return current_index()

    def set_query(self, text: str) -> None:
        found = self.index_of_units().complete(text) if len(text.strip()) >= MIN_CHARS else []
        self.beginResetModel()
        self.units = found
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.units)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.units):
            return None
        unit = self.units[index.row()]
        if role in (Qt.DisplayRole, Qt.EditRole, Qt.AccessibleTextRole):
            return self.index_of_units().label(unit)
        if role == Qt.UserRole:
            return unit
        return None


class UnitCompleter(QCompleter):
    """A popup of units under one line edit; ``chosen(unit)`` when the user picks one."""

    chosen = Signal(object)

    def __init__(self, line_edit: QLineEdit, field: str):
        super().__init__(line_edit)
        self.field = field
        self.matches = UnitMatches(self)
        self.setModel(self.matches)
        self.setCompletionMode(QCompleter.UnfilteredPopupCompletion)  # the index filters, Qt shows
        self.setMaxVisibleItems(12)
        self.setWidget(line_edit)  # not setCompleter: the line edit must not write the label into itself
        self.popup().setObjectName(f"unitCompletion.{field}")
        self.popup().setAccessibleName("Đơn vị hành chính gợi ý")
        line_edit.textEdited.connect(self._typed)
        self.activated[QModelIndex].connect(self._activated)

    def _typed(self, text: str) -> None:
        self.matches.set_query(text)
        if self.matches.units:
            self.complete()
        else:
            self.popup().hide()

    def _activated(self, index: QModelIndex) -> None:
        unit = index.data(Qt.UserRole)
        if unit is not None:
            self.chosen.emit(unit)


def attach(line_edits: dict, regime, fill) -> dict:
    """A completer under each of ``line_edits`` (field → QLineEdit); on a choice,
    ``fill(forms)`` gets the header values for ``regime()``."""
    from ...units.forms import header_forms

    completers = {}
    for field, edit in line_edits.items():
        if edit is None:
            continue
        completer = UnitCompleter(edit, field)

        def chosen(unit, field=field):
            forms = header_forms(UnitMatches.index_of_units(), unit, regime(), field,
                                 current={k: e.text() for k, e in line_edits.items() if e is not None})
            fill(forms)

        completer.chosen.connect(chosen)
        completers[field] = completer
    return completers


def attach_to_unit_step(step, document) -> dict:
    """Completion on the Đơn vị step; the choice is one undo step of the plan."""
    from ...plan.edits import Batch, SetValue

    edits = {f: step.findChild(QLineEdit, f"header.{f}") for f in FIELDS}

    def fill(forms: dict) -> None:
        batch = Batch(tuple(SetValue(f"header.{k}", v) for k, v in forms.items()))
        document.apply(batch, text="Chọn đơn vị hành chính")

    return attach(edits, lambda: document.plan.regime, fill)


def attach_to_profile_dialog(dialog) -> dict:
    """Completion in the profile dialog: the choice fills its fields (saved with Lưu)."""
    edits = {f: dialog.inputs.get(f) for f in FIELDS}

    def fill(forms: dict) -> None:
        for key, value in forms.items():
            dialog.inputs[key].setText(value)

    return attach(edits, lambda: dialog.regime.currentData(), fill)
