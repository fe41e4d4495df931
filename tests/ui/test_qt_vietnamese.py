"""Qt's own texts in Vietnamese (issue 9, item 5): a text box's right-click menu, standard buttons.

The .qm is compiled here from the project's .ts (the way setup.sh does), so the test checks the
translation itself; without a .qm the app goes on in Qt's English, silently.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QMessageBox, QPlainTextEdit

from kehoach_desktop.ui.qt_vietnamese import I18N_DIR, install_qt_translation

ROOT = Path(__file__).resolve().parents[2]


def build_tools():
    spec = importlib.util.spec_from_file_location("build_translations", ROOT / "tools" / "build_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def label(action) -> str:
    return action.text().split("\t")[0]  # without the shortcut Qt shows after a tab


@pytest.fixture
def vietnamese_qt(tmp_path):
    tools = build_tools()
    if not tools.find_lrelease():
        pytest.fail("PySide6 ships lrelease: it must be found")
    assert tools.compile_ts(I18N_DIR / "qt_vi.ts", tmp_path / "qt_vi.qm")
    app = QApplication.instance()
    translator = install_qt_translation(app, tmp_path)
    assert translator is not None
    yield
    app.removeTranslator(translator)


def test_a_line_edits_right_click_menu_is_vietnamese(qtbot, vietnamese_qt):
    edit = QLineEdit("Kế hoạch")
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    seen = []

    def read_menu():
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            seen.extend(label(a) for a in menu.actions() if a.text())
            menu.close()
        else:
            QTimer.singleShot(10, read_menu)

    QTimer.singleShot(0, read_menu)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), edit.mapToGlobal(QPoint(5, 5)))
    QApplication.sendEvent(edit, event)  # a right click: the menu runs until read_menu closes it
    qtbot.waitUntil(lambda: bool(seen))
    for text in ("&Hoàn tác", "&Làm lại", "&Cắt", "&Sao chép", "&Dán", "Xóa", "Chọn &tất cả"):
        assert text in seen, seen
    assert not any(word in " ".join(seen) for word in ("Undo", "Paste", "Select All"))


def test_a_paragraph_boxs_menu_and_standard_buttons_are_vietnamese(qtbot, vietnamese_qt):
    box = QPlainTextEdit("Mục đích")
    qtbot.addWidget(box)
    texts = [label(a) for a in box.createStandardContextMenu().actions()]
    assert "&Dán" in texts and "Chọn &tất cả" in texts
    message = QMessageBox(QMessageBox.Icon.Question, "Hỏi", "Lưu?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(message)
    assert message.button(QMessageBox.StandardButton.Cancel).text() == "Hủy"
    assert message.button(QMessageBox.StandardButton.Yes).text() == "&Có"


def test_without_a_qm_the_app_goes_on_in_english(qtbot, tmp_path):
    assert install_qt_translation(QApplication.instance(), tmp_path) is None
    edit = QLineEdit()
    qtbot.addWidget(edit)
    assert "&Undo" in [label(a) for a in edit.createStandardContextMenu().actions()]


def test_setup_builds_the_qm_and_skips_when_up_to_date(tmp_path, monkeypatch, capsys):
    tools = build_tools()
    (tmp_path / "qt_vi.ts").write_bytes((I18N_DIR / "qt_vi.ts").read_bytes())
    monkeypatch.setattr(tools, "I18N", tmp_path)
    assert tools.main() == 0 and (tmp_path / "qt_vi.qm").is_file()
    assert "qt_vi.qm" in capsys.readouterr().out
    assert tools.main() == 0 and capsys.readouterr().out == ""  # up to date: quiet
    assert sys.executable  # (the tool runs with the project's Python)
