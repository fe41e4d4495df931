"""Long body names break between words, in balanced lines, and stay whole where they fit
(issue 9, item 9). Names here are made up or from other provinces: not in the corpus."""
from __future__ import annotations

import os
import subprocess
import uuid

import pytest

from kehoach_desktop.plan.layout import PARTY, STATE, body_name_lines, split_body_name
from kehoach_desktop.plan.metrics import text_width_mm
from kehoach_desktop.plan.model import Plan
from kehoach_desktop.pages.blocks import page_blocks

from ..conftest import need_program
from ..docx.docx_facts import small_plan


def column_mm(rules) -> float:
    page = rules.page
    return (page.width_mm - page.margin_left_mm - page.margin_right_mm) * rules.header_columns[0] \
        - 2 * rules.spacing.table_cell_margin_mm


@pytest.mark.parametrize("name", ["ĐẢNG BỘ TỈNH BÌNH PHƯỚC", "ĐẢNG BỘ TỈNH ĐIỆN BIÊN", "ĐẢNG ỦY XÃ NA SANG",
                                  "CHI BỘ THÔN PHÚ THƯỢNG"])
def test_a_party_name_that_fits_the_45_percent_column_at_14_pt_stays_on_one_line(name):
    assert body_name_lines(name, PARTY, PARTY.superior_style) == [name]
    assert body_name_lines(name, PARTY, PARTY.issuer_style) == [name]


@pytest.mark.parametrize("rules,name", [
    (PARTY, "BAN TUYÊN GIÁO ĐẢNG ỦY KHỐI"),
    (PARTY, "BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY"),
    (PARTY, "BAN XÂY DỰNG ĐẢNG ĐẢNG ỦY XÃ MƯỜNG KHOA"),
    (PARTY, "ĐẢNG BỘ KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH ĐIỆN BIÊN"),
    (STATE, "ỦY BAN NHÂN DÂN PHƯỜNG HÒA KHÁNH NAM"),
    (STATE, "HỘI LIÊN HIỆP PHỤ NỮ XÃ TRÀ BỒNG"),
    (STATE, "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ XÃ MƯỜNG KHOA"),
])
def test_a_long_name_breaks_between_words_into_lines_that_fit_and_no_word_alone(rules, name):
    lines = body_name_lines(name, rules, rules.issuer_style)
    assert len(lines) >= 2 and " ".join(lines) == name
    style = rules.issuer_style
    assert all(text_width_mm(line, style.size, style.bold) <= column_mm(rules) for line in lines)
    assert all(" " in line for line in lines), lines  # never one word alone ("KHỐI")
    assert not any(line.endswith(" VÀ") for line in lines)


def test_balanced_lines_and_the_natural_places():
    assert body_name_lines("BAN TUYÊN GIÁO ĐẢNG ỦY KHỐI", PARTY, PARTY.issuer_style) == [
        "BAN TUYÊN GIÁO", "ĐẢNG ỦY KHỐI"]
    assert body_name_lines("ỦY BAN NHÂN DÂN PHƯỜNG HÒA KHÁNH NAM", STATE, STATE.issuer_style) == [
        "ỦY BAN NHÂN DÂN", "PHƯỜNG HÒA KHÁNH NAM"]
    assert split_body_name("ĐẢNG ỦY KHỐI CƠ QUAN - DOANH NGHIỆP TỈNH", 72, 14, True)[0].endswith(" -")
    # A break the user typed is kept; a name the width of a word stays as typed.
    assert body_name_lines("ĐẢNG BỘ\nTỈNH LAI CHÂU", PARTY, PARTY.superior_style) == ["ĐẢNG BỘ", "TỈNH LAI CHÂU"]
    assert split_body_name("ĐẶCBIỆTDÀIKHÔNGCÓKHOẢNGTRẮNG", 20) == ["ĐẶCBIỆTDÀIKHÔNGCÓKHOẢNGTRẮNG"]


def test_the_preview_uses_the_same_lines():
    plan = Plan.from_dict(small_plan("party", header={
        "superior": "ĐẢNG BỘ TỈNH BÌNH PHƯỚC", "issuer": "BAN TUYÊN GIÁO ĐẢNG ỦY KHỐI",
        "number": "3", "symbol": "KH/BTGĐUK", "place": "Đồng Xoài", "date": "2026-03-02"}))
    header = page_blocks(plan)[0]  # the printed page's header table, as the DOCX writes it
    texts = [p.text for p in header.rows[0].cells[0].paras]
    assert "ĐẢNG BỘ TỈNH BÌNH PHƯỚC" in texts
    assert "BAN TUYÊN GIÁO\nĐẢNG ỦY KHỐI" in texts


def test_the_printed_page_breaks_the_names_as_computed(tmp_path):
    """Through LibreOffice (Liberation Serif, the metrics of Times New Roman): the lines on paper."""
    need_program("soffice", "pdftotext")
    from kehoach_desktop.docx.writer import render_docx

    plan = Plan.from_dict(small_plan("party", header={
        "superior": "ĐẢNG BỘ TỈNH BÌNH PHƯỚC", "issuer": "BAN TUYÊN GIÁO ĐẢNG ỦY KHỐI",
        "number": "3", "symbol": "KH/BTGĐUK", "place": "Đồng Xoài", "date": "2026-03-02"}))
    path = tmp_path / "ten-dai.docx"
    path.write_bytes(render_docx(plan))
    profile = (tmp_path / f"lo-{uuid.uuid4().hex}").as_uri()
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={profile}", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=120,
                   env=dict(os.environ, HOME=str(tmp_path)))
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "ten-dai.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert any(line.startswith("ĐẢNG BỘ TỈNH BÌNH PHƯỚC") for line in lines)
    assert any(line.startswith("BAN TUYÊN GIÁO ") or line == "BAN TUYÊN GIÁO" for line in lines)
    assert any(line.startswith("ĐẢNG ỦY KHỐI") for line in lines)
    assert not any(line.startswith("KHỐI") for line in lines)
