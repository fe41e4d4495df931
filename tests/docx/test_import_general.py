"""The importer on plans it was not written against (tests/fixtures/plans), and its general rules.

The fixtures are made by tests/fixtures/make_plans.py from plan descriptions
that vary what the shared corpus does not: kinds of plan, bodies after and
before 2025, number lines, numbering styles, signatures, header and foot
typed in tables, with tabs, as pasted text.
"""
import json
from pathlib import Path

import docx
import pytest

from kehoach_desktop.docx.handtyped import Line
from kehoach_desktop.docx.recognise import recognise_docx, recognise_lines, recognise_text
from kehoach_desktop.docx.recognise_body import parse_label
from kehoach_desktop.docx.recognise_header import recognise_header

from ..conftest import import_scorer

PLANS = Path(__file__).resolve().parent.parent / "fixtures" / "plans"
INPUTS = sorted(PLANS.glob("*.txt")) + sorted(PLANS.glob("*.docx"))


def _score_fn():
    return import_scorer()


def _expected(path):
    name = path.name.split(".")[0]
    suffix = "expected.json" if path.suffix == ".txt" else "docx-expected.json"
    return json.loads((PLANS / f"{name}.{suffix}").read_text(encoding="utf-8"))


def _mean(path, score):
    if path.suffix == ".txt":
        plan = recognise_text(path.read_text(encoding="utf-8")).plan
    else:
        plan = recognise_docx(docx.Document(str(path))).plan
    fields = score(_expected(path), plan.to_dict())
    return sum(fields.values()) / len(fields), fields


def test_fixture_corpus_is_big_enough():
    names = {p.name.split(".")[0] for p in INPUTS}
    assert len(names) >= 8
    assert len(INPUTS) >= 40


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_each_new_plan_scores_above_0_9(path):
    mean, fields = _mean(path, _score_fn())
    low = {k: round(v, 2) for k, v in fields.items() if v < 1}
    assert mean > 0.9, f"{path.name}: {mean:.3f} {low}"


def test_mean_over_new_plans_at_least_0_95():
    score = _score_fn()
    means = [_mean(path, score)[0] for path in INPUTS]
    assert sum(means) / len(means) >= 0.95


@pytest.mark.parametrize("source", sorted(PLANS.glob("*.source.json")), ids=lambda p: p.name)
def test_expected_files_follow_their_source(source):
    """The committed expectations are the plan of the source (make_plans.py was re-run)."""
    plan = json.loads(source.read_text(encoding="utf-8"))["plan"]
    name = source.name.split(".")[0]
    expected = json.loads((PLANS / f"{name}.docx-expected.json").read_text(encoding="utf-8"))
    assert {k: expected[k] for k in plan} == plan


# ---- the general rules, on small crafted inputs -------------------------------------------------

def _lines(*texts, **hints):
    return [Line(t, **hints) for t in texts]


def test_summary_may_start_like_a_preamble():
    text = ("KẾ HOẠCH\nThực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2026\n\n"
            "Căn cứ Nghị quyết số 25/NQ-HĐND ngày 25/12/2025 của HĐND xã;\n\nI. MỤC TIÊU\nNội dung.\n")
    plan = recognise_text(text).plan
    assert plan.summary == "Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2026"
    assert plan.preamble == ["Căn cứ Nghị quyết số 25/NQ-HĐND ngày 25/12/2025 của HĐND xã;"]


def test_a_lead_in_sentence_under_the_title_is_still_preamble():
    text = "KẾ HOẠCH\nThực hiện Kế hoạch số 05/KH-UBND của UBND tỉnh, UBND xã ban hành Kế hoạch như sau:\n\nI. MỤC TIÊU\nx.\n"
    plan = recognise_text(text).plan
    assert plan.summary == ""
    assert plan.preamble[0].startswith("Thực hiện Kế hoạch số 05")


def test_undated_line_with_wide_blanks_keeps_its_place():
    facts = recognise_header(_lines("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                    "Số:       /KH-UBND\tQuang Đồng, ngày      tháng      năm 2026"))
    assert (facts.number, facts.symbol, facts.place, facts.date) == ("", "KH-UBND", "Quang Đồng", "")
    assert facts.date_line


def test_mass_organisation_heading_is_not_a_body():
    table = [Line("BCH ĐOÀN TỈNH NINH BÌNH", table=(0, 0, 0)), Line("BCH ĐOÀN XÃ GIA VIỄN", table=(0, 0, 0)),
             Line("Số: 03-KH/ĐTN", table=(0, 0, 0)), Line("ĐOÀN TNCS HỒ CHÍ MINH", table=(0, 0, 1)),
             Line("Gia Viễn, ngày 20 tháng 02 năm 2026", table=(0, 0, 1))]
    facts = recognise_header(table)
    assert (facts.superior, facts.issuer) == ("BCH ĐOÀN TỈNH NINH BÌNH", "BCH ĐOÀN XÃ GIA VIỄN")


def test_right_half_names_are_not_bodies_when_the_left_half_has_them():
    flat = _lines("HỘI NÔNG DÂN TỈNH X\t\tHỘI NÔNG DÂN VIỆT NAM", "BAN CHẤP HÀNH XÃ Y\t\t",
                  "Số 04-KH/HND\t\tY, ngày 02 tháng 3 năm 2026")
    facts = recognise_header(flat)
    assert (facts.superior, facts.issuer) == ("HỘI NÔNG DÂN TỈNH X", "BAN CHẤP HÀNH XÃ Y")


@pytest.mark.parametrize("typed,title", [("PHẦN I. ĐÁNH GIÁ NĂM 2025", "ĐÁNH GIÁ NĂM 2025"),
                                         ("Phần II: NHIỆM VỤ NĂM 2026", "NHIỆM VỤ NĂM 2026"),
                                         ("PHẦN THỨ HAI - GIẢI PHÁP", "GIẢI PHÁP")])
def test_part_labels(typed, title):
    assert parse_label(typed) == ("P.", title)


def test_part_words_that_are_not_labels():
    assert parse_label("Phần việc của các thôn") is None
    assert parse_label("Phần lễ") is None


def test_parts_hold_numbered_sections():
    text = ("KẾ HOẠCH\nPhòng, chống thiên tai năm 2026\n\nPHẦN I. ĐÁNH GIÁ\nNăm 2025 có 02 đợt mưa lớn.\n"
            "PHẦN II. NHIỆM VỤ\n1. Chuẩn bị\nKiện toàn Ban Chỉ huy.\n2. Ứng phó\nBốn tại chỗ.\n")
    plan = recognise_text(text).plan
    assert [s.title for s in plan.sections] == ["ĐÁNH GIÁ", "NHIỆM VỤ"]
    assert [s.title for s in plan.sections[1].subsections] == ["Chuẩn bị", "Ứng phó"]


def test_page_break_after_a_semicolon_joins_the_clause():
    text = ("KẾ HOẠCH\nTổ chức Ngày hội\n\nI. MỤC ĐÍCH\n- Kỷ niệm 94 năm Ngày thành lập Mặt trận;\n\n"
            "tăng cường khối đại đoàn kết.\n- Ngày hội trang trọng.\n")
    plan = recognise_text(text).plan
    assert plan.sections[0].content == ["- Kỷ niệm 94 năm Ngày thành lập Mặt trận; tăng cường khối đại đoàn kết.",
                                        "- Ngày hội trang trọng."]


@pytest.mark.parametrize("lines,expected", [
    (["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "(Đã ký)", "Phạm Văn Đông"],
     ("TL.", "CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Phạm Văn Đông")),
    (["TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH", "Phạm Văn Đông"],
     ("TM.", "ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH", "Phạm Văn Đông")),
    (["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Võ Thị Hoài"], ("KT.", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Võ Thị Hoài")),
    (["T/M BAN CHẤP HÀNH", "BÍ THƯ", "LÊ THỊ MAI"], ("T/M", "BAN CHẤP HÀNH", "BÍ THƯ", "LÊ THỊ MAI")),
])
def test_signatures(lines, expected):
    body = ["KẾ HOẠCH", "Tuyên truyền năm 2026", "I. MỤC ĐÍCH", "Nội dung.", "Nơi nhận:", "- Lưu: VT."]
    plan = recognise_lines(_lines(*body) + _lines(*lines, indent=4800)).plan
    s = plan.signature
    assert (s.authority, s.collective, s.position, s.name) == expected
    assert plan.recipients == ["Lưu: VT"]


def test_foot_typed_with_tabs():
    body = ["KẾ HOẠCH", "Tuyên truyền năm 2026", "I. MỤC ĐÍCH", "Nội dung.",
            "Nơi nhận:\t\tKT. CHỦ TỊCH", "- Như trên;\t\tPHÓ CHỦ TỊCH", "- Lưu: VT.", "HNT.(95)",
            "\t\tVõ Thị Hoài"]
    plan = recognise_lines(_lines(*body)).plan
    assert plan.recipients == ["Như trên", "Lưu: VT"]
    assert (plan.signature.authority, plan.signature.position, plan.signature.name) == (
        "KT.", "PHÓ CHỦ TỊCH", "Võ Thị Hoài")
    assert (plan.typist, plan.copies) == ("HNT", 95)


def test_body_and_motto_on_one_line_pasted_from_a_web_page():
    facts = recognise_header(_lines("ỦY BAN NHÂN DÂN PHƯỜNG NAM SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                    "Độc lập - Tự do - Hạnh phúc",
                                    "Số: 40/KH-UBND Nam Sơn, ngày 12 tháng 02 năm 2026"))
    assert (facts.issuer, facts.motto, facts.number, facts.date) == (
        "ỦY BAN NHÂN DÂN PHƯỜNG NAM SƠN", "state", "40", "2026-02-12")
    party = recognise_header(_lines("ĐẢNG BỘ TỈNH QUẢNG TRỊ ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG ỦY XÃ PHONG NHA"))
    assert (party.superior, party.issuer, party.motto) == ("ĐẢNG BỘ TỈNH QUẢNG TRỊ", "ĐẢNG ỦY XÃ PHONG NHA", "party")


@pytest.mark.parametrize("typed,expected", [("1.2.Mặt hạn chế", ("1.1.", "Mặt hạn chế")),
                                            ("b- Nội dung tuyên truyền", ("a)", "Nội dung tuyên truyền")),
                                            ("1/ Mục đích", ("1.", "Mục đích")), ("1/2 số hộ", None),
                                            ("15/3 là ngày", None),
                                            ("1.2.2020 là năm", None), ("a-b cộng", None)])
def test_tight_labels(typed, expected):
    assert parse_label(typed) == expected


def test_page_number_between_halves_of_a_paragraph():
    text = ("KẾ HOẠCH\nHọc tập Nghị quyết\n\nI. MỤC ĐÍCH\nGiúp đảng viên nắm vững Nghị quyết, từ đó xây dựng\n\n"
            "- 2 -\n\nchương trình hành động phù hợp.\n")
    plan = recognise_text(text).plan
    assert plan.sections[0].content == [
        "Giúp đảng viên nắm vững Nghị quyết, từ đó xây dựng chương trình hành động phù hợp."]


def test_appendix_after_the_signature_is_left_out_with_a_note():
    text = ("KẾ HOẠCH\nHọc tập Nghị quyết\n\nI. MỤC ĐÍCH\nNội dung.\n\nNơi nhận:\n- Các chi bộ,\n"
            "- Lưu Văn phòng Đảng ủy.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Hữu Phước\n\nPHỤ LỤC\n"
            "DANH SÁCH BÁO CÁO VIÊN\n(Kèm theo Kế hoạch số     -KH/ĐU ngày     /01/2026)\n"
            "1. Đồng chí Lê Văn Hòa, Phó Bí thư.\n")
    result = recognise_text(text)
    s = result.plan.signature
    assert result.plan.recipients == ["Các chi bộ", "Lưu Văn phòng Đảng ủy"]
    assert (s.authority, s.collective, s.position, s.name) == ("T/M", "BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Hữu Phước")
    assert any("phụ lục" in note for note in result.notes)


@pytest.mark.parametrize("mark", ["DỰ THẢO", "DỰ THẢO LẦN 2", "MẬT", "KHẨN", "HỎA TỐC"])
def test_header_marks_name_no_body(mark):
    facts = recognise_header(_lines("ĐẢNG BỘ TỈNH NGHỆ AN", mark, "ĐẢNG ỦY XÃ YÊN THÀNH", "ĐẢNG CỘNG SẢN VIỆT NAM"))
    assert (facts.superior, facts.issuer) == ("ĐẢNG BỘ TỈNH NGHỆ AN", "ĐẢNG ỦY XÃ YÊN THÀNH")


def test_eth_typed_for_d_with_stroke():
    facts = recognise_header(_lines("ÐẢNG BỘ TỈNH NGHỆ AN", "ÐẢNG ỦY XÃ YÊN THÀNH", "ÐẢNG CỘNG SẢN VIỆT NAM"))
    assert (facts.superior, facts.issuer, facts.motto) == ("ĐẢNG BỘ TỈNH NGHỆ AN", "ĐẢNG ỦY XÃ YÊN THÀNH", "party")


def test_text_laid_out_like_a_pdf_dump():
    """Halves side by side, left half centred with spaces, foot in two columns (pdftotext -layout)."""
    text = ("      ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "       XÃ ĐÔNG SƠN\n"
            "         -------                        Độc lập - Tự do - Hạnh phúc\n"
            "   Số: 21/KH-UBND                     Đông Sơn, ngày 03 tháng 3 năm 2026\n\n"
            "                                   KẾ HOẠCH\n"
            "              Phòng, chống thiên tai năm 2026\n\nI. MỤC ĐÍCH\nNội dung.\n\n"
            "Nơi nhận:                                        TM. ỦY BAN NHÂN DÂN\n"
            "- Như trên;                                             CHỦ TỊCH\n- Lưu: VT.\n\n"
            "                                                   Lê Văn Tám\n")
    plan = recognise_text(text).plan
    h, s = plan.header, plan.signature
    assert (h.superior, h.issuer, h.number, h.place, h.date) == (
        "", "ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN", "21", "Đông Sơn", "2026-03-03")
    assert plan.summary == "Phòng, chống thiên tai năm 2026"
    assert plan.recipients == ["Như trên", "Lưu: VT"]
    assert (s.authority, s.collective, s.position, s.name) == ("TM.", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn Tám")


def test_page_break_before_a_capitalised_word():
    text = ("KẾ HOẠCH\nHọc tập Nghị quyết\n\nI. MỤC ĐÍCH\nGiúp cán bộ, đảng viên nắm vững tinh thần Nghị quyết của\n\n"
            "Ban Chấp hành Trung ương Đảng khóa XIII.\nNâng cao nhận thức về công tác\n\nNhiệm vụ năm 2026.\n")
    plan = recognise_text(text).plan
    assert plan.sections[0].content == [
        "Giúp cán bộ, đảng viên nắm vững tinh thần Nghị quyết của Ban Chấp hành Trung ương Đảng khóa XIII.",
        "Nâng cao nhận thức về công tác", "Nhiệm vụ năm 2026."]


def test_heading_ending_with_a_link_word_keeps_its_text_apart():
    text = "KẾ HOẠCH\nHọc tập Nghị quyết\n\nI. TỔ CHỨC\n2.2. Nhiệm vụ của\n\nTổ chức học tập.\n"
    plan = recognise_text(text).plan
    assert plan.sections[0].subsections[0].title == "Nhiệm vụ của"
    assert plan.sections[0].subsections[0].content == ["Tổ chức học tập."]
