"""Nơi nhận editor: add, edit, delete, move; the "Lưu" entry stays last."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QListWidget, QPushButton

from kehoach_desktop.plan.model import Plan
from kehoach_desktop.ui.plan_document import PlanDocument
from kehoach_desktop.ui.widgets.recipients_editor import RecipientsEditor, clean_recipient


@pytest.fixture
def editor(qtbot):
    doc = PlanDocument(Plan(recipients=["Như trên", "Lưu: VT, VH"]))
    widget = RecipientsEditor(doc)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def items(editor):
    lst = editor.findChild(QListWidget, "recipientsList")
    return [lst.item(i).text() for i in range(lst.count())]


def test_clean_recipient():
    assert clean_recipient("- UBND xã (để báo cáo);") == "UBND xã (để báo cáo)"
    assert clean_recipient("  Lưu: VT, VH. ") == "Lưu: VT, VH"


def test_add_goes_before_archive_and_undo(editor, qtbot):
    editor.set_suggestions(["Các thôn (để thực hiện);", "Đảng ủy xã (để báo cáo)"])
    combo = editor.findChild(QComboBox, "recipientInput")
    assert combo.count() == 2 and combo.itemText(0) == "Các thôn (để thực hiện)"
    combo.setEditText("")
    qtbot.keyClicks(combo.lineEdit(), "- Cac thon;")
    qtbot.mouseClick(editor.findChild(QPushButton, "recipientAdd"), Qt.MouseButton.LeftButton)
    assert editor.document.plan.recipients == ["Như trên", "Cac thon", "Lưu: VT, VH"]
    assert items(editor) == ["Như trên", "Cac thon", "Lưu: VT, VH"]
    assert combo.currentText() == ""
    assert not editor.add("cac THON")  # duplicate, accents and case ignored
    editor.document.undo_stack.undo()
    assert items(editor) == ["Như trên", "Lưu: VT, VH"]


def test_moves_never_pass_archive(editor):
    editor.add("Các thôn")
    lst = editor.findChild(QListWidget, "recipientsList")
    lst.setCurrentRow(1)
    editor.move_current_down()
    assert editor.document.plan.recipients[-1] == "Lưu: VT, VH"
    editor.move_current_up()
    assert editor.document.plan.recipients == ["Các thôn", "Như trên", "Lưu: VT, VH"]
    lst.setCurrentRow(2)
    editor.move_current_up()
    assert editor.document.plan.recipients[-1] == "Lưu: VT, VH"


def test_delete_and_archive_button(editor, qtbot):
    lst = editor.findChild(QListWidget, "recipientsList")
    button = editor.findChild(QPushButton, "recipientArchive")
    assert not button.isEnabled()
    lst.setCurrentRow(1)
    qtbot.mouseClick(editor.findChild(QPushButton, "recipientDelete"), Qt.MouseButton.LeftButton)
    assert editor.document.plan.recipients == ["Như trên"]
    assert button.isEnabled()
    editor.add("Các thôn")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert editor.document.plan.recipients == ["Như trên", "Các thôn", "Lưu: VT, VH"]


def test_party_archive_example(qtbot):
    doc = PlanDocument(Plan(regime="party"))
    ed = RecipientsEditor(doc)
    qtbot.addWidget(ed)
    ed.add_archive()
    ed.add("Các chi bộ")
    assert doc.plan.recipients == ["Các chi bộ", "Lưu VT, VPĐU"]


def test_edit_in_place(editor):
    lst = editor.findChild(QListWidget, "recipientsList")
    lst.item(0).setText("Như trên;")
    assert editor.document.plan.recipients[0] == "Như trên"
    lst.item(0).setText("- Các thôn (để thực hiện).")
    assert editor.document.plan.recipients == ["Các thôn (để thực hiện)", "Lưu: VT, VH"]
    editor.document.undo_stack.undo()
    assert items(editor)[0] == "Như trên"
    lst.item(0).setText("Lưu hồ sơ")  # becomes an archive entry: goes last
    assert editor.document.plan.recipients[-1] == "Lưu hồ sơ"
