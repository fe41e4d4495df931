"""Roll-over of units on plans made for these tests (not in the corpus): every district body in the
header, Nơi nhận and duties listed with a proposal; cited documents untouched; old units get their
successors; a plan written today gets nothing."""
from __future__ import annotations

import pytest

from kehoach_desktop.units.mentions import (KIND_DISTRICT_BODY, KIND_OLD_PROVINCE, KIND_OLD_UNIT, PART_CITED,
                                            apply_unit_changes, find_unit_mentions, is_cited)

from . import plans


def by_where(mentions, where):
    return [m for m in mentions if m.where == where]


def test_every_district_body_outside_citations_has_a_proposal():
    for make in (plans.party_ha_giang_2023, plans.state_nghe_an_2024):
        mentions = find_unit_mentions(make())
        bodies = [m for m in mentions if m.kind == KIND_DISTRICT_BODY]
        assert bodies
        for m in bodies:
            if m.part == PART_CITED:
                assert [o.label for o in m.options] == ["Giữ nguyên"], m
            else:
                assert len(m.options) >= 2 and m.options[-1].text is None, m  # a proposal, and "leave"
        parts = {m.where.split("[")[0].split(".")[0] for m in bodies if m.part != PART_CITED}
        assert {"header", "recipients", "sections"} <= parts


def test_cited_documents_keep_their_issuer():
    plan = plans.party_ha_giang_2023()
    mentions = find_unit_mentions(plan)
    for m in mentions:  # even if the user chose everything offered
        m.choice = 0
    new = apply_unit_changes(plan, mentions)
    assert new.preamble[0] == plan.preamble[0] and new.preamble[1] == plan.preamble[1]
    assert "Huyện ủy Đồng Văn" in new.preamble[0]


def test_header_place_and_recipients_of_a_merged_commune_in_an_old_province():
    plan = plans.party_ha_giang_2023()
    new = apply_unit_changes(plan, find_unit_mentions(plan))  # the defaults of the review
    assert new.header.superior == "ĐẢNG BỘ TỈNH TUYÊN QUANG"
    assert new.header.issuer == "ĐẢNG ỦY XÃ LŨNG CÚ"
    assert new.header.place == "Lũng Cú"
    assert new.recipients == ["- Các chi bộ;", "- Lưu Văn phòng Đảng ủy."]
    assert new.preamble[2] == "Ban Thường vụ Đảng ủy xã Lũng Cú, tỉnh Tuyên Quang xây dựng Kế hoạch như sau:"
    # duties are the user's choice: proposed, not applied by default
    duty = new.sections[1].content[0]
    assert duty == plan.sections[1].content[0]
    police = [m for m in find_unit_mentions(plan) if m.text == "Công an huyện Đồng Văn"][0]
    assert [o.text for o in police.options] == ["Công an tỉnh Tuyên Quang", "Công an xã Lũng Cú", None]


def test_a_divided_commune_offers_each_successor_and_the_user_chooses():
    plan = plans.state_nghe_an_2024()
    mentions = find_unit_mentions(plan)
    issuer = by_where(mentions, "header.issuer")[0]
    assert issuer.kind == KIND_OLD_UNIT and issuer.chosen.text is None  # not decided for the user
    assert [o.text for o in issuer.options] == ["XÃ VĨNH TƯỜNG", "XÃ VĂN HIẾN", None]
    issuer.choice = 1
    place = by_where(mentions, "header.place")[0]
    place.choice = 1
    new = apply_unit_changes(plan, mentions)
    assert new.header.issuer == "ỦY BAN NHÂN DÂN XÃ VĂN HIẾN" and new.header.place == "Văn Hiến"
    assert new.header.superior == ""  # a commune's People's Committee has no district above it
    assert new.recipients == ["- Ủy ban MTTQ Việt Nam xã;", "- Lưu: VT, VHXH."]


def test_a_recipient_can_become_the_provincial_body_instead():
    plan = plans.state_nghe_an_2024()
    mentions = find_unit_mentions(plan)
    ubnd = by_where(mentions, "recipients[0]")[0]
    ubnd.choice = [o.text for o in ubnd.options].index("UBND tỉnh Nghệ An")
    phong = by_where(mentions, "recipients[1]")[0]
    phong.choice = len(phong.options) - 1  # leave it
    new = apply_unit_changes(plan, mentions)
    assert new.recipients[:2] == ["- UBND tỉnh Nghệ An (b/c);", "- Phòng Văn hóa và Thông tin huyện;"]


def test_old_province_and_thi_tran():
    plan = plans.state_quang_nam_2022()
    mentions = find_unit_mentions(plan)
    new = apply_unit_changes(plan, mentions)
    assert new.header.issuer == "ỦY BAN NHÂN DÂN XÃ ĐẠI LỘC" and new.header.place == "Đại Lộc"
    assert new.recipients[0] == "- UBND thành phố Đà Nẵng (b/c);"
    assert new.preamble[0] == plan.preamble[0]  # the cited plan of UBND tỉnh Quảng Nam stays
    assert [m.kind for m in mentions if m.where == "recipients[0]"] == [KIND_OLD_PROVINCE]


def test_a_plan_written_today_has_only_its_cited_history():
    mentions = find_unit_mentions(plans.state_lam_dong_2026())
    assert [(m.where, m.part) for m in mentions] == [("preamble[0]", PART_CITED)]


def test_a_text_changed_since_the_review_is_left_alone():
    plan = plans.party_ha_giang_2023()
    mentions = find_unit_mentions(plan)
    plan.header.issuer = "ĐẢNG ỦY XÃ KHÁC"
    assert apply_unit_changes(plan, mentions).header.issuer == "ĐẢNG ỦY XÃ KHÁC"


@pytest.mark.parametrize("text, start_word, cited", [
    ("Căn cứ Kế hoạch số 105/KH-UBND ngày 12/5/2021 của UBND huyện Yên Thành;", "UBND", True),
    ("Thực hiện Hướng dẫn của Ban Tuyên giáo Huyện ủy;", "Ban", True),
    ("Báo cáo kết quả về UBND huyện trước ngày 30/4.", "UBND", False),
    ("Thực hiện Kế hoạch số 5/KH-UBND, UBND huyện Yên Thành chỉ đạo", "UBND", False),
    ("Căn cứ Quyết định số 12/QĐ-UBND; Phòng Văn hóa huyện hướng dẫn", "Phòng", False),
])
def test_what_counts_as_a_cited_document(text, start_word, cited):
    assert is_cited(text, text.rindex(start_word)) is cited


@pytest.mark.parametrize("text", [
    "Ban Chỉ huy Quân sự xã phối hợp", "công tác xã hội hóa", "các xã, phường trên địa bàn tỉnh",
    "UBND thành phố Hà Nội", "Thành ủy Hồ Chí Minh", "Đảng ủy Quân sự tỉnh", "Phòng, chống thiên tai",
])
def test_no_false_mentions(text):
    from kehoach_desktop.plan.model import Plan, Section

    plan = Plan(sections=[Section("Nhiệm vụ", [text])])
    assert find_unit_mentions(plan) == []


@pytest.mark.parametrize("text, expected", [
    ("HỘI LHPN HUYỆN YÊN THÀNH", ["HỘI LHPN HUYỆN YÊN THÀNH"]),
    ("UBND HUYỆN QUỲNH LƯU TỈNH NGHỆ AN", ["UBND HUYỆN QUỲNH LƯU"]),
    ("Thành ủy Thanh Hóa chỉ đạo", ["Thành ủy Thanh Hóa"]),  # a city that was a district
    ("Quận ủy Ba Đình", ["Quận ủy Ba Đình"]),
    ("Văn phòng HĐND và UBND huyện tổng hợp", ["Văn phòng HĐND và UBND huyện"]),
])
def test_district_bodies_are_read_whole(text, expected):
    from kehoach_desktop.plan.model import Plan, Section

    plan = Plan(sections=[Section("Nhiệm vụ", [text])])
    assert [m.text for m in find_unit_mentions(plan)] == expected


def test_a_congress_of_a_district_committee_is_history():
    from kehoach_desktop.plan.model import Plan, Section

    plan = Plan(sections=[Section("Nhiệm vụ", ["Triển khai Nghị quyết Đại hội Đảng bộ tỉnh, Đại hội Đảng bộ huyện."])])
    assert [m.part for m in find_unit_mentions(plan)] == [PART_CITED]


def test_accents_tell_names_apart():
    """Đông Sơn is not Đồng Sơn: folding finds both, the written accents choose."""
    from kehoach_desktop.plan.model import Header, Plan
    from kehoach_desktop.units.index import current_index, same_name

    found = current_index().old_by_name["dong son"]
    assert {u.bare for u in same_name(found, "Đồng Sơn")} == {"Đồng Sơn"}
    assert {u.bare for u in same_name(found, "dong son")} == {"Đồng Sơn", "Đông Sơn"}
    assert {u.bare for u in same_name(current_index().province_by_name["thanh hoa"], "Thanh Hoá")} >= {"Thanh Hóa"}

    plan = Plan(header=Header(issuer="ỦY BAN NHÂN DÂN XÃ ĐỒNG SƠN", place="Đồng Sơn"),
                preamble=["Ủy ban nhân dân xã Đồng Sơn, tỉnh Phú Thọ ban hành Kế hoạch như sau:"])
    issuer = [m for m in find_unit_mentions(plan) if m.where == "header.issuer"][0]
    assert [o.text for o in issuer.options] == ["XÃ LAI ĐỒNG", None]
