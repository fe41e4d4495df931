from kehoach_desktop.library.placeholders import NAMES, fill_placeholders, plan_values, placeholders_in
from kehoach_desktop.library.store import load_bundled
from kehoach_desktop.plan.model import Header, Plan


def state_plan():
    return Plan(regime="state", header=Header(superior="", issuer="ỦY BAN NHÂN DÂN XÃ CẨM TÂN",
                                              place="Cẩm Tân", date="2026-03-05"))


def test_fills_what_the_plan_knows():
    filled = fill_placeholders("{co_quan} ban hành Kế hoạch năm {nam} (năm trước {nam_truoc}, năm sau {nam_sau}) "
                               "trên địa bàn {dia_danh}; {co_quan_ngan}.", state_plan())
    assert filled.text == ("Ủy ban nhân dân xã Cẩm Tân ban hành Kế hoạch năm 2026 (năm trước 2025, năm sau 2027) "
                           "trên địa bàn xã Cẩm Tân; UBND xã.")
    assert filled.unfilled_spans == [] and filled.complete


def test_unfilled_placeholders_stay_and_their_spans_are_reported():
    text = "Kế hoạch {noi_dung} năm {nam} của {cap_tren}."
    filled = fill_placeholders(text, state_plan())
    assert filled.text == "Kế hoạch {noi_dung} năm 2026 của {cap_tren}."
    assert [filled.text[a:b] for a, b in filled.unfilled_spans] == ["{noi_dung}", "{cap_tren}"]


def test_no_plan_or_undated_plan_leaves_year_unfilled():
    plan = state_plan()
    plan.header.date = ""
    filled = fill_placeholders("năm {nam}", plan)
    assert filled.text == "năm {nam}" and filled.unfilled_spans == [(4, 9)]
    assert fill_placeholders("năm {nam}", None).text == "năm {nam}"


def test_year_from_summary_when_undated():
    plan = state_plan()
    plan.header.date = ""
    plan.summary = "Tuyên truyền kỷ niệm các ngày lễ lớn năm 2027"
    assert plan_values(plan)["nam"] == "2027"


def test_party_issuer_and_superior():
    plan = Plan(regime="party", header=Header(superior="ĐẢNG BỘ TỈNH THANH HÓA", issuer="ĐẢNG ỦY XÃ CẨM TÂN",
                                              date="2026-01-02"))
    values = plan_values(plan)
    assert values["co_quan"] == "Đảng ủy xã Cẩm Tân"
    assert values["cap_tren"] == "Đảng bộ tỉnh Thanh Hóa"
    assert values["dia_danh"] == "xã Cẩm Tân" and values["cap_xa"] == "xã"


def test_ward_issuer():
    plan = Plan(header=Header(issuer="ỦY BAN NHÂN DÂN\nPHƯỜNG HẠC THÀNH", date="2026-01-02"))
    assert plan_values(plan)["co_quan"] == "Ủy ban nhân dân phường Hạc Thành"
    assert plan_values(plan)["co_quan_ngan"] == "UBND phường"


def test_every_placeholder_of_the_bundled_library_has_a_name():
    used = {name for p in load_bundled() for name in placeholders_in(p.text)}
    assert used and used <= set(NAMES)
