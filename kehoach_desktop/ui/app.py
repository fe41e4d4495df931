"""QApplication set-up and the GUI entry point.

Start-up imports only what the first window needs; python-docx, the readers
and the library index are imported inside the functions that use them.
"""
from __future__ import annotations

import os
import sys
import time

_T0 = time.perf_counter()


def _bench_exit(app, window) -> None:
    """KEHOACH_BENCH_EXIT_ON_SHOW=1: print when the window first paints, when the plan and its
    first step are in place, and when the page preview is ready (both just after the first
    paint), then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    def mark(name: str) -> None:  # seconds since this module was imported, and the process's CPU time
        print(f"{name} {time.perf_counter() - _T0:.4f} cpu={time.process_time():.4f}", flush=True)

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                mark("KEHOACH_SHOWN")
                watched.removeEventFilter(self)
            return False

    def ready():
        mark("KEHOACH_READY")
        QTimer.singleShot(0, app.quit)

    window._bench_filter = FirstPaint(window)
    window.installEventFilter(window._bench_filter)
    window.loaded.connect(lambda: mark("KEHOACH_STEP"))
    window.wizard.preview_ready.connect(ready)


def _install_excepthook(window) -> None:
    """An unexpected error in a slot: one Vietnamese sentence, the app goes on, details on stderr."""
    previous = sys.excepthook

    def hook(kind, value, tb):
        previous(kind, value, tb)  # the traceback still reaches stderr for a bug report
        from . import vi

        try:
            vi.error(window, "Lỗi không mong muốn",
                     "Phần mềm gặp lỗi không mong muốn nhưng vẫn chạy tiếp. Bản nháp được tự lưu; "
                     "hãy lưu kế hoạch rồi mở lại phần mềm.",
                     details=f"{kind.__name__}: {value}")
        except Exception:
            pass

    sys.excepthook = hook


SMOKE_TIMEOUT_MS = 60_000


def smoke_test(argv=None) -> int:
    """Start the app as a user would, wait until the window, its first step and the page preview
    are drawn, then close it and exit 0; exit 1 (with the reason) on any error or after a minute."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    state = {"code": 1, "why": "hết thời gian chờ (60 giây)"}

    def on_ready(window) -> None:
        def finish():
            if window.wizard.current_index() < 0 or not window.wizard.preview.page_count:
                state["why"] = "bước đầu hoặc trang xem trước chưa được vẽ"
            else:
                state["code"] = 0
            window.setWindowModified(False)
            window.close()
            QApplication.instance().quit()

        QTimer.singleShot(0, finish)

    def on_error(kind, value, tb):
        import traceback

        traceback.print_exception(kind, value, tb)
        state["why"] = f"lỗi khi chạy: {kind.__name__}: {value}"
        QApplication.instance().exit(1)

    sys.excepthook = on_error
    code = main(argv, on_window=lambda window: window.started.connect(lambda: on_ready(window)),
                timeout_ms=SMOKE_TIMEOUT_MS)
    if code == 0 and state["code"] == 0:
        print("Khởi động thử: cửa sổ, bước đầu và trang xem trước đã hiện; đóng phần mềm.")
        return 0
    print(f"Khởi động thử thất bại: {state['why']}.", file=sys.stderr)
    return 1


def main(argv=None, *, on_window=None, timeout_ms: int = 0) -> int:
    # The pure modules the window's frame needs (its settings), before Qt: once PySide6 is
    # imported, its import hook reads the source of every new module (~2.5 ms more here).
    from .. import APP_NAME, userdata  # noqa: F401
    from .qt_vietnamese import install_qt_translation  # (Qt is imported when it is called)
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    argv = list(argv or [])
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    install_qt_translation(app)  # Qt's menus and dialogs in Vietnamese (English when the .qm is missing)

    from .main_window import MainWindow

    # The window paints its frame first; the plan, its first step and the preview follow at once.
    window = MainWindow(fast_start=True)
    bench = os.environ.get("KEHOACH_BENCH_EXIT_ON_SHOW") == "1"
    if bench:
        _bench_exit(app, window)
    window.show()
    if on_window is not None:  # the smoke test: no dialogs, its own exit
        on_window(window)
        if timeout_ms:
            from PySide6.QtCore import QTimer

            QTimer.singleShot(timeout_ms, lambda: app.exit(1))
        return app.exec()
    _install_excepthook(window)
    files = [a for a in argv if not a.startswith("-")]
    if not bench:  # (a message box there would keep the benchmark's process waiting)
        window.started.connect(lambda: _after_start(window, files))
    return app.exec()


def _set_icon() -> None:
    """The app's icon on its windows and the taskbar (after start-up: no image is read before the
    first paint)."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from ..locations import resource_path

    path = resource_path("icons", "kehoach.png")
    if path.is_file():
        QApplication.instance().setWindowIcon(QIcon(str(path)))


def _after_start(window, files: list[str]) -> None:
    """Once the window is up: the file asked for, else the first run's welcome and a draft left by a
    crash; broken forms."""
    _set_icon()
    if files:
        window.files.open(files[0])
    else:
        from .autosave import offer_recovery
        from .welcome import should_welcome

        if should_welcome():  # first run: the unit's profile first, then (if any) a crash's draft
            window.show_welcome().finished.connect(lambda _r: offer_recovery(window))
        else:
            offer_recovery(window)
    if window.form_errors:
        from . import vi

        vi.inform(window, "Mẫu kế hoạch bị lỗi", "Một số mẫu kế hoạch không đọc được và đã được bỏ qua.",
                  icon="warning", details="\n".join(window.form_errors))
