"""The roll-over review screen."""
import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from kehoach_desktop.plan.model import Plan, Section
from kehoach_desktop.ui.rollover_dialog import RolloverDialog


def _plan():
    plan = Plan(summary="Tuyên truyền kết quả năm 2023, nhiệm vụ năm 2024",
                preamble=["Căn cứ Luật số 103/2023/QH15;"],
                sections=[Section(title="NỘI DUNG", content=["Nhiệm vụ năm 2024, nhiệm kỳ 2020 - 2025."])])
    plan.header.date = "2024-01-15"
    plan.header.number = "12"
    return plan


WRITTEN = datetime.date(2024, 11, 20)  # "today" while the 2024 plan is rolled over to 2025


@pytest.fixture
def dialog(qtbot):
    dlg = RolloverDialog(_plan(), today=WRITTEN)
    qtbot.addWidget(dlg)
    return dlg


def _row_of(dlg, where, old):
    for row, m in enumerate(dlg.mentions):
        if m.where == where and m.old == old:
            return row
    raise AssertionError((where, old))


def test_lists_every_mention_with_defaults(dialog):
    table = dialog.table
    assert table.rowCount() == 6
    checked = [table.item(r, 0).checkState() == Qt.Checked for r in range(table.rowCount())]
    assert checked == [True, True, False, True, False, False]
    assert table.item(0, 2).text() == "2023 → 2024"
    assert dialog.year.value() == 2025
    assert dialog.buttons.button(QDialogButtonBox.Ok).text() == "Tạo kế hoạch mới"
    assert dialog.buttons.button(QDialogButtonBox.Cancel).text() == "Hủy"
    assert "<b" in table.cellWidget(0, 1).text()


def test_uncheck_one_and_accept_keeps_that_year(dialog, qtbot):
    row = _row_of(dialog, "sections[0].content[0]", 2024)
    dialog.table.item(row, 0).setCheckState(Qt.Unchecked)
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    new = dialog.result_plan()
    assert new.summary == "Tuyên truyền kết quả năm 2024, nhiệm vụ năm 2025"
    assert new.sections[0].content == ["Nhiệm vụ năm 2024, nhiệm kỳ 2020 - 2025."]
    assert new.preamble == ["Căn cứ Luật số 103/2023/QH15;"]
    assert new.header.number == "" and new.header.date == ""


def test_year_spin_changes_proposals_and_keeps_choices(dialog):
    row = _row_of(dialog, "summary", 2023)
    dialog.table.item(row, 0).setCheckState(Qt.Unchecked)
    dialog.year.setValue(2027)
    assert dialog.table.item(row, 0).checkState() == Qt.Unchecked
    assert dialog.table.item(_row_of(dialog, "summary", 2024), 2).text() == "2024 → 2027"


def test_select_all_and_none(dialog):
    dialog.select_all.click()
    assert all(m.checked for m in dialog.mentions)
    dialog.select_none.click()
    assert not any(m.checked for m in dialog.mentions)
    dialog.accept()
    assert dialog.result_plan().summary == _plan().summary


def test_cancel_gives_no_plan(dialog):
    dialog.reject()
    assert dialog.result_plan() is None


def test_inputs_have_object_names(dialog):
    for widget in (dialog.year, dialog.table, dialog.select_all, dialog.select_none,
                   dialog.buttons.button(QDialogButtonBox.Ok), dialog.buttons.button(QDialogButtonBox.Cancel)):
        assert widget.objectName()


# ---- issue 9: the proposed year, and every column readable at 1366×768 -------------------
def test_an_old_plan_is_proposed_this_year_and_the_dialog_says_why(qtbot):
    dlg = RolloverDialog(_plan(), today=datetime.date(2026, 11, 23))
    qtbot.addWidget(dlg)
    assert dlg.year.value() == 2026
    note = dlg.year_note.text()
    assert "2024" in note and "2025 đã qua" in note and "2027" in note
    assert dlg.table.item(_row_of(dlg, "summary", 2024), 2).text() == "2024 → 2026"


def test_a_past_year_is_said_plainly(qtbot):
    dlg = RolloverDialog(_plan(), today=datetime.date(2026, 11, 23))
    qtbot.addWidget(dlg)
    dlg.year.setValue(2025)
    assert "Năm 2025 đã qua" in dlg.year_note.text() and "2026" in dlg.year_note.text()
    dlg.year.setValue(2027)
    assert "đã qua" not in dlg.year_note.text()


def test_next_year_needs_no_warning(dialog):
    assert "đã qua" not in dialog.year_note.text() and "2025" in dialog.year_note.text()


def test_every_column_can_be_read_at_1366x768(qtbot):
    from PySide6.QtCore import QRect

    plan = _plan()
    plan.sections[0].content.append("Kết quả năm 2023 so với năm 2019 theo Nghị quyết số 12/NQ-TW ngày 05/8/2020 "
                                    "của Bộ Chính trị về phát triển đến năm 2030, tầm nhìn đến năm 2045.")
    dlg = RolloverDialog(plan, today=WRITTEN)
    qtbot.addWidget(dlg)
    dlg.resize(1326, 708)  # the largest it gets on a 1366×768 screen with a taskbar
    dlg.show()
    qtbot.waitExposed(dlg)
    table = dlg.table
    qtbot.waitUntil(lambda: not dlg._fit_pending)
    assert sum(table.columnWidth(c) for c in range(table.columnCount())) <= table.viewport().width() + 1
    metrics = table.fontMetrics()
    for row in range(table.rowCount()):
        reason = table.item(row, 3).text()
        box = metrics.boundingRect(QRect(0, 0, table.columnWidth(3) - 8, 10_000), Qt.TextWordWrap, reason)
        assert box.height() <= table.rowHeight(row), reason  # the whole reason shows, wrapped
        label = table.cellWidget(row, 1)
        assert label.heightForWidth(table.columnWidth(1)) <= table.rowHeight(row)
    assert table.columnWidth(1) >= 300  # the context keeps room to read
    # A narrower window still shows the reasons whole: the rows grow.
    dlg.resize(900, 600)
    qtbot.waitUntil(lambda: not dlg._fit_pending)
    for row in range(table.rowCount()):
        reason = table.item(row, 3).text()
        box = metrics.boundingRect(QRect(0, 0, table.columnWidth(3) - 8, 10_000), Qt.TextWordWrap, reason)
        assert box.height() <= table.rowHeight(row)


def test_a_year_that_stays_says_so(dialog):
    row = _row_of(dialog, "preamble[0]", 2023)  # the law's number: kept
    assert dialog.table.item(row, 0).checkState() == Qt.Unchecked
    assert dialog.table.item(row, 2).text() == "2023 (giữ nguyên)"
    dialog.table.item(row, 0).setCheckState(Qt.Checked)
    assert dialog.table.item(row, 2).text() == "2023 → 2024"
