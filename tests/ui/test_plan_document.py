"""PlanDocument (undo stack of edits) and the bound input widgets."""
from __future__ import annotations

import unicodedata

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QComboBox, QDateEdit, QLineEdit, QMainWindow, QPlainTextEdit,
                               QVBoxLayout, QWidget)

from kehoach_desktop.plan.edits import EditError, InsertItem, RemoveItem
from kehoach_desktop.plan.model import Plan, Section
from kehoach_desktop.ui.plan_document import PlanDocument
from kehoach_desktop.ui.widgets.bound_fields import (
    UNDATED_TEXT, bind_combo, bind_date_edit, bind_line_edit, bind_text_edit, text_to_list)


def make_plan() -> Plan:
    return Plan.from_dict({"format": "kehoach", "version": 1, "header": {"number": "5"},
                           "summary": "Cũ", "preamble": ["A", "B"],
                           "sections": [{"title": "MỤC ĐÍCH", "content": ["x"]}]})


def test_apply_undo_redo_and_signals(qtbot):
    doc = PlanDocument(make_plan())
    seen = []
    doc.changed.connect(seen.append)
    doc.apply(InsertItem("sections[0].content", 1, "y"))
    assert doc.plan.sections[0].content == ["x", "y"]
    assert seen == ["sections[0].content"]
    assert doc.is_modified()
    doc.undo_stack.undo()
    assert doc.plan.sections[0].content == ["x"]
    assert not doc.is_modified()
    doc.undo_stack.redo()
    assert doc.plan.sections[0].content == ["x", "y"]
    assert doc.undo_stack.undoText() == "Thêm đoạn"


def test_bad_edit_pushes_nothing():
    doc = PlanDocument(make_plan())
    with pytest.raises(EditError):
        doc.apply(RemoveItem("preamble", 5))
    assert doc.undo_stack.count() == 0


def test_set_value_merges_per_path():
    doc = PlanDocument(make_plan())
    for text in ("1", "12", "123"):
        doc.set_value("header.number", text)
    doc.set_value("summary", "Mới")
    doc.set_value("header.number", "9")
    assert doc.undo_stack.count() == 3
    assert doc.undo_stack.undoText() == "Sửa số hiệu"
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.plan.summary == "Cũ" and doc.plan.header.number == "123"
    doc.undo_stack.undo()
    assert doc.plan.header.number == "5"


def test_same_value_is_no_step():
    doc = PlanDocument(make_plan())
    doc.set_value("summary", "Cũ")
    assert doc.undo_stack.count() == 0 and not doc.is_modified()


def test_no_merge_across_clean_state():
    doc = PlanDocument(make_plan())
    doc.set_value("summary", "a")
    doc.set_clean()
    doc.set_value("summary", "ab")
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    assert doc.plan.summary == "a" and not doc.is_modified()


def test_macro_is_one_step():
    doc = PlanDocument(make_plan())
    doc.begin_macro("Thêm mục")
    doc.apply(InsertItem("sections", 1, Section(title="NỘI DUNG")))
    doc.set_value("sections[1].title", "NỘI DUNG CHÍNH")
    doc.end_macro()
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert len(doc.plan.sections) == 1


def test_replace_plan_and_modified_signal(qtbot):
    doc = PlanDocument(make_plan())
    states = []
    doc.modified_changed.connect(states.append)
    doc.set_value("summary", "x")
    with qtbot.waitSignal(doc.replaced):
        doc.replace_plan(Plan())
    assert states == [True, False]
    assert doc.undo_stack.count() == 0 and not doc.is_modified()
    assert doc.plan.summary == ""


def test_line_edit_two_way_one_undo_step(qtbot):
    doc = PlanDocument(make_plan())
    edit = QLineEdit()
    qtbot.addWidget(edit)
    bind_line_edit(edit, doc, "summary")
    assert edit.text() == "Cũ"
    edit.setFocus()
    edit.end(False)
    qtbot.keyClicks(edit, " hon")
    assert doc.plan.summary == "Cũ hon"
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert edit.text() == "Cũ" and doc.plan.summary == "Cũ"
    doc.undo_stack.redo()
    assert edit.text() == "Cũ hon"


def test_line_edit_refresh_keeps_cursor():
    doc = PlanDocument(make_plan())
    edit = QLineEdit()
    bind_line_edit(edit, doc, "summary")
    edit.setCursorPosition(1)
    doc.set_value("header.number", "7")  # another path: no reset
    assert edit.cursorPosition() == 1
    doc.set_value("summary", "Cũ kỹ")
    assert edit.text() == "Cũ kỹ" and edit.cursorPosition() == 1


def test_line_edit_stores_nfc():
    doc = PlanDocument(make_plan())
    edit = QLineEdit()
    bind_line_edit(edit, doc, "summary")
    edit.textEdited.emit(unicodedata.normalize("NFD", "Kế hoạch"))
    assert doc.plan.summary == "Kế hoạch"


def test_text_edit_as_list(qtbot):
    doc = PlanDocument(make_plan())
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    bind_text_edit(edit, doc, "preamble", as_list=True)
    assert edit.toPlainText() == "A\nB"
    assert not edit.isUndoRedoEnabled()
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # a blank line in progress is kept in the widget
    assert edit.toPlainText() == "A\nB\n"
    qtbot.keyClicks(edit, "C")
    assert doc.plan.preamble == ["A", "B", "C"]
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert edit.toPlainText() == "A\nB"


def test_text_to_list():
    assert text_to_list("a\n\n  b \n") == ["a", "b"]


def test_combo_and_date(qtbot):
    doc = PlanDocument(make_plan())
    combo = QComboBox()
    bind_combo(combo, doc, "regime", [("state", "Chính quyền"), ("party", "Đảng")])
    assert combo.currentText() == "Chính quyền"
    combo.setCurrentIndex(1)  # what a user's pick does, then Qt emits activated
    combo.activated.emit(1)
    assert doc.plan.regime == "party"
    doc.undo_stack.undo()
    assert combo.currentIndex() == 0

    combo2 = QComboBox()
    bind_combo(combo2, doc, "signature.authority", [("TM.", "TM. (thay mặt)"), ("", "(Không)")])
    assert combo2.currentText() == "(Không)"
    doc.set_value("signature.authority", "T/M")  # an imported plan's word is kept and shown
    assert combo2.currentText() == "T/M" and combo2.count() == 3

    date = QDateEdit()
    bind_date_edit(date, doc, "header.date")
    assert date.text() == UNDATED_TEXT
    date.setDate(QDate(2025, 7, 1))
    assert doc.plan.header.date == "2025-07-01"
    doc.undo_stack.undo()
    assert doc.plan.header.date == "" and date.text() == UNDATED_TEXT


@pytest.mark.parametrize("widget_cls", [QLineEdit, QPlainTextEdit])
def test_ctrl_z_reaches_window_action(qtbot, widget_cls):
    doc = PlanDocument(make_plan())
    window = QMainWindow()
    qtbot.addWidget(window)
    central = QWidget()
    layout = QVBoxLayout(central)
    field = widget_cls()
    layout.addWidget(field)
    window.setCentralWidget(central)
    undo = QAction("Hoàn tác", window)
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    undo.triggered.connect(doc.undo_stack.undo)
    redo = QAction("Làm lại", window)
    redo.setShortcut(QKeySequence("Ctrl+Y"))
    redo.triggered.connect(doc.undo_stack.redo)
    window.addAction(undo)
    window.addAction(redo)
    if widget_cls is QLineEdit:
        bind_line_edit(field, doc, "summary")
    else:
        bind_text_edit(field, doc, "summary")
    doc.set_value("header.number", "77")  # an earlier step in another field
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "abc")
    assert "abc" in doc.plan.summary
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.plan.summary == "Cũ"
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.plan.header.number == "5"  # the global stack, not the widget's own
    qtbot.keyClick(field, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert doc.plan.header.number == "77"
