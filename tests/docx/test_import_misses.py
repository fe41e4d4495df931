"""Three ways published plans were misread, each as a general rule on plans made up here:
a signer's second post printed under the name, an issuer's two lines typed on one line with a
run of spaces, and a Nơi nhận entry wrapped onto a line of its own without a dash."""
from __future__ import annotations

import io

import docx
import pytest

from kehoach_desktop.docx.recognise import recognise_docx, recognise_text

STATE_HEAD = """ỦY BAN NHÂN DÂN{gap}TỈNH {province}          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                        Độc lập - Tự do - Hạnh phúc
Số: 118/KH-UBND                         {place}, ngày 09 tháng 3 năm 2026

KẾ HOẠCH
Triển khai công tác chuyển đổi số năm 2026

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao hiệu quả quản lý nhà nước.
"""

PARTY_HEAD = """ĐẢNG BỘ TỈNH {province}          ĐẢNG CỘNG SẢN VIỆT NAM
BAN CHẤP HÀNH{gap}ĐẢNG BỘ XÃ {commune}
*
Số 42-KH/ĐU                             {place}, ngày 14 tháng 4 năm 2026

KẾ HOẠCH
Học tập, quán triệt nghị quyết

I. MỤC ĐÍCH, YÊU CẦU
Đảng viên nắm vững nội dung nghị quyết.
"""

FOOT = """
Nơi nhận:
- Ban Thường vụ Tỉnh ủy (để báo cáo);
- Các chi bộ trực thuộc;
- Lưu Văn phòng.

T/M BAN THƯỜNG VỤ
{position}

{name}
{second}
"""


@pytest.mark.parametrize("gap", ["      ", "\t\t", "           "])
@pytest.mark.parametrize("province,place", [("QUẢNG TRỊ", "Quảng Trị"), ("ĐẮK LẮK", "Đắk Lắk"),
                                            ("HÀ TĨNH", "Hà Tĩnh")])
def test_issuer_typed_on_one_line_with_spaces_is_one_name(gap, province, place):
    text = STATE_HEAD.format(gap=gap, province=province, place=place)
    plan = recognise_text(text + "\nNơi nhận:\n- Lưu: VT.\n\nCHỦ TỊCH\n\nLê Văn Hải\n").plan
    assert plan.header.issuer == f"ỦY BAN NHÂN DÂN TỈNH {province}"
    assert plan.header.number == "118"
    assert plan.header.place == place


@pytest.mark.parametrize("gap", ["        ", "\t"])
def test_party_issuer_typed_on_one_line_with_spaces(gap):
    text = PARTY_HEAD.format(gap=gap, province="GIA LAI", commune="IA GRAI", place="Ia Grai")
    foot = FOOT.format(position="BÍ THƯ", name="Rơ Châm Hiền", second="")
    plan = recognise_text(text + foot).plan
    assert plan.header.superior == "ĐẢNG BỘ TỈNH GIA LAI"
    assert plan.header.issuer == "BAN CHẤP HÀNH ĐẢNG BỘ XÃ IA GRAI"


@pytest.mark.parametrize("position,second", [
    ("PHÓ BÍ THƯ", "TRƯỞNG BAN XÂY DỰNG ĐẢNG"),
    ("PHÓ BÍ THƯ THƯỜNG TRỰC", "CHỦ TỊCH HỘI ĐỒNG NHÂN DÂN XÃ"),
    ("BÍ THƯ", "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ"),
])
def test_second_post_under_the_name_does_not_replace_the_position(position, second):
    text = PARTY_HEAD.format(gap="\n", province="NGHỆ AN", commune="NAM ĐÀN", place="Nam Đàn")
    plan = recognise_text(text + FOOT.format(position=position, name="Hoàng Thị Lan", second=second)).plan
    assert plan.signature.authority == "T/M"
    assert plan.signature.position == position
    assert plan.signature.name == "Hoàng Thị Lan"


def test_position_still_found_without_a_second_post():
    text = PARTY_HEAD.format(gap="\n", province="NGHỆ AN", commune="NAM ĐÀN", place="Nam Đàn")
    plan = recognise_text(text + FOOT.format(position="PHÓ BÍ THƯ", name="Hoàng Thị Lan", second="")).plan
    assert (plan.signature.position, plan.signature.name) == ("PHÓ BÍ THƯ", "Hoàng Thị Lan")


WRAPPED_RECIPIENTS = [
    "Sở Văn hóa, Thể thao và Du lịch tỉnh",
    "Thường trực Đảng ủy, Thường trực HĐND xã (để báo cáo)",
    "Các ban, ngành, đoàn thể xã",
    "Ban Chỉ đạo chuyển đổi số xã",
    "Lưu: VT, VHXH",
]
# How each entry is printed: wrapped where a narrow cell would wrap it, the rest on a line of its own.
WRAPPED_LINES = [
    "- Sở Văn hóa, Thể thao và Du lịch tỉnh;",
    "- Thường trực Đảng ủy, Thường trực HĐND",
    "xã (để báo cáo);",
    "- Các ban, ngành, đoàn thể",
    "Xã;".replace("Xã", "xã"),
    "- Ban Chỉ đạo chuyển đổi số",
    "Xã;",
    "- Lưu: VT, VHXH.",
]


def _foot_text(lines):
    return "\n".join(["Nơi nhận:", *lines, "", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Lê Văn Hải", ""])


def test_wrapped_recipient_in_text_is_one_entry_whatever_its_first_letter():
    text = STATE_HEAD.format(gap="\n", province="QUẢNG TRỊ", place="Quảng Trị")
    plan = recognise_text(text + "\n" + _foot_text(WRAPPED_LINES)).plan
    expected = [r if r != "Ban Chỉ đạo chuyển đổi số xã" else "Ban Chỉ đạo chuyển đổi số Xã" for r in WRAPPED_RECIPIENTS]
    assert plan.recipients == expected


def _docx_with_foot_table(lines) -> bytes:
    d = docx.Document()
    for text in ["ỦY BAN NHÂN DÂN", "XÃ HƯƠNG SƠN", "Số: 07/KH-UBND", "Hương Sơn, ngày 02 tháng 02 năm 2026",
                 "KẾ HOẠCH", "Tổ chức Tết trồng cây năm 2026", "I. MỤC ĐÍCH, YÊU CẦU", "Phát động phong trào."]:
        d.add_paragraph(text)
    table = d.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].text = "Nơi nhận:"
    for text in lines:
        left.add_paragraph(text)
    right.paragraphs[0].text = "TM. ỦY BAN NHÂN DÂN"
    for text in ["CHỦ TỊCH", "", "Lê Văn Hải"]:
        right.add_paragraph(text)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_wrapped_recipient_in_docx_cell_is_one_entry():
    data = _docx_with_foot_table(WRAPPED_LINES)
    plan = recognise_docx(docx.Document(io.BytesIO(data))).plan
    expected = [r if r != "Ban Chỉ đạo chuyển đổi số xã" else "Ban Chỉ đạo chuyển đổi số Xã" for r in WRAPPED_RECIPIENTS]
    assert plan.recipients == expected
    assert plan.signature.position == "CHỦ TỊCH"


def test_recipients_without_dashes_stay_one_per_line():
    lines = ["UBND tỉnh (để báo cáo);", "Các thôn;", "Lưu: VT."]
    data = _docx_with_foot_table(lines)
    plan = recognise_docx(docx.Document(io.BytesIO(data))).plan
    assert plan.recipients == ["UBND tỉnh (để báo cáo)", "Các thôn", "Lưu: VT"]


def test_an_entry_that_forgot_its_dash_after_a_finished_one_stays_apart():
    lines = ["- UBND tỉnh (để báo cáo);", "Các thôn;", "- Lưu: VT."]
    data = _docx_with_foot_table(lines)
    plan = recognise_docx(docx.Document(io.BytesIO(data))).plan
    assert plan.recipients == ["UBND tỉnh (để báo cáo)", "Các thôn", "Lưu: VT"]
