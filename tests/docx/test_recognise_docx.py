"""Recognition of hand-typed DOCX: tables, tabs, Word list numbering, split runs, legacy fonts."""
import io

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm

from kehoach_desktop.docx.handtyped import docx_lines
from kehoach_desktop.docx.recognise import recognise_docx

NUMBERING = (
    f'<w:abstractNum {nsdecls("w")} w:abstractNumId="77">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>'
    '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%4)"/></w:lvl>'
    '<w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>'
    '</w:abstractNum>')


def _reopen(document):
    buf = io.BytesIO()
    document.save(buf)
    return docx.Document(io.BytesIO(buf.getvalue()))


def _para(document, text, bold=False, align=None, indent_cm=None, font=None, runs=None):
    p = document.add_paragraph()
    for piece in runs or [text]:
        r = p.add_run(piece)
        r.bold = bold
        if font:
            r.font.name = font
    if align:
        p.alignment = align
    if indent_cm:
        p.paragraph_format.left_indent = Cm(indent_cm)
    return p


def _numbered(document, text, ilvl, bold=False):
    p = _para(document, text, bold=bold)
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="77"/></w:numPr>'))
    return p


def _add_numbering(document):
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))


def _header_table(document, left, right):
    table = document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (left, right)):
        cell.paragraphs[0].add_run(lines[0]).bold = True
        for text in lines[1:]:
            cell.add_paragraph(text)
    return table


def _foot_table(document, recipients, signature):
    table = document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (recipients, signature)):
        cell.paragraphs[0].add_run(lines[0])
        for text in lines[1:]:
            cell.add_paragraph(text)


def _body(document, numbered=False):
    _para(document, "KẾ HOẠCH", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    p = _para(document, "", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    p.add_run("Tuyên truyền kết quả năm 2024,").bold = True
    p.add_run().add_break()
    p.add_run("nhiệm vụ năm 2025").bold = True
    _para(document, "-----", align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(document, "Căn cứ Hướng dẫn số 06-HD/BTGTU ngày 18/02/2025;")
    if numbered:
        _add_numbering(document)
        _numbered(document, "MỤC ĐÍCH, YÊU CẦU", 0, bold=True)
        _numbered(document, "Mục đích", 1, bold=True)
        _numbered(document, "Nâng cao nhận thức", 4)
        _numbered(document, "Yêu cầu", 1, bold=True)
        _numbered(document, "Kết quả", 2)
        _numbered(document, "Khẳng định kết quả toàn diện", 3)
        _numbered(document, "TỔ CHỨC THỰC HIỆN", 0, bold=True)
    else:
        _para(document, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
        _para(document, "", runs=["1. Mục ", "đí", "ch"], bold=True)  # runs split mid-word
        _para(document, "-\u00a0Nâng\u00a0cao nhận thức")
        _para(document, "2. Yêu cầu", bold=True)
        _para(document, "1.1. Kết quả")
        _para(document, "a) Khẳng định kết quả toàn diện")
        _para(document, "II. TỔ CHỨC THỰC HIỆN", bold=True)
    _para(document, "Các thôn triển khai.")
    _para(document, "Trên đây là Kế hoạch của Ủy ban nhân dân xã, đề nghị các thôn thực hiện./.")


def _state_doc(numbered=False):
    document = docx.Document()
    _header_table(document, ["ỦY BAN NHÂN DÂN", "XÃ HÒA BÌNH", "Số: 12/KH-UBND"],
                  ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
                   "Hòa Bình, ngày 05 tháng 3 năm 2025"])
    _body(document, numbered)
    _foot_table(document, ["Nơi nhận:", "- Các thôn;", "- Lưu: VT.", "HNT.(10)"],
                ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "Nguyễn Văn An"])
    return _reopen(document)


def _check_state(plan):
    h = plan.header
    assert plan.regime == "state"
    assert (h.superior, h.issuer, h.number, h.symbol, h.place, h.date) == (
        "", "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH", "12", "KH-UBND", "Hòa Bình", "2025-03-05")
    assert plan.summary == "Tuyên truyền kết quả năm 2024, nhiệm vụ năm 2025"
    assert plan.preamble == ["Căn cứ Hướng dẫn số 06-HD/BTGTU ngày 18/02/2025;"]
    assert [s.title for s in plan.sections] == ["MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"]
    first = plan.sections[0]
    assert [s.title for s in first.subsections] == ["Mục đích", "Yêu cầu"]
    assert first.subsections[0].content == ["- Nâng cao nhận thức"]
    deep = first.subsections[1].subsections[0]
    assert deep.title == "Kết quả" and deep.subsections[0].title == "Khẳng định kết quả toàn diện"
    assert plan.numbering == ["I.", "1.", "1.1.", "a)"]
    assert plan.sections[1].content == ["Các thôn triển khai."]
    assert plan.closing == ["Trên đây là Kế hoạch của Ủy ban nhân dân xã, đề nghị các thôn thực hiện./."]
    assert plan.recipients == ["Các thôn", "Lưu: VT"]
    assert (plan.typist, plan.copies) == ("HNT", 10)
    s = plan.signature
    assert (s.authority, s.collective, s.position, s.name) == ("TM.", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An")


def test_state_typed_labels_tables():
    _check_state(recognise_docx(_state_doc()).plan)


def test_state_word_list_numbering():
    _check_state(recognise_docx(_state_doc(numbered=True)).plan)


def test_word_numbering_labels():
    labels = [ln.num_label for ln in docx_lines(_state_doc(numbered=True)) if ln.num_label]
    assert labels == ["I.", "1.", "-", "2.", "2.1.", "a)", "II."]


def test_flat_party_header_and_indented_signature():
    document = docx.Document()
    _para(document, "ĐẢNG BỘ XÃ HÒA BÌNH\t\tĐẢNG CỘNG SẢN VIỆT NAM", bold=False)
    _para(document, "CHI BỘ THÔN ĐÔNG\t\t", bold=True)
    _para(document, "*\t\t")
    _para(document, "Số 05-KH/CB\t\tHòa Bình, ngày 03 tháng 02 năm 2025")
    _para(document, "KẾ HOẠCH", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(document, "học tập nghị quyết", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(document, "Thực hiện Hướng dẫn số 06-HD/BTGTU;", align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    _para(document, "I. MỤC ĐÍCH", bold=True)
    _para(document, "- Một.")
    _para(document, "Chi bộ đề nghị các đảng viên triển khai thực hiện tốt Kế hoạch này.")
    for text in ("T/M CHI BỘ", "BÍ THƯ", "", "Nguyễn Văn An"):
        _para(document, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent_cm=8)
    _para(document, "Nơi nhận:")
    _para(document, "- Đảng ủy xã,")
    _para(document, "- Lưu Chi bộ.")
    plan = recognise_docx(_reopen(document)).plan
    h = plan.header
    assert plan.regime == "party"
    assert (h.superior, h.issuer, h.number, h.symbol, h.date) == (
        "ĐẢNG BỘ XÃ HÒA BÌNH", "CHI BỘ THÔN ĐÔNG", "05", "KH/CB", "2025-02-03")
    assert plan.summary == "học tập nghị quyết"
    assert plan.closing == ["Chi bộ đề nghị các đảng viên triển khai thực hiện tốt Kế hoạch này."]
    assert plan.recipients == ["Đảng ủy xã", "Lưu Chi bộ"]
    s = plan.signature
    assert (s.authority, s.collective, s.position, s.name) == ("T/M", "CHI BỘ", "BÍ THƯ", "Nguyễn Văn An")


def test_nfd_nbsp_and_blank_paragraphs_cleaned():
    import unicodedata
    document = docx.Document()
    _para(document, "")
    _para(document, unicodedata.normalize("NFD", "KẾ HOẠCH"), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(document, unicodedata.normalize("NFD", "Tuyên truyền pháp luật"), bold=True,
          align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(document, "")
    _para(document, "I\u00a0. MỤC\u00a0ĐÍCH", bold=True)
    _para(document, "**Nội dung**")
    plan = recognise_docx(_reopen(document)).plan
    assert plan.summary == "Tuyên truyền pháp luật"
    assert plan.sections[0].title == "MỤC ĐÍCH"
    assert plan.sections[0].content == ["Nội dung"]


@pytest.mark.parametrize("font, typed, expected", [
    (".VnTime", "Th«ng tin tuyªn truyÒn", "Thông tin tuyên truyền"),
    (".VnTimeH", "kÕ ho¹ch", "KẾ HOẠCH"),
    ("VNI-Times", "Thoâng tin tuyeân truyeàn", "Thông tin tuyên truyền"),
])
def test_legacy_font_runs_decoded(font, typed, expected):
    document = docx.Document()
    _para(document, typed, font=font)
    _para(document, "Times New Roman text ¸", font="Times New Roman")
    lines = docx_lines(_reopen(document))
    assert lines[0].text == expected
    assert lines[1].text == "Times New Roman text ¸"


def test_soft_breaks_split_items():
    document = docx.Document()
    _para(document, "KẾ HOẠCH", align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(document, "abc", align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(document, "I. NỘI DUNG")
    p = _para(document, "- Một")
    p.add_run().add_break()
    p.add_run("- Hai")
    plan = recognise_docx(_reopen(document)).plan
    assert plan.sections[0].content == ["- Một", "- Hai"]


def test_foot_table_two_rows_read_by_column():
    document = docx.Document()
    _para(document, "KẾ HOẠCH", align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(document, "abc", align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(document, "I. NỘI DUNG")
    _para(document, "- Một.")
    table = document.add_table(rows=2, cols=2)
    cells = table.rows[0].cells + table.rows[1].cells
    for cell, lines in zip(cells, (["Nơi nhận:"], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
                                   ["- Như trên;", "- Lưu: VT."], ["(Đã ký)", "Trần Thị Bình"])):
        cell.paragraphs[0].add_run(lines[0])
        for text in lines[1:]:
            cell.add_paragraph(text)
    plan = recognise_docx(_reopen(document)).plan
    assert plan.recipients == ["Như trên", "Lưu: VT"]
    s = plan.signature
    assert (s.authority, s.collective, s.position, s.name) == ("KT.", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thị Bình")


def test_typed_label_wins_over_word_numbering():
    document = docx.Document()
    _add_numbering(document)
    _para(document, "KẾ HOẠCH", align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(document, "abc", align=WD_ALIGN_PARAGRAPH.CENTER)
    _numbered(document, "I. MỤC ĐÍCH", 0)
    _numbered(document, "NỘI DUNG", 0)
    plan = recognise_docx(_reopen(document)).plan
    assert [s.title for s in plan.sections] == ["MỤC ĐÍCH", "NỘI DUNG"]


def test_summary_stops_where_bold_ends():
    document = docx.Document()
    _para(document, "KẾ HOẠCH", bold=True)
    _para(document, "Tuyên truyền pháp luật", bold=True)
    _para(document, "Nhằm nâng cao nhận thức, Ủy ban nhân dân xã ban hành kế hoạch như sau:")
    _para(document, "I. MỤC ĐÍCH", bold=True)
    plan = recognise_docx(_reopen(document)).plan
    assert plan.summary == "Tuyên truyền pháp luật"
    assert plan.preamble == ["Nhằm nâng cao nhận thức, Ủy ban nhân dân xã ban hành kế hoạch như sau:"]
