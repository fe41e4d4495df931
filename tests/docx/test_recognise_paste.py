"""Text pasted from a PDF or a legal-document website, and the "TM. … / KT. …" double signature."""
from __future__ import annotations

import io
import textwrap
from pathlib import Path

import docx
import pytest
from docx.shared import Cm

from kehoach_desktop.docx.recognise import recognise_docx, recognise_text
from kehoach_desktop.docx.textinput import text_lines
from kehoach_desktop.docx.unwrap import blank_paragraphs, is_rule_line, wrap_width

SAMPLES = Path(__file__).parent / "paste_samples"
ROOT = Path(__file__).resolve().parents[2]
TYPED_TEXTS = sorted((ROOT / "tests" / "fixtures" / "plans").glob("*.txt")) + sorted(
    (ROOT.parent / "shared" / "corpus").glob("*.txt"))

HEAD = """ỦY BAN NHÂN DÂN
XÃ HÒA BÌNH
-------
|
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
|
Số: 12/KH-UBND
|
Hòa Bình, ngày 15 tháng 01 năm 2026
|
KẾ HOẠCH
TỔ CHỨC NGÀY HỘI ĐẠI ĐOÀN KẾT TOÀN DÂN TỘC NĂM 2026
"""
FOOT = """|
Nơi nhận:
- UBND tỉnh;
- Các thôn;
- Lưu: VT.
|
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
"""


def _plan(body: str, head: str = HEAD, foot: str = FOOT):
    return recognise_text(head + body + foot).plan


def _texts(text: str) -> list[str]:
    return [line.text for line in text_lines(text)]


# ---- rules drawn with characters ---------------------------------------------------
@pytest.mark.parametrize("line", ["|", " | ", "| |", "-------", "* * *", "___", "=====", "¦"])
def test_rule_lines_recognised(line):
    assert is_rule_line(line)


@pytest.mark.parametrize("line", ["- Các thôn;", "|Nơi nhận", "a", "1.", "I. MỤC ĐÍCH"])
def test_text_is_not_a_rule(line):
    assert not is_rule_line(line)


def test_lone_bars_are_not_paragraphs_nor_recipients():
    plan = _plan("I. MỤC ĐÍCH\nTổ chức trang trọng.\n|\nII. TỔ CHỨC THỰC HIỆN\nCác thôn thực hiện.\n")
    assert plan.sections[0].content == ["Tổ chức trang trọng."]
    assert plan.sections[1].content == ["Các thôn thực hiện."]
    assert plan.recipients == ["UBND tỉnh", "Các thôn", "Lưu: VT"]
    assert plan.header.issuer == "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH"
    assert (plan.header.number, plan.header.symbol) == ("12", "KH-UBND")


def test_rule_line_acts_as_a_paragraph_break():
    assert _texts("Các thôn thực hiện\n-----\nrồi báo cáo.") == ["Các thôn thực hiện", "rồi báo cáo."]


# ---- the header cut over lines -------------------------------------------------------
def test_national_title_cut_in_two_is_the_motto_not_the_issuer():
    head = HEAD.replace("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM")
    plan = _plan("I. MỤC ĐÍCH\nTổ chức trang trọng.\n", head=head)
    assert plan.header.issuer == "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH"
    assert plan.header.superior == ""
    assert plan.regime == "state"


@pytest.mark.parametrize("cut", ["Hòa Bình, ngày\n15 tháng 01 năm 2026", "Hòa Bình, ngày 15 tháng\n01 năm 2026"])
def test_date_cut_over_two_lines(cut):
    head = HEAD.replace("Hòa Bình, ngày 15 tháng 01 năm 2026", cut)
    plan = _plan("I. MỤC ĐÍCH\nTổ chức trang trọng.\n", head=head)
    assert (plan.header.place, plan.header.date) == ("Hòa Bình", "2026-01-15")


def test_date_cut_in_a_table_cell_of_a_docx():
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].add_run("ỦY BAN NHÂN DÂN")
    left.add_paragraph("XÃ HÒA BÌNH")
    left.add_paragraph("Số: 12/KH-UBND")
    right.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI")
    for text in ("CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hòa Bình, ngày", "15 tháng 01 năm 2026"):
        right.add_paragraph(text)
    for text in ("KẾ HOẠCH", "Tổ chức ngày hội năm 2026", "I. MỤC ĐÍCH", "Tổ chức trang trọng."):
        document.add_paragraph(text)
    plan = recognise_docx(_reopen(document)).plan
    assert (plan.header.place, plan.header.date) == ("Hòa Bình", "2026-01-15")
    assert plan.header.issuer == "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH"


# ---- hard wraps ------------------------------------------------------------------------
PARAGRAPH = ("Ủy ban nhân dân xã chỉ đạo các thôn, các cơ quan, đơn vị trên địa bàn xã tổ chức Ngày hội "
             "Đại đoàn kết toàn dân tộc ở khu dân cư bảo đảm thiết thực, tiết kiệm, hiệu quả; Mặt trận Tổ "
             "quốc xã chủ trì, phối hợp với các đoàn thể vận động Nhân dân tham gia. Ban công tác Mặt trận "
             "các thôn báo cáo kết quả về Ủy ban nhân dân xã trước ngày 20 tháng 11 năm 2026.")


def test_wrapped_text_is_detected_and_typed_text_is_not():
    wrapped = textwrap.fill(PARAGRAPH, 78).split("\n") * 2
    assert 70 <= wrap_width(wrapped) <= 78
    assert wrap_width([PARAGRAPH, "I. MỤC ĐÍCH", PARAGRAPH, PARAGRAPH]) == 0
    assert wrap_width(["1. Mục đích", "Tổ chức trang trọng", "2. Yêu cầu"]) == 0


def test_wrapped_paragraph_unwrapped_even_where_a_line_starts_with_a_capital():
    # a width where a printed line starts with a capital ("Mặt trận", "Ủy ban"): the case of this test
    wrapped = next(w for w in (textwrap.fill(PARAGRAPH, n) for n in range(70, 90))
                   if any(line[:1].isupper() for line in w.split("\n")[1:]))
    body = "I. TỔ CHỨC THỰC HIỆN\n" + wrapped + "\n"
    plan = _plan(body)
    assert plan.sections[0].content == [PARAGRAPH]


@pytest.mark.parametrize("width", [66, 78, 90])
def test_wrapped_items_stay_apart(width):
    items = ["1. Mục đích", "- " + PARAGRAPH, "+ " + PARAGRAPH, "a) " + PARAGRAPH]
    body = "I. MỤC ĐÍCH, YÊU CẦU\n" + "\n".join(textwrap.fill(t, width) for t in items) + "\n"
    section = _plan(body).sections[0].content[0]
    assert section.title == "Mục đích"
    assert section.content[0] == "- " + PARAGRAPH
    assert section.content[1] == "+ " + PARAGRAPH
    assert section.content[2].title == PARAGRAPH


def test_new_items_are_never_joined_to_a_wrapped_line():
    long = "Các cơ quan, đơn vị, các thôn trên địa bàn xã tổ chức quán triệt và triển khai thực hiện"
    filler = textwrap.fill(PARAGRAPH, len(long)) + "\n"
    for start in ("Căn cứ Luật Tổ chức chính quyền địa phương;", "Thực hiện Kế hoạch số 5/KH-UBND;",
                  "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "- Các thôn;", "2. Yêu cầu"):
        lines = _texts(filler + long + "\n" + start)
        assert lines[-1] == start, start
        assert lines[-2].endswith("thực hiện")


def test_word_cut_at_its_hyphen_is_joined_whole():
    text = textwrap.fill(PARAGRAPH, 78) + "\n" + (
        "Thông tin, tuyên truyền về những vấn đề cốt lõi của Nghị quyết số 58-\n"
        "NQ/TW của Bộ Chính trị để cán bộ, đảng viên và Nhân dân nhận thức đầy đủ.")
    assert _texts(text)[-1] == ("Thông tin, tuyên truyền về những vấn đề cốt lõi của Nghị quyết số "
                                "58-NQ/TW của Bộ Chính trị để cán bộ, đảng viên và Nhân dân nhận thức đầy đủ.")


def test_sentence_cut_at_a_spaced_dash_is_joined():
    text = textwrap.fill(PARAGRAPH, 80) + "\n" + (
        "Trên đây là Kế hoạch thực hiện nhiệm vụ phát triển kinh tế - xã hội, quốc phòng\n"
        "- an ninh năm 2026 của Ủy ban nhân dân xã./.")
    assert _texts(text)[-1].endswith("quốc phòng - an ninh năm 2026 của Ủy ban nhân dân xã./.")


def test_document_number_at_a_line_start_is_not_a_label():
    plan = _plan("Thực hiện Nghị quyết số\n58-NQ/TW ngày 05/8/2020 của Bộ Chính trị, Ủy ban nhân dân xã ban hành"
                 " Kế hoạch như sau:\nI. MỤC ĐÍCH\nTổ chức trang trọng.\n")
    assert plan.preamble == ["Thực hiện Nghị quyết số 58-NQ/TW ngày 05/8/2020 của Bộ Chính trị, Ủy ban nhân dân"
                             " xã ban hành Kế hoạch như sau:"]
    assert [s.title for s in plan.sections] == ["MỤC ĐÍCH"]


def test_blank_lines_part_paragraphs_so_a_line_ending_with_a_full_stop_may_go_on():
    first = ("Tổ chức các hoạt động văn hóa, văn nghệ, thể dục thể thao tại các thôn. Các thôn chủ động\n"
             "chọn ngày tổ chức phù hợp, báo cáo về Ủy ban nhân dân xã trước ngày 10 tháng 11 năm.\n"
             "Kinh phí do các thôn tự cân đối từ nguồn xã hội hóa và ngân sách xã hỗ trợ theo quy định.\n")
    body = "\n".join(["I. NỘI DUNG", "", first, textwrap.fill(PARAGRAPH, 88), "", "II. KINH PHÍ", "",
                      textwrap.fill(PARAGRAPH, 88), ""])
    lines = [(t, False) for t in body.split("\n") if t]
    assert wrap_width([t for t, _ in lines]) > 0
    plan = _plan(body)
    assert plan.sections[0].content == [" ".join(first.split()), PARAGRAPH]
    assert not blank_paragraphs([("Một câu.", False), ("Hai câu.", False), ("Ba câu.", False)])


@pytest.mark.parametrize("path", TYPED_TEXTS, ids=lambda p: p.name)
def test_real_plans_hard_wrapped_import_as_typed(path):
    """Typed plans wrapped as a PDF would print them give the same plan as the typed text."""
    text = path.read_text(encoding="utf-8")
    expected = recognise_text(text).plan.to_dict()
    for width in (72, 84):
        wrapped = "\n".join(textwrap.fill(line, width) if line.strip() else line for line in text.split("\n"))
        assert recognise_text(wrapped).plan.to_dict() == expected, width


# ---- wrapped headings ----------------------------------------------------------------
@pytest.mark.parametrize("first, second, title", [
    ("I. MỤC ĐÍCH,", "YÊU CẦU", "MỤC ĐÍCH, YÊU CẦU"),
    ("II. NỘI DUNG VÀ", "HÌNH THỨC TUYÊN TRUYỀN", "NỘI DUNG VÀ HÌNH THỨC TUYÊN TRUYỀN"),
    ("III. THỜI GIAN, ĐỊA ĐIỂM -", "THÀNH PHẦN", "THỜI GIAN, ĐỊA ĐIỂM - THÀNH PHẦN"),
])
def test_wrapped_heading_joined(first, second, title):
    plan = _plan(f"{first}\n{second}\n1. Mục đích\nTổ chức trang trọng.\n")
    assert plan.sections[0].title == title
    assert plan.sections[0].content[0].title == "Mục đích"


def test_heading_not_cut_keeps_its_next_line():
    plan = _plan("I. MỤC ĐÍCH\nTỔ CHỨC TRANG TRỌNG, TIẾT KIỆM.\n")
    assert plan.sections[0].title == "MỤC ĐÍCH"


def test_preamble_cut_after_so_joined():
    plan = _plan("Thực hiện Nghị định số\n27/2022/NĐ-CP ngày 19/4/2022 của Chính phủ, Ủy ban nhân dân xã ban hành"
                 " Kế hoạch như sau:\nI. MỤC ĐÍCH\nTổ chức trang trọng.\n")
    assert len(plan.preamble) == 1 and plan.preamble[0].startswith("Thực hiện Nghị định số 27/2022/NĐ-CP")


# ---- the two samples from real public plans --------------------------------------------
def test_sample_quang_nam():
    result = recognise_text((SAMPLES / "qn.txt").read_text(encoding="utf-8"))
    plan = result.plan
    assert (plan.header.issuer, plan.header.number, plan.header.symbol) == (
        "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM", "4544", "KH-UBND")
    assert (plan.header.place, plan.header.date) == ("Quảng Nam", "2023-07-13")
    assert plan.summary == ("GIÁM SÁT, ĐÁNH GIÁ THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG "
                            "TRÊN ĐỊA BÀN TỈNH QUẢNG NAM NĂM 2023")
    assert len(plan.preamble) == 1
    assert plan.preamble[0].startswith("Thực hiện Nghị định số 27/2022/NĐ-CP ngày 19/4/2022 của Chính phủ")
    assert plan.preamble[0].endswith("(sau đây gọi tắt là Chương trình) như sau:")
    assert [s.title for s in plan.sections] == ["MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"]
    purpose, demands = plan.sections[0].content
    assert purpose.title == "Mục đích" and purpose.content == [
        "Theo dõi, kiểm tra, giám sát việc chấp hành quy định về quản lý Chương trình, kịp thời phát hiện khó khăn."]
    assert demands.title == "Yêu cầu"
    assert plan.sections[1].content == ["Sở Lao động - Thương binh và Xã hội chủ trì, theo dõi."]
    assert plan.recipients == ["Bộ LĐTBXH", "TT TU, TT HĐND tỉnh", "Lưu: VT, KGVX"]
    sig = plan.signature
    assert (sig.authority, sig.collective, sig.deputy, sig.position, sig.name) == (
        "TM.", "ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Anh Tuấn")
    assert result.notes == []


def test_sample_tuyen_quang():
    plan = recognise_text((SAMPLES / "tq.txt").read_text(encoding="utf-8")).plan
    assert (plan.header.issuer, plan.header.number, plan.header.symbol) == (
        "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG", "62", "KH-UBND")
    assert (plan.header.place, plan.header.date) == ("Tuyên Quang", "2021-04-28")
    assert plan.summary.startswith("THỰC HIỆN ĐỀ ÁN TRỒNG 1 TỶ CÂY XANH")
    assert plan.preamble[:2] == ["Căn cứ Luật Lâm nghiệp năm 2017;", (
        "Căn cứ Quyết định số 524/QĐ-TTg ngày 01/4/2021 của Thủ tướng Chính phủ phê duyệt Đề án "
        "“Trồng 1 tỷ cây xanh giai đoạn 2021-2025”;")]
    assert [s.title for s in plan.sections] == ["MỤC ĐÍCH, YÊU CẦU", "NHIỆM VỤ", "TỔ CHỨC THỰC HIỆN"]
    assert plan.closing == ["Trên đây là Kế hoạch thực hiện Đề án trồng 1 tỷ cây xanh của tỉnh Tuyên Quang./."]
    assert plan.recipients[0] == "Bộ Nông nghiệp và PTNT" and plan.recipients[-1] == "Lưu: VT, NLN"
    sig = plan.signature
    assert (sig.authority, sig.collective, sig.deputy, sig.position, sig.name) == (
        "TM.", "ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hoàng Việt Phương")


# ---- the double signature line -----------------------------------------------------------
@pytest.mark.parametrize("lines, expected", [
    (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Cường"],
     ("TM.", "ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Cường")),
    (["TM. ỦY BAN NHÂN DÂN", "KT.CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Trần Văn Cường"],
     ("TM.", "ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Cường")),
    (["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Cường"],
     ("KT.", "CHỦ TỊCH", "", "PHÓ CHỦ TỊCH", "Trần Văn Cường")),
    (["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An"],
     ("TM.", "ỦY BAN NHÂN DÂN", "", "CHỦ TỊCH", "Nguyễn Văn An")),
    (["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Lê Thị Bình"],
     ("T/M", "BAN THƯỜNG VỤ", "", "PHÓ BÍ THƯ", "Lê Thị Bình")),
    (["T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ", "PHÓ BÍ THƯ", "Lê Thị Bình"],
     ("T/M", "BAN THƯỜNG VỤ", "K/T BÍ THƯ", "PHÓ BÍ THƯ", "Lê Thị Bình")),
])
def test_signature_lines_in_text(lines, expected):
    sig = _plan("I. MỤC ĐÍCH\nTổ chức trang trọng.\n", foot=FOOT.split("TM.")[0] + "\n".join(lines)).signature
    assert (sig.authority, sig.collective, sig.deputy, sig.position, sig.name) == expected


def _reopen(document):
    buf = io.BytesIO()
    document.save(buf)
    return docx.Document(io.BytesIO(buf.getvalue()))


def _docx_with_foot(table: bool):
    document = docx.Document()
    for text in ("ỦY BAN NHÂN DÂN XÃ HÒA BÌNH", "Số: 12/KH-UBND", "KẾ HOẠCH", "Tổ chức ngày hội năm 2026",
                 "I. MỤC ĐÍCH", "Tổ chức trang trọng."):
        document.add_paragraph(text)
    signature = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Trần Văn Cường"]
    recipients = ["Nơi nhận:", "- Các thôn;", "- Lưu: VT."]
    if table:
        left, right = document.add_table(rows=1, cols=2).rows[0].cells
        for cell, lines in ((left, recipients), (right, signature)):
            cell.paragraphs[0].add_run(lines[0])
            for text in lines[1:]:
                cell.add_paragraph(text)
    else:
        for text in signature:
            document.add_paragraph(text).paragraph_format.left_indent = Cm(8)
        for text in recipients:
            document.add_paragraph(text)
    return _reopen(document)


@pytest.mark.parametrize("table", [True, False], ids=["table-cell", "paragraphs"])
def test_signature_deputy_in_docx(table):
    plan = recognise_docx(_docx_with_foot(table)).plan
    sig = plan.signature
    assert (sig.authority, sig.collective, sig.deputy, sig.position, sig.name) == (
        "TM.", "ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Cường")
    assert plan.recipients == ["Các thôn", "Lưu: VT"]



def test_signature_deputy_in_a_foot_typed_with_tabs():
    foot = ("Nơi nhận:\tTM. ỦY BAN NHÂN DÂN\n- Như trên;\tKT. CHỦ TỊCH\n- Lưu: VT.\tPHÓ CHỦ TỊCH\n\n"
            "\tTrần Văn Cường\n")
    plan = _plan("I. MỤC ĐÍCH\nTổ chức trang trọng.\n", foot=foot)
    sig = plan.signature
    assert (sig.authority, sig.collective, sig.deputy, sig.position, sig.name) == (
        "TM.", "ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Cường")
    assert plan.recipients == ["Như trên", "Lưu: VT"]
