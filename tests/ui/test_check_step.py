"""Issue 9, items 2 and 7: the check step flags unfinished text with a click to the field, shows a
number and date left for the văn thư as a notice, and the step list's ✓ means "filled"."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from kehoach_desktop.plan.validate import validate
from kehoach_desktop.ui.wizard.review_step import SEVERITY_ROLE, WHERE_ROLE

from .test_wizard_journeys import choose_in_new_plan_dialog, field, make_window, retype
from .test_wizard_library import _section_step
from .test_wizard_support import answers, type_text  # noqa: F401  (fixture)


def _new_plan(qtbot, window):
    choose_in_new_plan_dialog(qtbot, "tuyen-truyen", "state")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitActive(window):  # offscreen Qt does not give activation back after a dialog
        window.activateWindow()


def _review_items(window):
    wizard = window.wizard
    wizard.go_to(wizard.step_index("review"))
    review = wizard.current_step()
    wizard.refresh_status()
    return review, [review.problems.item(i) for i in range(review.problems.count())]


def test_unfilled_placeholder_is_an_error_and_a_click_lands_on_it(qtbot, answers):
    window = make_window(qtbot)
    _new_plan(qtbot, window)
    step = _section_step(window, "NỘI DUNG")
    step.ensure_library()
    search = step.library.findChild(QLineEdit, "librarySearch")
    search.setFocus()
    type_text(qtbot, search, "chu truong chinh sach chuyen de")
    results = step.library.results
    qtbot.waitUntil(lambda: results.count() > 0)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert any("{noi_dung}" in p.message for p in validate(window.document.plan))

    review, items = _review_items(window)
    flagged = [it for it in items if "{noi_dung}" in it.text()]
    assert len(flagged) == 1 and flagged[0].text().startswith("Lỗi: ")
    assert "đủ các phần" not in review.summary.text()
    where = flagged[0].data(WHERE_ROLE)
    rect = review.problems.visualItemRect(flagged[0])
    qtbot.mouseClick(review.problems.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wizard = window.wizard
    assert wizard.current_step().key == "section" and wizard.current_step().outline.current_path() == where

    # The user writes the subject in place of the placeholder: the error goes.
    editor = wizard.current_step().outline.text_edit
    text = editor.toPlainText()
    editor.setFocus()
    editor.selectAll()
    type_text(qtbot, editor, text.replace("{noi_dung}", "phòng, chống thiên tai"))
    qtbot.waitUntil(lambda: not any(p.code == "unfilled-placeholder" for p in wizard.problems))


def test_blank_in_the_closing_is_a_warning_leading_to_it(qtbot, answers):
    window = make_window(qtbot)
    _new_plan(qtbot, window)  # the form's closing says "Kế hoạch tuyên truyền ... của"
    review, items = _review_items(window)
    blank = [it for it in items if it.data(WHERE_ROLE) == "closing[0]"]
    assert blank and blank[0].text().startswith("Nên xem lại: ") and "..." in blank[0].text()
    rect = review.problems.visualItemRect(blank[0])
    qtbot.mouseClick(review.problems.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.wizard.current_step().key == "recipients"
    assert QApplication.focusWidget().objectName().startswith("closing")


def test_number_and_date_left_for_the_clerk_are_a_notice_not_an_error(qtbot, answers):
    window = make_window(qtbot)
    _new_plan(qtbot, window)
    wizard = window.wizard
    wizard.go_to(wizard.step_index("unit"))
    retype(qtbot, field(window, "header.issuer"), "ỦY BAN NHÂN DÂN XÃ TÂN LẬP")
    qtbot.mouseClick(wizard.current_step().findChild(QPushButton, "clearDateButton"), Qt.MouseButton.LeftButton)
    plan = window.document.plan
    assert plan.header.number == "" and plan.header.date == ""
    codes = {p.code: p.severity for p in validate(plan)}
    assert codes["missing-number"] == "error" and codes["missing-date"] == "error"  # validate is unchanged

    review, items = _review_items(window)
    by_where = {it.data(WHERE_ROLE): it for it in items}
    for where in ("header.number", "header.date"):
        assert by_where[where].data(SEVERITY_ROLE) == "notice"
        assert by_where[where].text().startswith("Để văn thư: ") and "văn thư" in by_where[where].text()
    assert not any(it.text().startswith("Lỗi: ") and it.data(WHERE_ROLE).startswith("header") for it in items)
    assert [it.data(SEVERITY_ROLE) for it in items][-2:] == ["notice", "notice"]  # after what needs work
    assert "Số và ngày ban hành để trống cho văn thư" in review.summary.text()
    assert wizard.step_list.is_done(wizard.step_index("unit"))  # left blank on purpose: still ✓


def test_empty_sections_are_not_ticked_until_written(qtbot, answers):
    window = make_window(qtbot)
    _new_plan(qtbot, window)
    wizard = window.wizard
    wizard.refresh_status()
    sections = [i for i, s in enumerate(wizard.steps) if s.key == "section"]
    assert sections and not any(wizard.step_list.is_done(i) for i in sections)
    step = _section_step(window, "KINH PHÍ")
    index = wizard.current_index()
    outline = step.outline
    qtbot.mouseClick(outline.findChild(type(outline.actions["outlineAddParagraph"]), "outlineAddParagraph"),
                     Qt.MouseButton.LeftButton)
    type_text(qtbot, outline.text_edit, "Kinh phí thực hiện từ ngân sách xã năm 2026.")
    qtbot.waitUntil(lambda: wizard.step_list.is_done(index))
    assert wizard.step_list.item(index).text().startswith("✓")
    # A section with a written subsection and an empty one is not done either.
    first = _section_step(window, "MỤC ĐÍCH")
    first_index = wizard.current_index()
    tree = first.outline.tree
    tree.setCurrentItem(tree.topLevelItem(0))
    qtbot.mouseClick(first.outline.findChild(type(first.outline.actions["outlineAddParagraph"]),
                                             "outlineAddParagraph"), Qt.MouseButton.LeftButton)
    type_text(qtbot, first.outline.text_edit, "- Nâng cao nhận thức của Nhân dân.")
    wizard.refresh_status()
    assert any(p.code == "empty-section" and p.where.startswith("sections[0]") for p in wizard.problems)
    assert not wizard.step_list.is_done(first_index)


def test_step_done_counts_numbered_paragraphs_and_left_blank_fields():
    from kehoach_desktop.plan.model import Section
    from kehoach_desktop.plan.validate import Problem
    from kehoach_desktop.ui.wizard.check_view import has_text, shown_severity, summary_text

    assert has_text(Section("NỘI DUNG", [Section("Tuyên truyền trên loa truyền thanh.", [], plain=True)]))
    assert not has_text(Section("NỘI DUNG", [Section("Nội dung", []), "  "]))
    number = Problem("missing-number", "error", "header.number", "…")
    assert shown_severity(number) == "notice"
    assert summary_text([number]).startswith("Kế hoạch đã đủ các phần")
    assert "Số để trống cho văn thư" in summary_text([number])
    error = Problem("missing-summary", "error", "summary", "…")
    assert summary_text([error, number]).startswith("Kế hoạch còn 1 lỗi cần sửa.")
