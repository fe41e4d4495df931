"""Helpers shared by the wizard tests (scripted answers, typing Vietnamese), and tests of the
small wizard pieces."""
from __future__ import annotations

import pytest


class Answers:
    """Scripted replies for ``vi.ask`` and the file choosers; records every question."""

    def __init__(self, monkeypatch):
        from kehoach_desktop.ui import vi

        self.asked: list = []
        self.replies: list = []
        self.save_paths: list = []
        self.open_paths: list = []
        monkeypatch.setattr(vi, "ask", self._ask)
        monkeypatch.setattr(vi, "choose_save_file", lambda *a, **k: self.save_paths.pop(0) if self.save_paths else "")
        monkeypatch.setattr(vi, "choose_open_file", lambda *a, **k: self.open_paths.pop(0) if self.open_paths else "")

    def _ask(self, parent, title, text, choices, **kwargs):
        self.asked.append((title, text, [c[0] for c in choices], kwargs.get("details", "")))
        if self.replies:
            return self.replies.pop(0)
        reject = [c[0] for c in choices if c[2] == "reject"]
        return reject[0] if reject else choices[0][0]


@pytest.fixture
def answers(monkeypatch):
    return Answers(monkeypatch)


def test_step_list_marks(qtbot):
    from kehoach_desktop.ui.wizard.step_list import DONE, TODO, StepList

    steps = StepList()
    qtbot.addWidget(steps)
    steps.set_steps(["Đơn vị", "Chữ ký"])
    assert steps.item(0).text().startswith(TODO)
    steps.set_done(0, True)
    assert steps.item(0).text() == f"{DONE}  1. Đơn vị"
    with qtbot.waitSignal(steps.step_chosen) as blocker:
        steps.setCurrentRow(1)
    assert blocker.args == [1]


def test_vi_translates_standard_buttons(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from kehoach_desktop.ui import vi

    box = vi.button_box(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "Đồ&ng ý"  # Alt+N
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "&Hủy"  # Alt+H


def test_ask_helper_is_replaceable(answers):
    from kehoach_desktop.ui import vi

    answers.replies.append("b")
    assert vi.ask(None, "T", "x", [("a", "A", vi.ACCEPT), ("b", "B", vi.REJECT)]) == "b"
    assert answers.asked[0][0] == "T"


def type_text(qtbot, widget, text: str) -> None:
    """Type like a keyboard: ASCII through qtbot.keyClicks, Vietnamese letters as key events with text.

    (QTest.keyClicks only knows ASCII; a Vietnamese keyboard delivers composed
    letters as key presses that carry the text.)
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    run = ""
    for ch in text + "\0":
        if ch != "\0" and ord(ch) < 128:
            run += ch
            continue
        if run:
            qtbot.keyClicks(widget, run)
            run = ""
        if ch == "\0":
            break
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def test_save_file_gets_the_chosen_filters_extension():
    from kehoach_desktop.ui import vi

    assert vi.filter_suffix("Bảng tính Excel (*.xlsx)") == "xlsx"
    assert vi.filter_suffix(vi.SAVE_FILTERS) == "docx"
    assert vi.with_suffix("/tmp/ke-hoach", vi.JSON_FILTER, "docx") == "/tmp/ke-hoach.json"
    assert vi.with_suffix("/tmp/ke-hoach", vi.DOCX_FILTER, "json") == "/tmp/ke-hoach.docx"
    assert vi.with_suffix("/tmp/ke-hoach", "Mọi tệp (*)", "docx") == "/tmp/ke-hoach.docx"
    assert vi.with_suffix("/tmp/thu.muc/ke-hoach.json", vi.DOCX_FILTER, "docx") == "/tmp/thu.muc/ke-hoach.json"
    assert vi.with_suffix("C:\\Thư mục.cũ\\ke-hoach", vi.DOCX_FILTER, "docx") == "C:\\Thư mục.cũ\\ke-hoach.docx"
    assert vi.with_suffix("", vi.DOCX_FILTER, "docx") == ""
