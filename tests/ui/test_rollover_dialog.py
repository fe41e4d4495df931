"""The roll-over review screen."""
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


@pytest.fixture
def dialog(qtbot):
    dlg = RolloverDialog(_plan())
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
    assert dialog.buttons.button(QDialogButtonBox.Cancel).text().replace("&", "") == "Hủy"
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
