"""What every wizard step has: a title, guidance, the key paths it owns, a way to focus one."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:  # (the forms module is not needed to show the window's frame)
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
        outer.setContentsMargins(12, 8, 12, 8)  # as step_frame
        outer.addWidget(step_heading(self.title))
        hint = QLabel(guidance.text)
        hint.setObjectName("stepGuidance")
        hint.setWordWrap(True)
        hint.setVisible(bool(guidance.text))
        outer.addWidget(hint)
        self._hint = hint
        self.body = QVBoxLayout()
        outer.addLayout(self.body, 1)

    # ---- for the wizard -----------------------------------------------------------
    def finish_start(self) -> None:
        """What waits until the window has first painted: anything that needs the Qt namespace,
        which costs tens of milliseconds to create (the first step is built before the window shows)."""
        self._hint.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)

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
        target.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
        return True

    def first_input(self) -> QWidget | None:
        for widget in self.findChildren(QWidget):
            if widget.objectName() and widget.focusPolicy() & QtCore.Qt.FocusPolicy.TabFocus and widget.isEnabled():
                return widget
        return None


def step_heading(title: str) -> QLabel:
    """The step's title in large bold type."""
    # Rich text, not a style sheet: the first style sheet loads Qt's CSS engine (~10 ms of start-up).
    text = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    heading = QLabel(f'<span style="font-size: 15pt; font-weight: bold">{text}</span>')
    heading.setObjectName("stepTitle")
    return heading


def step_frame(title: str) -> QWidget:
    """A step's page with only its title, where a Step puts it: the first step's place while
    the window starts, before the plan is loaded."""
    page = QWidget()
    outer = QVBoxLayout(page)
    outer.setContentsMargins(12, 8, 12, 8)
    outer.addWidget(step_heading(title))
    outer.addStretch(1)
    return page


# The input classes are imported where used: the window's frame (step_frame) needs none of them.
def line_edit(name: str, placeholder: str = ""):
    from PySide6.QtWidgets import QLineEdit

    w = QLineEdit()
    w.setObjectName(name)
    w.setPlaceholderText(placeholder)
    return w


def text_edit(name: str, placeholder: str = "", height: int = 90):
    from PySide6.QtWidgets import QPlainTextEdit  # not needed by the first step

    w = QPlainTextEdit()
    w.setObjectName(name)
    w.setPlaceholderText(placeholder)
    w.setTabChangesFocus(True)  # keyboard-only users leave the box with Tab
    w.setMinimumHeight(height)
    return w


def form_layout():
    from PySide6.QtWidgets import QFormLayout

    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form
