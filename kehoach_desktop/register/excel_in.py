"""An old register kept in Excel → entries, so that numbering continues from it. No Qt.

Hand-kept sheets are odd: title rows (often merged) above the header, the header's
column numbers (1)…(8) under it, blank rows, month headings, repeated headers, a row
whose text runs on below it. “Số” may be ``05/KH-UBND``, ``05-KH/ĐU``, ``5`` or 5.0;
dates may be Excel dates or text. A sheet without a register's header is refused with
one sentence and nothing changes. Reading goes through the library's guarded openpyxl
(defusedxml, read-only, caps).
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from ..errors import FileRejected
from ..plan.text import clean_line, fold, fold_words
from .entry import Entry, parse_number
from .rules import kind_from_summary, kind_of, symbol_for_kind
from ..lazy_regex import lazy_compile

MAX_ROWS = 50_000
HEADER_SCAN_ROWS = 40


@dataclass
class ParsedRegister:
    entries: list = field(default_factory=list)
    skipped: int = 0  # rows with content that are not a numbered document


def _field(header: str) -> str:
    words = " ".join(fold_words(header))
    if words.startswith(("so luong", "so ban")):
        return "copies"
    if words in ("so", "so vb", "so van ban", "so hieu", "so hieu van ban") or words.startswith(
            ("so ky hieu", "so va ky hieu")):
        return "number"
    if words.startswith("ky hieu"):
        return "symbol"
    if words.startswith("ngay") and "chuyen" not in words:
        return "date"
    if "trich yeu" in words or words.startswith("ten loai") or words == "noi dung":
        return "summary"
    if words.startswith("nguoi ky"):
        return "signer"
    if words.startswith("noi nhan"):
        return "recipients"
    if "ban luu" in words or words.startswith("noi luu"):
        return "archive"
    if words.startswith("ghi chu"):
        return "note"
    return ""


def _header_map(row) -> dict[str, int]:
    found: dict[str, int] = {}
    for col, value in enumerate(row):
        name = _field(str(value)) if isinstance(value, str) else ""
        if name and name not in found:
            found[name] = col
    return found


def _is_header(columns: dict) -> bool:
    return "number" in columns and ("date" in columns or "summary" in columns)


_DMY = lazy_compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{2,4}))?")
_ISO = lazy_compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_WORDS = lazy_compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})(?:\s*nam\s*(\d{4}))?")
_YEAR = lazy_compile(r"\b(19[5-9]\d|20\d\d)\b")


def parse_date(value, year_hint: int | None) -> _dt.date | None:
    """Excel dates, serial numbers and text (20/5/2021, 20-05-21, 2021-05-20, ngày 20 tháng 5 năm 2021)."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 20000 < value < 80000:  # an Excel serial day left unformatted
            from openpyxl.utils.datetime import from_excel

            return from_excel(value).date()
        return None
    if not isinstance(value, str):
        return None
    text = fold(clean_line(value))
    m = _ISO.search(text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = _WORDS.search(text) or _DMY.search(text)
        if not m:
            return None
        d, mo = int(m.group(1)), int(m.group(2))
        y = int(m.group(3)) if m.group(3) else year_hint
        if y is None:
            return None
        y = y + 2000 if y < 100 else y
    try:
        return _dt.date(y, mo, d)
    except ValueError:
        return None


def _text(row, columns: dict, name: str) -> str:
    col = columns.get(name)
    value = row[col] if col is not None and col < len(row) else None
    if value is None:
        return ""
    if isinstance(value, float) and value == int(value):
        value = int(value)
    return clean_line(str(value)) if name not in ("recipients", "summary") else str(value).strip()


def _lines(text: str) -> list[str]:
    parts = re.split(r"[\n;]+", text)
    return [p for p in (re.sub(r"^[-–+•]\s*", "", clean_line(x)).rstrip(".,") for x in parts) if p]


def parse_register_xlsx(data: bytes, *, name: str = "Tệp", default_symbol: str = "") -> ParsedRegister:
    from ..library.excel import read_workbook

    def read(wb):
        for ws in wb.worksheets:
            parsed = _read_sheet(ws, name, default_symbol)
            if parsed is not None:
                return parsed
        raise FileRejected(
            f"{name} không phải là sổ đăng ký văn bản đi: không tìm thấy dòng tiêu đề có cột “Số, ký hiệu” "
            "và cột “Ngày tháng” hoặc “Trích yếu”. Sổ chưa thay đổi gì.")

    return read_workbook(data, name, read)


def _read_sheet(ws, name: str, default_symbol: str) -> ParsedRegister | None:
    rows = ws.iter_rows(values_only=True)
    columns: dict = {}
    year_hint = None
    m = _YEAR.search(ws.title or "")
    year_hint = int(m.group(1)) if m else None
    for n, row in enumerate(rows):
        if n >= HEADER_SCAN_ROWS:
            return None
        columns = _header_map(row)
        if _is_header(columns):
            break
        for value in row:  # a title row "SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM 2024"
            found = _YEAR.search(fold(str(value))) if isinstance(value, str) and "nam" in fold(str(value)) else None
            year_hint = int(found.group(1)) if found else year_hint
    else:
        return None
    return _read_rows(rows, columns, name, default_symbol, year_hint)


def _read_rows(rows, columns, name, default_symbol, year_hint) -> ParsedRegister:
    out = ParsedRegister()
    previous: Entry | None = None
    for n, row in enumerate(rows):
        if n >= MAX_ROWS:
            raise FileRejected(f"{name} có quá nhiều dòng (tối đa {MAX_ROWS:,} dòng).".replace(",", "."))
        if not row or all(v is None or str(v).strip() == "" for v in row):
            continue
        if _is_header(_header_map(row)):
            continue  # the header repeated (a sheet pasted from printed pages)
        col = columns["number"]
        number = parse_number(row[col] if col < len(row) else None)
        day = parse_date(row[columns["date"]] if "date" in columns and columns["date"] < len(row) else None,
                         year_hint)
        summary = _text(row, columns, "summary")
        recipients = _lines(_text(row, columns, "recipients"))
        if number is None:
            if not _text(row, columns, "number") and day is None and previous and (summary or recipients):
                previous.summary = f"{previous.summary} {clean_line(summary)}".strip()  # text run on below
                previous.recipients += recipients
            elif not re.fullmatch(r"\(?\d\)?", _text(row, columns, "number")):
                out.skipped += 1  # a month heading, a total, a note: not a document
            continue
        if day is None:
            out.skipped += 1
            continue
        year_hint = day.year
        value, symbol = number
        symbol = symbol or _text(row, columns, "symbol") or symbol_for_kind(kind_from_summary(summary), default_symbol)
        previous = Entry(number=value, symbol=symbol, date=day.isoformat(), summary=clean_line(summary),
                         signer=_text(row, columns, "signer"), recipients=recipients,
                         archive=_text(row, columns, "archive"), copies=_text(row, columns, "copies"),
                         note=_text(row, columns, "note"), kind=kind_of(symbol), source="excel")
        out.entries.append(previous)
    return out
