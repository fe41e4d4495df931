"""Start-up: the window's frame shows first, the plan and the preview follow; nothing heavy is
imported to get there (python-docx, lxml, openpyxl are for saving, opening and the library;
sqlite3 for the register; the menus' dialogs, printing and the welcome when asked for)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from kehoach_desktop.ui.main_window import MainWindow
from kehoach_desktop.ui.wizard.unit_step import UnitStep

from .test_wizard_support import answers  # noqa: F401  (fixture)

ROOT = Path(__file__).resolve().parents[2]
# Never during start-up (the window, the plan, its first step and the preview): a module or package
# name matches itself and its submodules. xml.sax.saxutils would bring urllib.request, http, ssl
# and email; units.index is the units' data, read when the user first types a unit's name.
HEAVY = ("docx", "lxml", "openpyxl", "sqlite3", "urllib.request", "http", "ssl", "email", "xml.sax",
         "kehoach_desktop.units.index", "kehoach_desktop.ui.welcome", "kehoach_desktop.ui.units_menu",
         "kehoach_desktop.ui.printing.actions", "kehoach_desktop.ui.printing.preview_dialog",
         "kehoach_desktop.ui.help_dialog", "kehoach_desktop.ui.help_dialogs",
         "kehoach_desktop.ui.register_actions", "kehoach_desktop.ui.register_window",
         "kehoach_desktop.ui.widgets.table_editor", "kehoach_desktop.library")
# Not before the window's first paint either: the plan's model, the page model (its line breaker),
# the units' modules, the wizard's steps and the preview come just after it.
AFTER_PAINT = ("kehoach_desktop.plan.model", "kehoach_desktop.forms", "kehoach_desktop.pages",
               "kehoach_desktop.units", "kehoach_desktop.ui.printing", "kehoach_desktop.ui.widgets",
               "kehoach_desktop.ui.wizard.unit_step", "kehoach_desktop.ui.vi", "datetime",
               "kehoach_desktop.storage", "dataclasses")  # the frame reads its settings via userdata

# Builds the window as the app does (ui/app.py), records sys.modules at the first paint and once
# start-up is over (plan, first step and preview built), then quits.
STARTUP_SCRIPT = textwrap.dedent("""
    import json, sys
    from PySide6 import QtCore
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    HEAVY, AFTER_PAINT = sys.argv[1].split(","), sys.argv[2].split(",")
    qt_namespace_lazy = "Qt" not in vars(QtCore)
    app = QApplication(sys.argv)
    from kehoach_desktop.ui.main_window import MainWindow

    seen = {"qt_namespace_lazy": qt_namespace_lazy}

    def loaded(names):
        return sorted(n for n in names if any(m == n or m.startswith(n + ".") for m in sys.modules))

    def heavy():
        return loaded(HEAVY)

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and "paint" not in seen:
                seen["paint"] = heavy()
                seen["after_paint_at_paint"] = loaded(AFTER_PAINT)
                seen["qt_namespace_at_paint"] = "Qt" in vars(QtCore)
                seen["plan_loaded_at_paint"] = hasattr(watched, "document")
                seen["platformdirs_at_paint"] = "platformdirs" in sys.modules
            return False

    window = MainWindow(fast_start=True)
    spy = FirstPaint()
    window.installEventFilter(spy)

    def started():
        seen["started"] = heavy()
        seen["steps"] = len(window.wizard.steps)
        seen["preview"] = window.wizard._preview is not None
        app.quit()

    window.started.connect(started)
    QTimer.singleShot(20000, app.quit)  # a start-up that never ends fails below, it does not hang
    window.show()
    app.exec()
    print("RESULT " + json.dumps(seen))
""")


def run_startup(tmp_path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-c", STARTUP_SCRIPT, ",".join(HEAVY), ",".join(AFTER_PAINT)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, f"no result (exit {done.returncode}): {done.stderr[-2000:]}"
    return json.loads(lines[-1][len("RESULT "):])


@pytest.fixture(scope="module")
def startup(tmp_path_factory) -> dict:
    """One start-up in a subprocess, shared by the tests that read it (it takes about a second)."""
    return run_startup(tmp_path_factory.mktemp("startup"))


def test_startup_imports_no_docx_lxml_openpyxl(startup):
    seen = startup
    assert "paint" in seen and "started" in seen, seen
    assert seen["paint"] == [], f"imported before the window showed: {seen['paint']}"
    assert seen["started"] == [], f"imported during start-up: {seen['started']}"
    assert seen["steps"] >= 5 and seen["preview"]


def test_plan_page_model_and_units_wait_for_the_first_paint(startup):
    assert startup["after_paint_at_paint"] == [], f"imported before the paint: {startup['after_paint_at_paint']}"


def test_window_paints_before_the_plan_loads_and_without_the_qt_namespace(startup):
    seen = startup
    assert seen["plan_loaded_at_paint"] is False  # the frame paints first (fast_start)
    if seen["qt_namespace_lazy"]:  # PySide creates QtCore.Qt (~20-40 ms) on first use: not before paint
        assert seen["qt_namespace_at_paint"] is False
    if sys.platform.startswith("linux"):  # storage.xdg_data_dir finds the settings
        assert seen["platformdirs_at_paint"] is False


def test_fast_start_frame_has_menus_title_and_the_first_steps_heading(qtbot):
    window = MainWindow(fast_start=True)
    qtbot.addWidget(window)
    assert not hasattr(window, "document")
    assert window.windowTitle() == "Kế hoạch mới[*] — Soạn Kế hoạch"
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Tệp", "&Sửa", "&Xem", "Trợ &giúp"]
    for name in ("actionNew", "actionOpen", "actionSave", "actionSaveAs", "actionPrint", "actionHelp"):
        assert window.findChild(type(window.preview_action), name) is not None, name
    page = window.wizard.stack.currentWidget()
    heading = page.findChild(QLabel, "stepTitle")
    assert heading is not None and "Đơn vị" in heading.text()
    heading_text = heading.text()  # (the frame's page is deleted once the first step replaces it)

    with qtbot.waitSignal(window.started, timeout=10000):
        window.show()
    wizard = window.wizard
    assert window.document.plan.sections and len(wizard.steps) == wizard.step_list.count()
    assert isinstance(wizard.current_step(), UnitStep) and wizard.current_index() == 0
    assert wizard._preview is not None
    assert [a.objectName() for a in window.edit_menu.actions()] == ["actionUndo", "actionRedo"]
    action = type(window.preview_action)
    assert window.findChild(action, "actionNew").shortcut().toString() == "Ctrl+N"
    assert window.findChild(action, "actionSaveAs").shortcut().toString() == "Ctrl+Shift+S"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert window.wizard.current_step().findChild(QLabel, "stepTitle").text() == heading_text


def test_what_waits_while_the_first_step_is_built_runs_before_the_preview(qtbot):
    """The preview is built one turn of the event loop after the plan and its first step: a key or
    click that came meanwhile is handled first, not after the preview too."""
    from PySide6.QtCore import QTimer

    window = MainWindow(fast_start=True)
    qtbot.addWidget(window)
    order = []
    window.loaded.connect(lambda: (order.append("loaded"), QTimer.singleShot(0, lambda: order.append("input"))))
    window.started.connect(lambda: order.append("started"))
    with qtbot.waitSignal(window.started, timeout=10000):
        window.show()
    assert order == ["loaded", "input", "started"]
    assert window.wizard._preview is not None


def test_a_menu_used_before_the_plan_loads_loads_it_first(qtbot, answers):  # noqa: F811
    window = MainWindow(fast_start=True)
    qtbot.addWidget(window)
    window.findChild(type(window.preview_action), "actionHelp").trigger()
    assert hasattr(window, "document") and window.wizard.steps
    assert window.help_dialog.windowTitle() == "Hướng dẫn: Đơn vị"
    assert window.help_dialog.browser.toPlainText()


def test_closing_before_the_plan_loads_asks_nothing(qtbot, answers):  # noqa: F811
    window = MainWindow(fast_start=True)
    qtbot.addWidget(window)
    assert window.close()
    assert answers.asked == []


def test_eager_window_is_complete_at_once(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.document is not None and window.wizard.steps
    assert window.undo_action.objectName() == "actionUndo"


def test_after_start_opens_the_file_given_on_the_command_line(qtbot, answers, tmp_path):  # noqa: F811
    from kehoach_desktop.plan.model import Plan
    from kehoach_desktop.ui.app import _after_start

    plan = Plan(regime="party", summary="tuyên truyền kỷ niệm ngày thành lập Đảng")
    path = tmp_path / "ke-hoach.json"
    path.write_text(plan.to_json(), "utf-8")
    window = MainWindow(fast_start=True)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.started, timeout=10000):
        window.show()
    _after_start(window, [str(path)])
    assert window.document.plan.summary == plan.summary and window.files.path == path
    assert window.windowTitle().startswith("ke-hoach.json")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the shortcut is for Linux and BSD")
@pytest.mark.parametrize("xdg, home", [("/srv/du-lieu", "/home/can-bo"), ("/srv/du-lieu/", "/home/can-bo"),
                                       ("", "/home/can-bo"), ("tuong-doi", "/home/can-bo/"), (None, "/"),
                                       (None, "/home/Nguyễn Văn A")])
def test_settings_folder_is_platformdirs_answer_without_importing_it(monkeypatch, xdg, home):
    """storage.data_dir runs before the window shows; on Linux it skips importing platformdirs."""
    from platformdirs import user_data_dir

    from kehoach_desktop import storage

    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    monkeypatch.setenv("HOME", home)
    assert storage.xdg_data_dir() == user_data_dir("kehoach", appauthor=False)


def test_settings_folder_defers_to_platformdirs_without_a_home(monkeypatch):
    from kehoach_desktop import storage

    monkeypatch.setenv("XDG_DATA_HOME", "tuong-doi")
    monkeypatch.setenv("HOME", "thu-muc-tuong-doi")
    assert storage.xdg_data_dir() == ""
