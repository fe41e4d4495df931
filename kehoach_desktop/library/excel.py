"""The library as an Excel sheet (openpyxl, imported only here): one row per paragraph.

So that a province or commune office can curate paragraphs in Excel and hand
them out on a USB stick. Reading tolerates what people do to sheets: a merged
title row above the header, blank rows, extra columns, columns in any order.
Untrusted workbooks are read only with defusedxml active, in read-only mode,
with caps on size and rows; anything unreadable raises ``FileRejected``.
"""
from __future__ import annotations

import io
import zipfile

from ..errors import FileRejected
from ..plan.text import fold_words
from .entry import KINDS, REGIMES, USER, Paragraph, section_label
from .share import MAX_FILE_BYTES, kind_keys, regime_keys, section_key

MAX_ROWS = 20_000
MAX_UNZIPPED = 120 * 1024 * 1024  # the DOCX gate's total
MAX_PART = 16 * 1024 * 1024  # one part (sharedStrings, a sheet): openpyxl holds all shared strings at once
HEADER_SCAN_ROWS = 30

# Column titles written on export (and their field).
COLUMNS = [("section", "Mục"), ("title", "Tiêu đề"), ("text", "Nội dung"),
           ("regimes", "Loại cơ quan"), ("kinds", "Loại kế hoạch"), ("id", "Mã")]

# Folded header words accepted on import → field.
_HEADERS = {
    "muc": "section", "phan": "section", "muc ke hoach": "section", "phan ke hoach": "section",
    "section": "section",
    "tieu de": "title", "ten": "title", "ten doan": "title", "title": "title",
    "noi dung": "text", "doan van": "text", "noi dung doan van": "text", "van ban": "text", "text": "text",
    "loai co quan": "regimes", "co quan": "regimes", "he": "regimes", "che do": "regimes", "regimes": "regimes",
    "loai ke hoach": "kinds", "ke hoach": "kinds", "kinds": "kinds",
    "ma": "id", "ma so": "id", "id": "id",
}


def _need_openpyxl():
    import openpyxl
    from openpyxl import xml as oxml

    if not getattr(oxml, "DEFUSEDXML", False):
        raise FileRejected("Không thể mở bảng tính an toàn: thiếu thành phần defusedxml. Hãy cài lại phần mềm.")
    return openpyxl


def dump_xlsx(paragraphs: list[Paragraph]) -> bytes:
    openpyxl = _need_openpyxl()
    from openpyxl.styles import Alignment, Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Thư viện đoạn văn"
    ws.append([title for _, title in COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for p in paragraphs:
        regimes = ", ".join(REGIMES[r] for r in p.regimes if r in REGIMES)
        kinds = "; ".join(KINDS.get(k, k) for k in p.kinds)
        ws.append([_cell_text(v) for v in (section_label(p.section), p.title, p.text, regimes, kinds, p.id)])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text, never a formula Excel would run
    for letter, width in zip("ABCDEF", (20, 36, 90, 18, 24, 16)):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=2, min_col=3, max_col=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _cell_text(value: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value)


def _check_zip(data: bytes, name: str) -> None:
    if len(data) > MAX_FILE_BYTES:
        raise FileRejected(f"{name} quá lớn (tối đa {MAX_FILE_BYTES // (1024 * 1024)} MB).")
    if not data.startswith(b"PK"):
        raise FileRejected(f"{name} không phải là bảng tính Excel (.xlsx).")
    from ..docx.gate import MAX_RATIO, RATIO_CHECKED_ABOVE

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > 5000 or sum(i.file_size for i in infos) > MAX_UNZIPPED:
                raise FileRejected(f"{name} có nội dung quá lớn, không an toàn để mở.")
            for info in infos:  # the same guards as on .docx: part size and compression ratio
                if info.file_size > MAX_PART or (info.file_size > RATIO_CHECKED_ABOVE and
                                                 info.file_size > MAX_RATIO * max(info.compress_size, 1)):
                    raise FileRejected(f"{name} chứa phần nén bất thường hoặc quá lớn "
                                       f"({info.file_size // (1024 * 1024)} MB khi giải nén), không an toàn để mở.")
            if "xl/workbook.xml" not in {i.filename for i in infos}:
                raise FileRejected(f"{name} không phải là bảng tính Excel (.xlsx).")
    except zipfile.BadZipFile:
        raise FileRejected(f"{name} bị hỏng hoặc không đầy đủ (có thể chép chưa xong), không mở được.") from None


def _header_map(row) -> dict[int, str]:
    found: dict[int, str] = {}
    for col, value in enumerate(row):
        if value is None:
            continue
        field = _HEADERS.get(" ".join(fold_words(str(value))))
        if field and field not in found.values():
            found[col] = field
    return found


def _cell(row, col) -> str:
    value = row[col] if col < len(row) else None
    return "" if value is None else str(value)


def read_workbook(data: bytes, name: str, read):
    """``read(workbook)`` on an untrusted .xlsx opened safely (zip caps, defusedxml, read-only);
    whatever the parser raises becomes one ``FileRejected`` sentence."""
    _check_zip(data, name)
    openpyxl = _need_openpyxl()
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except FileRejected:
        raise
    except Exception:  # openpyxl raises many types on damaged files
        raise FileRejected(f"{name} bị hỏng hoặc không phải là bảng tính Excel, không mở được.") from None
    try:
        return read(wb)
    except FileRejected:
        raise
    except Exception:
        raise FileRejected(f"{name} bị hỏng, không đọc hết được bảng tính.") from None
    finally:
        wb.close()


def parse_xlsx(data: bytes, *, name: str = "Tệp") -> tuple[list[Paragraph], int]:
    """Paragraphs of the first sheet that has a “Nội dung” column, and the count of rows skipped."""
    return read_workbook(data, name, lambda wb: _read_sheets(wb, name))


def _read_sheets(wb, name: str) -> tuple[list[Paragraph], int]:
    for ws in wb.worksheets:
        if hasattr(ws, "reset_dimensions"):  # a declared "A1:XFD1048576" must not pad every row to 16,384 cells
            ws.reset_dimensions()
        rows = ws.iter_rows(values_only=True)
        columns: dict[int, str] = {}
        for n, row in enumerate(rows):
            if n >= HEADER_SCAN_ROWS:
                break
            columns = _header_map(row)
            if "text" in columns.values():
                break
        if "text" not in columns.values():
            continue
        return _read_rows(rows, columns, name)
    raise FileRejected(
        f"{name} không phải là bảng thư viện đoạn văn mẫu: không tìm thấy cột “Nội dung”. "
        "Bảng cần một dòng tiêu đề với các cột: Mục, Tiêu đề, Nội dung, Loại cơ quan, Loại kế hoạch.")


def _read_rows(rows, columns: dict[int, str], name: str) -> tuple[list[Paragraph], int]:
    by_field = {field: col for col, field in columns.items()}
    out: list[Paragraph] = []
    invalid = 0
    for n, row in enumerate(rows):
        if n >= MAX_ROWS:
            raise FileRejected(f"{name} có quá nhiều dòng (tối đa {MAX_ROWS:,} đoạn văn).".replace(",", "."))
        if not row or all(v is None or str(v).strip() == "" for v in row):
            continue  # blank rows are common in hand-made sheets
        text = _cell(row, by_field["text"])
        if not text.strip():
            invalid += 1
            continue
        item = {"text": text, "title": _cell(row, by_field["title"]) if "title" in by_field else "",
                "section": section_key(_cell(row, by_field["section"])) if "section" in by_field else "",
                "regimes": regime_keys(_cell(row, by_field["regimes"])) if "regimes" in by_field else None,
                "kinds": kind_keys(_cell(row, by_field["kinds"])) if "kinds" in by_field else [],
                "id": _cell(row, by_field["id"]).strip() if "id" in by_field else ""}
        try:
            out.append(Paragraph.from_dict(item, source=USER))
        except ValueError:
            invalid += 1
    return out, invalid
