"""A user issues a plan on the check step and finds it in the register window."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton

from kehoach_desktop import storage
from kehoach_desktop.plan.model import Plan
from kehoach_desktop.register.units import open_register
from kehoach_desktop.ui.issue_dialog import IssueDialog
from kehoach_desktop.ui.register_window import RegisterWindow

from ..test_cli import complete_plan
from .test_wizard_journeys import make_window, when_modal
from .test_wizard_support import answers, type_text  # noqa: F401  (fixture)


def unnumbered_plan(summary="Tuyên truyền phòng, chống tác hại của thuốc lá năm 2026") -> Plan:
    plan = Plan.from_dict(complete_plan())
    plan.header.number, plan.header.date, plan.summary = "", "", summary
    return plan


def issue(qtbot, window, number: int | None = None):
    wizard = window.wizard
    wizard.go_to(wizard.step_index("review"))
    button = wizard.current_step().findChild(QPushButton, "issueNumberButton")
    assert button is not None and button.isVisible()
    seen = {}

    def answer(dialog):
        seen["proposal"] = dialog.number.value()
        if number is not None:
            dialog.number.setValue(number)
        seen["warning"] = dialog.warning.text()
        seen["ok_enabled"] = dialog.ok.isEnabled()
        if dialog.ok.isEnabled():
            qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        else:
            dialog.reject()

    timer = when_modal(qtbot, IssueDialog, answer)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    timer.stop()
    return seen


def test_issue_a_plan_and_see_it_in_the_register(qtbot, answers):
    window = make_window(qtbot, plan=unnumbered_plan())
    today = dt.date.today()
    seen = issue(qtbot, window)
    plan = window.document.plan
    assert seen["proposal"] == 1
    assert (plan.header.number, plan.header.date) == ("01", today.isoformat())
    assert window.document.undo_stack.undoText() == "Cấp số và vào sổ"
    assert [p.issuer for p in storage.load_profiles()] == ["ỦY BAN NHÂN DÂN XÃ AN PHÚ"]

    window.findChild(type(window.undo_action), "actionRegister").trigger()
    register = window.findChild(RegisterWindow)
    qtbot.waitUntil(register.isVisible)
    table = register.model
    assert table.rowCount() == 1
    assert table.data(table.index(0, 0)) == "01/KH-UBND"
    assert table.data(table.index(0, 1)) == today.strftime("%d/%m/%Y")
    assert "thuốc lá" in table.data(table.index(0, 2))

    # One undo takes number and date out of the plan together; the register keeps its row.
    window.undo_action.trigger()
    assert (plan.header.number, plan.header.date) == ("", "")
    window.redo_action.trigger()

    # A second plan gets 02; the open register window shows it at once.
    window.document.replace_plan(unnumbered_plan("Ra quân vệ sinh môi trường"))
    assert issue(qtbot, window)["proposal"] == 2
    qtbot.waitUntil(lambda: table.rowCount() == 2)

    # Search without accents, then a note edited in place.
    qtbot.keyClicks(register.search, "ve sinh moi")
    assert table.rowCount() == 1 and table.data(table.index(0, 0)) == "02/KH-UBND"
    register.table.setCurrentIndex(table.index(0, 0))
    qtbot.mouseClick(register.findChild(QPushButton, "registerNote"), Qt.MouseButton.LeftButton)
    editor = register.table.viewport().findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    type_text(qtbot, editor, "Đã gửi qua mạng")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the loop
    qtbot.waitUntil(lambda: table.data(table.index(0, 7)) == "Đã gửi qua mạng")
    with open_register(storage.load_profiles()[0]) as book:
        assert [e.note for e in book.entries()] == ["", "Đã gửi qua mạng"]
    register.search.clear()
    assert table.rowCount() == 2


def test_a_used_number_typed_in_the_dialog_is_refused(qtbot, answers):
    window = make_window(qtbot, plan=unnumbered_plan())
    issue(qtbot, window)
    window.document.replace_plan(unnumbered_plan("Một kế hoạch khác"))
    seen = issue(qtbot, window, number=1)
    assert not seen["ok_enabled"] and "01/KH-UBND đã cấp ngày" in seen["warning"]
    assert window.document.plan.header.number == ""
    # The validator says it too when the number is typed by hand in the Đơn vị step.
    window.document.set_value("header.number", "1")
    window.wizard.refresh_status()
    assert any(p.code == "number-used" for p in window.wizard.problems)


def test_add_a_whole_recipient_group_as_one_undo_step(qtbot, answers):
    from kehoach_desktop.register.groups import Group
    from kehoach_desktop.register.units import profile_for_plan
    from kehoach_desktop.ui.recipient_groups import GroupsDialog

    window = make_window(qtbot, plan=unnumbered_plan())
    wizard = window.wizard
    wizard.go_to(wizard.step_index("recipients"))
    step = wizard.current_step()
    menu = step.groups_button.menu()
    menu.aboutToShow.emit()  # what opening the menu does
    names = [a.text() for a in menu.actions()]
    assert any(n.startswith("Các thôn") for n in names) and any(n.startswith("Ban ngành xã") for n in names)
    plan = window.document.plan
    before = list(plan.recipients)
    next(a for a in menu.actions() if a.text().startswith("Các thôn")).trigger()
    added = ["Bí thư chi bộ các thôn, tổ dân phố (để phối hợp)", "Trưởng các thôn, tổ dân phố (để thực hiện)"]
    assert plan.recipients == before[:-1] + added + before[-1:]  # before the "Lưu" line
    assert step.editor.list.count() == len(before) + 2
    window.undo_action.trigger()
    assert plan.recipients == before  # one undo takes the whole group out
    window.redo_action.trigger()
    # Still edited line by line.
    step.editor.list.setCurrentRow(len(before) - 1)
    qtbot.mouseClick(step.editor.delete_button, Qt.MouseButton.LeftButton)
    assert added[0] not in plan.recipients and added[1] in plan.recipients

    # The unit keeps its own groups: edited in the dialog, offered in the menu instead of the examples.
    def edit(dialog):
        qtbot.mouseClick(dialog.findChild(QPushButton, "groupAdd"), Qt.MouseButton.LeftButton)
        dialog.list.currentItem().setText("Các thôn của xã")
        dialog.lines.setPlainText("Thôn Đông (để thực hiện)\nThôn Tây (để thực hiện)")
        dialog.accept()

    timer = when_modal(qtbot, GroupsDialog, edit)
    qtbot.mouseClick(step.findChild(QPushButton, "recipientGroupsManage"),
                     Qt.MouseButton.LeftButton)
    timer.stop()
    profile, created = profile_for_plan(plan)
    assert not created
    with open_register(profile) as book:
        assert Group("Các thôn của xã", ["Thôn Đông (để thực hiện)", "Thôn Tây (để thực hiện)"]) in book.groups()
    menu.aboutToShow.emit()
    assert any(a.text().startswith("Các thôn của xã") for a in menu.actions())


def test_term_start_set_in_the_register_settings_restarts_party_numbers(qtbot, answers):
    from PySide6.QtCore import QDate

    from kehoach_desktop.register.units import profile_for_plan
    from kehoach_desktop.ui.register_settings import RegisterSettingsDialog

    plan = Plan.from_dict(complete_plan("party"))
    profile, _ = profile_for_plan(plan)
    with open_register(profile) as book:
        from kehoach_desktop.register.entry import Entry

        book.take(Entry(symbol="KH/ĐU", date="2025-09-01", summary="Nhiệm kỳ cũ"))
    register = RegisterWindow()
    qtbot.addWidget(register)
    register.reload(profile.name)

    def answer(dialog):
        assert not dialog.per_kind.isEnabled() and dialog.per_kind.isChecked()  # HD36: always per kind
        qtbot.mouseClick(dialog.has_term, Qt.MouseButton.LeftButton)
        dialog.term.setDate(QDate(2025, 10, 1))
        dialog.accept()

    timer = when_modal(qtbot, RegisterSettingsDialog, answer)
    qtbot.mouseClick(register.findChild(QPushButton, "registerSettings"), Qt.MouseButton.LeftButton)
    timer.stop()
    assert storage.load_profiles()[0].term_start == "2025-10-01"
    with open_register(storage.load_profiles()[0]) as book:
        assert book.next_number(dt.date(2025, 10, 2), "KH") == 1
        assert book.next_number(dt.date(2025, 9, 30), "KH") == 2


def test_damaged_register_is_reported_and_restored_only_when_the_user_says_so(qtbot, answers):
    from kehoach_desktop.register.entry import Entry
    from kehoach_desktop.register.units import profile_for_plan, register_path

    plan = unnumbered_plan()
    profile, _ = profile_for_plan(plan)
    with open_register(profile) as book:
        for i in range(3):
            book.take(Entry(symbol="KH-UBND", date=dt.date.today().isoformat(), summary=f"Văn bản {i}"))
    open_register(profile).close()  # the day's copy
    path = register_path(profile.name)
    path.write_bytes(b"hong" * 2000)
    window = make_window(qtbot, plan=plan)

    answers.replies.append("cancel")  # "Để sau": nothing is touched
    issue(qtbot, window)
    title, text, choices, _ = answers.asked[-1]
    assert title == "Sổ văn bản đi bị hỏng" and "có thể khôi phục" in text and choices == ["restore", "cancel"]
    assert path.read_bytes() == b"hong" * 2000 and window.document.plan.header.number == ""

    answers.replies.append("restore")
    seen = issue(qtbot, window)
    assert seen["proposal"] == 4 and window.document.plan.header.number == "04"
    assert any(p.name.startswith(path.stem + ".hong-") for p in path.parent.iterdir())  # kept aside


def test_issue_dialog_writes_numbers_under_ten_as_they_will_print(qtbot, answers):  # noqa: F811
    """NĐ30 and HD36 write 01…09 with the leading zero; the dialog showed “1” for what became “01”."""
    window = make_window(qtbot, plan=unnumbered_plan())
    shown = {}

    def answer(dialog):
        shown["text"] = dialog.number.text()
        dialog.number.setFocus()
        dialog.number.selectAll()
        qtbot.keyClicks(dialog.number, "7")
        qtbot.keyClick(dialog.number, Qt.Key.Key_Up)
        shown["typed"] = (dialog.number.value(), dialog.number.text())
        dialog.reject()

    window.wizard.go_to(window.wizard.step_index("review"))
    button = window.wizard.current_step().findChild(QPushButton, "issueNumberButton")
    timer = when_modal(qtbot, IssueDialog, answer)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    timer.stop()
    assert shown == {"text": "01", "typed": (8, "08")}
