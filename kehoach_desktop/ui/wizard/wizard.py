"""The wizard: step list | current step with Back/Next | live preview, built from the form and the plan.

Steps follow the plan's own top-level sections (an opened plan may not follow
its form); the form gives guidance, library keys and usual entries. A step's
page is built the first time it is shown. Completion marks and the review list
come from the validator, re-run shortly after each edit.

The frame (step list, page, Back/Next) is built without a plan, so the window can show
before the plan is loaded (``attach`` brings it); the plan's modules are imported then.
"""
from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from .base import step_frame
from .step_list import StepList
from ...lazy_regex import lazy_compile

FIRST_STEP_TITLE = "Đơn vị"  # the unit step always comes first (specs.build_specs)

CHECK_DELAY_MS = 250
_TOP_TITLE = lazy_compile(r"^sections\[(\d+)\]\.title$")


class Wizard(QWidget):
    save_requested = Signal()
    open_saved_requested = Signal()
    manage_profiles = Signal()
    profile_changed = Signal(str)
    step_changed = Signal(int)

    def __init__(self, document=None, forms=(), profile_name: str = "", parent=None):
        super().__init__(parent)
        self.setObjectName("wizard")
        self.document = None
        self.forms = list(forms)
        self.profile_name = profile_name
        self.steps: list = []  # StepSpec
        self.problems: list = []

        self.step_list = StepList()
        self.step_list.step_chosen.connect(self.go_to)
        self.stack = QStackedWidget()
        self.stack.setObjectName("stepStack")
        self.back_button = QPushButton("‹ &Quay lại")
        self.back_button.setObjectName("backButton")
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton("Tiế&p theo ›")  # Alt+T is the Tệp menu
        self.next_button.setObjectName("nextButton")
        self.next_button.clicked.connect(self.next)
        nav = QHBoxLayout()
        nav.addStretch(1)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 6)
        page_layout.addWidget(self.stack, 1)
        page_layout.addLayout(nav)
        # Until the plan is attached, the page shows the first step's heading (its frame).
        self.stack.addWidget(step_frame(FIRST_STEP_TITLE))
        self.back_button.setEnabled(False)

        # The preview is built just after the window first shows (ensure_preview): it is the
        # slowest widget to start, and the window should not wait for it.
        self._preview = None
        self._preview_slot = QWidget()
        self._preview_slot.setMinimumWidth(300)
        self.splitter = QSplitter()  # horizontal
        self.splitter.setObjectName("wizardSplitter")
        self.splitter.setChildrenCollapsible(False)
        for w in (self.step_list, page, self._preview_slot):
            self.splitter.addWidget(w)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([200, 680, 480])  # at 1366 px: the page gets the most room
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.refresh_status)
        self._shape = None
        self._pending_index = None
        self._rebuild_pending = False
        self._status_stale = True
        self._started = False  # see polish
        if document is not None:
            self.attach(document, forms, profile_name)

    def attach(self, document, forms, profile_name: str = ""):
        """The plan's document and the forms: the steps are built from them (once)."""
        self.document = document
        self.forms = list(forms)
        self.profile_name = profile_name
        document.changed.connect(self._on_changed)
        document.replaced.connect(self._on_replaced)
        self.rebuild()

    # ---- the preview -----------------------------------------------------------------------
    preview_ready = Signal()

    @property
    def preview(self):
        return self.ensure_preview()

    def ensure_preview(self):
        if self._preview is None:
            from ..widgets.preview import PreviewWidget

            self._preview = PreviewWidget(self.document)
            self._preview.setObjectName("preview")
            if hasattr(self._preview, "path_clicked"):  # a click on the page leads to the field
                self._preview.path_clicked.connect(self.focus_problem)
            self._preview.setVisible(self._preview_slot.isVisibleTo(self) or not self.isVisible())
            self.splitter.replaceWidget(2, self._preview)
            self._preview_slot.deleteLater()
            self._show_in_preview(self.steps[self.current_index()])
            self.preview_ready.emit()
        return self._preview

    def polish(self):
        """The touches that need the Qt namespace (tab order, selectable guidance…) and the first
        validation: PySide takes tens of milliseconds to create that namespace, so with a fast
        start they wait until the window has painted. Once."""
        if self._started:
            return
        self._started = True
        self.step_list.finish_start()
        for spec in self.steps:
            if spec.widget is not None:
                spec.widget.finish_start()
        if self.steps:
            self._chain_tab_order(self.current_step())
        QTimer.singleShot(0, self._refresh_if_stale)

    def finish_start(self):
        """Once the window has first painted: ``polish``, then the page preview."""
        self.polish()
        return self.ensure_preview()

    def set_preview_visible(self, visible: bool):
        (self._preview or self._preview_slot).setVisible(visible)

    # ---- the form ---------------------------------------------------------------------
    @property
    def form(self):
        from ...forms import Form, best_form, find_form

        plan = self.document.plan
        return (find_form(self.forms, plan.kind) or best_form(self.forms, plan)
                or find_form(self.forms, "trong") or Form(id="", name="Kế hoạch"))

    def _plan_shape(self):
        """What the steps depend on: a change of it means the steps must be rebuilt."""
        plan = self.document.plan
        return (plan.regime, plan.kind, len(plan.sections), tuple(plan.numbering))

    # ---- building ---------------------------------------------------------------------
    def schedule_rebuild(self, index: int | None = None):
        # Deferred: the change may come from a widget that a rebuild would delete.
        if index is not None:
            self._pending_index = index
        if not self._rebuild_pending:
            self._rebuild_pending = True
            QTimer.singleShot(0, self._deferred_rebuild)

    def _on_replaced(self):
        # A whole new plan comes from a menu or dialog, never from a step's own widget: rebuild now.
        self.rebuild(0)
        if self.isVisible():  # the keyboard goes on in the first field (the old page took the focus away)
            QTimer.singleShot(0, self._focus_first_input)

    def _focus_first_input(self):
        if self.steps:  # (in a window not active yet: the field it will give the keyboard to)
            first = self.current_step().first_input()
            if first is not None:
                first.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)

    def _deferred_rebuild(self):
        index, self._pending_index = self._pending_index, None
        self.rebuild(index)

    def rebuild(self, index: int | None = None):
        self._rebuild_pending = False
        current = self.stack.currentIndex() if index is None else index
        focused = QApplication.focusWidget()
        focus_name = focused.objectName() if focused is not None and self.stack.isAncestorOf(focused) else ""
        while self.stack.count():
            page = self.stack.widget(0)
            self.stack.removeWidget(page)
            page.deleteLater()
        from .specs import build_specs

        self.steps = build_specs(self, self.form)
        for _spec in self.steps:
            self.stack.addWidget(QWidget())  # a placeholder until the step is first shown
        self._shape = self._plan_shape()
        self.step_list.set_steps([s.title for s in self.steps])
        self.go_to(min(max(current, 0), len(self.steps) - 1), focus=False)
        if focus_name:  # e.g. the regime combo that caused the rebuild keeps the keyboard
            again = self.current_step().findChild(QWidget, focus_name)
            if again is not None:  # after the old page is gone: its deletion clears the focus
                QTimer.singleShot(0, lambda: again.setFocus(QtCore.Qt.FocusReason.OtherFocusReason))
        # Validation waits for the next turn of the event loop (at start-up: until the window
        # has painted, see polish).
        self._status_stale = True
        if self._started:
            QTimer.singleShot(0, self._refresh_if_stale)

    def _refresh_if_stale(self):
        if self._status_stale:
            self.refresh_status()

    def step_widget(self, index: int):
        """The page of a step, built on first use."""
        spec = self.steps[index]
        if spec.widget is None:
            spec.widget = spec.make()
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, spec.widget)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            if self._started:
                spec.widget.finish_start()
        return spec.widget

    def _chain_tab_order(self, page):
        if self._started:  # (before that, polish does it)
            from .tab_order import chain_tab_order

            chain_tab_order(page, self.step_list, self.back_button, self.next_button)

    # ---- navigation ---------------------------------------------------------------------
    def current_index(self) -> int:
        return self.stack.currentIndex()

    def current_step(self):
        return self.step_widget(self.current_index())

    def step_index(self, key: str) -> int:
        return next((i for i, s in enumerate(self.steps) if s.key == key), -1)

    def go_to(self, index: int, focus: bool = True):
        if not 0 <= index < len(self.steps):
            return
        if self.steps[index].key == "review" and self._status_stale:
            self.refresh_status()
        step = self.step_widget(index)
        if hasattr(step, "ensure_library"):
            step.ensure_library()
        self.stack.setCurrentIndex(index)
        self._chain_tab_order(step)
        self.step_list.select(index)
        self._show_in_preview(self.steps[index])
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.steps) - 1)
        if focus:
            first = step.first_input()
            if first is not None:
                first.setFocus(QtCore.Qt.FocusReason.TabFocusReason)
        self.step_changed.emit(index)

    def _show_in_preview(self, spec):
        """Scroll the preview to the page where the step's part is printed (e.g. the signature)."""
        anchors = {"unit": ("header",), "summary": ("summary",), "recipients": ("closing[0]", "recipients"),
                   "signature": ("recipients",), "appendices": ("appendices[0]",)}.get(spec.key, spec.prefixes)
        if self._preview is None:
            return
        try:
            page = next((p for p in map(self.preview.page_of, anchors) if p is not None), None)
            if page is not None:
                view = self.preview.pages_view
                top = (view.page_top(page) - view.page_top(0)) * self.preview.zoom
                self.preview.scroll.verticalScrollBar().setValue(int(top))
        except (AttributeError, TypeError, IndexError):  # a preview without pages yet
            pass

    def next(self):
        self.go_to(self.current_index() + 1)

    def back(self):
        self.go_to(self.current_index() - 1)

    def focus_library_search(self) -> bool:
        """Ctrl+F: the search box of the paragraph library (on the first section step when the
        step on screen has no library)."""
        if not self.steps:
            return False
        index = self.current_index()
        if self.steps[index].key != "section":
            index = self.step_index("section")
            if index < 0:
                return False
            self.go_to(index, focus=False)
        step = self.current_step()
        step.ensure_library()
        box = step.library.search_box
        box.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)
        box.selectAll()
        return True

    def focus_problem(self, where: str) -> bool:
        """Show the step that edits ``where`` and put the cursor on its field."""
        if self._plan_shape() != self._shape or self._rebuild_pending:
            self.rebuild(self._pending_index)
        for i, spec in enumerate(self.steps):
            if where and spec.owns(where):
                self.go_to(i, focus=False)
                return spec.widget.focus_where(where)
        return False

    # ---- sections ---------------------------------------------------------------------
    def add_section(self, after: int):
        from ...plan.edits import InsertItem
        from ...plan.model import Section

        self._pending_index = self.step_index("section") + after + 1
        self.document.apply(InsertItem("sections", after + 1, Section(title="MỤC MỚI")),
                            text="Thêm mục lớn")

    def remove_section(self, index: int):
        from ...plan.edits import RemoveItem
        from .. import vi

        title = self.document.plan.sections[index].title
        answer = vi.ask(self, "Xóa mục", f"Xóa cả mục “{title}” và toàn bộ nội dung của nó?\n"
                        "Có thể hoàn tác bằng Ctrl+Z.",
                        [("delete", "Xóa mục", vi.DESTRUCTIVE), ("cancel", "Hủy", vi.REJECT)],
                        icon="warning", default="cancel")
        if answer == "delete":
            self.document.apply(RemoveItem("sections", index), text="Xóa mục lớn")

    # ---- status -------------------------------------------------------------------------
    def _on_changed(self, path: str):
        if self._plan_shape() != self._shape:
            self.schedule_rebuild()
            return
        m = _TOP_TITLE.match(path)
        if m:
            self._retitle()
        self._check_timer.start()

    def _retitle(self):
        from .specs import section_title

        plan = self.document.plan
        for spec in self.steps:
            if spec.section_index is not None:
                spec.title = section_title(plan, spec.section_index)
                if spec.widget is not None:
                    spec.widget.title = spec.title
        self.step_list.set_steps([s.title for s in self.steps])
        self.step_list.select(self.current_index())
        self.refresh_status()

    def refresh_status(self):
        from ...plan.validate import validate

        from .check_view import shown_errors, step_done

        plan = self.document.plan
        self._status_stale = False
        self.problems = validate(plan)
        errors = shown_errors(self.problems)  # number and date left for the văn thư are no error here
        for i, spec in enumerate(self.steps):
            if spec.key == "review":
                if spec.widget is not None:
                    spec.widget.set_problems(self.problems)
                done = not errors
            else:
                done = step_done(spec, plan, self.problems)
            self.step_list.set_done(i, done)

    def _on_profile(self, name: str):
        self.profile_name = name
        spec = self.steps[self.step_index("signature")]
        if spec.widget is not None:
            spec.widget.profile_name = name
            spec.widget.reload_signers()
        self.profile_changed.emit(name)

    def set_profile_name(self, name: str):
        self._on_profile(name)
        spec = self.steps[self.step_index("unit")]
        if spec.widget is not None:
            spec.widget.profile_name = name
            spec.widget.reload_profiles()

    def review_step(self):
        return self.step_widget(self.step_index("review"))
