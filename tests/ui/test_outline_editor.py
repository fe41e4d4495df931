"""The outline editor: structure edits through the document, live labels, undo/redo."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QToolButton, QTreeWidget

from kehoach_desktop.plan.model import Plan, Section
from kehoach_desktop.ui.plan_document import PlanDocument
from kehoach_desktop.ui.widgets.outline_editor import OutlineEditor


def make_doc() -> PlanDocument:
    return PlanDocument(Plan.from_dict({
        "format": "kehoach", "version": 1, "numbering": ["I.", "1.", "a)"],
        "sections": [
            {"title": "MỤC ĐÍCH, YÊU CẦU", "content": [
                {"title": "Mục đích", "content": ["Nâng cao nhận thức."]},
                {"title": "Yêu cầu", "content": ["Thiết thực."]},
            ]},
            {"title": "NỘI DUNG", "content": [{"title": "Tuyên truyền", "content": []}]},
        ]}))


@pytest.fixture
def editor(qtbot):
    doc = make_doc()
    widget = OutlineEditor(doc, "sections[0].content")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def labels(editor) -> list[str]:
    tree = editor.findChild(QTreeWidget, "outlineTree")
    out = []

    def walk(item, depth):
        out.append("  " * depth + item.text(0))
        for i in range(item.childCount()):
            walk(item.child(i), depth + 1)

    for i in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(i), 0)
    return out


def click(editor, qtbot, name):
    qtbot.mouseClick(editor.findChild(QToolButton, name), Qt.MouseButton.LeftButton)


def test_object_names_and_labels(editor):
    for name in ("outlineAddSection", "outlineAddParagraph", "outlineDelete", "outlineUp",
                 "outlineDown", "outlineIndent", "outlineOutdent"):
        button = editor.findChild(QToolButton, name)
        assert button is not None and button.toolTip()
    assert editor.findChild(QPlainTextEdit, "outlineText") is not None
    assert editor.findChild(QLineEdit, "sectionTitle").text() == "MỤC ĐÍCH, YÊU CẦU"
    assert editor.root_label.text() == "I."
    assert labels(editor) == ["1. Mục đích", "  Nâng cao nhận thức.", "2. Yêu cầu", "  Thiết thực."]


def test_add_section_and_type_title_one_step(editor, qtbot):
    doc = editor.document
    editor.select_path("sections[0].content[0]")
    click(editor, qtbot, "outlineAddSection")
    assert editor.current_path() == "sections[0].content[1]"
    text = editor.findChild(QPlainTextEdit, "outlineText")
    qtbot.keyClicks(text, "Phan cong")
    assert doc.plan.sections[0].content[1].title == "Phan cong"
    assert labels(editor)[2:4] == ["2. Phan cong", "3. Yêu cầu"]  # renumbered live
    count = doc.undo_stack.count()
    doc.undo_stack.undo()  # the typing: one step
    assert doc.plan.sections[0].content[1].title == ""
    assert doc.undo_stack.count() == count
    doc.undo_stack.undo()  # the insertion
    assert labels(editor)[2] == "2. Yêu cầu"
    doc.undo_stack.redo()
    doc.undo_stack.redo()
    assert labels(editor)[2] == "2. Phan cong"


def test_add_paragraph_on_section_goes_inside(editor, qtbot):
    editor.select_path("sections[0].content[1]")
    click(editor, qtbot, "outlineAddParagraph")
    assert editor.current_path() == "sections[0].content[1].content[1]"
    qtbot.keyClicks(editor.findChild(QPlainTextEdit, "outlineText"), "Dung tien do")
    assert editor.document.plan.sections[0].content[1].content == ["Thiết thực.", "Dung tien do"]


def test_enter_splits_paragraph(editor, qtbot):
    editor.select_path("sections[0].content[0].content[0]")
    text = editor.findChild(QPlainTextEdit, "outlineText")
    text.moveCursor(text.textCursor().MoveOperation.End)
    qtbot.keyClick(text, Qt.Key.Key_Return)
    qtbot.keyClicks(text, "Moi")
    assert editor.document.plan.sections[0].content[0].content == ["Nâng cao nhận thức.", "Moi"]
    assert editor.current_path() == "sections[0].content[0].content[1]"


def test_indent_outdent_move_with_undo(editor, qtbot):
    doc = editor.document
    editor.select_path("sections[0].content[1]")  # "2. Yêu cầu"
    click(editor, qtbot, "outlineIndent")
    assert labels(editor) == ["1. Mục đích", "  Nâng cao nhận thức.", "  a) Yêu cầu", "    Thiết thực."]
    assert editor.current_path() == "sections[0].content[0].content[1]"
    click(editor, qtbot, "outlineOutdent")
    assert labels(editor)[2] == "2. Yêu cầu"
    click(editor, qtbot, "outlineUp")
    assert labels(editor)[0] == "1. Yêu cầu" and labels(editor)[2] == "2. Mục đích"
    click(editor, qtbot, "outlineDown")
    assert labels(editor)[0] == "1. Mục đích"
    for _ in range(4):
        doc.undo_stack.undo()
    assert doc.plan.to_dict() == make_doc().plan.to_dict()
    doc.undo_stack.redo()
    assert labels(editor)[2] == "  a) Yêu cầu"


def test_outdent_does_not_leave_the_step(editor, qtbot):
    editor.select_path("sections[0].content[0]")
    click(editor, qtbot, "outlineOutdent")
    assert len(editor.document.plan.sections) == 2
    assert editor.document.undo_stack.count() == 0


def test_ctrl_arrows_in_tree_and_tab_leaves_it(editor, qtbot):
    tree = editor.findChild(QTreeWidget, "outlineTree")
    editor.select_path("sections[0].content[1]")
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)
    qtbot.keyClick(tree, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert labels(editor)[2] == "  a) Yêu cầu"
    qtbot.keyClick(tree, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert labels(editor)[2] == "2. Yêu cầu"
    before = labels(editor)
    qtbot.keyClick(tree, Qt.Key.Key_Tab)  # moves the focus, never re-indents (the keyboard is not trapped)
    assert labels(editor) == before and not tree.hasFocus()
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert labels(editor)[0] == "1. Yêu cầu"


def test_delete_selects_neighbour_and_undo(editor, qtbot):
    doc = editor.document
    editor.select_path("sections[0].content[0]")
    click(editor, qtbot, "outlineDelete")
    assert labels(editor) == ["1. Yêu cầu", "  Thiết thực."]
    assert editor.current_path() == "sections[0].content[0]"
    doc.undo_stack.undo()
    assert labels(editor)[0] == "1. Mục đích"


def test_insert_paragraph_and_select_path(editor):
    editor.select_path("sections[0].content[1].content[0]")
    editor.insert_paragraph("Đoạn từ thư viện")
    assert editor.document.plan.sections[0].content[1].content[1] == "Đoạn từ thư viện"
    assert editor.select_path("sections[0].content[0].content[0]")
    assert editor.findChild(QPlainTextEdit, "outlineText").toPlainText() == "Nâng cao nhận thức."
    assert editor.select_path("sections[0].content[1].title")
    assert editor.current_path() == "sections[0].content[1]"
    assert not editor.select_path("sections[1].content[0]")


def test_labels_follow_numbering_and_other_steps(qtbot):
    doc = make_doc()
    second = OutlineEditor(doc, "sections[1].content")
    qtbot.addWidget(second)
    assert second.root_label.text() == "II." and labels(second) == ["1. Tuyên truyền"]
    doc.set_value("numbering", ["I.", "1.1.", "a)"])
    assert labels(second) == ["2.1. Tuyên truyền"]  # under II.
    from kehoach_desktop.plan.edits import InsertItem
    doc.apply(InsertItem("sections", 0, Section(title="CĂN CỨ")))
    assert second.root_label.text() == "II."  # path-based: the step follows its index


def test_empty_section(qtbot):
    doc = PlanDocument(Plan.from_dict({"format": "kehoach", "version": 1,
                                       "sections": [{"title": "A", "content": []}]}))
    ed = OutlineEditor(doc)
    qtbot.addWidget(ed)
    ed.add_paragraph()
    assert doc.plan.sections[0].content == [""]
    ed2 = OutlineEditor(doc, "sections[3].content")  # gone: nothing breaks
    qtbot.addWidget(ed2)
    ed2.add_section()
    assert len(doc.plan.sections) == 1


def test_keyboard_add_and_delete(editor, qtbot):
    doc = editor.document
    editor.select_path("sections[0].content[0].content[0]")
    text = editor.findChild(QPlainTextEdit, "outlineText")
    text.setFocus()
    qtbot.waitUntil(text.hasFocus)
    qtbot.keyClick(text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert doc.plan.sections[0].content[0].content == ["Nâng cao nhận thức.", ""]
    tree = editor.findChild(QTreeWidget, "outlineTree")
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert doc.plan.sections[0].content[0].content == ["Nâng cao nhận thức."]


def test_first_item_selected_on_open(editor):
    assert editor.current_path() == "sections[0].content[0]"
    assert editor.findChild(QPlainTextEdit, "outlineText").toPlainText() == "Mục đích"


def test_text_dropped_on_a_row_becomes_a_paragraph_after_it(editor, qtbot):
    from PySide6.QtCore import QMimeData, QPointF
    from PySide6.QtGui import QDropEvent

    tree = editor.findChild(QTreeWidget, "outlineTree")
    first = tree.topLevelItem(0)  # "1. Mục đích", a section: the paragraph goes inside, at its end
    point = tree.visualItemRect(first).center()
    mime = QMimeData()
    mime.setText("Đoạn kéo từ thư viện")
    event = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    tree.dropEvent(event)
    section = editor.document.plan.sections[0].content[0]
    assert section.content[-1] == "Đoạn kéo từ thư viện"
    editor.document.undo_stack.undo()
    assert "Đoạn kéo từ thư viện" not in section.content
