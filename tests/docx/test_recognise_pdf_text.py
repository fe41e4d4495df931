"""Text as a PDF reader gives it: a header and a foot laid out in columns come out piece by piece."""
from __future__ import annotations

import json

import pytest

from kehoach_desktop.docx.recognise import recognise_text

from .test_recognise_paste import HEAD, ROOT, SAMPLES, _plan, _texts


# ---- what a PDF reader gives for a header and foot laid out in columns ----------------------
def _header(text: str):
    return recognise_text(text + "\nKẾ HOẠCH\nTổ chức ngày hội năm 2026\nI. MỤC ĐÍCH\nTổ chức trang trọng.\n").plan


def test_rule_glued_to_the_next_line_is_dropped():
    plan = _plan("----Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;\nI. MỤC ĐÍCH\nTổ chức trang trọng.\n",
                 head=HEAD)
    assert plan.summary == "TỔ CHỨC NGÀY HỘI ĐẠI ĐOÀN KẾT TOÀN DÂN TỘC NĂM 2026"
    assert plan.preamble == ["Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;"]


def test_motto_pieces_out_of_order_are_not_bodies():
    plan = _header("HỘI LHPN TỈNH NGHỆ AN\nNGHĨA VIỆT NAM\nCỘNG HÒA XÃ HỘI CHỦ\nBCH HỘI LHPN XÃ CÔNG THÀNH\nphúc\n"
                   "-------\nĐộc lập - Tự do - Hạnh\nSố: 08/KH-HPN\nCông Thành, ngày 9 tháng 01 năm 2026")
    assert (plan.header.superior, plan.header.issuer) == ("HỘI LHPN TỈNH NGHỆ AN", "BCH HỘI LHPN XÃ CÔNG THÀNH")
    assert plan.regime == "state"


def test_party_motto_cut_and_year_printed_before_its_date():
    plan = _header("ĐẢNG BỘ TỈNH QUẢNG TRỊ\nNAM\nĐẢNG CỘNG SẢN VIỆT\nĐẢNG ỦY XÃ PHONG NHA\n2026\n"
                   "Phong Nha, ngày 08 tháng 01 năm\n*\nSố 12 -KH/ĐU")
    assert (plan.header.superior, plan.header.issuer) == ("ĐẢNG BỘ TỈNH QUẢNG TRỊ", "ĐẢNG ỦY XÃ PHONG NHA")
    assert (plan.header.place, plan.header.date) == ("Phong Nha", "2026-01-08")
    assert plan.regime == "party"


def test_one_word_of_a_name_is_not_taken_for_the_motto_when_no_motto_is_cut():
    plan = _header("ỦY BAN NHÂN DÂN TỈNH QUẢNG\nNAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 5/KH-UBND")
    assert plan.header.issuer == "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM"


def test_year_cut_from_its_date_line():
    plan = _header("ỦY BAN NHÂN DÂN\nXÃ ĐÔNG SƠN\nSố: 21/KH-UBND\nĐông Sơn, ngày 03 tháng 3 năm\n2026")
    assert (plan.header.place, plan.header.date) == ("Đông Sơn", "2026-03-03")


def test_blank_number_and_blank_date_cut_by_a_pdf():
    plan = _header("ỦY BAN NHÂN DÂN\nXÃ QUANG ĐỒNG\n------Số:\n---------------\n/KH-UBND\n"
                   "Quang Đồng, ngày\ntháng\n2026\nnăm")
    assert (plan.header.number, plan.header.symbol) == ("", "KH-UBND")
    assert (plan.header.place, plan.header.date) == ("Quang Đồng", "")


def test_names_over_three_lines_split_where_the_issuer_starts():
    plan = _header("UBND HUYỆN THANH\nCHƯƠNG\nỦY BAN NHÂN DÂN\nXÃ THANH ĐỒNG\nSố: 45/KH-UBND")
    assert (plan.header.superior, plan.header.issuer) == ("UBND HUYỆN THANH CHƯƠNG", "ỦY BAN NHÂN DÂN XÃ THANH ĐỒNG")


def test_lower_case_word_after_a_capitals_line_is_not_joined_to_it():
    assert _texts("BCH HỘI LHPN XÃ CÔNG THÀNH\nphúc") == ["BCH HỘI LHPN XÃ CÔNG THÀNH", "phúc"]


@pytest.mark.parametrize("foot, recipients, sig", [
    ("Nơi nhận:\n- Đảng ủy xã (b/c);\nT/M CHI BỘ\nBÍ THƯ\n- Đảng viên trong chi bộ;\n- Lưu chi bộ.\nNguyễn Thị Hằng",
     ["Đảng ủy xã (b/c)", "Đảng viên trong chi bộ", "Lưu chi bộ"], ("T/M", "CHI BỘ", "", "BÍ THƯ", "Nguyễn Thị Hằng")),
    ("Nơi nhận:\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\n- UBND tỉnh (b/c);\nPHÓ CHỦ TỊCH\n- Các xóm;\n- Lưu: VT.\n"
     "Phan Đình Tuấn", ["UBND tỉnh (b/c)", "Các xóm", "Lưu: VT"],
     ("TM.", "ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phan Đình Tuấn")),
    ("Nơi nhận:\nTL. CHỦ TỊCH\n- Như trên;\nCHÁNH VĂN PHÒNG\n- Ban Chỉ huy PCTT và TKCN tỉnh\n(b/c);\n- Lưu: VT.\n"
     "Phạm Văn Đông", ["Như trên", "Ban Chỉ huy PCTT và TKCN tỉnh (b/c)", "Lưu: VT"],
     ("TL.", "CHỦ TỊCH", "", "CHÁNH VĂN PHÒNG", "Phạm Văn Đông")),
])
def test_foot_columns_run_line_by_line(foot, recipients, sig):
    plan = _plan("I. MỤC ĐÍCH\nTổ chức trang trọng.\n", foot=foot)
    assert plan.recipients == recipients
    s = plan.signature
    assert (s.authority, s.collective, s.deputy, s.position, s.name) == sig


# ---- whole plans as a PDF reader gives them (fixtures written to PDF, text taken out) -------
def _outline(sections, depth=0):
    titles, paragraphs = [], []
    for section in sections:
        titles.append((depth, section["title"]))
        for item in section["content"]:
            if isinstance(item, dict):
                sub_titles, sub_paragraphs = _outline([item], depth + 1)
                titles += sub_titles
                paragraphs += sub_paragraphs
            else:
                paragraphs.append(item)
    return titles, paragraphs


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.pdf.txt")), ids=lambda p: p.name)
def test_text_from_a_pdf_gives_the_plan(path):
    name = path.name.split(".")[0]
    expected = json.loads((ROOT / "tests" / "fixtures" / "plans" / f"{name}.docx-expected.json").read_text("utf-8"))
    got = recognise_text(path.read_text(encoding="utf-8")).plan.to_dict()
    for key in ("regime", "header", "summary", "preamble", "closing", "recipients", "signature"):
        assert got[key] == expected[key], key
    assert _outline(got["sections"])[0] == _outline(expected["sections"])[0]
    assert _outline(got["sections"])[1] == _outline(expected["sections"])[1]
