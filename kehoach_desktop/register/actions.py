"""What the app and the command line do with a register, in one place. No Qt."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from ..errors import FileRejected
from .entry import Entry, entry_from_plan
from .number_check import typed_number  # noqa: F401 - the app and the command line take it from here

MAX_XLSX_BYTES = 20 * 1024 * 1024


@dataclass
class ImportSummary:
    added: int
    existing: int  # numbers already in the register
    skipped: int  # rows that are no numbered document

    def message(self) -> str:
        parts = [f"Đã nhập {self.added} số vào sổ"]
        if self.existing:
            parts.append(f"{self.existing} số đã có trong sổ nên bỏ qua")
        if self.skipped:
            parts.append(f"{self.skipped} dòng không phải văn bản có số (tiêu đề, dòng ghi chú…) được bỏ qua")
        return "; ".join(parts) + "."


def import_file(register, path, *, default_symbol: str = "") -> ImportSummary:
    """Rows of an Excel register into ``register``; a copy of the register is taken first."""
    from ..safefile import read_bytes_limited
    from .excel_in import parse_register_xlsx

    path = Path(path)
    data = read_bytes_limited(path, max_bytes=MAX_XLSX_BYTES)
    parsed = parse_register_xlsx(data, name=f"Tệp “{path.name}”", default_symbol=default_symbol)
    if not parsed.entries:
        raise FileRejected(f"Tệp “{path.name}” có dòng tiêu đề của sổ nhưng không có văn bản nào có số "
                           "và ngày; sổ chưa thay đổi gì.")
    register.backup("truoc-nhap")
    added, existing = register.add_many(parsed.entries)
    return ImportSummary(added, existing, parsed.skipped)


def export_file(register, path, *, year: int | None = None, unit: str = "") -> int:
    """A year (or all) of the register as .xlsx, written atomically; returns the row count."""
    from ..safefile import write_atomic
    from .excel_out import dump_register_xlsx

    entries = register.entries(year=year)
    write_atomic(Path(path), dump_register_xlsx(entries, unit=unit, year=year))
    return len(entries)


def plan_entry(plan, *, file: str = "", day: _dt.date | None = None, source: str = "app") -> Entry:
    entry = entry_from_plan(plan, file=file, source=source)
    entry.date = (day or _dt.date.today()).isoformat()
    return entry


def same_document(entry: Entry, plan) -> bool:
    """The register's row is this plan: same date and same trích yếu (the number and kind already agree)."""
    from ..plan.text import same_text

    return entry.date == plan.header.date and same_text(entry.summary, plan.summary)
