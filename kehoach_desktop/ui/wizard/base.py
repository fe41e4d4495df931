"""What every wizard step has: a title, guidance, the key paths it owns, a way to focus one."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from ...forms import Guidance


def owns_prefix(where: str, prefixes) -> bool:
    """True when ``where`` is one of ``prefixes`` or lies inside one ("recipients[2]" in "recipients")."""
    return any(where == p or where.startswith(p + ".") or where.startswith(p + "[") for p in prefixes)


def is_blank(value) -> bool:
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list):
        return not any(not is_blank(v) for v in value)
    return value is None


class Step(QWidget):
    """A page of the wizard. Subclasses set ``key``/``title``, fill ``self.body`` and list ``prefixes``."""

    key = ""
    title = ""
    prefixes: tuple = ()  # key paths the step edits

    def __init__(self, document, guidance: Guidance, required=(), parent=None):
        super().__init__(parent)
        self.document = document
        self._guidance = guidance
        self.required = tuple(required)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        heading = QLabel(f"<b>{self.title}</b>")
        heading.setObjectName("stepTitle")
        heading.setStyleSheet("font-size: 15pt;")
        outer.addWidget(heading)
        hint = QLabel(guidance.text)
        hint.setObjectName("stepGuidance")
        hint.setWordWrap(True)
        hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint.setVisible(bool(guidance.text))
        outer.addWidget(hint)
        self.body = QVBoxLayout()
        outer.addLayout(self.body, 1)

    # ---- for the wizard -----------------------------------------------------------
    def guidance(self) -> Guidance:
        return self._guidance

    def owns(self, where: str) -> bool:
        return owns_prefix(where, self.prefixes)

    def focus_where(self, where: str) -> bool:
        """Put the keyboard focus on the input for ``where`` (the longest matching objectName)."""
        target = None
        best = -1
        for widget in self.findChildren(QWidget):
            name = widget.objectName()
            if name and owns_prefix(where, (name,)) and len(name) > best and widget.isEnabled():
                target, best = widget, len(name)
        if target is None:
            return False
        select = getattr(target, "select_path", None)
        if callable(select):
            try:
                if select(where):  # the editor put the cursor on the right line itself
                    return True
            except Exception:  # a path the editor no longer has: focusing the editor is enough
                pass
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def first_input(self) -> QWidget | None:
        for widget in self.findChildren(QWidget):
            if widget.objectName() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                return widget
        return None


def line_edit(name: str, placeholder: str = "") -> QLineEdit:
    w = QLineEdit()
    w.setObjectName(name)
    w.setPlaceholderText(placeholder)
    return w


def text_edit(name: str, placeholder: str = "", height: int = 90) -> QPlainTextEdit:
    w = QPlainTextEdit()
    w.setObjectName(name)
    w.setPlaceholderText(placeholder)
    w.setTabChangesFocus(True)  # keyboard-only users leave the box with Tab
    w.setMinimumHeight(height)
    return w


def form_layout() -> QFormLayout:
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form
