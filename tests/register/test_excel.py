"""The register as Excel: the export's headers and print settings (and LibreOffice's PDF of it),
and hand-kept registers imported so that numbering continues; a foreign sheet changes nothing."""
from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess

import openpyxl
import pytest

from kehoach_desktop.errors import FileRejected
from kehoach_desktop.register.actions import export_file, import_file
from kehoach_desktop.register.book import Register
from kehoach_desktop.register.entry import Entry
from kehoach_desktop.register.excel_out import COLUMNS

from ..conftest import need_program

HEADERS = ["Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản", "Người ký",
           "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ghi chú"]


@pytest.fixture
def book(tmp_path):
    register = Register(tmp_path / "reg" / "ubnd.sqlite3")
    for day, summary in (("2025-12-31", "Tổng kết năm"), ("2026-01-02", "Tuyên truyền Tết Nguyên đán"),
                         ("2026-01-05", "Ra quân làm thủy lợi")):
        register.take(Entry(symbol="KH-UBND", date=day, summary=summary, signer="Nguyễn Văn Bình",
                            recipients=["UBND tỉnh (để báo cáo)", "Các thôn (để thực hiện)"],
                            archive="VT, VHXH", copies="12"))
    yield register
    register.close()


def test_export_of_a_year_has_the_register_columns_and_print_settings(book, tmp_path):
    out = tmp_path / "so-2026.xlsx"
    assert export_file(book, out, year=2026, unit="Ủy ban nhân dân xã Cẩm Tân") == 2
    ws = openpyxl.load_workbook(out).active
    assert [c.value for c in ws[4]] == HEADERS
    assert [c.value for c in ws[5]] == [f"({i})" for i in range(1, 9)]
    assert ws["A2"].value == "SỔ ĐĂNG KÝ VĂN BẢN ĐI" and ws["A3"].value == "Năm 2026"
    assert ws["A1"].value == "ỦY BAN NHÂN DÂN XÃ CẨM TÂN"
    assert [ws.cell(r, 1).value for r in (6, 7)] == ["01/KH-UBND", "02/KH-UBND"]
    assert ws["B6"].value == dt.datetime(2026, 1, 2) and ws["B6"].number_format == "DD/MM/YYYY"
    assert ws["C6"].value == "Kế hoạch Tuyên truyền Tết Nguyên đán"
    assert ws["E6"].value == "- UBND tỉnh (để báo cáo)\n- Các thôn (để thực hiện)"
    assert (ws["F6"].value, ws["G6"].value) == ("VT, VHXH", 12)
    assert ws.print_title_rows == "$4:$5"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    for col, (_, width) in enumerate(COLUMNS, start=1):
        assert ws.column_dimensions[openpyxl.utils.get_column_letter(col)].width == width
    assert all(ws.cell(7, c).border.left.style == "thin" for c in range(1, 9))
    assert ws["A4"].font.bold and ws["C6"].alignment.wrap_text


def test_exported_sheet_converts_in_libreoffice_with_its_headers(book, tmp_path):
    need_program("soffice", "pdftotext")
    out = tmp_path / "so.xlsx"
    for i in range(60):  # enough rows for a second page
        book.take(Entry(symbol="KH-UBND", date="2026-03-01", summary=f"Việc số {i} " * 6))
    export_file(book, out, year=2026, unit="UBND xã Cẩm Tân")
    subprocess.run(["soffice", "-env:UserInstallation=file:///tmp/lo_profile_i16", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   capture_output=True, timeout=180)
    pdf = tmp_path / "so.pdf"
    if not pdf.exists() and os.environ.get("CI") != "true":
        pytest.skip("LibreOffice Calc (libreoffice-calc-nogui) is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    size = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐI" in text and "Người ký" in text and "02/KH-UBND" in text
    assert re.search(r"Page size: +841\.\d+ x 595\.\d+ pts \(A4\)", size)  # A4 landscape
    assert int(re.search(r"Pages: +(\d+)", size).group(1)) >= 2
    second = subprocess.run(["pdftotext", "-f", "2", "-l", "2", "-layout", str(pdf), "-"],
                            capture_output=True, text=True).stdout
    assert "Người ký" in second and "SỔ ĐĂNG KÝ" not in second  # the header row repeats, not the title


def save(wb) -> bytes:
    data = io.BytesIO()
    wb.save(data)
    return data.getvalue()


def handkept_workbook() -> bytes:
    """A register typed by hand: merged title rows, a second header row, blank and odd rows,
    numbers as "05/KH-UBND" and as 5, dates as Excel dates and as text, a line run on below."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["UBND XÃ HÒA BÌNH"])
    ws.append(["SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM 2026"])
    ws.merge_cells("A2:H2")
    ws.append([])
    ws.append(["Số, ký hiệu", "Ngày tháng", "Tên loại và trích yếu", "Người ký", "Nơi nhận",
               "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ghi chú"])
    ws.append(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"])
    ws.append(["THÁNG 1"])
    ws.append(["01/KH-UBND", dt.datetime(2026, 1, 3), "Kế hoạch trồng cây đầu xuân", "Lê Văn An",
               "Các thôn", "VT", 10, None])
    ws.append(["02/BC-UBND", "05/01/2026", "Báo cáo tình hình đầu năm", "Lê Văn An", "UBND tỉnh", "VT", "3", ""])
    ws.append([None, None, "(gửi kèm phụ lục)", None, "Sở Nội vụ", None, None, None])
    ws.append([])
    ws.append([3, "7-1-2026", "Kế hoạch kiểm tra", "Lê Văn An", None, None, None, "trả lại"])
    ws.append(["5", "ngày 12 tháng 1 năm 2026", "Quyết định thành lập tổ công tác", None, None, None, None, None])
    ws.append(["Số, ký hiệu", "Ngày tháng", "Tên loại và trích yếu"])  # a header pasted again
    ws.append([6, "15/1", "Thông báo lịch tiếp dân", None, None, None, None, None])  # no year: the title's
    ws.append(["Cộng: 5 văn bản"])
    return save(wb)


def test_handkept_register_is_imported_and_numbering_continues(tmp_path):
    path = tmp_path / "so-cu.xlsx"
    path.write_bytes(handkept_workbook())
    book = Register(tmp_path / "r.sqlite3")
    summary = import_file(book, path, default_symbol="KH-UBND")
    assert (summary.added, summary.existing) == (5, 0)
    assert summary.skipped == 2  # "THÁNG 1" and the total
    rows = book.entries()
    assert [(e.number, e.symbol, e.date) for e in rows] == [
        (1, "KH-UBND", "2026-01-03"), (2, "BC-UBND", "2026-01-05"), (3, "KH-UBND", "2026-01-07"),
        (5, "QĐ-UBND", "2026-01-12"), (6, "TB-UBND", "2026-01-15")]
    assert rows[1].summary == "Báo cáo tình hình đầu năm (gửi kèm phụ lục)"
    assert rows[1].recipients == ["UBND tỉnh", "Sở Nội vụ"] and rows[2].note == "trả lại"
    assert book.next_number(dt.date(2026, 2, 1)) == 7
    assert book.take(Entry(symbol="KH-UBND", date="2026-02-01", summary="x")).number == 7
    again = import_file(book, path, default_symbol="KH-UBND")  # importing twice adds nothing
    assert (again.added, again.existing) == (0, 5)
    assert "Đã nhập 0 số" in again.message()


def test_foreign_sheet_is_refused_and_changes_nothing(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["Họ và tên", "Lớp", "Điểm"])
    wb.active.append(["Nguyễn Văn A", "9A", 8])
    path = tmp_path / "diem.xlsx"
    path.write_bytes(save(wb))
    book = Register(tmp_path / "r.sqlite3")
    book.take(Entry(symbol="KH-UBND", date="2026-01-01", summary="x"))
    before = (tmp_path / "r.sqlite3").read_bytes()
    with pytest.raises(FileRejected, match="không phải là sổ đăng ký văn bản đi"):
        import_file(book, path)
    for junk in (b"not a zip at all", b"PK\x03\x04broken"):
        path.write_bytes(junk)
        with pytest.raises(FileRejected):
            import_file(book, path)
    assert [e.number for e in book.entries()] == [1]
    assert not (tmp_path / "backups").exists()
    assert (tmp_path / "r.sqlite3").read_bytes() == before


def test_import_takes_a_backup_first(tmp_path):
    path = tmp_path / "so-cu.xlsx"
    path.write_bytes(handkept_workbook())
    book = Register(tmp_path / "r.sqlite3")
    book.take(Entry(symbol="KH-UBND", date="2025-05-01", summary="năm trước"))
    import_file(book, path, default_symbol="KH-UBND")
    copies = sorted((tmp_path / "backups").glob("r--*--truoc-nhap.sqlite3"))
    assert copies and Register(copies[-1]).entries()[0].summary == "năm trước"
    assert len(Register(copies[-1]).entries()) == 1
