"""The roll-over review brings last year's units up to date: a tab beside the years, driven like a user."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QTabWidget

from kehoach_desktop.ui.rollover_dialog import RolloverDialog

from ..units import plans


def open_dialog(qtbot, plan) -> RolloverDialog:
    dialog = RolloverDialog(plan)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def row_of(review, where: str, text: str) -> int:
    for row, m in enumerate(review.mentions):
        if m.where == where and m.text == text:
            return row
    raise AssertionError((where, text, [(m.where, m.text) for m in review.mentions]))


def accept(qtbot, dialog):
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    return dialog.result_plan()


def test_units_tab_beside_the_years_with_a_choice_for_each(qtbot):
    dialog = open_dialog(qtbot, plans.state_nghe_an_2024())
    tabs = dialog.findChild(QTabWidget, "rolloverTabs")
    assert [tabs.tabText(i).split(" (")[0] for i in range(tabs.count())] == ["Năm", "Đơn vị hành chính"]
    review = dialog.units
    table = review.table
    assert table.rowCount() == len(review.mentions) >= 10
    cited = [r for r, m in enumerate(review.mentions) if m.part == "cited"]
    assert cited and all(not review.combos[r].isEnabled() for r in cited)
    issuer = row_of(review, "header.issuer", "XÃ HÒA SƠN")
    combo = table.cellWidget(issuer, 2)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Xã Vĩnh Tường — Tỉnh Nghệ An", "Xã Văn Hiến — Tỉnh Nghệ An", "Giữ nguyên"]
    assert combo.currentText() == "Giữ nguyên"  # divided: the user chooses
    assert "<b" in table.cellWidget(issuer, 1).text()


def test_choices_are_applied_with_the_years_and_citations_stay(qtbot):
    plan = plans.state_nghe_an_2024()
    dialog = open_dialog(qtbot, plan)
    review = dialog.units
    tabs = dialog.findChild(QTabWidget, "rolloverTabs")
    tabs.setCurrentIndex(1)
    for where, text, choice in (("header.issuer", "XÃ HÒA SƠN", "Xã Văn Hiến — Tỉnh Nghệ An"),
                                ("header.place", "Hòa Sơn", "Xã Văn Hiến — Tỉnh Nghệ An"),
                                ("recipients[0]", "UBND huyện Đô Lương", "Đổi thành “UBND tỉnh Nghệ An”")):
        combo: QComboBox = review.table.cellWidget(row_of(review, where, text), 2)
        combo.setFocus()
        target = combo.findText(choice)
        while combo.currentIndex() != target:  # with the keyboard, as a user would
            qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)
    assert "Sẽ sửa" in review.summary.text()
    year = dialog.year.value()  # the proposal depends on today (plan.rollover.propose_year)
    new = accept(qtbot, dialog)
    assert new.summary == f"Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm {year}"  # the years too
    assert new.header.issuer == "ỦY BAN NHÂN DÂN XÃ VĂN HIẾN" and new.header.place == "Văn Hiến"
    assert new.header.superior == ""
    assert new.recipients == ["- UBND tỉnh Nghệ An (b/c);", "- Ủy ban MTTQ Việt Nam xã;", "- Lưu: VT, VHXH."]
    assert new.preamble[:2] == plan.preamble[:2]  # cited documents: history
    assert new.header.number == "" and new.header.date == ""


def test_defaults_bring_an_old_province_plan_up_to_date(qtbot):
    new = accept(qtbot, open_dialog(qtbot, plans.party_ha_giang_2023()))
    assert (new.header.superior, new.header.issuer, new.header.place) == (
        "ĐẢNG BỘ TỈNH TUYÊN QUANG", "ĐẢNG ỦY XÃ LŨNG CÚ", "Lũng Cú")
    assert "Huyện ủy Đồng Văn" in new.preamble[0]


def test_no_tab_when_nothing_to_review(qtbot):
    from kehoach_desktop.plan.model import Plan, Section

    plan = Plan(summary="Nhiệm vụ năm 2024", sections=[Section("NỘI DUNG", ["Năm 2024 tổ chức tốt."])])
    dialog = open_dialog(qtbot, plan)
    assert dialog.findChild(QTabWidget, "rolloverTabs") is None
    assert dialog.table.isVisible() and not dialog.units.isVisible()
    year = dialog.year.value()
    assert accept(qtbot, dialog).summary == f"Nhiệm vụ năm {year}"
