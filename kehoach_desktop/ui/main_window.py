"""The main window: menus, actions, title, drag and drop. Thin wiring; the work is elsewhere.

Start-up shows the window before the plan is loaded: the frame (menus, title, the wizard's
step list and the first step's heading) paints first, then ``load`` builds the plan, its
document, the first step and the preview (``MainWindow(fast_start=True)``, used by the app).
Without ``fast_start`` (tests, tools) everything is built in the constructor.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from .. import APP_NAME, userdata
from .wizard.wizard import Wizard

DROP_SUFFIXES = (".docx", ".json", ".doc", ".txt")
FRAME_ESTIMATE = (8, 38)  # a window frame's width and height (borders, title bar) before it shows
NEW_PLAN_NAME = "Kế hoạch mới"  # the title before a plan has a file (FileController.display_name)


def _import_unit_list(window):
    from .units_menu import import_unit_list

    import_unit_list(window)


def _show_register(window):
    from .register_actions import show_register

    show_register(window)


class MainWindow(QMainWindow):
    loaded = Signal()  # the plan, its document and its first step are in place
    started = Signal()  # ... and the page preview: start-up is over

    def __init__(self, plan=None, forms=None, autosave_ms: int | None = None, *, fast_start: bool = False):
        super().__init__()
        self.setObjectName("mainWindow")
        self._pending = (plan, forms, autosave_ms)
        self._loaded = False
        self._start_queued = False
        self.form_errors: list[str] = []
        self._shortcuts: list = []  # (action, key names): set by load, no key works before the first paint
        settings = userdata.load_settings()
        self.profile_name = settings.get("last_profile", "")
        self.wizard = Wizard()
        self.setCentralWidget(self.wizard)
        self._build_menus()
        self.setAcceptDrops(True)
        self.setWindowTitle(f"{NEW_PLAN_NAME}[*] — {APP_NAME}")
        self.statusBar()  # made now: one that appears later would shift the page
        self._restore_geometry(settings)
        if not fast_start:
            self.load()
            self.wizard.polish()

    def _draft_failed(self, message: str) -> None:
        """Autosave stopped (or started again) writing drafts: say it in the status bar, once."""
        from .autosave import DRAFT_OK_AGAIN

        self.statusBar().showMessage(message or DRAFT_OK_AGAIN, 0 if message else 5000)

    def load(self):
        """Build the plan and everything that works on it; once (a menu used early calls it too)."""
        if self._loaded:
            return
        self._loaded = True
        from .autosave import Autosaver
        from .file_actions import FileController
        from .plan_document import PlanDocument

        plan, forms, autosave_ms = self._pending
        if forms is None:
            from ..forms import load_forms

            forms, self.form_errors = load_forms()
        self.forms = forms
        self._start_plan = None  # the blank plan shown at start: the welcome may give it the new unit
        if plan is None:
            plan = self._start_plan = self._first_plan()
        self.document = PlanDocument(plan, self)
        self.files = FileController(self, self.document, self.forms)
        self.wizard.attach(self.document, self.forms, self.profile_name)
        kwargs = {"interval_ms": autosave_ms} if autosave_ms else {}
        self.autosaver = Autosaver(self.document, lambda: str(self.files.path or ""), parent=self, **kwargs)
        self.autosaver.failed.connect(self._draft_failed)
        self._build_edit_menu()
        self._set_shortcuts()
        self._fill_recent()
        self.document.modified_changed.connect(self.setWindowModified)
        self.files.path_changed.connect(lambda _p: self._update_title())
        self.files.recent_changed.connect(self._fill_recent)
        self.files.saved.connect(self._on_saved)
        self.files.profile_chosen.connect(self._set_profile)
        self.document.replaced.connect(self._show_plan_unit)
        self.wizard.save_requested.connect(self.files.save)
        self.wizard.open_saved_requested.connect(self.files.open_in_word_processor)
        self.wizard.manage_profiles.connect(self.manage_profiles)
        self.wizard.profile_changed.connect(self._remember_profile)
        self._update_title()
        self.statusBar().showMessage("Sẵn sàng", 3000)
        self.loaded.emit()

    def finish_start(self):
        """After the first paint: the plan (if not yet); then, one turn of the event loop later (the
        first step paints, a key or click waiting is handled), the wizard's late touches and preview."""
        self.load()
        self.fit_screen()  # now with the real frame of the window system
        QTimer.singleShot(0, self, self._finish_preview)  # (dropped if the window is gone by then)

    def _finish_preview(self):
        self.wizard.finish_start()
        self.started.emit()

    def _first_plan(self):
        from ..forms import new_plan_from_form

        form = next((f for f in self.forms if f.id == "tuyen-truyen"), self.forms[0] if self.forms else None)
        if form is None:
            from ..plan.model import Plan

            return Plan()
        from .. import storage

        profile = storage.find_profile(storage.load_profiles(), self.profile_name)
        return new_plan_from_form(form, profile.regime if profile else form.regimes[0], profile)

    # ---- menus ----------------------------------------------------------------------
    def _action(self, menu, name: str, text: str, slot, shortcuts=(), tip: str = "") -> QAction:
        action = QAction(self)  # (text, parent) would make PySide create QIcon's type at start-up
        action.setText(text)
        action.setObjectName(name)
        if shortcuts:
            self._shortcuts.append((action, shortcuts))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: self._run(slot))
        menu.addAction(action)
        return action

    def _run(self, slot):
        self.load()  # a menu used in the first moments of start-up finds the plan loaded
        slot()

    def _build_menus(self):
        bar = self.menuBar()
        m = bar.addMenu("&Tệp")
        self._action(m, "actionNew", "&Mới…", lambda: self.files.new_plan(), ["Ctrl+N"], "Tạo kế hoạch mới")
        self._action(m, "actionOpen", "Mở &tệp…", lambda: self.files.open(), ["Ctrl+O"])
        self._action(m, "actionOpenPrevious", "Mở kế hoạch &năm trước…", lambda: self.files.open_previous_year(),
                     tip="Đọc kế hoạch gõ tay (.docx, .doc, .txt) và tạo kế hoạch năm mới từ đó")
        self.recent_menu = m.addMenu("Tệp &gần đây")
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.setEnabled(False)  # filled when the plan is loaded
        m.addSeparator()
        self._action(m, "actionSave", "&Lưu", lambda: self.files.save(), ["Ctrl+S"])
        self._action(m, "actionSaveAs", "Lư&u thành…", lambda: self.files.save_as(), ["Ctrl+Shift+S"])
        self._action(m, "actionPrint", "&In…", self.print_plan, ["Ctrl+P"], "Xem trước các trang rồi in")
        self._action(m, "actionExportPdf", "Xuất &PDF…", self.export_pdf, tip="Lưu các trang in thành tệp PDF")
        self._action(m, "actionOpenInWord", "Mở tệp đã lưu bằng &Word", lambda: self.files.open_in_word_processor())
        m.addSeparator()
        self._action(m, "actionProfiles", "&Hồ sơ đơn vị…", self.manage_profiles)
        self._action(m, "actionUnitList", "Cập nhật danh sách đơn vị hành &chính…", lambda: _import_unit_list(self))
        self._action(m, "actionRegister", "Sổ &văn bản đi…", lambda: _show_register(self),
                     tip="Các số đã cấp: tìm, lọc, xuất và nhập Excel")
        m.addSeparator()
        self._action(m, "actionQuit", "Th&oát", self.close, ["Ctrl+Q"])

        self.edit_menu = bar.addMenu("&Sửa")  # its undo/redo come with the plan's undo stack

        m = bar.addMenu("&Xem")
        self._action(m, "actionBack", "Bước &trước", self.wizard.back, ["Ctrl+PgUp"])
        self._action(m, "actionNext", "Bước &sau", self.wizard.next, ["Ctrl+PgDown"])
        self._action(m, "actionFindParagraph", "Tìm đoạn văn &mẫu", lambda: self.wizard.focus_library_search(),
                     ["Ctrl+F", "Ctrl+K"], "Đến ô tìm trong thư viện đoạn văn mẫu")
        self.preview_action = QAction(self)
        self.preview_action.setText("&Xem trước trang in")
        self.preview_action.setCheckable(True)
        self.preview_action.setChecked(True)
        self.preview_action.setObjectName("actionPreview")
        self.preview_action.toggled.connect(self.wizard.set_preview_visible)
        m.addAction(self.preview_action)

        m = bar.addMenu("Trợ &giúp")
        self._action(m, "actionGuide", "Hướng dẫn &sử dụng", self.show_guide)
        self._action(m, "actionHelp", "&Hướng dẫn bước này", self.show_help, ["F1"])
        self._action(m, "actionWelcome", "&Thiết lập đơn vị ban đầu…", self.show_welcome)
        m.addSeparator()
        self._action(m, "actionAbout", "&Giới thiệu", self.show_about)

    def _set_shortcuts(self):
        from PySide6.QtGui import QKeySequence

        for action, keys in self._shortcuts:
            action.setShortcuts([QKeySequence(k) for k in keys])  # window-wide: Qt's default context

    def _build_edit_menu(self):
        from PySide6.QtGui import QKeySequence

        stack = self.document.undo_stack
        self.undo_action = stack.createUndoAction(self, "&Hoàn tác")
        self.undo_action.setObjectName("actionUndo")
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = stack.createRedoAction(self, "&Làm lại")
        self.redo_action.setObjectName("actionRedo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.edit_menu.addActions([self.undo_action, self.redo_action])

    def _fill_recent(self):
        self.recent_menu.clear()
        paths = userdata.load_recent()
        for path in paths:
            action = self.recent_menu.addAction(Path(path).name)
            action.setStatusTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.files.open(p))
        self.recent_menu.setEnabled(bool(paths))

    # ---- title, profile, geometry -----------------------------------------------------
    def _update_title(self):
        self.setWindowTitle(f"{self.files.display_name()}[*] — {APP_NAME}")
        self.setWindowModified(self.document.is_modified())

    def _set_profile(self, name: str):
        self.profile_name = name
        self.wizard.set_profile_name(name)
        self._remember_profile(name)

    def _show_plan_unit(self):
        """A plan opened, imported, rolled over or recovered: the Đơn vị step shows its own unit's
        profile, or none, never the one shown before (its signer would be stored there)."""
        from .. import storage

        plan = self.document.plan
        current = storage.find_profile(storage.load_profiles(), self.profile_name) if self.profile_name else None
        if current is not None and current.issuer == plan.header.issuer:  # a new plan from this profile
            return
        profile = storage.profile_for_issuer(storage.load_profiles(), plan.header.issuer, self.profile_name,
                                             plan.regime)
        self.profile_name = profile.name if profile else ""
        self.wizard.set_profile_name(self.profile_name)

    def _remember_profile(self, name: str):
        self.profile_name = name
        if not name:  # a plan of a unit without a profile: the last profile used stays remembered
            return
        try:
            userdata.update_settings(last_profile=name)
        except Exception:  # settings are a comfort, never a reason to stop
            pass

    def _on_saved(self, path: str):
        from .. import storage

        self.autosaver.clear()
        self.wizard.review_step().set_saved_path(path)
        plan = self.document.plan  # the signer is kept only by the profile of the plan's own unit
        storage.remember_plan_signer(plan.header.issuer, plan.signature.to_dict(), self.profile_name)
        self.statusBar().showMessage(f"Đã lưu {path}", 5000)

    def _restore_geometry(self, settings: dict):
        geometry = settings.get("window_geometry")
        if geometry:
            from PySide6.QtCore import QByteArray

            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        else:
            self.resize(1366, 768)
        self.fit_screen()

    def fit_screen(self) -> None:
        """Keep the whole window, status bar included, inside the screen's available area (a
        1366×768 screen less its taskbar): before it shows with a usual title bar's height, then,
        once shown, with its real frame."""
        screen = self.screen()
        if screen is None or self.isMaximized() or self.isFullScreen():
            return
        area = screen.availableGeometry()
        frame, inner = self.frameGeometry(), self.geometry()
        extra_w = frame.width() - inner.width() if self.isVisible() else FRAME_ESTIMATE[0]
        extra_h = frame.height() - inner.height() if self.isVisible() else FRAME_ESTIMATE[1]
        width = min(self.width(), area.width() - extra_w)
        height = min(self.height(), area.height() - extra_h)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        frame = self.frameGeometry()
        x = min(max(frame.x(), area.left()), area.right() + 1 - frame.width())
        y = min(max(frame.y(), area.top()), area.bottom() + 1 - frame.height())
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

    def save_geometry(self):
        try:
            userdata.update_settings(window_geometry=bytes(self.saveGeometry().toBase64()).decode("ascii"))
        except Exception:
            pass

    # ---- help, print, profiles ---------------------------------------------------------
    def show_help(self):
        from .help_dialog import HelpDialog, help_html

        step = self.wizard.current_step()
        guidance = step.guidance()
        html = help_html(step.key, self.document.plan.regime, step.title, guidance.text, guidance.example)
        # Not modal: the help can stay open beside the step while the user types.
        if getattr(self, "help_dialog", None) is None:
            self.help_dialog = HelpDialog(html, step.title, self)
        else:
            self.help_dialog.set_help(html, step.title)
        self.help_dialog.show()
        self.help_dialog.raise_()

    def show_about(self):
        from .help_dialogs import AboutDialog

        AboutDialog(self).exec()

    def show_guide(self):
        from .help_dialogs import GuideDialog

        GuideDialog(self).exec()

    def show_welcome(self):
        from .welcome import open_welcome

        return open_welcome(self)

    def use_new_profile(self, name: str):
        """A profile made by the welcome: the window's from now on; an untouched new plan takes it."""
        self._set_profile(name)
        # Only that blank start plan: never a plan the user opened or began (no path, but theirs).
        if self.document.plan is self._start_plan and not self.document.is_modified():
            self._start_plan = self._first_plan()
            self.document.replace_plan(self._start_plan)

    def print_plan(self):
        from .printing.actions import open_print_preview

        open_print_preview(self, self.document.plan, self._pdf_folder())

    def export_pdf(self):
        from .printing.actions import export_pdf

        export_pdf(self, self.document.plan, self._pdf_folder())

    def _pdf_folder(self):
        path = self.files.last_saved or self.files.path
        return path.parent if path else None

    def manage_profiles(self):
        from .profile_dialog import ProfileDialog

        ProfileDialog(self, regime=self.document.plan.regime).exec()
        self.wizard.set_profile_name(self.profile_name)

    # ---- drag and drop, closing ----------------------------------------------------------
    def dragEnterEvent(self, event):
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if urls and urls[0].toLocalFile().lower().endswith(DROP_SUFFIXES):
            event.acceptProposedAction()

    def dropEvent(self, event):
        path = event.mimeData().urls()[0].toLocalFile()
        event.acceptProposedAction()
        self.load()
        self.files.open(path)  # a hand-typed file is recognised; Save then asks for a new name

    def event(self, event):
        # After the window's first paint: the plan (with fast_start), then the page preview.
        if event.type() == QEvent.Type.Paint and not self._start_queued:
            self._start_queued = True
            QTimer.singleShot(0, self, self.finish_start)  # (dropped if the window is gone by then)
        return super().event(event)

    def closeEvent(self, event):
        if not self._loaded:  # closed before the plan was even loaded: nothing to keep
            event.accept()
            return
        if not self.files.confirm_discard():
            event.ignore()
            return
        self.save_geometry()
        self.autosaver.stop()  # clean exit: no draft to recover next time
        event.accept()
