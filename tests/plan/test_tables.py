"""Tables and appendices in the model, the validator, the edits and the roll-over."""
from __future__ import annotations

import json

from kehoach_desktop.plan.edits import SetValue, apply_edit
from kehoach_desktop.plan.model import Plan
from kehoach_desktop.plan.rollover import find_year_mentions, rollover_plan
from kehoach_desktop.plan.table import Cell, Table, appendix_line, layout
from kehoach_desktop.plan.table_layout import column_fractions
from kehoach_desktop.plan.validate import validate
from kehoach_desktop.plan.validate_tables import latest_day

DUTIES = {"header": 1, "rows": [
    ["TT", "Nội dung công việc", "Đơn vị chủ trì", "Thời gian hoàn thành"],
    [{"text": "I. NHIỆM VỤ CHUNG", "colspan": 4}],
    ["1", "Xây dựng kế hoạch năm 2026", {"text": "Văn phòng", "rowspan": 2}, "Tháng 3/2026"],
    ["2", "Tổng kết năm 2026", "Quý IV năm 2026"]], "widths": [1, 6, 3, 2]}


def plan_with(table: dict, date: str = "2026-02-01", **extra) -> Plan:
    return Plan.from_dict({
        "format": "kehoach", "version": 1, "header": {"date": date, "number": "5", "symbol": "KH-UBND"},
        "summary": "Kế hoạch năm 2026",
        "sections": [{"title": "TỔ CHỨC THỰC HIỆN", "content": ["Phân công:", {"table": table}]}],
        "signature": {}, **extra})


def codes(plan) -> list[str]:
    return [p.code for p in validate(plan)]


def test_tables_and_appendices_round_trip_with_unknown_keys():
    data = plan_with(dict(DUTIES, note="giữ"), appendices=[
        {"title": "PHỤ LỤC I", "summary": "Kinh phí", "landscape": True, "mine": 1,
         "content": ["Dự toán:", {"table": {"header": 0, "rows": [[{"text": "a", "x": 2}, "b"]]}, "side": 3}]}
    ]).to_dict()
    again = Plan.from_json(json.dumps(data)).to_dict()
    assert again == data
    table = data["sections"][0]["content"][1]["table"]
    assert table["note"] == "giữ" and table["rows"][1] == [{"text": "I. NHIỆM VỤ CHUNG", "colspan": 4}]
    assert data["appendices"][0]["mine"] == 1 and data["appendices"][0]["content"][1]["side"] == 3
    assert list(data).index("appendices") == list(data).index("signature") + 1


def test_spans_are_placed_and_covered_cells_left_out():
    table = plan_with(DUTIES).sections[0].content[1]
    grid = layout(table)
    assert grid.columns == 4 and not grid.ragged and not grid.past_edge
    assert grid.owner[(3, 2)] == (2, 2)  # covered by "Văn phòng" above


def test_broken_tables_are_read_and_reported():
    broken = plan_with({"rows": [["a", "b", "c"], ["d"], [{"text": "e", "rowspan": 5}, "f", "g"]]})
    assert "table-shape" in codes(broken)
    assert "empty-table" in codes(plan_with({"rows": []}))
    odd = Plan.from_dict({"format": "kehoach", "version": 1,
                          "sections": [{"title": "A", "content": [{"table": "hỏng"}, {"table": {"rows": "x"}}]}]})
    assert odd.to_dict()["sections"][0]["content"][0]["table"]["_unreadable"] == "hỏng"
    assert "empty-table" in codes(odd)
    past = plan_with({"rows": [["a", {"text": "b", "colspan": 3}]], "widths": [1, 1]})
    assert "table-shape" in codes(past)


def test_empty_row_column_and_late_deadline_warned():
    plan = plan_with({"rows": [["TT", "Nội dung", "", "Thời gian"], ["1", "Việc", "", "Tháng 1/2026"],
                               ["", "", "", ""]]}, date="2026-02-10")
    found = validate(plan)
    assert {"empty-table-row", "empty-table-column", "deadline-before-date"} <= {p.code for p in found}
    late = next(p for p in found if p.code == "deadline-before-date")
    assert late.where == "sections[0].content[1].rows[1][3].text" and late.severity == "warning"
    assert "deadline-before-date" not in codes(plan_with(DUTIES, date="2026-02-10"))
    assert "empty-section" not in codes(plan_with(DUTIES))  # a table is content


def test_latest_day_of_time_cells():
    assert latest_day("Tháng 3/2027").isoformat() == "2027-03-31"
    assert latest_day("Từ ngày 01/4 đến 30/4/2027").isoformat() == "2027-04-30"
    assert latest_day("Quý II/2027").isoformat() == "2027-06-30"
    assert latest_day("Thường xuyên") is None


def test_appendix_without_content_warned():
    assert "empty-appendix" in codes(plan_with(DUTIES, appendices=[{"title": "PHỤ LỤC"}]))


def test_cells_are_edited_by_path_and_undone():
    plan = plan_with(DUTIES)
    undo = apply_edit(plan, SetValue("sections[0].content[1].rows[2][1].text", "Việc mới"))
    assert plan.sections[0].content[1].rows[2][1].text == "Việc mới"
    apply_edit(plan, undo)
    assert plan.to_dict() == plan_with(DUTIES).to_dict()


def test_rollover_visits_cells_and_keeps_cited_documents():
    plan = plan_with({"rows": [["TT", "Nội dung", "Thời gian"],
                               ["1", "Thực hiện Kế hoạch số 12/KH-UBND ngày 3/1/2026 của UBND huyện", "Quý II năm 2026"],
                               ["2", "Tổng kết năm 2026", "Cả năm"]]},
                     appendices=[{"title": "PHỤ LỤC", "summary": "Lịch năm 2026", "content": ["Trong năm 2026"]}])
    wheres = {m.where for m in find_year_mentions(plan, 2027)}
    assert "sections[0].content[1].rows[2][1].text" in wheres and "appendices[0].summary" in wheres
    new = rollover_plan(plan, 2027)
    rows = new.sections[0].content[1].rows
    assert rows[1][1].text.endswith("ngày 3/1/2026 của UBND huyện")  # a cited document: kept
    assert rows[1][2].text == "Quý II năm 2027" and rows[2][1].text == "Tổng kết năm 2027"
    assert new.appendices[0].content == ["Trong năm 2027"]


def test_widths_from_content_give_the_number_column_little_room():
    fractions = column_fractions(Table(rows=[[Cell("TT"), Cell("Nội dung công việc cần làm trong năm")],
                                             [Cell("1"), Cell("Tuyên truyền sâu rộng đến toàn thể Nhân dân")]]))
    assert fractions[0] < 0.25 < fractions[1]


def test_appendix_line_from_the_header():
    plan = Plan.from_dict({"format": "kehoach", "version": 1, "header": {
        "issuer": "ỦY BAN NHÂN DÂN XÃ CẨM TÂN", "number": "45", "symbol": "KH-UBND", "date": "2021-05-20"}})
    assert appendix_line(plan.header) == "(Kèm theo Kế hoạch số 45/KH-UBND ngày 20/05/2021 của Ủy ban nhân dân xã Cẩm Tân)"
    assert appendix_line(Plan().header) == "(Kèm theo Kế hoạch số …/… ngày … của …)"


def test_blanks_left_in_a_cell_or_an_appendix_are_found():
    plan = plan_with({"rows": [["TT", "Việc"], ["1", "Báo cáo trước ngày ......"]]},
                     appendices=[{"title": "PHỤ LỤC", "content": ["Gửi về ........ trước ngày 5"]}])
    wheres = {p.where for p in validate(plan) if p.code == "blank-to-fill"}
    assert {"sections[0].content[1].rows[1][1].text", "appendices[0].content[0]"} <= wheres
