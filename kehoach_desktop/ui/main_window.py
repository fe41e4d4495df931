"""The main window: menus, actions, title, drag and drop. Thin wiring; the work is elsewhere."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from .. import APP_NAME, storage
from ..forms import load_forms, new_plan_from_form
from . import vi
from .autosave import Autosaver
from .file_actions import FileController
from .plan_document import PlanDocument
from .wizard.wizard import Wizard

DROP_SUFFIXES = (".docx", ".json", ".doc", ".txt")


class MainWindow(QMainWindow):
    def __init__(self, plan=None, forms=None, autosave_ms: int | None = None):
        super().__init__()
        self.setObjectName("mainWindow")
        if forms is None:
            forms, errors = load_forms()
            self.form_errors = errors
        else:
            self.form_errors = []
        self.forms = forms
        settings = storage.load_settings()
        self.profile_name = settings.get("last_profile", "")
        if plan is None:
            plan = self._first_plan()
        self.document = PlanDocument(plan, self)
        self.files = FileController(self, self.document, self.forms)
        self.wizard = Wizard(self.document, self.forms, self.profile_name)
        self.setCentralWidget(self.wizard)
        self._preview_queued = False
        kwargs = {"interval_ms": autosave_ms} if autosave_ms else {}
        self.autosaver = Autosaver(self.document, lambda: str(self.files.path or ""), parent=self, **kwargs)
        self._build_menus()
        self.setAcceptDrops(True)
        self.document.modified_changed.connect(self.setWindowModified)
        self.files.path_changed.connect(lambda _p: self._update_title())
        self.files.recent_changed.connect(self._fill_recent)
        self.files.saved.connect(self._on_saved)
        self.files.profile_chosen.connect(self._set_profile)
        self.wizard.save_requested.connect(self.files.save)
        self.wizard.open_saved_requested.connect(self.files.open_in_word_processor)
        self.wizard.manage_profiles.connect(self.manage_profiles)
        self.wizard.profile_changed.connect(self._remember_profile)
        self._update_title()
        self._restore_geometry(settings)
        self.statusBar().showMessage("Sẵn sàng", 3000)

    def _first_plan(self):
        form = next((f for f in self.forms if f.id == "tuyen-truyen"), self.forms[0] if self.forms else None)
        if form is None:
            from ..plan.model import Plan

            return Plan()
        profile = storage.find_profile(storage.load_profiles(), self.profile_name)
        return new_plan_from_form(form, profile.regime if profile else form.regimes[0], profile)

    # ---- menus ----------------------------------------------------------------------
    def _action(self, menu, name: str, text: str, slot, shortcuts=(), tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_menus(self):
        bar = self.menuBar()
        m = bar.addMenu("&Tệp")
        f = self.files
        self._action(m, "actionNew", "&Mới…", f.new_plan, [QKeySequence.StandardKey.New], "Tạo kế hoạch mới")
        self._action(m, "actionOpen", "M&ở…", f.open, [QKeySequence.StandardKey.Open])
        self._action(m, "actionOpenPrevious", "Mở kế hoạch &năm trước…", f.open_previous_year,
                     tip="Đọc kế hoạch gõ tay (.docx, .doc, .txt) và tạo kế hoạch năm mới từ đó")
        self.recent_menu = m.addMenu("Tệp &gần đây")
        self.recent_menu.setObjectName("recentMenu")
        m.addSeparator()
        self._action(m, "actionSave", "&Lưu", f.save, [QKeySequence.StandardKey.Save])
        self._action(m, "actionSaveAs", "Lưu &thành…", f.save_as, ["Ctrl+Shift+S"])
        self._action(m, "actionPrint", "&In…", self.print_plan, [QKeySequence.StandardKey.Print])
        self._action(m, "actionOpenInWord", "Mở tệp đã lưu bằng &Word", f.open_in_word_processor)
        m.addSeparator()
        self._action(m, "actionProfiles", "&Hồ sơ đơn vị…", self.manage_profiles)
        m.addSeparator()
        self._action(m, "actionQuit", "T&hoát", self.close, ["Ctrl+Q"])

        m = bar.addMenu("&Sửa")
        stack = self.document.undo_stack
        self.undo_action = stack.createUndoAction(self, "&Hoàn tác")
        self.undo_action.setObjectName("actionUndo")
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = stack.createRedoAction(self, "&Làm lại")
        self.redo_action.setObjectName("actionRedo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        for a in (self.undo_action, self.redo_action):
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            m.addAction(a)

        m = bar.addMenu("&Xem")
        self._action(m, "actionBack", "Bước &trước", self.wizard.back, ["Ctrl+PgUp"])
        self._action(m, "actionNext", "Bước &sau", self.wizard.next, ["Ctrl+PgDown"])
        self.preview_action = QAction("&Xem trước trang in", self, checkable=True, checked=True)
        self.preview_action.setObjectName("actionPreview")
        self.preview_action.toggled.connect(self.wizard.set_preview_visible)
        m.addAction(self.preview_action)

        m = bar.addMenu("Trợ &giúp")
        self._action(m, "actionHelp", "&Hướng dẫn bước này", self.show_help, ["F1"])
        self._action(m, "actionAbout", "&Giới thiệu", self.show_about)
        self._fill_recent()

    def _fill_recent(self):
        self.recent_menu.clear()
        paths = storage.load_recent()
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

    def _remember_profile(self, name: str):
        self.profile_name = name
        try:
            storage.update_settings(last_profile=name)
        except Exception:  # settings are a comfort, never a reason to stop
            pass

    def _on_saved(self, path: str):
        self.autosaver.clear()
        self.wizard.review_step().set_saved_path(path)
        if self.profile_name:
            storage.remember_signer(self.profile_name, self.document.plan.signature.to_dict())
        self.statusBar().showMessage(f"Đã lưu {path}", 5000)

    def _restore_geometry(self, settings: dict):
        geometry = settings.get("window_geometry")
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        else:
            self.resize(1366, 768)

    def save_geometry(self):
        try:
            storage.update_settings(window_geometry=bytes(self.saveGeometry().toBase64()).decode("ascii"))
        except Exception:
            pass

    # ---- help, print, profiles ---------------------------------------------------------
    def show_help(self):
        step = self.wizard.current_step()
        guidance = step.guidance()
        vi.inform(self, f"Hướng dẫn: {step.title}", guidance.text or "Điền các ô của bước này.",
                  details=f"Ví dụ: {guidance.example}" if guidance.example else "")

    def show_about(self):
        vi.inform(self, "Giới thiệu", f"{APP_NAME}: soạn, kiểm tra và in Kế hoạch theo đúng thể thức "
                  "(Nghị định 30/2020/NĐ-CP và Hướng dẫn 36-HD/VPTW). Không cần mạng.")

    def print_plan(self):
        self.files.print_plan(self.wizard.preview)

    def manage_profiles(self):
        from .profile_dialog import ProfileDialog

        ProfileDialog(self).exec()
        self.wizard.set_profile_name(self.profile_name)

    # ---- drag and drop, closing ----------------------------------------------------------
    def dragEnterEvent(self, event):
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if urls and urls[0].toLocalFile().lower().endswith(DROP_SUFFIXES):
            event.acceptProposedAction()

    def dropEvent(self, event):
        path = event.mimeData().urls()[0].toLocalFile()
        event.acceptProposedAction()
        self.files.open(path)  # a hand-typed file is recognised; Save then asks for a new name

    def event(self, event):
        # After the window's first paint, the page preview fills in (it is the slowest to build).
        if event.type() == QEvent.Type.Paint and self.wizard._preview is None and not self._preview_queued:
            self._preview_queued = True
            QTimer.singleShot(0, self.wizard.ensure_preview)
        return super().event(event)

    def closeEvent(self, event):
        if not self.files.confirm_discard():
            event.ignore()
            return
        self.save_geometry()
        self.autosaver.stop()  # clean exit: no draft to recover next time
        event.accept()
