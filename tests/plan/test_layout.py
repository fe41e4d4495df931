"""The layout rules as data: every regime has every rule, with its source."""
import dataclasses

from kehoach_desktop.plan.layout import PARTY, RULES, STATE, rules_for, split_body_name


def test_both_regimes_name_their_source():
    assert "30/2020/NĐ-CP" in STATE.source and "36-HD/VPTW" in PARTY.source


def test_every_rule_is_filled_for_both_regimes():
    for rules in RULES.values():
        for f in dataclasses.fields(rules):
            value = getattr(rules, f.name)
            if f.name in ("motto", "motto_style", "end_mark", "issuer_line_fraction", "summary_line_fraction"):
                continue
            assert value not in (None, "", ()), f.name


def test_we_write_values_from_the_spec():
    assert (STATE.page.margin_top_mm, STATE.page.margin_bottom_mm, STATE.page.margin_left_mm,
            STATE.page.margin_right_mm) == (20, 20, 30, 15)
    assert STATE.national_title_style.size == 12 and STATE.motto_style.size == 13
    assert PARTY.national_title_style.size == 15 and PARTY.superior_style.size == 14
    assert STATE.body.paragraph.size == 14 and STATE.body.first_line_indent_mm == 10
    assert STATE.recipients_label_style.bold and STATE.recipients_label_style.italic
    assert PARTY.recipients_label_style.underline and not PARTY.recipients_label_style.bold
    assert STATE.position_style.bold and not PARTY.position_style.bold


def test_unknown_regime_falls_back_to_state():
    assert rules_for("x") is STATE and rules_for("party") is PARTY


def test_body_names_break_at_natural_places():
    assert split_body_name("ỦY BAN NHÂN DÂN XÃ CẨM TÂN") == ["ỦY BAN NHÂN DÂN", "XÃ CẨM TÂN"]
    assert split_body_name("ĐẢNG ỦY KHỐI CƠ QUAN - DOANH NGHIỆP") == ["ĐẢNG ỦY KHỐI CƠ QUAN -", "DOANH NGHIỆP"]
    assert split_body_name("UBND HUYỆN CẨM THỦY") == ["UBND HUYỆN CẨM THỦY"]
    assert split_body_name("") == []
