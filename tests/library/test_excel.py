"""Excel import/export: round trip, sheets as people make them, foreign and broken files."""
import io

import openpyxl
import pytest

from kehoach_desktop.errors import FileRejected
from kehoach_desktop.library.catalog import Library
from kehoach_desktop.library.excel import MAX_ROWS, dump_xlsx, parse_xlsx
from kehoach_desktop.library.store import user_library_path


def test_openpyxl_reads_with_defusedxml():
    assert openpyxl.xml.DEFUSEDXML is True


def test_round_trip_keeps_every_field(tmp_path):
    lib = Library.open()
    mine = lib.add_user_paragraph("Đoạn riêng: kinh phí từ Quỹ khuyến học xã.\nDòng thứ hai.", "kinh-phi",
                                  title="Quỹ khuyến học", regimes=["party"], kinds=["su-kien", "tuyen-truyen"])
    picked = [mine] + lib.bundled[:20]
    out = tmp_path / "thu-vien.xlsx"
    assert lib.export_file(out, picked) == 21
    ws = openpyxl.load_workbook(out).active
    assert [c.value for c in ws[1]][:5] == ["Mục", "Tiêu đề", "Nội dung", "Loại cơ quan", "Loại kế hoạch"]
    back, invalid = parse_xlsx(out.read_bytes())
    assert invalid == 0
    assert [(p.section, p.title, p.text, p.regimes, p.kinds) for p in back] == \
        [(p.section, p.title, p.text, p.regimes, p.kinds) for p in picked]


def handmade_sheet() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "THƯ VIỆN ĐOẠN VĂN MẪU CỦA XÃ"
    ws.merge_cells("A1:F1")
    ws.append([])
    ws.append(["Ghi chú nội bộ", "NỘI DUNG", "Loại  kế hoạch", "mục", "Tiêu đề", "Loại cơ quan"])
    ws.append(["bỏ qua", "Kinh phí do Quỹ phòng, chống thiên tai xã bảo đảm.", "", "Kinh phí", "Quỹ PCTT", "Chính quyền"])
    ws.append([])
    ws.append([None, None, None, None, None, None])
    ws.append(["x", "Đảng ủy xã giao Ban Xây dựng Đảng theo dõi.", "Tuyên truyền", "Tổ chức thực hiện", "", "Đảng"])
    ws.append(["y", "Đoạn thiếu mục vẫn được nhận.", "", "", "", ""])
    ws.append(["z", "", "", "Kinh phí", "Dòng không có nội dung", ""])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_sheet_with_title_row_blank_rows_unknown_column_any_order(tmp_path):
    paras, invalid = parse_xlsx(handmade_sheet())
    assert [p.section for p in paras] == ["kinh-phi", "to-chuc-thuc-hien", ""]
    assert paras[0].title == "Quỹ PCTT" and paras[0].regimes == ["state"] and paras[0].kinds == []
    assert paras[1].regimes == ["party"] and paras[1].kinds == ["tuyen-truyen"]
    assert paras[1].title.startswith("Đảng ủy xã giao")  # a title made from the text
    assert invalid == 1

    path = tmp_path / "cua-xa.xlsx"
    path.write_bytes(handmade_sheet())
    lib = Library.open()
    summary = lib.import_file(path)
    assert (summary.added, summary.duplicates, summary.invalid) == (3, 0, 1)
    assert "Đã thêm 3" in summary.message() and "1 dòng không đọc được" in summary.message()
    assert lib.search("quy phong chong thien tai", section="kinh-phi")[0].paragraph.title == "Quỹ PCTT"
    assert Library.open().import_file(path).duplicates == 3


def _workbook(rows) -> bytes:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _rejected(tmp_path, data: bytes, name="tep.xlsx") -> str:
    lib = Library.open()
    lib.add_user_paragraph("Đoạn có sẵn.", "muc-dich")
    before = user_library_path().read_bytes()
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(FileRejected) as info:
        lib.import_file(path)
    assert user_library_path().read_bytes() == before and len(lib.user) == 1
    return str(info.value)


def test_foreign_workbook_is_rejected_with_a_clear_message(tmp_path):
    data = _workbook([["Họ và tên", "Năm sinh", "Địa chỉ"], ["Nguyễn Văn A", 1980, "Thôn 1"]])
    message = _rejected(tmp_path, data)
    assert "không tìm thấy cột “Nội dung”" in message


def test_truncated_workbook_is_rejected(tmp_path):
    data = dump_xlsx(Library.open().bundled[:5])
    message = _rejected(tmp_path, data[: len(data) // 2])
    assert "bị hỏng" in message


def test_random_bytes_and_a_docx_are_rejected(tmp_path):
    assert "không phải" in _rejected(tmp_path, b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "anh.xlsx")
    import zipfile
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    assert "không phải là bảng tính" in _rejected(tmp_path, buf.getvalue(), "van-ban.xlsx")


def test_zip_bomb_like_sizes_are_refused(tmp_path):
    import zipfile
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"0" * (210 * 1024 * 1024))
    assert "quá lớn" in _rejected(tmp_path, buf.getvalue())


def test_too_many_rows_are_refused(monkeypatch, tmp_path):
    monkeypatch.setattr("kehoach_desktop.library.excel.MAX_ROWS", 3)
    data = _workbook([["Mục", "Nội dung"]] + [["Kinh phí", f"Đoạn số {i}."] for i in range(5)])
    assert "quá nhiều dòng" in _rejected(tmp_path, data)
    assert MAX_ROWS > 1000


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    from kehoach_desktop.library.entry import Paragraph

    p = Paragraph(id="u-1", section="kinh-phi", text="=1+1 là công thức, không được chạy.", title="=SUM(A1)")
    data = dump_xlsx([p])
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    assert ws["C2"].data_type == "s" and ws["C2"].value == p.text
    back, _ = parse_xlsx(data)
    assert back[0].text == p.text and back[0].title == "=SUM(A1)"
