"""Plans published by communes, provinces, party committees and mass organisations, as found on the web.

Each sample in ``public_samples/`` keeps the header and foot forms exactly as they were published
(web tables with "|" walls, narrow cells that cut a place name or the date, "Số 445-KH/TƯ" without a
colon, a letter lost from "ỦY BAN", a title line of a web page); body paragraphs are paraphrased and
short. The key fields are what a careful person would type into the plan.
"""
from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from kehoach_desktop.docx.recognise import recognise_docx, recognise_text

SAMPLES = Path(__file__).parent / "public_samples"

UBND = ("TM.", "ỦY BAN NHÂN DÂN")


def _sig(authority, collective, position, name, deputy=""):
    return {"authority": authority, "collective": collective, "position": position, "name": name, "deputy": deputy}


def _deputy(name, position="PHÓ CHỦ TỊCH"):
    return _sig(*UBND, position, name, deputy="KT. CHỦ TỊCH")


# name: (superior, issuer, number, symbol, place, date), summary, (first, last section), recipients, signature
EXPECTED = {
    "ubnd-soc-trang-ra-soat": (
        ("", "ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG", "135", "KH-UBND", "Sóc Trăng", "2022-09-27"),
        "RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO TRÊN ĐỊA BÀN TỈNH SÓC TRĂNG NĂM 2022",
        ("MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"),
        ["Bộ LĐTBXH (b/c)", "TT. TU, TT. HĐND tỉnh (b/c)", "CT, các PCT UBND tỉnh", "Lưu: VT, KGVX"],
        _sig("KT.", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Huỳnh Thị Diễm Ngọc")),
    "ubnd-nam-dinh-kiem-ke": (
        ("", "ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH", "70", "KH-UBND", "Nam Định", "2024-04-26"),
        "TRIỂN KHAI TỔNG KIỂM KÊ TÀI SẢN CÔNG TẠI CƠ QUAN, TỔ CHỨC, ĐƠN VỊ, TÀI SẢN KẾT CẤU HẠ TẦNG DO NHÀ "
        "NƯỚC ĐẦU TƯ, QUẢN LÝ THUỘC PHẠM VI QUẢN LÝ CỦA TỈNH NAM ĐỊNH",
        ("MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"),
        ["Bộ Tài chính", "Thường trực Tỉnh ủy", "Chủ tịch, các PCT UBND tỉnh", "Lưu: VP1, VP6"],
        _deputy("Hà Lan Anh")),
    "ubnd-son-la-lao-dong": (
        ("", "ỦY BAN NHÂN DÂN TỈNH SƠN LA", "68", "KH-UBND", "Sơn La", "2020-03-11"),
        "VỀ VIỆC TRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 37-CT/TW NGÀY 03/9/2019 CỦA BAN BÍ THƯ VỀ TĂNG CƯỜNG SỰ "
        "LÃNH ĐẠO, CHỈ ĐẠO XÂY DỰNG QUAN HỆ LAO ĐỘNG HÀI HÒA, ỔN ĐỊNH VÀ TIẾN BỘ TRONG TÌNH HÌNH MỚI",
        ("MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"),
        ["Bộ Lao động - TB&XH", "TT Tỉnh ủy", "Các sở, ban, ngành", "Lưu: VT, KGVX"],
        _deputy("Đặng Ngọc Hậu")),
    "ubnd-bac-ninh-ho-tich": (
        ("", "ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "155", "KH-UBND", "Bắc Ninh", "2017-05-26"),
        "TRIỂN KHAI CHƯƠNG TRÌNH HÀNH ĐỘNG QUỐC GIA VỀ ĐĂNG KÝ VÀ THỐNG KÊ HỘ TỊCH GIAI ĐOẠN 2017 - 2024 "
        "TRÊN ĐỊA BÀN TỈNH BẮC NINH",
        ("MỤC TIÊU", "TỔ CHỨC THỰC HIỆN"),
        ["Bộ Tư pháp (b/c)", "TTTU, TTHĐND tỉnh (b/c)", "Chủ tịch, các PCT UBND tỉnh", "Lưu: VT, NC"],
        _deputy("Nguyễn Tiến Nhường")),
    "tw-doan-hoat-dong-he": (
        ("", "BAN CHẤP HÀNH TRUNG ƯƠNG", "225", "KH/TWĐTN-CTTN", "Hà Nội", "2024-05-16"),
        "Tổ chức các hoạt động hè dành cho thiếu nhi năm 2024",
        ("MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"),
        ["Các đồng chí Bí thư TW Đoàn", "Các tỉnh, thành đoàn, đoàn trực thuộc", "Lưu VP, CTTN"],
        _sig("TM.", "BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN", "BÍ THƯ", "Nguyễn Phạm Duy Trang")),
    "thanh-doan-dai-hoi": (
        ("", "THÀNH ĐOÀN HÀ NỘI", "112", "KH/TĐTN-TCKT", "Hà Nội", "2011-09-26"),
        "Tổ chức đại hội Đoàn các cấp, tiến tới Đại hội đại biểu Đoàn TNCS Hồ Chí Minh thành phố Hà Nội "
        "lần thứ XIV, nhiệm kỳ 2012 - 2017",
        ("YÊU CẦU", "TỔ CHỨC THỰC HIỆN"),
        ["Ban Bí thư TW Đoàn", "Thường trực Thành ủy", "Các cơ sở Đoàn trực thuộc", "Lưu VP, TCKT"],
        _sig("TM.", "BAN THƯỜNG VỤ THÀNH ĐOÀN", "PHÓ BÍ THƯ", "Nguyễn Văn Phong")),
    "tinh-uy-hue-ha-tang": (
        ("", "TỈNH ỦY THỪA THIÊN HUẾ", "445", "KH/TƯ", "Thừa Thiên Huế", "2022-05-13"),
        "thực hiện Kết luận Hội nghị lần thứ bảy Ban Chấp hành Đảng bộ tỉnh (khoá XVI) về xây dựng hệ thống "
        "kết cấu hạ tầng đồng bộ đến năm 2025, định hướng đến năm 2030",
        ("MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"),
        ["Ban Bí thư (b/c)", "Các đ/c Tỉnh ủy viên", "Các huyện, thị, thành ủy, đảng ủy trực thuộc",
         "Lưu Văn phòng Tỉnh ủy"],
        _sig("T/M", "BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Phan Ngọc Thọ")),
    "ubnd-ninh-binh-giam-sat": (
        ("", "ỦY BAN NHÂN DÂN", "130", "KH-UBND", "Ninh Bình", "2022-07-13"),
        "",  # the web page lost the title and the trích yếu
        ("MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"),
        ["Bộ Lao động - TB&XH", "Chủ tịch, các PCT UBND tỉnh", "Lưu: VT, VP5"],
        _deputy("Tống Quang Thìn")),
    "ubnd-hcm-thong-ke": (
        ("", "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "122", "KH-UBND", "Thành phố Hồ Chí Minh", "2006-08-15"),
        "TIẾN HÀNH 2 CUỘC ĐIỀU TRA THỐNG KÊ NĂM 2006 TRÊN ĐỊA BÀN THÀNH PHỐ HỒ CHÍ MINH",
        ("MỤC ĐÍCH", "TỔ CHỨC THỰC HIỆN"),
        ["Tổng cục Thống kê", "TT/TU, TT/HĐND.TP", "Các sở, ngành thành phố", "UBND các quận, huyện",
         "VPHĐ-UB: các PVP", "Lưu (TH-N)"],
        _deputy("Nguyễn Thiện Nhân", "PHÓ CHỦ TỊCH THƯỜNG TRỰC")),
    "ubnd-kon-tum-tre-em": (
        ("", "Y BAN NHÂN DÂN TỈNH KON TUM", "2516", "KH-UBND", "Kon Tum", "2014-10-03"),
        "TRIỂNKHAI THỰC HIỆN QUYẾT ĐỊNH SỐ 34/2014/QĐ-TTG NGÀY 30/5/2014 CỦA THỦ TƯỚNG CHÍNHPHỦ VỀ QUY ĐỊNH "
        "TIÊU CHUẨN XÃ, PHƯỜNG, THỊ TRẤN PHÙ HỢP VỚI TRẺ EM",
        ("Mục đích, yêu cầu", "Tổ chức thực hiện"),
        ["Bộ LĐ-TB&XH (b/c)", "TT HĐND tỉnh (b/c)", "CT, các PCT UBND tỉnh", "Lưu VT-VX6"],
        _sig("KT.", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hùng")),
    "ubnd-lang-son-han-han": (
        ("", "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "07", "KH-UBND", "Lạng Sơn", "2020-01-13"),
        "TRIỂN KHAI CÁC GIẢI PHÁP PHÒNG, CHỐNG HẠN HÁN, THIẾU NƯỚC PHỤC VỤ SẢN XUẤT NÔNG NGHIỆP VÀ DÂN SINH "
        "MÙA KHÔ NĂM 2019 - 2020",
        ("MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"),
        ["Bộ Nông nghiệp và PTNT", "TT Tỉnh ủy, TT HĐND tỉnh", "Các sở, ngành liên quan", "Lưu: VT, KT"],
        _deputy("Dương Xuân Huyên")),
    "dang-uy-xa-kiem-tra": (
        ("ĐẢNG BỘ TỈNH QUẢNG TRỊ", "ĐẢNG ỦY XÃ CAM HIẾU", "", "KH/ĐU", "Cam Hiếu", ""),
        "kiểm tra, giám sát năm 2026",
        ("MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"),
        ["Ủy ban Kiểm tra Tỉnh ủy (b/c)", "Các chi bộ trực thuộc (t/h)", "Lưu Văn phòng Đảng ủy"],
        _sig("T/M", "BAN THƯỜNG VỤ", "BÍ THƯ", "Lê Thị Hồng Vân")),
    "chi-bo-thon-chuyen-de": (
        ("ĐẢNG BỘ XÃ TÂN LẬP", "CHI BỘ THÔN ĐỒNG TÂM", "05", "KH/CB", "Tân Lập", "2025-03-10"),
        "sinh hoạt chuyên đề năm 2025",
        ("MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"),
        ["Đảng ủy xã (b/c)", "Đảng viên trong chi bộ", "Lưu Chi bộ"],
        _sig("T/M", "CHI BỘ", "BÍ THƯ", "Hoàng Văn Thắng")),
    "mttq-xa-dai-doan-ket": (
        ("ỦY BAN MTTQ VIỆT NAM XÃ HÒA BÌNH", "BAN THƯỜNG TRỰC", "15", "KH-MTTQ-BTT", "Hòa Bình", "2025-10-20"),
        "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư năm 2025",
        ("MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"),
        ["Ban Thường trực UBMTTQ tỉnh (b/c)", "Đảng ủy, HĐND, UBND xã (b/c)", "Ban CTMT các thôn (t/h)", "Lưu VP"],
        _sig("TM.", "BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Nguyễn Thị Mai")),
    "ha-nam-nuoc-sach-web": (
        ("", "", "", "", "", ""),  # a web page: the header is not in the text
        "Chương trình MTQG Nước sạch & VSMT nông thôn tỉnh Hà Nam năm 2014",
        ("ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2013", "KẾ HOẠCH NĂM 2014"),
        [],
        _sig("", "", "", "")),
    "hoi-nong-dan-tw-tuyen-duong": (
        ("", "BAN CHẤP HÀNH TRUNG ƯƠNG", "1126", "KH/HNDTW", "Hà Nội", "2019-11-12"),
        "tuyên dương các điển hình tiên tiến trong phát triển hợp tác xã nông nghiệp",
        ("MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"),
        ["Như trên", "Bộ Nông nghiệp và PTNT", "Lưu VP, KT-XH"],
        _sig("TM.", "BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH", "Nguyễn Xuân Định")),
    "ubnd-ba-ria-vung-tau-giong": (
        ("", "ỦY BAN NHÂN DÂN TỈNH BÀ RỊA-VŨNG TÀU", "75", "KH-UBND", "Vũng Tàu", "2011-12-30"),
        "HỖ TRỢ GIỐNG CÂY TRỒNG, VẬT NUÔI, THỦY SẢN ĐỂ KHÔI PHỤC SẢN XUẤT VÙNG BỊ THIỆT HẠI DO THIÊN TAI, "
        "DỊCH BỆNH TRÊN ĐỊA BÀN TỈNH BÀ RỊA - VŨNG TÀU",
        ("MỤC ĐÍCH", "TỔ CHỨC THỰC HIỆN"),
        ["Bộ Nông nghiệp và PTNT", "TTr. Tỉnh ủy, TTr. HĐND tỉnh", "Lưu: VT, TH"],
        _sig(*UBND, "CHỦ TỊCH", "Trần Minh Sanh")),
    "ubnd-kon-tum-sat-lo": (
        ("", "ỦY BAN NHÂN DÂN TỈNH KON TUM", "3102", "KH-UBND", "Kon Tum", "2020-08-21"),
        "THỰC HIỆN QUYẾT ĐỊNH SỐ 957/QĐ-TTG NGÀY 06 THÁNG 7 NĂM 2020 CỦA THỦ TƯỚNG CHÍNH PHỦ TRÊN ĐỊA BÀN TỈNH "
        "KON TUM",
        ("QUAN ĐIỂM VÀ MỤC TIÊU", "TỔ CHỨC THỰC HIỆN"),
        ["Bộ Nông nghiệp và PTNT (b/c)", "Chủ tịch, các PCT UBND tỉnh", "Lưu: VT, NNTN"],
        _sig("KT.", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Hữu Tháp")),
    "ubnd-huyen-chau-thanh-thien-tai": (
        ("", "ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH", "", "KH-UBND", "Châu Thành", ""),
        "Ứng phó thiên tai và phòng chống lũ lụt trên địa bàn huyện năm 2017",
        ("Giao Phòng Nông nghiệp và PTNT chủ trì, phối hợp các ngành liên quan xây dựng phương án ứng phó thiên "
         "tai theo cấp độ rủi ro.", "Đề nghị UBND các xã, thị trấn xây dựng phương án ứng phó và cụ thể hóa các "
         "biện pháp thực hiện tại địa phương."),
        ["UBND tỉnh (b/c)", "Phòng Nông nghiệp và PTNT", "UBND các xã, thị trấn", "Lưu: VT"],
        _sig("", "", "CHỦ TỊCH", "Lê Văn Hùng")),
    "so-gddt-ninh-thuan-mot-dong": (
        ("UBND TỈNH NINH THUẬN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "2917", "KH-SGDĐT", "Phan Rang-Tháp Chàm", "2010-11-05"),
        "Khắc phục thiệt hại do lũ lụt của ngành Giáo dục và Đào tạo",
        ("TÌNH HÌNH THIỆT HẠI", "BIỆN PHÁP KHẮC PHỤC"),
        ["Ủy ban nhân dân tỉnh", "Bộ Giáo dục và Đào tạo", "Lưu: VT, VP"],
        _sig("", "", "GIÁM ĐỐC", "Nguyễn Văn Lập")),
    "tw-doan-mot-dong": (
        ("", "BAN CHẤP HÀNH TRUNG ƯƠNG", "367", "KH/TWĐTN-VP", "Hà Nội", "2013-10-29"),
        "Về việc ban hành văn bản của Đoàn TNCS Hồ Chí Minh",
        ("MỤC ĐÍCH", "TỔ CHỨC THỰC HIỆN"),
        ["Như trên", "VP: CVP, PCVP, Các phòng, bộ phận thuộc VP", "Lưu TH-TĐ10b, VT-LT"],
        _sig("TM.", "BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN", "BÍ THƯ THƯỜNG TRỰC", "Phan Văn Mãi")),
    "bch-trung-uong-trang-web": (
        ("", "BAN CHẤP HÀNH TRUNG ƯƠNG", "97", "KH/TW", "Hà Nội", "2023-02-07"),
        "THỰC HIỆN QUY ĐỊNH VỀ CHỨC NĂNG, NHIỆM VỤ CỦA ĐẢNG ĐOÀN, BAN CÁN SỰ ĐẢNG Ở TRUNG ƯƠNG",
        ("MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"),
        ["Các tỉnh ủy, thành ủy", "Các ban đảng, ban cán sự đảng, đảng đoàn, đảng ủy trực thuộc Trung ương",
         "Lưu Văn phòng Trung ương Đảng"],
        _sig("T/M", "BỘ CHÍNH TRỊ", "THƯỜNG TRỰC BAN BÍ THƯ", "Trương Thị Mai")),
}
# A legal-document website prints its own card (title, "Số hiệu", "Người ký" ...) above the plan.
EXPECTED["ubnd-bac-ninh-trang-web"] = EXPECTED["ubnd-bac-ninh-ho-tich"]
HEADER_KEYS = ("superior", "issuer", "number", "symbol", "place", "date")


def _text(name: str) -> str:
    return (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")


def _check(plan, name: str) -> None:
    header, summary, (first, last), recipients, signature = EXPECTED[name]
    got = plan.to_dict()
    assert tuple(got["header"][k] for k in HEADER_KEYS) == header
    assert got["summary"] == summary
    assert (got["sections"][0]["title"], got["sections"][-1]["title"]) == (first, last)
    assert got["recipients"] == recipients
    assert {k: got["signature"].get(k, "") for k in signature} == signature


def test_every_sample_has_its_expectations():
    assert sorted(p.stem for p in SAMPLES.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_public_sample_as_text(name):
    _check(recognise_text(_text(name)).plan, name)


def _pasted_into_word(text: str):
    """The text pasted into Word: one paragraph per line, a web table's "|" walls become tabs."""
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line.replace(" | ", "\t").strip("| "))
    data = io.BytesIO()
    document.save(data)
    return docx.Document(io.BytesIO(data.getvalue()))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_public_sample_pasted_into_word(name):
    _check(recognise_docx(_pasted_into_word(_text(name))).plan, name)


def test_header_and_foot_in_tables_as_typed_in_word():
    """The Lạng Sơn header and foot typed in borderless two-column tables, the date cut in its cell."""
    document = docx.Document()
    head = document.add_table(rows=1, cols=2)
    head.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\n-------\nSố: 07/KH-UBND"
    head.cell(0, 1).text = "CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLạng Sơn, ngày 13\ntháng 01 năm 2020"
    for text in ("KẾ HOẠCH", "TRIỂN KHAI CÁC GIẢI PHÁP PHÒNG, CHỐNG HẠN HÁN NĂM 2020",
                 "Thực hiện Chỉ thị số 8008/CT-TCTL ngày 25/10/2019 của Bộ trưởng Bộ Nông nghiệp và PTNT.",
                 "I. MỤC ĐÍCH,", "YÊU CẦU", "1. Mục đích", "Bảo đảm nguồn nước phục vụ sản xuất, dân sinh.",
                 "II. TỔ CHỨC THỰC HIỆN", "Sở Nông nghiệp và PTNT chủ trì, theo dõi và tổng hợp kết quả."):
        document.add_paragraph(text)
    foot = document.add_table(rows=1, cols=2)
    foot.cell(0, 0).text = "Nơi nhận:\n- Bộ Nông nghiệp và PTNT;\n- Lưu: VT, KT."
    foot.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nDương Xuân Huyên"
    plan = recognise_docx(document).plan
    assert (plan.header.issuer, plan.header.number, plan.header.place, plan.header.date) == (
        "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "07", "Lạng Sơn", "2020-01-13")
    assert [s.title for s in plan.sections] == ["MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"]
    assert plan.sections[-1].content == ["Sở Nông nghiệp và PTNT chủ trì, theo dõi và tổng hợp kết quả."]
    assert plan.closing == []
    assert plan.recipients == ["Bộ Nông nghiệp và PTNT", "Lưu: VT, KT"]
    assert (plan.signature.deputy, plan.signature.position, plan.signature.name) == (
        "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Dương Xuân Huyên")


# ---- the rules these samples brought in, each on a small input ------------------------------------
HEAD = "ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH\nSố: 12/KH-UBND\nHòa Bình, ngày 15 tháng 01 năm 2026\nKẾ HOẠCH\nTỔ CHỨC NGÀY HỘI\n"
FOOT = "Nơi nhận:\n- Các thôn;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\n"


@pytest.mark.parametrize("line, symbol", [("Số 445-KH/TƯ", "KH/TƯ"), ("Số: 3/KH-BCĐ", "KH-BCĐ"),
                                          ("Số: 225 - KH/TWĐTN-CTTN", "KH/TWĐTN-CTTN")])
def test_symbol_keeps_vietnamese_capitals(line, symbol):
    from kehoach_desktop.docx.recognise_header import parse_number_line
    assert parse_number_line(line)[1] == symbol


@pytest.mark.parametrize("cut", ["Sơn\nLa, ngày 11 tháng 3\nnăm 2020", "Sơn La, ngày 11\ntháng 3 năm 2020"])
def test_place_cut_by_a_narrow_cell(cut):
    plan = recognise_text(f"ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 68/KH-UBND\n{cut}\nKẾ HOẠCH\nTHỰC HIỆN\n").plan
    assert (plan.header.place, plan.header.date) == ("Sơn La", "2020-03-11")


def test_a_capitalised_word_before_a_date_is_not_always_a_place():
    plan = recognise_text("ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 68/KH-UBND\nHòa Bình, ngày 11 tháng 3 năm 2020\n"
                          "KẾ HOẠCH\nTHỰC HIỆN\n").plan
    assert plan.header.place == "Hòa Bình"


def test_heading_cut_after_its_first_word():
    plan = recognise_text(HEAD + "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục\nđích\nBảo đảm an toàn.\n2. Yêu cầu\n"
                                 "Tiết kiệm, hiệu quả.\n" + FOOT).plan
    assert [s.title for s in plan.sections[0].content] == ["Mục đích", "Yêu cầu"]


def test_lead_in_cut_before_a_date_is_joined():
    plan = recognise_text(HEAD + "Căn cứ Chỉ thị số 37-CT/TW ngày\n03/9/2019 của Ban Bí thư.\n"
                                 "I. TỔ CHỨC THỰC HIỆN\nCác thôn thực hiện.\n" + FOOT).plan
    assert plan.preamble == ["Căn cứ Chỉ thị số 37-CT/TW ngày 03/9/2019 của Ban Bí thư."]


def test_web_text_parted_by_blank_lines_joins_a_line_that_ends_no_sentence():
    body = ("Căn cứ Luật Thống kê ngày 26 tháng 6 năm 2003;\n\nTheo đề nghị của Cục trưởng Cục Thống kê thành phố\n"
            "Hồ Chí Minh tại Tờ trình số 382/CTK-PPCĐ,\n\nI. MỤC ĐÍCH\n\nĐiều tra đời sống dân cư năm 2006.\n\n"
            "II. TỔ CHỨC THỰC HIỆN\n\nCục Thống kê chủ trì thực hiện.\n\n")
    head = HEAD.replace("\n", "\n\n")
    plan = recognise_text(head + body + FOOT.replace("\n", "\n\n", 1)).plan
    assert plan.preamble[-1] == ("Theo đề nghị của Cục trưởng Cục Thống kê thành phố Hồ Chí Minh tại Tờ trình "
                                 "số 382/CTK-PPCĐ,")
    assert plan.recipients == ["Các thôn", "Lưu: VT"]


@pytest.mark.parametrize("last, closing", [
    ("Các thôn theo chức năng, nhiệm vụ triển khai thực hiện.", []),
    ("Trên đây là Kế hoạch tổ chức Ngày hội, đề nghị các thôn thực hiện./.",
     ["Trên đây là Kế hoạch tổ chức Ngày hội, đề nghị các thôn thực hiện./."])])
def test_closing_leaves_the_only_paragraph_of_the_last_section_unless_it_is_one(last, closing):
    plan = recognise_text(HEAD + f"I. MỤC ĐÍCH\nVui tươi, tiết kiệm.\nII. TỔ CHỨC THỰC HIỆN\n{last}\n" + FOOT).plan
    assert plan.closing == closing
    assert plan.sections[-1].content == ([] if closing else [last])


def test_web_table_on_one_line_with_cell_walls():
    text = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 130/KH-UBND | Hòa Bình, ngày 13 tháng 7 "
            "năm 2022 |\nKẾ HOẠCH\nGIÁM SÁT NĂM 2022\nI. TỔ CHỨC THỰC HIỆN\nCác thôn thực hiện.\n"
            "Nơi nhận: | TM. ỦY BAN NHÂN DÂN |\n- Các thôn; | CHỦ TỊCH |\n- Lưu: VT. | Nguyễn Văn An |\n")
    plan = recognise_text(text).plan
    assert (plan.header.issuer, plan.header.place, plan.header.date) == ("ỦY BAN NHÂN DÂN", "Hòa Bình", "2022-07-13")
    assert plan.recipients == ["Các thôn", "Lưu: VT"]
    assert (plan.signature.position, plan.signature.name) == ("CHỦ TỊCH", "Nguyễn Văn An")


@pytest.mark.parametrize("first, second, superior, issuer", [
    ("Y BAN NHÂN DÂN", "TỈNH KON TUM", "", "Y BAN NHÂN DÂN TỈNH KON TUM"),
    ("HUYỆN ỦY CẨM THỦY", "ĐẢNG ỦY XÃ CẨM TÂN", "HUYỆN ỦY CẨM THỦY", "ĐẢNG ỦY XÃ CẨM TÂN"),
    ("ĐẢNG BỘ TỈNH QUẢNG TRỊ", "XÃ CAM HIẾU", "ĐẢNG BỘ TỈNH QUẢNG TRỊ", "XÃ CAM HIẾU")])
def test_issuer_on_two_lines_joined_only_when_the_first_names_no_place(first, second, superior, issuer):
    plan = recognise_text(f"{first}\n{second}\nSố: 1/KH-UBND\nKẾ HOẠCH\nTHỰC HIỆN\n").plan
    assert (plan.header.superior, plan.header.issuer) == (superior, issuer)


def test_a_title_line_inside_the_body_is_not_the_plans_title():
    plan = recognise_text("Kế hoạch Chương trình nước sạch năm 2014\n\nThực hiện Công văn số 21/BNN, Ban điều hành "
                          "xây dựng kế hoạch như sau:\n\nPhần I\n\nĐÁNH GIÁ NĂM 2013\n\nI. TÌNH HÌNH CHUNG\n\n"
                          "Nhiều công trình đã được xây dựng.\n\nPhần II\n\nKẾ HOẠCH NĂM 2014\n\nI. MỤC TIÊU\n\n"
                          "Đạt 95% dân số dùng nước sạch.\n").plan
    assert plan.summary == "Chương trình nước sạch năm 2014"
    assert [s.title for s in plan.sections] == ["ĐÁNH GIÁ NĂM 2013", "KẾ HOẠCH NĂM 2014"]


def test_body_name_cut_after_its_first_word():
    plan = recognise_text("ỦY\nBAN NHÂN DÂN\nTỈNH BÀ RỊA-VŨNG TÀU\nSố:\n75/KH-UBND\nKẾ HOẠCH\nHỖ TRỢ GIỐNG\n").plan
    assert (plan.header.superior, plan.header.issuer, plan.header.number) == (
        "", "ỦY BAN NHÂN DÂN TỈNH BÀ RỊA-VŨNG TÀU", "75")


def test_header_flattened_into_one_line():
    plan = recognise_text("UBND TỈNH NINH THUẬN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ GIÁO DỤC VÀ ĐÀO TẠO Độc lập - "
                          "Tự do - Hạnh phúc Số : 2917 /KH-SGDĐT Phan Rang-Tháp Chàm, ngày 05 tháng11 năm 2010\n"
                          "KẾ HOẠCH\nKhắc phục thiệt hại do lũ lụt\n").plan
    header = plan.header
    assert (header.superior, header.issuer, header.number, header.symbol, header.place, header.date) == (
        "UBND TỈNH NINH THUẬN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "2917", "KH-SGDĐT", "Phan Rang-Tháp Chàm", "2010-11-05")
    assert plan.regime == "state"


@pytest.mark.parametrize("second, titles", [("VÀ MỤC TIÊU", ["QUAN ĐIỂM VÀ MỤC TIÊU"]),
                                            ("MỤC TIÊU", ["QUAN ĐIỂM", "MỤC TIÊU"])])
def test_heading_whose_rest_starts_with_va(second, titles):
    label = "" if second.startswith("VÀ") else "II. "
    plan = recognise_text(HEAD + f"I. QUAN ĐIỂM\n{label}{second}\n1. Quan điểm\nBảo đảm an toàn.\n" + FOOT).plan
    assert [s.title for s in plan.sections] == titles


@pytest.mark.parametrize("run, lines", [
    ("Nơi nhận: - Như trên; - Lưu: VT. TM. ỦY BAN NHÂN DÂN CHỦ TỊCH (đã ký) Nguyễn Văn An",
     ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An"]),
    ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH (Đã ký) Trần Văn Bình",
     ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Bình"]),
    ("T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ Lê Văn Tám", ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Lê Văn Tám"]),
    ("TM. ỦY BAN NHÂN DÂN", ["TM. ỦY BAN NHÂN DÂN"]),
    ("- Bộ Lao động - Thương binh và Xã hội (b/c);", ["- Bộ Lao động - Thương binh và Xã hội (b/c);"])])
def test_foot_run_into_one_line_is_cut_back(run, lines):
    from kehoach_desktop.docx.unflatten import split_foot_run
    assert split_foot_run(run) == lines


def test_bulleted_lead_in_ends_the_summary():
    plan = recognise_text(HEAD.replace("TỔ CHỨC NGÀY HỘI\n", "Tổ chức Ngày hội năm 2026\n") +
                          "- Căn cứ Điều lệ Đoàn;\nI. TỔ CHỨC THỰC HIỆN\nCác chi đoàn thực hiện.\n" + FOOT).plan
    assert plan.summary == "Tổ chức Ngày hội năm 2026"
    assert plan.preamble == ["- Căn cứ Điều lệ Đoàn;"]


@pytest.mark.parametrize("line, place", [("ĐOÀN TNCS HỒ CHÍ MINH Hà Nội, ngày 29 tháng 10 năm 2013", "Hà Nội"),
                                         ("TP. Hồ Chí Minh, ngày 15 tháng 8 năm 2006", "TP. Hồ Chí Minh"),
                                         ("HÀ NỘI, ngày 15 tháng 8 năm 2006", "HÀ NỘI")])
def test_place_drops_capitals_run_into_it(line, place):
    from kehoach_desktop.docx.recognise_header import parse_date_line
    assert parse_date_line(line)[0] == place
