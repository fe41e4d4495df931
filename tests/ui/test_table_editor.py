"""The table editor and the Phụ lục step, driven like a user: typing, pasting from a spreadsheet,
merging a group heading, undo and redo on the plan's one undo stack, saving and reopening."""
from __future__ import annotations

import io

import docx
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit

from kehoach_desktop.io import load_plan
from kehoach_desktop.pages.typeset import LaidRow
from kehoach_desktop.plan.table import Table

from .test_wizard_journeys import choose_in_new_plan_dialog, make_window
from .test_wizard_support import answers, type_text  # noqa: F401  (fixture)

DUTIES = ["TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"]
# What Excel puts on the clipboard for two rows of five cells; a cell with a line break is quoted.
SPREADSHEET = ("2\tTreo băng rôn, khẩu hiệu\tCông chức VH-XH\t\"Đoàn Thanh niên\nHội Phụ nữ\"\tTháng 8/2026\r\n"
               "3\tTuyên truyền trên loa truyền thanh\tĐài truyền thanh xã\tCác thôn\tTháng 9/2026\r\n")


def _rows(table: Table) -> list:
    return [[c.text for c in row] for row in table.rows]


def _click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _type_in_cell(qtbot, editor, r: int, c: int, text: str):
    """Select a cell, start editing with F2 as a user does, type, and press Enter."""
    editor.window().activateWindow()
    editor.grid.setFocus()
    qtbot.waitUntil(editor.grid.hasFocus)
    editor.grid.setCurrentCell(r, c)
    qtbot.keyClick(editor.grid, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit)
                    and editor.grid.isAncestorOf(QApplication.focusWidget()))
    line = QApplication.focusWidget()
    type_text(qtbot, line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.grid.item(r, c) is not None and editor.grid.item(r, c).text() == text)


def _open_duties_step(qtbot, window):
    timer = choose_in_new_plan_dialog(qtbot, "tuyen-truyen", "state")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert not timer.isActive()
    wizard = window.wizard
    index = next(i for i, s in enumerate(wizard.steps) if "TỔ CHỨC THỰC HIỆN" in s.title)
    wizard.go_to(index)
    # The new plan gives the keyboard to the step's first field on the next turn of the event loop.
    # (the offscreen platform leaves no window active once the dialog is gone)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    first = wizard.current_step().first_input()
    qtbot.waitUntil(lambda: first is None or QApplication.focusWidget() is first)
    return wizard.current_step()


def test_duties_table_typed_pasted_undone_redone_and_saved(qtbot, tmp_path, answers):
    window = make_window(qtbot)
    step = _open_duties_step(qtbot, window)
    outline = step.outline
    _click(qtbot, outline.actions["outlineAddTable"])
    editor = outline.table_editor
    assert editor is not None and editor.isVisible()
    path = editor.path
    table = lambda: window.document.plan.sections[step.index].content[int(path.rsplit("[", 1)[1][:-1])]  # noqa: E731
    assert _rows(table())[0] == DUTIES  # the form's usual table for "Tổ chức thực hiện"

    # Typing: a group heading merged across the row, then a first duty.
    _type_in_cell(qtbot, editor, 1, 0, "I. NHIỆM VỤ CHUNG")
    _click(qtbot, editor.buttons["tableMergeRow"])
    assert _rows(table())[1] == ["I. NHIỆM VỤ CHUNG"] and table().rows[1][0].colspan == 5
    _type_in_cell(qtbot, editor, 2, 0, "1")
    editor.grid.setCurrentCell(2, 1)
    editor.cell_text.setFocus()
    type_text(qtbot, editor.cell_text, "Xây dựng kế hoạch")
    assert _rows(table())[2][:2] == ["1", "Xây dựng kế hoạch"]

    # Pasting a block copied from a spreadsheet, from the first cell of a new row on.
    _click(qtbot, editor.buttons["tableAddRow"])
    assert len(table().rows) == 4
    editor.grid.setFocus()
    editor.grid.setCurrentCell(3, 0)
    QGuiApplication.clipboard().setText(SPREADSHEET)
    qtbot.keyClick(editor.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    pasted = _rows(table())
    assert pasted[3] == ["2", "Treo băng rôn, khẩu hiệu", "Công chức VH-XH", "Đoàn Thanh niên\nHội Phụ nữ",
                         "Tháng 8/2026"]
    assert pasted[4][0] == "3" and len(pasted) == 5

    # Undo the paste, redo it, with the window's keys; then move a row and undo that too.
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(table().rows) == 4 and _rows(table())[3] == [""] * 5
    assert editor.grid.rowCount() == 4
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert _rows(table()) == pasted and editor.grid.item(3, 1).text() == "Treo băng rôn, khẩu hiệu"
    editor.grid.setCurrentCell(3, 0)
    _click(qtbot, editor.buttons["tableRowDown"])
    assert _rows(table())[4][0] == "2"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _rows(table()) == pasted

    # The preview shows the table as it will print.
    preview = window.wizard.preview
    shown = lambda: " ".join(preview.page_text().split())  # noqa: E731  (cells break their lines)
    qtbot.waitUntil(lambda: "Treo băng rôn, khẩu hiệu" in shown())
    assert "Thời gian hoàn thành" in shown() and "Đoàn Thanh niên Hội Phụ nữ" in shown()
    where = path  # the table in the plan
    rows = [b for b in preview.blocks if isinstance(b, LaidRow) and b.path.startswith(f"{where}.rows[")]
    assert len(rows) == 5 and rows[0].header  # one laid row per table row, the first a header row
    page = preview.page_of(f"{where}.rows[3][0].text")
    assert preview.pages_view.layout_.pages[page].edges  # the cell borders, drawn as lines

    target = tmp_path / "bang.docx"
    answers.save_paths.append(str(target))
    window.wizard.go_to(window.wizard.step_index("review"))
    review = window.wizard.current_step()
    _click(qtbot, review.findChild(type(review.open_button), "saveDocxButton"))
    assert target.exists() and not window.isWindowModified()
    assert load_plan(target).plan.to_dict() == window.document.plan.to_dict()
    body = docx.Document(io.BytesIO(target.read_bytes())).element.body
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert any(tr.find(f"{w}trPr/{w}tblHeader") is not None for tr in body.iter(w + "tr"))


def test_library_paragraph_goes_into_the_selected_cell(qtbot, answers):
    window = make_window(qtbot)
    step = _open_duties_step(qtbot, window)
    _click(qtbot, step.outline.actions["outlineAddTable"])
    editor = step.outline.table_editor
    editor.grid.setCurrentCell(1, 1)
    step.outline.insert_paragraph("Phối hợp tổ chức thực hiện")  # what the library panel's signal calls
    path = editor._cell_path()
    assert window.document.plan.sections[step.index].content[-1].rows[1][1].text == "Phối hợp tổ chức thực hiện"
    assert path.endswith(".rows[1][1].text")


def test_appendix_step_adds_a_landscape_appendix_and_undoes(qtbot, answers):
    window = make_window(qtbot)
    _open_duties_step(qtbot, window)
    wizard = window.wizard
    wizard.go_to(wizard.step_index("appendices"))
    step = wizard.current_step()
    _click(qtbot, step.findChild(type(wizard.next_button), "appendixAdd"))
    plan = window.document.plan
    assert len(plan.appendices) == 1 and isinstance(plan.appendices[0].content[0], Table)
    qtbot.waitUntil(lambda: step.landscape.isVisible() and step.summary.isVisible())
    type_text(qtbot, step.summary, "Phân công nhiệm vụ")
    _click(qtbot, step.landscape)
    assert plan.appendices[0].summary == "Phân công nhiệm vụ" and plan.appendices[0].landscape is True
    qtbot.waitUntil(lambda: True in wizard.preview.pages_view.turned)
    window.activateWindow()  # (the offscreen platform may drop the activation after a click)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.document.undo_stack.undoText() == "Đổi hướng trang phụ lục"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert plan.appendices[0].landscape is None
    for _ in range(3):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.plan.appendices == []
    qtbot.waitUntil(lambda: step.list.count() == 0)


def test_a_late_deadline_warning_leads_to_its_cell(qtbot, answers):
    window = make_window(qtbot)
    step = _open_duties_step(qtbot, window)
    _click(qtbot, step.outline.actions["outlineAddTable"])
    editor = step.outline.table_editor
    plan = window.document.plan
    plan.header.date = "2026-09-01"
    _type_in_cell(qtbot, editor, 2, 4, "Tháng 3/2026")
    wizard = window.wizard
    wizard.refresh_status()
    late = next(p for p in wizard.problems if p.code == "deadline-before-date")
    wizard.go_to(wizard.step_index("review"))
    assert wizard.focus_problem(late.where)
    assert wizard.current_step() is step and (editor.grid.currentRow(), editor.grid.currentColumn()) == (2, 4)


def test_preview_repeats_the_header_row_and_turns_the_landscape_appendix(qtbot):
    from kehoach_desktop.plan.model import Plan
    from kehoach_desktop.ui.plan_document import PlanDocument
    from kehoach_desktop.ui.widgets.preview import PreviewWidget

    rows = [DUTIES] + [[str(i), f"Nội dung công việc số {i} cần làm trong năm", "Văn phòng", "Các thôn",
                        "Tháng 5/2027"] for i in range(1, 60)]
    plan = Plan.from_dict({"format": "kehoach", "version": 1, "summary": "Bảng dài", "signature": {"name": "A"},
                           "sections": [{"title": "TỔ CHỨC THỰC HIỆN", "content": [{"table": {"rows": rows}}]}],
                           "appendices": [{"title": "PHỤ LỤC", "landscape": True,
                                           "content": [{"table": {"rows": rows[:3]}}]}]})
    preview = PreviewWidget(PlanDocument(plan))
    qtbot.addWidget(preview)
    items, pages = preview.blocks, preview.pages_view.layout_.pages
    head = next(i for i, b in enumerate(items) if isinstance(b, LaidRow) and b.header)
    of_table = lambda i: isinstance(items[i], LaidRow) and items[i].repeat is items[head].repeat  # noqa: E731
    holding = [p for p in pages if any(of_table(piece.index) for piece in p.pieces)]
    assert len(holding) >= 3  # the long table runs over pages
    for page in holding[1:]:  # its header row again on top of each page it runs onto
        first = page.pieces[0]
        assert first.index == head and first.repeated and first.top == 0
        assert page.runs[0].text == "TT" and "Nội dung công việc" in page.text
    assert sum(piece.index == head for page in holding for piece in page.pieces) == len(holding)
    turned = preview.pages_view.turned
    assert turned.count(True) == 1 and turned[-1]
    width, height = preview.pages_view.page_size(len(pages) - 1)
    assert width > height
