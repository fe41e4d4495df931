"""New, Open, Open last year's plan, Save, Save as, recent files: the file side of the window.

Reading and writing go through ``kehoach_desktop.io`` (atomic, with a backup);
every failure a user can meet is a ``KehoachError`` whose Vietnamese message
is shown as is. Message boxes and file choosers go through ``vi``.
"""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from .. import storage
from ..errors import KehoachError, SaveFailed
from ..plan.text import fold_words
from . import vi

APP_SOURCES = ("json", "app-docx")  # files the app can write back exactly


class _WaitCursor:
    def __enter__(self):
        from PySide6.QtCore import Qt  # not at import: the Qt namespace is slow to create at start-up

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc):
        QApplication.restoreOverrideCursor()


SLOW_READ_BYTES = 2 * 1024 * 1024


def _is_slow_to_read(path) -> bool:
    """Old Word files go through LibreOffice (seconds); big files take a moment to parse."""
    path = Path(path)
    try:
        return path.suffix.lower() == ".doc" or path.stat().st_size > SLOW_READ_BYTES
    except OSError:
        return False


class FileController(QObject):
    path_changed = Signal(str)  # "" for an unsaved new plan
    saved = Signal(str)
    recent_changed = Signal()
    profile_chosen = Signal(str)

    def __init__(self, window, document, forms):
        super().__init__(window)
        self.window = window
        self.document = document
        self.forms = forms
        self.path: Path | None = None
        self.last_saved: Path | None = None

    # ---- state ----------------------------------------------------------------------
    def set_path(self, path) -> None:
        self.path = Path(path) if path else None
        self.path_changed.emit(str(self.path or ""))

    def display_name(self) -> str:
        return self.path.name if self.path else "Kế hoạch mới"

    def suggested_name(self) -> str:
        """A file name from the summary: "ke-hoach-tuyen-truyen-ky-niem.docx"."""
        words = fold_words(self.document.plan.summary)[:8]
        stem = "-".join(["ke-hoach", *words]) if words else "ke-hoach"
        folder = self.path.parent if self.path else Path(self._folder())
        return str(folder / (re.sub(r"[^a-z0-9-]", "", stem) + ".docx"))

    # ---- unsaved changes ------------------------------------------------------------
    def confirm_discard(self) -> bool:
        """True when the current plan may be replaced (saved, or the user chose so)."""
        if not self.document.is_modified():
            return True
        answer = vi.ask(self.window, "Chưa lưu",
                        f"Kế hoạch “{self.display_name()}” có thay đổi chưa lưu. Lưu lại trước khi tiếp tục?",
                        [("save", "Lưu", vi.ACCEPT), ("discard", "Không lưu", vi.DESTRUCTIVE),
                         ("cancel", "Hủy", vi.REJECT)], icon="warning", default="save")
        if answer == "save":
            return self.save()
        return answer == "discard"

    # ---- new ---------------------------------------------------------------------------
    def new_plan(self) -> bool:
        if not self.confirm_discard():
            return False
        from .new_plan_dialog import NewPlanDialog

        last = storage.load_settings().get("last_profile", "")  # the unit last used is offered first
        current = getattr(self.window, "profile_name", "") or (last if isinstance(last, str) else "")
        dialog = NewPlanDialog(self.forms, self.window, profile_name=current)
        if not dialog.exec():
            return False
        plan, profile_name = dialog.result_plan()
        self.start_plan(plan, profile_name)
        return True

    def start_plan(self, plan, profile_name: str = "") -> None:
        self.profile_chosen.emit(profile_name)
        self.document.replace_plan(plan)
        self.set_path(None)

    # ---- open ----------------------------------------------------------------------------
    def open(self, path: str = "") -> bool:
        if not self.confirm_discard():
            return False
        if not path:
            path = vi.choose_open_file(self.window, "Mở kế hoạch", vi.OPEN_FILTERS, self._folder())
            if not path:
                return False
        result = self._load(path)
        if result is None:
            return False
        self.document.replace_plan(result.plan)
        if result.source in APP_SOURCES:
            self.set_path(path)
        else:
            # A hand-typed file is never overwritten in our layout: Save asks for a new name.
            self.set_path(None)
            self._report_notes(path, result.notes)
        self.recent_changed.emit()
        return True

    def open_previous_year(self) -> bool:
        """A hand-typed plan of last year: read it, tell what to check, offer the roll-over."""
        if not self.confirm_discard():
            return False
        path = vi.choose_open_file(self.window, "Mở kế hoạch năm trước", vi.OLD_PLAN_FILTERS, self._folder())
        if not path:
            return False
        result = self._load(path)
        if result is None:
            return False
        plan = result.plan
        # One question, with what to check after reading: the user already asked for last year's plan.
        notes = "\n".join(f"• {n}" for n in result.notes)
        answer = vi.ask(self.window, "Kế hoạch năm mới",
                        f"Đã đọc “{Path(path).name}”. Tạo kế hoạch năm mới từ kế hoạch này? Phần mềm đổi "
                        "năm, bỏ số và ngày cũ; anh/chị xem lại từng phần trước khi lưu.",
                        [("rollover", "Tạo kế hoạch năm mới từ kế hoạch này", vi.ACCEPT),
                         ("keep", "Chỉ mở để xem, sửa", vi.REJECT)], default="rollover",
                        details=f"Cần kiểm tra lại:\n{notes}" if notes else "")
        rolled = False
        if answer == "rollover":
            from .rollover_dialog import RolloverDialog

            dialog = RolloverDialog(plan, self.window)
            if dialog.exec():
                plan, rolled = dialog.result_plan(), True
        self.show_unit_of(plan)
        self.document.replace_plan(plan, modified=rolled)  # a rolled-over plan is in no file yet
        self.set_path(None)
        return True

    def show_unit_of(self, plan) -> None:
        """The Đơn vị step shows the plan's own unit: the profile of its issuer and regime, or none."""
        match = storage.profile_for_issuer(storage.load_profiles(), plan.header.issuer, regime=plan.regime)
        self.profile_chosen.emit(match.name if match else "")

    def _load(self, path):
        from ..io import load_plan

        def work(progress=lambda text: None):
            return load_plan(path, progress=lambda percent, text: progress(text))

        try:
            if _is_slow_to_read(path):  # a .doc conversion or a big file: off the GUI thread
                from .background import run_in_background

                result = run_in_background(self.window, f"Đang đọc “{Path(path).name}”...", work)
            else:
                with _WaitCursor():
                    result = work()
        except KehoachError as exc:
            if not Path(path).exists():  # a recent file moved or deleted: forget it
                storage.remove_recent(path)
                self.recent_changed.emit()
            vi.error(self.window, "Không mở được tệp", str(exc))
            return None
        except Exception as exc:  # the GUI boundary: never a traceback
            from ..errors import UNKNOWN_FAILURE

            vi.error(self.window, "Không mở được tệp", f"Tệp “{Path(path).name}”: {UNKNOWN_FAILURE}")
            return None
        storage.add_recent(path)
        return result

    def _report_notes(self, path, notes) -> None:
        text = (f"Đã đọc “{Path(path).name}”. Hãy kiểm tra lại các phần sau:" if notes
                else f"Đã đọc “{Path(path).name}”. Hãy xem lại từng bước trước khi lưu.")
        vi.inform(self.window, "Đã đọc kế hoạch", text, details="\n".join(f"• {n}" for n in notes))

    def _folder(self) -> str:
        """Where the file choosers open: the plan's folder, else the last folder used, else Documents."""
        if self.path:
            return str(self.path.parent)
        for recent in storage.load_recent():
            if Path(recent).parent.is_dir():
                return str(Path(recent).parent)
        return documents_folder()

    # ---- save ----------------------------------------------------------------------------
    def save(self) -> bool:
        if self.path is None or self.path.suffix.lower() not in (".docx", ".json"):
            return self.save_as()
        return self.write(self.path)

    def save_as(self) -> bool:
        path = vi.choose_save_file(self.window, "Lưu kế hoạch", self.suggested_name())
        if not path:
            return False
        return self.write(Path(path))

    def write(self, path: Path) -> bool:
        from ..io import save_plan

        try:
            with _WaitCursor():
                save_plan(self.document.plan, path)
        except KehoachError as exc:
            return self._save_failed(exc)
        except OSError as exc:
            from ..safefile import os_reason

            return self._save_failed(SaveFailed(f"Không ghi được tệp “{path.name}” ({os_reason(exc)})."))
        self.document.set_clean()
        self.set_path(path)
        self.last_saved = path
        storage.add_recent(path)
        self.recent_changed.emit()
        self.saved.emit(str(path))
        return True

    def _save_failed(self, exc: KehoachError) -> bool:
        answer = vi.ask(self.window, "Chưa lưu được", str(exc),
                        [("elsewhere", "Lưu vào chỗ khác…", vi.ACCEPT), ("cancel", "Hủy", vi.REJECT)],
                        icon="error", default="elsewhere",
                        details="Tệp cũ (nếu có) vẫn được giữ nguyên. Nếu tệp đang mở trong Word, "
                                "hãy đóng Word rồi lưu lại, hoặc lưu với tên khác.")
        if answer == "elsewhere":
            return self.save_as()
        return False

    # ---- after saving ----------------------------------------------------------------------
    def open_in_word_processor(self) -> bool:
        path = self.last_saved or self.path
        if path is None or path.suffix.lower() != ".docx":
            vi.inform(self.window, "Chưa có tệp Word", "Hãy lưu kế hoạch thành tệp .docx trước.")
            return False
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            return True
        vi.error(self.window, "Không mở được tệp Word",
                 "Máy này chưa có chương trình mở tệp .docx (Word, LibreOffice hoặc WPS). Hãy cài một "
                 "chương trình như vậy, hoặc chép tệp sang máy khác để mở và in.", details=f"Tệp đã lưu: {path}")
        return False


def documents_folder() -> str:
    """The user's Documents folder (Windows: "Tài liệu"/Documents), else the home folder."""
    from PySide6.QtCore import QStandardPaths

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return folder if folder and Path(folder).is_dir() else str(Path.home())
