"""Recipient groups: bundled examples of the two-tier structure, per-unit storage, Excel both ways."""
from __future__ import annotations

import io

import openpyxl
import pytest

from kehoach_desktop.errors import FileRejected
from kehoach_desktop.plan.text import fold
from kehoach_desktop.register.book import Register
from kehoach_desktop.register.groups import (Group, bundled_groups, clean_groups, dump_groups_xlsx, lines_to_add,
                                             parse_groups_xlsx)


def test_bundled_examples_follow_the_two_tier_structure():
    for regime in ("state", "party"):
        groups = bundled_groups(regime)
        assert len(groups) >= 4
        text = fold(" ".join(line for g in groups for line in g.lines))
        assert "huyen" not in text and "tinh" in text and "xa" in text
    names = [g.name for g in bundled_groups("state")] + [g.name for g in bundled_groups("party")]
    assert {"Các thôn", "Ban ngành xã", "Các chi bộ"} <= set(names)
    assert any("(để báo cáo)" in line for g in bundled_groups("state") for line in g.lines)


def test_groups_are_kept_per_unit_register(tmp_path):
    with Register(tmp_path / "a.sqlite3") as book:
        assert book.groups() == []
        book.set_groups([Group("Các thôn", ["Thôn Đông (để thực hiện)", "Thôn Tây (để thực hiện)"])])
    with Register(tmp_path / "a.sqlite3") as book:
        assert book.groups() == [Group("Các thôn", ["Thôn Đông (để thực hiện)", "Thôn Tây (để thực hiện)"])]
    with Register(tmp_path / "b.sqlite3") as other:
        assert other.groups() == []


def test_clean_and_lines_to_add():
    groups = clean_groups([Group(" Các thôn ", ["- Thôn Đông;", "", "thôn đông"]), Group("các thôn", ["Thôn Tây."]),
                           Group("", ["x"])])
    assert groups == [Group("Các thôn", ["Thôn Đông", "Thôn Tây"])]
    assert lines_to_add(["THÔN ĐÔNG"], groups[0]) == ["Thôn Tây"]


def test_groups_go_to_excel_and_back(tmp_path):
    groups = [Group("Các thôn", ["Thôn Đông (để thực hiện)", "=cmd"]), Group("Ban ngành xã", ["Công an xã"])]
    data = dump_groups_xlsx(groups)
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    assert [c.value for c in ws[1]] == ["Nhóm", "Nơi nhận"] and ws["B3"].data_type == "s"
    assert parse_groups_xlsx(data) == groups
    # A hand-made sheet: a title row, the group named once, blank rows.
    wb = openpyxl.Workbook()
    for row in (["DANH SÁCH NƠI NHẬN"], [], ["Nhóm", "Nơi nhận"], ["Các chi bộ", "Chi bộ thôn 1"],
                [None, "Chi bộ thôn 2"], [], [None, "Chi bộ trường học"]):
        wb.active.append(row)
    out = io.BytesIO()
    wb.save(out)
    assert parse_groups_xlsx(out.getvalue()) == [Group("Các chi bộ", ["Chi bộ thôn 1", "Chi bộ thôn 2",
                                                                       "Chi bộ trường học"])]
    wb = openpyxl.Workbook()
    wb.active.append(["Họ tên", "Điểm"])
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(FileRejected, match="không phải là bảng nhóm nơi nhận"):
        parse_groups_xlsx(out.getvalue())
