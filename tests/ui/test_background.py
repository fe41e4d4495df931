"""Slow work runs off the GUI thread and comes back as a plain result or exception."""
import threading

import pytest

from kehoach_desktop.errors import FileRejected
from kehoach_desktop.ui.background import run_in_background

from .test_wizard_support import answers  # noqa: F401  (fixture)


def test_result_comes_back_and_work_ran_on_another_thread(qtbot):
    gui = threading.get_ident()
    seen = []

    def work(progress):
        progress("Đang chuyển đổi tệp...")
        seen.append(threading.get_ident())
        return 42

    assert run_in_background(None, "Đang mở tệp...", work) == 42
    assert seen and seen[0] != gui


def test_an_error_is_raised_on_the_gui_thread(qtbot):
    def work(progress):
        raise FileRejected("Tệp bị hỏng.")

    with pytest.raises(FileRejected, match="Tệp bị hỏng"):
        run_in_background(None, "Đang mở tệp...", work)


def test_slow_work_shows_a_progress_dialog_with_the_latest_message(qtbot):
    from PySide6.QtWidgets import QApplication, QProgressDialog

    release = threading.Event()
    labels = []

    def work(progress):
        progress("Đang chuyển đổi bằng LibreOffice...")
        release.wait(10)
        return "xong"

    def watch():
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QProgressDialog) and w.isVisible()]
        if dialogs:
            labels.append(dialogs[0].labelText())
            release.set()
        else:
            timer_retry()

    from PySide6.QtCore import QTimer

    def timer_retry():
        QTimer.singleShot(20, watch)

    timer_retry()
    assert run_in_background(None, "Đang mở tệp...", work, delay_ms=10) == "xong"
    assert labels and labels[0] in ("Đang mở tệp...", "Đang chuyển đổi bằng LibreOffice...")


def test_opening_a_slow_file_goes_off_the_gui_thread(qtbot, monkeypatch, tmp_path, answers):
    import json

    from kehoach_desktop.ui import file_actions

    from .test_wizard_journeys import make_window

    seen = []
    real = file_actions.__dict__.get("_is_slow_to_read")
    monkeypatch.setattr(file_actions, "_is_slow_to_read", lambda path: seen.append(path) or True)
    path = tmp_path / "kh.json"
    path.write_text(json.dumps({"format": "kehoach", "version": 1, "summary": "Tuyên truyền năm 2026"},
                               ensure_ascii=False), encoding="utf-8")
    window = make_window(qtbot)
    assert window.files.open(str(path))
    assert seen and window.document.plan.summary == "Tuyên truyền năm 2026"
    assert real(tmp_path / "a.doc") and not real(path)
