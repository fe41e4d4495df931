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
    """KEHOACH_BENCH_EXIT_ON_SHOW=1: print when the window first paints and when the page
    preview is ready (it is built just after the first show), then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                print(f"KEHOACH_SHOWN {time.perf_counter() - _T0:.4f}", flush=True)
                watched.removeEventFilter(self)
            return False

    def ready():
        print(f"KEHOACH_READY {time.perf_counter() - _T0:.4f}", flush=True)
        QTimer.singleShot(0, app.quit)

    window._bench_filter = FirstPaint(window)
    window.installEventFilter(window._bench_filter)
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


def main(argv=None) -> int:
    from PySide6.QtCore import QLocale, QTimer
    from PySide6.QtWidgets import QApplication

    from .. import APP_NAME

    argv = list(argv or [])
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))

    from .main_window import MainWindow

    window = MainWindow()
    if os.environ.get("KEHOACH_BENCH_EXIT_ON_SHOW") == "1":
        _bench_exit(app, window)
        window.show()
        return app.exec()
    window.show()
    _install_excepthook(window)
    files = [a for a in argv if not a.startswith("-")]
    if files:
        QTimer.singleShot(0, lambda: window.files.open(files[0]))
    else:
        from .autosave import offer_recovery

        QTimer.singleShot(0, lambda: offer_recovery(window))
    if window.form_errors:
        from . import vi

        QTimer.singleShot(0, lambda: vi.inform(window, "Mẫu kế hoạch bị lỗi", "Một số mẫu kế hoạch không đọc được "
                                               "và đã được bỏ qua.", icon="warning",
                                               details="\n".join(window.form_errors)))
    return app.exec()
