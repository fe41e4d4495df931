"""Whole journeys as a user makes them: new plan from a form → type every step → save → reopen."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QPlainTextEdit

from kehoach_desktop.io import load_plan
from kehoach_desktop.plan.validate import validate
from kehoach_desktop.ui.main_window import MainWindow
from kehoach_desktop.ui.new_plan_dialog import NewPlanDialog
from kehoach_desktop.ui.wizard.section_step import SectionStep

from .test_wizard_support import answers, type_text  # noqa: F401  (fixture)

STATE = {
    "regime": "state",
    "header.superior": "ĐẢNG BỘ XÃ TÂN LẬP",
    "header.issuer": "ỦY BAN NHÂN DÂN XÃ TÂN LẬP",
    "header.symbol": "KH-UBND",
    "header.number": "12",
    "header.place": "Tân Lập",
    "summary": "Tuyên truyền kỷ niệm 80 năm Ngày Quốc khánh",
    "preamble": "Thực hiện Kế hoạch số 30-KH/ĐU ngày 02/8/2026 của Ban Thường vụ Đảng ủy xã;",
    "paragraph": "- Nâng cao nhận thức của Nhân dân về ý nghĩa lịch sử",
    "recipient": "Trường Tiểu học xã (để thực hiện)",
    "signature.name": "Nguyễn Văn Tuyên",
}
PARTY = {
    "regime": "party",
    "header.superior": "ĐẢNG BỘ TỈNH LÂM ĐỒNG",
    "header.issuer": "ĐẢNG ỦY XÃ TÂN LẬP",
    "header.symbol": "KH/ĐU",
    "header.number": "7",
    "header.place": "Tân Lập",
    "summary": "tuyên truyền kết quả Đại hội Đảng bộ xã nhiệm kỳ 2025 - 2030",
    "preamble": "Thực hiện Hướng dẫn số 12-HD/BTGDVTU của Ban Tuyên giáo và Dân vận Tỉnh ủy,",
    "paragraph": "- Tạo sự thống nhất về nhận thức và hành động trong Đảng bộ",
    "recipient": "Các chi bộ thôn (để thực hiện)",
    "signature.name": "Trần Thị Hạnh",
}


def make_window(qtbot, **kwargs) -> MainWindow:
    window = MainWindow(**kwargs)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):  # window shortcuts (Ctrl+N, Ctrl+Z…) need the active window
        window.show()
        window.activateWindow()
    return window


def when_modal(qtbot, kind, act):
    """Run ``act(dialog)`` as soon as a modal dialog of ``kind`` is up (polled by a Qt timer)."""
    timer = QTimer()
    timer.setInterval(10)

    def poll():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            timer.stop()
            act(dialog)

    timer.timeout.connect(poll)
    timer.start()
    return timer


def choose_in_new_plan_dialog(qtbot, form_id: str, regime: str):
    """Answer the New dialog the way a user does: pick the kind and regime, click the OK button."""
    def answer(dialog):
        dialog.select(form_id, regime)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    return when_modal(qtbot, NewPlanDialog, answer)


def field(window, name):
    widget = window.wizard.current_step().findChild(QLineEdit, name) or \
        window.wizard.current_step().findChild(QPlainTextEdit, name)
    assert widget is not None, name
    return widget


def retype(qtbot, widget, text: str):
    widget.setFocus()
    widget.selectAll()
    type_text(qtbot, widget, text)


def click_next(qtbot, window):
    qtbot.mouseClick(window.wizard.next_button, Qt.MouseButton.LeftButton)


def fill_every_step(qtbot, window, data: dict) -> list[str]:
    """Type into every step, clicking Next between them; returns the paragraphs typed."""
    wizard = window.wizard
    assert wizard.current_step().key == "unit"
    for name in ("header.superior", "header.issuer", "header.symbol", "header.number", "header.place"):
        retype(qtbot, field(window, name), data[name])
    click_next(qtbot, window)
    assert wizard.current_step().key == "summary"
    type_text(qtbot, field(window, "summary"), data["summary"])
    type_text(qtbot, field(window, "preamble"), data["preamble"])
    click_next(qtbot, window)
    typed = []
    while isinstance(wizard.current_step(), SectionStep):
        step = wizard.current_step()
        outline = step.outline
        first = outline.tree.topLevelItem(0)
        if first is not None:
            outline.tree.setCurrentItem(first)
        qtbot.mouseClick(outline.findChild(type(outline.actions["outlineAddParagraph"]), "outlineAddParagraph"),
                         Qt.MouseButton.LeftButton)
        text = f"{data['paragraph']} (mục {step.index + 1})."
        type_text(qtbot, outline.text_edit, text)
        typed.append(text)
        click_next(qtbot, window)
    assert wizard.current_step().key == "recipients"
    editor = wizard.current_step().editor
    editor.input.setFocus()
    type_text(qtbot, editor.input.lineEdit(), data["recipient"])
    qtbot.keyClick(editor.input.lineEdit(), Qt.Key.Key_Return)
    click_next(qtbot, window)
    assert wizard.current_step().key == "signature"
    retype(qtbot, field(window, "signature.name"), data["signature.name"])
    click_next(qtbot, window)
    assert wizard.current_step().key == "review"
    return typed


@pytest.mark.parametrize("data", [STATE, PARTY], ids=["state", "party"])
def test_new_plan_typed_step_by_step_then_saved(qtbot, tmp_path, answers, data):
    window = make_window(qtbot)
    timer = choose_in_new_plan_dialog(qtbot, "tuyen-truyen", data["regime"])
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Ctrl+N
    assert not timer.isActive()
    assert window.document.plan.regime == data["regime"]
    assert window.document.plan.kind == "tuyen-truyen"
    typed = fill_every_step(qtbot, window, data)
    assert window.isWindowModified()
    # The review list has no error left; every step is marked done, except those whose part is not
    # fully written (an empty default subsection, the form's "..." left in the closing).
    qtbot.waitUntil(lambda: not [p for p in window.wizard.problems if p.severity == "error"])
    wizard = window.wizard
    unfinished = {i for i, spec in enumerate(wizard.steps) for p in wizard.problems
                  if p.code in ("empty-section", "blank-to-fill") and spec.owns(p.where)}
    assert all(wizard.step_list.is_done(i) != (i in unfinished) for i in range(len(wizard.steps)))

    target = tmp_path / "ke-hoach.docx"
    answers.save_paths.append(str(target))
    review = window.wizard.current_step()
    qtbot.mouseClick(review.findChild(type(review.open_button), "saveDocxButton"), Qt.MouseButton.LeftButton)
    assert target.exists()
    assert not window.isWindowModified()
    assert "ke-hoach.docx" in window.windowTitle()
    assert review.open_button.isEnabled()

    loaded = load_plan(target)
    assert loaded.source == "app-docx"
    plan = loaded.plan
    assert [p for p in validate(plan) if p.severity == "error"] == []
    assert plan.regime == data["regime"]
    for key in ("superior", "issuer", "symbol", "number", "place"):
        assert getattr(plan.header, key) == data[f"header.{key}"]
    assert plan.summary == data["summary"]
    assert plan.preamble == [data["preamble"]]
    assert plan.signature.name == data["signature.name"]
    assert data["recipient"] in plan.recipients
    assert plan.recipients[-1].startswith("Lưu")
    body = []

    def walk(items):
        for item in items:
            if isinstance(item, str):
                body.append(item)
            else:
                walk(item.content)
    walk(plan.sections)
    for text in typed:
        assert text in body


def test_undo_redo_across_steps_with_the_keyboard(qtbot, answers):
    window = make_window(qtbot)
    issuer = field(window, "header.issuer")
    retype(qtbot, issuer, "UBND XÃ A")
    click_next(qtbot, window)
    summary = field(window, "summary")
    type_text(qtbot, summary, "Về việc B")
    assert window.document.plan.summary == "Về việc B"
    qtbot.keyClick(summary, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.plan.summary == ""
    assert summary.toPlainText() == ""
    qtbot.keyClick(summary, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.plan.header.issuer == ""  # typing in a field was one step
    qtbot.keyClick(summary, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.document.plan.header.issuer == "UBND XÃ A"
    qtbot.keyClick(summary, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.document.plan.summary == "Về việc B"


def test_regime_change_rebuilds_signature_words(qtbot, answers):
    window = make_window(qtbot)
    window.document.set_value("regime", "party")
    qtbot.waitUntil(lambda: window.wizard._shape[0] == "party")
    sig = window.wizard.step_widget(window.wizard.step_index("signature"))
    combo = sig.findChild(type(sig.signer_combo), "signature.authority")
    values = [combo.itemData(i) for i in range(combo.count())]
    assert "T/M" in values and "TM." not in values[:-1]


def test_add_and_remove_a_top_level_section(qtbot, answers):
    window = make_window(qtbot)
    wizard = window.wizard
    count = len(window.document.plan.sections)
    first = wizard.step_index("section")
    wizard.go_to(first)
    qtbot.mouseClick(wizard.current_step().findChild(type(wizard.next_button), "addSectionButton"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(wizard.steps) == count + 6)  # unit, summary, sections, 3 more
    assert wizard.current_index() == first + 1
    assert window.document.plan.sections[1].title == "MỤC MỚI"
    answers.replies.append("delete")
    qtbot.mouseClick(wizard.current_step().findChild(type(wizard.next_button), "removeSectionButton"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(wizard.steps) == count + 5)
    assert len(window.document.plan.sections) == count


def test_keyboard_only_tab_through_a_step_to_next(qtbot, answers):
    window = make_window(qtbot)
    wizard = window.wizard
    wizard.step_list.setFocus()
    seen = []
    for _ in range(30):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget().objectName())
        if seen[-1] == "nextButton":
            break
    order = [n for i, n in enumerate(seen) if n.startswith(("header.", "regime")) and n != seen[i - 1]]
    assert order == ["regime", "header.superior", "header.issuer", "header.symbol", "header.number",
                     "header.place", "header.date"]
    assert seen[:3] == ["profileCombo", "saveProfileButton", "manageProfilesButton"]
    assert seen[-2:] == ["clearDateButton", "nextButton"]  # (Back is disabled on the first step)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert wizard.current_step().key == "summary"
    # The new page's first input has the focus: typing goes straight in.
    assert QApplication.focusWidget().objectName() == "summary"


def test_signature_step_shows_the_last_page_in_the_preview(qtbot, answers):
    from kehoach_desktop.plan.model import Plan

    plan = Plan.from_dict({"format": "kehoach", "version": 1, "recipients": ["Lưu: VT"],
                           "sections": [{"title": f"MỤC {i}", "content": ["Nội dung dài. " * 60] * 3}
                                        for i in range(4)]})
    window = make_window(qtbot, plan=plan)
    preview = window.wizard.preview
    assert preview.page_count > 1
    bar = preview.scroll.verticalScrollBar()
    window.wizard.go_to(window.wizard.step_index("signature"))
    assert bar.value() > 0
    window.wizard.go_to(0)
    assert bar.value() == 0


def test_deputy_line_typed_in_the_signature_step_reaches_the_plan(qtbot, answers):
    window = make_window(qtbot)
    wizard = window.wizard
    wizard.go_to(wizard.step_index("signature"))
    retype(qtbot, field(window, "signature.deputy"), "KT. CHỦ TỊCH")
    assert window.document.plan.signature.deputy == "KT. CHỦ TỊCH"
    window.wizard.preview.refresh_now()
    assert "KT. CHỦ TỊCH" in window.wizard.preview.page_text()
