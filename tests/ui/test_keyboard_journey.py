"""A whole plan written with the keyboard only (issue 9, item 4): no mouse event at all.

Tab moves the focus everywhere (never stores a tab, never traps the user), Alt keys are unique
in the window, Ctrl+F reaches the library search, dialogs answer to Enter and Alt keys.
"""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMenuBar

from kehoach_desktop.io import load_plan
from kehoach_desktop.plan.validate import validate
from kehoach_desktop.ui.new_plan_dialog import NewPlanDialog

from .test_wizard_journeys import make_window, when_modal
from .test_wizard_support import answers, type_text  # noqa: F401  (fixture)

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def focused(window):
    return QApplication.focusWidget() or window


def key(qtbot, window, k, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(window), k, modifier)


def tab_to(qtbot, window, name: str, limit: int = 80):
    """Press Tab until the field named ``name`` has the keyboard (as a user does)."""
    for _ in range(limit):
        widget = QApplication.focusWidget()
        if widget is not None and name in (widget.objectName(), widget.parent().objectName()):
            return widget
        key(qtbot, window, Qt.Key.Key_Tab)
    seen = []
    for _ in range(12):
        widget = QApplication.focusWidget()
        seen.append(f"{type(widget).__name__}:{widget.objectName() if widget else ''}")
        key(qtbot, window, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {name}: {seen}")


def next_step(qtbot, window):
    before = window.wizard.current_index()
    key(qtbot, window, Qt.Key.Key_P, ALT)  # “Tiế&p theo” (an Alt key clicks the button after 100 ms)
    qtbot.waitUntil(lambda: window.wizard.current_index() == before + 1)
    if QApplication.activeWindow() is None:  # offscreen only: QTest's Alt press and release
        window.activateWindow()  # leave no active window (under X the window stays active)
        qtbot.waitUntil(window.isActiveWindow)
    assert window.focusWidget() is window.wizard.current_step().first_input()  # ready to type


def test_a_whole_plan_with_the_keyboard_only(qtbot, tmp_path, answers, monkeypatch):
    from PySide6.QtTest import QTest

    monkeypatch.setattr(QTest, "mouseClick", lambda *a, **k: (_ for _ in ()).throw(AssertionError("mouse")))
    window = make_window(qtbot)
    wizard = window.wizard
    when_modal(qtbot, NewPlanDialog, lambda dialog: qtbot.keyClick(dialog.form_list, Qt.Key.Key_Return))
    key(qtbot, window, Qt.Key.Key_N, CTRL)
    assert wizard.current_step().key == "unit"
    window.activateWindow()  # (what the window system does when the dialog closes)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)  # the first field has the keyboard

    for name, text in (("header.issuer", "ỦY BAN NHÂN DÂN XÃ NẬM PỒ"), ("header.number", "9"),
                       ("header.place", "Nậm Pồ")):
        type_text(qtbot, tab_to(qtbot, window, name), text)
        popup = QApplication.activePopupWidget()  # today's units offered as one types (issue 12)
        if popup is not None:  # not wanted here: Esc closes the list, as a user does
            qtbot.keyClick(popup, Qt.Key.Key_Escape)
            qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    next_step(qtbot, window)

    type_text(qtbot, tab_to(qtbot, window, "summary"), "Tuyên truyền phòng, chống cháy rừng năm 2026")
    preamble = tab_to(qtbot, window, "preamble")
    type_text(qtbot, preamble, "Thực hiện Kế hoạch số 40/KH-UBND ngày 06/01/2026 của Ủy ban nhân dân tỉnh;")
    key(qtbot, window, Qt.Key.Key_Tab)  # leaves the box: no tab typed
    assert QApplication.focusWidget() is not preamble
    assert "\t" not in "".join(window.document.plan.preamble)
    next_step(qtbot, window)

    first_section = True
    while wizard.current_step().key == "section":
        step = wizard.current_step()
        if first_section:  # Ctrl+F: the library's search box, then back to the outline
            key(qtbot, window, Qt.Key.Key_F, CTRL)
            assert QApplication.focusWidget() is step.library.search_box
            assert "Ctrl+F" in step.library.search_box.placeholderText()
            type_text(qtbot, step.library.search_box, "tuyen truyen")
            first_section = False
        tab_to(qtbot, window, "outlineTree")  # (an empty section has no line to edit yet)
        key(qtbot, window, Qt.Key.Key_Return, CTRL)  # Ctrl+Enter: a new paragraph, the cursor in it
        text_box = step.outline.text_edit
        assert QApplication.focusWidget() is text_box
        type_text(qtbot, text_box, f"- Nội dung mục {step.index + 1} gõ bằng bàn phím")
        key(qtbot, window, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is not text_box  # Tab left the paragraph box
        next_step(qtbot, window)

    assert wizard.current_step().key == "recipients"
    recipient = tab_to(qtbot, window, "recipientInput")
    type_text(qtbot, recipient, "Hạt Kiểm lâm (để phối hợp)")
    key(qtbot, window, Qt.Key.Key_Return)
    assert "Hạt Kiểm lâm (để phối hợp)" in window.document.plan.recipients
    next_step(qtbot, window)

    assert wizard.current_step().key == "signature"
    type_text(qtbot, tab_to(qtbot, window, "signature.name"), "Lò Thị Xuân")
    next_step(qtbot, window)
    assert wizard.current_step().key == "appendices"  # Phụ lục: none for this plan, on to the check
    assert tab_to(qtbot, window, "appendixAdd") is not None  # (its buttons are in the Tab order)
    next_step(qtbot, window)
    assert wizard.current_step().key == "review"

    target = tmp_path / "phong-chay-rung.docx"
    answers.save_paths.append(str(target))
    key(qtbot, window, Qt.Key.Key_S, CTRL)
    assert target.exists() and not window.isWindowModified()
    plan = load_plan(target).plan
    assert [p for p in validate(plan) if p.severity == "error"] == []
    assert plan.header.issuer == "ỦY BAN NHÂN DÂN XÃ NẬM PỒ" and plan.signature.name == "Lò Thị Xuân"
    assert "\t" not in plan.to_json()
    assert plan.to_json().count("gõ bằng bàn phím") == len(plan.sections)  # one paragraph in each


def test_a_pasted_tab_becomes_a_space(qtbot, answers):
    window = make_window(qtbot)
    window.wizard.go_to(window.wizard.step_index("section"))
    tab_to(qtbot, window, "outlineTree")
    key(qtbot, window, Qt.Key.Key_Return, CTRL)
    text_box = window.wizard.current_step().outline.text_edit
    QApplication.clipboard().setText("\t\t\t\t\t\tMục tiêu\tchung")
    key(qtbot, window, Qt.Key.Key_V, CTRL)
    path = window.wizard.current_step().outline.current_path()
    from kehoach_desktop.plan.edits import get_value

    assert get_value(window.document.plan, path) == "Mục tiêu chung"
    assert text_box.toPlainText() == "Mục tiêu chung"
    window.wizard.go_to(window.wizard.step_index("summary"))
    preamble = tab_to(qtbot, window, "preamble")
    QApplication.clipboard().setText("\t\tThực hiện Kế hoạch số 7/KH-UBND;")
    key(qtbot, window, Qt.Key.Key_V, CTRL)
    assert window.document.plan.preamble == ["Thực hiện Kế hoạch số 7/KH-UBND;"]
    assert preamble.toPlainText() == "Thực hiện Kế hoạch số 7/KH-UBND;"  # the box shows no tab either


def mnemonic(text: str) -> str:
    m = re.search(r"&([^&])", text.replace("&&", ""))
    return m.group(1).lower() if m else ""


def test_alt_keys_are_unique_on_every_step(qtbot, answers):
    window = make_window(qtbot)
    wizard = window.wizard
    bar = window.findChild(QMenuBar)
    menus = [mnemonic(a.text()) for a in bar.actions() if mnemonic(a.text())]
    assert len(menus) == len(set(menus)) == 4
    for menu_action in bar.actions():  # inside each menu too, and typable letters (not “ở”)
        items = [mnemonic(a.text()) for a in menu_action.menu().actions() if a.text()]
        assert all(k.isascii() and k.isalpha() for k in items), items
        assert len(items) == len(set(items)), (menu_action.text(), items)
    for index in range(len(wizard.steps)):
        wizard.go_to(index)
        if hasattr(wizard.current_step(), "ensure_library"):
            wizard.current_step().ensure_library()
        keys = list(menus)
        for widget in window.findChildren(QAbstractButton) + window.findChildren(QLabel):
            if widget.isVisibleTo(window) and mnemonic(widget.text()):
                keys.append(mnemonic(widget.text()))
        assert len(keys) == len(set(keys)), (wizard.steps[index].title, sorted(keys))
        assert "p" in keys  # Tiế&p theo
