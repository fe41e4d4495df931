"""Recognition rules on small crafted plain-text plans (the path shared with DOCX)."""
import pytest

from kehoach_desktop.docx.recognise import infer_kind, recognise_text
from kehoach_desktop.docx.recognise_body import parse_label
from kehoach_desktop.docx.recognise_foot import parse_authority, parse_typist
from kehoach_desktop.docx.recognise_header import parse_date_line, parse_number_line
from kehoach_desktop.docx.textinput import text_lines
from kehoach_desktop.plan.model import Section

STATE = """ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ HÒA BÌNH          Độc lập - Tự do - Hạnh phúc
Số: 07/KH-UBND          Hòa Bình, ngày 15 tháng 01 năm 2024

KẾ HOẠCH
Tổ chức các hoạt động kỷ niệm
ngày thành lập xã năm 2024

Căn cứ Kế hoạch số 12/KH-UBND ngày 02/01/2024 của UBND tỉnh;
Ủy ban nhân dân xã ban hành Kế hoạch như sau:

I . MỤC ĐÍCH, YÊU CẦU
1 . Mục đích
- Nâng cao nhận thức của Nhân dân.
- Phát huy truyền thống.
2. Yêu cầu
Tổ chức trang trọng, tiết kiệm.
II. NỘI DUNG
1. Hoạt động chính
a) Tổ chức lễ kỷ niệm tại hội trường xã với sự tham gia của đại biểu các thôn, cơ quan, đơn vị trên địa bàn xã.
b) Văn nghệ
III. KINH PHÍ
Kinh phí bố trí từ ngân sách xã năm 2024.

Trên đây là Kế hoạch tổ chức kỷ niệm ngày thành lập xã năm 2024.
Yêu cầu các ban, ngành nghiêm túc triển khai thực hiện./.

Nơi nhận:
- Thường trực Đảng ủy (b/c);
- Các thôn (t/h),
- Lưu: VT, VHXH.
HNT - 95b

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
(Đã ký)

Lê Thị Hoa
"""

PARTY = """ĐẢNG BỘ XÃ HÒA BÌNH          ĐẢNG CỘNG SẢN VIỆT NAM
CHI BỘ THÔN ĐÔNG
*
Số 05-KH/CB          Hòa Bình, ngày 3 tháng 2 năm 2024

KẾ HOẠCH
học tập, quán triệt nghị quyết năm 2024

Thực hiện Hướng dẫn số 06-HD/BTGTU ngày 18/02/2024 của Ban Tuyên giáo;

I- MỤC ĐÍCH
1- Quán triệt đầy đủ nội dung.
II- TỔ CHỨC THỰC HIỆN
Các đảng viên thực hiện nghiêm túc.

Nơi nhận:
- Đảng ủy xã,
- Lưu Chi bộ.

T/M CHI BỘ
BÍ THƯ

Nguyễn Văn An
"""


def test_state_header_and_foot():
    result = recognise_text(STATE)
    plan = result.plan
    h = plan.header
    assert plan.regime == "state"
    assert (h.superior, h.issuer) == ("", "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH")  # issuer split over two lines
    assert (h.number, h.symbol, h.place, h.date) == ("07", "KH-UBND", "Hòa Bình", "2024-01-15")
    assert plan.summary == "Tổ chức các hoạt động kỷ niệm ngày thành lập xã năm 2024"
    assert plan.recipients == ["Thường trực Đảng ủy (b/c)", "Các thôn (t/h)", "Lưu: VT, VHXH"]
    assert (plan.typist, plan.copies) == ("HNT", 95)
    s = plan.signature
    assert (s.authority, s.collective, s.position, s.name) == ("KT.", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Thị Hoa")
    assert result.notes == []


def test_state_body_outline_and_closing():
    plan = recognise_text(STATE).plan
    assert plan.preamble == ["Căn cứ Kế hoạch số 12/KH-UBND ngày 02/01/2024 của UBND tỉnh;",
                             "Ủy ban nhân dân xã ban hành Kế hoạch như sau:"]
    titles = [s.title for s in plan.sections]
    assert titles == ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG", "KINH PHÍ"]
    first = plan.sections[0]
    assert [s.title for s in first.subsections] == ["Mục đích", "Yêu cầu"]
    assert first.subsections[0].content == ["- Nâng cao nhận thức của Nhân dân.", "- Phát huy truyền thống."]
    points = plan.sections[1].subsections[0].subsections
    assert [p.is_plain for p in points] == [True, False]  # a long sentence is a numbered paragraph
    assert plan.sections[2].content == ["Kinh phí bố trí từ ngân sách xã năm 2024."]
    assert plan.closing == ["Trên đây là Kế hoạch tổ chức kỷ niệm ngày thành lập xã năm 2024.",
                            "Yêu cầu các ban, ngành nghiêm túc triển khai thực hiện./."]
    assert plan.numbering == ["I.", "1.", "a)"]
    assert plan.kind == "su-kien"


def test_party_plan():
    plan = recognise_text(PARTY).plan
    h = plan.header
    assert plan.regime == "party"
    assert (h.superior, h.issuer, h.number, h.symbol) == ("ĐẢNG BỘ XÃ HÒA BÌNH", "CHI BỘ THÔN ĐÔNG", "05", "KH/CB")
    assert [s.title for s in plan.sections] == ["MỤC ĐÍCH", "TỔ CHỨC THỰC HIỆN"]
    assert plan.sections[0].subsections[0].title == "Quán triệt đầy đủ nội dung."
    # The only paragraph of the last section is not a closing: the section would be left empty.
    assert plan.sections[1].content == ["Các đảng viên thực hiện nghiêm túc."] or plan.closing
    s = plan.signature
    assert (s.authority, s.collective, s.position, s.name) == ("T/M", "CHI BỘ", "BÍ THƯ", "Nguyễn Văn An")
    assert plan.recipients == ["Đảng ủy xã", "Lưu Chi bộ"]


@pytest.mark.parametrize("text, regime", [
    ("Số 12-KH/ĐU\nKẾ HOẠCH\nabc\nI. A\nx", "party"),
    ("Số: 12/KH-UBND\nKẾ HOẠCH\nabc\nI. A\nx", "state"),
    ("KẾ HOẠCH\nabc\nI. A\nx\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nLê Văn A", "party"),
    ("KẾ HOẠCH\nabc\nI. A\nx\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn A", "state"),
    ("ĐẢNG CỘNG SẢN VIỆT NAM\nKẾ HOẠCH\nabc\nI. A\nx", "party"),
    ("KẾ HOẠCH\nabc\nI. A\nx", "state"),
])
def test_regime_inferred(text, regime):
    assert recognise_text(text).plan.regime == regime


@pytest.mark.parametrize("line, expected", [
    ("Số: 45/KH-UBND", ("45", "KH-UBND")),
    ("Số 23-KH/ĐUK", ("23", "KH/ĐUK")),
    ("Số: 12 -KH/ĐU", ("12", "KH/ĐU")),
    ("Số:  /KH-UBND", ("", "KH-UBND")),
    ("Số: ....../KH-UBND", ("", "KH-UBND")),
    ("Số: 08/KH - UBND", ("08", "KH-UBND")),
    ("Sở Nội vụ", None),
    ("Số liệu thống kê", None),
])
def test_number_line_forms(line, expected):
    assert parse_number_line(line) == expected


@pytest.mark.parametrize("line, expected", [
    ("Cẩm Tân, ngày 20 tháng 5 năm 2021", ("Cẩm Tân", "2021-05-20")),
    ("Bến Tre, ngày 01 tháng 3 năm 2021", ("Bến Tre", "2021-03-01")),
    ("Hòa Bình, ngày     tháng     năm 2025", ("Hòa Bình", "")),
    ("ngày 31 tháng 2 năm 2024", ("", "")),
    ("Hòa Bình, ngày 20/5/2024", ("Hòa Bình", "2024-05-20")),
    ("Thực hiện Kế hoạch số 5", None),
])
def test_date_line(line, expected):
    assert parse_date_line(line) == expected


@pytest.mark.parametrize("text, style, title", [
    ("I. MỤC ĐÍCH", "I.", "MỤC ĐÍCH"), ("II . NỘI DUNG", "I.", "NỘI DUNG"), ("IV- KINH PHÍ", "I.", "KINH PHÍ"),
    ("1. Mục đích", "1.", "Mục đích"), ("1 . Mục đích", "1.", "Mục đích"), ("2- Yêu cầu", "1.", "Yêu cầu"),
    ("1.1. Mặt được", "1.1.", "Mặt được"), ("1.2 Hạn chế", "1.1.", "Hạn chế"),
    ("a) Nội dung", "a)", "Nội dung"), ("đ) Khác", "a)", "Khác"), ("b/ Hình thức", "a)", "Hình thức"),
])
def test_labels(text, style, title):
    assert parse_label(text) == (style, title)


@pytest.mark.parametrize("text", ["- Nội dung", "2021-2025 là giai đoạn", "5 năm qua", "Inh ỏi", "Xã hội", "12/5/2021 ..."])
def test_not_labels(text):
    assert parse_label(text) is None


def test_page_break_joined_and_marks_stripped():
    lines = text_lines("**I. MỤC ĐÍCH**\n\nNội dung tuyên truyền kỷ\n\nniệm 110 năm ngày sinh.\n\n1.1. Mặt được\n\na) Khẳng định")
    assert [ln.text for ln in lines] == ["I. MỤC ĐÍCH", "Nội dung tuyên truyền kỷ niệm 110 năm ngày sinh.",
                                         "1.1. Mặt được", "a) Khẳng định"]


def test_blank_line_after_sentence_not_joined():
    lines = text_lines("Câu một xong.\n\nnội dung tiếp")
    assert len(lines) == 2


def test_signature_forms():
    assert parse_authority("TM. ỦY BAN NHÂN DÂN") == ("TM.", "ỦY BAN NHÂN DÂN")
    assert parse_authority("T/M BAN THƯỜNG VỤ") == ("T/M", "BAN THƯỜNG VỤ")
    assert parse_authority("K/T BÍ THƯ") == ("K/T", "BÍ THƯ")
    assert parse_authority("KT.CHỦ TỊCH") == ("KT.", "CHỦ TỊCH")
    assert parse_authority("Tổ chức thực hiện") is None


@pytest.mark.parametrize("text, expected", [("HNT - 95b", ("HNT", 95)), ("HNT.(95)", ("HNT", 95)),
                                            ("VT-10", ("VT", 10)), ("Lưu VT, VH", None), ("- Các thôn", None)])
def test_typist(text, expected):
    assert parse_typist(text) == expected


def test_notes_for_missing_parts():
    result = recognise_text("KẾ HOẠCH\nTuyên truyền\n\nI. MỤC ĐÍCH\n- Một.")
    assert "Không tìm thấy số hiệu văn bản." in result.notes
    assert "Không tìm thấy ngày ban hành." in result.notes
    assert "Không tìm thấy người ký." in result.notes
    assert "Không tìm thấy “Nơi nhận”." in result.notes


def test_blank_number_noted():
    result = recognise_text("UBND XÃ A\nSố:   /KH-UBND\nKẾ HOẠCH\nabc\nI. A\nx")
    assert result.plan.header.number == "" and result.plan.header.symbol == "KH-UBND"
    assert "Số văn bản đang để trống." in result.notes


def test_old_district_names_kept_as_written():
    plan = recognise_text("UBND HUYỆN CẨM THỦY\nỦY BAN NHÂN DÂN XÃ CẨM TÂN\nKẾ HOẠCH\nabc\nI. A\nx").plan
    assert plan.header.superior == "UBND HUYỆN CẨM THỦY"


@pytest.mark.parametrize("summary, kind", [("Tuyên truyền kết quả năm 2024", "tuyen-truyen"),
                                           ("Kiểm tra, giám sát năm 2024", "kiem-tra-giam-sat"),
                                           ("Công tác năm 2025", "cong-tac-nam"), ("Phòng chống dịch", "")])
def test_kind(summary, kind):
    assert infer_kind(summary) == kind


def test_no_title_still_reads_body():
    plan = recognise_text("Căn cứ Luật A;\nI. MỤC ĐÍCH\n- Một.\nII. NỘI DUNG\n- Hai.").plan
    assert plan.preamble == ["Căn cứ Luật A;"]
    assert [s.title for s in plan.sections] == ["MỤC ĐÍCH", "NỘI DUNG"]
    assert all(isinstance(s, Section) for s in plan.sections)


def test_empty_and_garbage_text():
    assert recognise_text("").plan.sections == []
    recognise_text("\x00\x01 ** \n\n\t")


def test_capital_letter_parts_above_roman():
    plan = recognise_text("KẾ HOẠCH\nabc\n\nA. KẾT QUẢ\nI. CHÍNH TRỊ\n- Tốt.\nB. NHIỆM VỤ\nI. KINH TẾ\n- Tăng.").plan
    assert [s.title for s in plan.sections] == ["KẾT QUẢ", "NHIỆM VỤ"]
    assert plan.sections[1].subsections[0].title == "KINH TẾ"


def test_wrapped_lines_joined_without_blank():
    lines = text_lines("I. NỘI DUNG\n- Tuyên truyền sâu rộng về\nnhiệm vụ của năm.\n1. Mục đích\nnâng cao nhận thức.")
    assert [ln.text for ln in lines] == ["I. NỘI DUNG", "- Tuyên truyền sâu rộng về nhiệm vụ của năm.",
                                         "1. Mục đích", "nâng cao nhận thức."]


def test_vietnamese_capital_not_taken_for_lower_case():
    lines = text_lines("UBND HUYỆN A\nỦY BAN NHÂN DÂN XÃ B")
    assert len(lines) == 2


def test_foot_typed_as_two_columns_with_tabs():
    text = ("KẾ HOẠCH\nabc\n\nI. NỘI DUNG\n- Một.\n\n"
            "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN\n- Như trên;\tCHỦ TỊCH\n- Lưu: VT.\n\t\tNguyễn Văn An\n")
    plan = recognise_text(text).plan
    assert plan.recipients == ["Như trên", "Lưu: VT"]
    s = plan.signature
    assert (s.authority, s.collective, s.position, s.name) == ("TM.", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An")


def test_summary_without_blank_before_preamble():
    text = ("KẾ HOẠCH\nTuyên truyền pháp luật năm 2024\nNhằm nâng cao nhận thức pháp luật của cán bộ và Nhân dân "
            "trên địa bàn, Ủy ban nhân dân xã ban hành kế hoạch như sau:\nI. MỤC ĐÍCH\n- Một.")
    plan = recognise_text(text).plan
    assert plan.summary == "Tuyên truyền pháp luật năm 2024"
    assert len(plan.preamble) == 1


def test_label_alone_takes_next_line_as_title():
    plan = recognise_text("KẾ HOẠCH\nabc\n\nI.\nMỤC ĐÍCH\n- a\nII. NỘI DUNG\n- b").plan
    assert [(s.title, s.content) for s in plan.sections] == [("MỤC ĐÍCH", ["- a"]), ("NỘI DUNG", ["- b"])]


def test_signer_name_before_an_appendix():
    text = ("KẾ HOẠCH\nabc\n\nI. NỘI DUNG\n- Một.\n\nNơi nhận:\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n"
            "Phạm Văn Bình\n\nBiểu mẫu kèm theo kế hoạch gồm 3 trang\n")
    assert recognise_text(text).plan.signature.name == "Phạm Văn Bình"


from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = st.sampled_from(["KẾ HOẠCH", "I. MỤC ĐÍCH", "1 . Nội dung", "a) điểm", "- gạch", "Nơi nhận:", "TM. UBND",
                           "CHỦ TỊCH", "Số: 12/KH-UBND", "Hà Nội, ngày 1 tháng 2 năm 2024", "**", "\t", "\n", "\n\n",
                           "năm 2024", "ký\u00a0tự", "e\u0301", "HNT - 9b", " "])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=40))
def test_any_text_gives_a_plan(pieces):
    import unicodedata

    result = recognise_text("".join(pieces))
    data = result.plan.to_json()
    assert data == unicodedata.normalize("NFC", data)
    assert all(isinstance(n, str) and n for n in result.notes)
