"""One row of the register, and how a plan becomes one. No Qt, no sqlite."""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from ..plan.layout import ARCHIVE_ENTRY
from ..plan.numbering import pad_number
from ..plan.text import clean_line
from .rules import kind_name, kind_of
from ..lazy_regex import lazy_compile

# Số as people type it: "05/KH-UBND" (state), "05-KH/ĐU" (party), "Số: 5", "5", 5.0.
_NUMBER = lazy_compile(r"^\s*(?:s[ốo]\s*:?\s*)?0*(\d{1,6})\s*(?:[/-]\s*(\S.*?))?\s*$", re.IGNORECASE)


@dataclass
class Entry:
    number: int = 0
    symbol: str = ""  # "KH-UBND"
    date: str = ""  # ISO
    summary: str = ""  # trích yếu, without the kind's name
    signer: str = ""
    recipients: list = field(default_factory=list)  # Nơi nhận, without the "Lưu" line
    archive: str = ""  # Đơn vị, người nhận bản lưu: "VT, VHXH"
    copies: str = ""
    note: str = ""
    file: str = ""  # the plan's file, when known
    kind: str = ""  # "KH"; from the symbol when empty
    series: str = ""  # set by the register
    source: str = "app"  # app | cli | excel
    id: int = 0
    regime: str = "state"

    @property
    def day(self) -> _dt.date:
        return _dt.date.fromisoformat(self.date)

    @property
    def number_text(self) -> str:
        return pad_number(str(self.number))

    def number_and_symbol(self) -> str:
        """"05/KH-UBND" (state) or "05-KH/ĐU" (party), as the register writes it."""
        if not self.symbol:
            return self.number_text
        joint = "-" if self.regime == "party" else "/"
        return f"{self.number_text}{joint}{self.symbol}"

    def title(self) -> str:
        """Tên loại và trích yếu: "Kế hoạch Tuyên truyền …"."""
        name = kind_name(self.kind or kind_of(self.symbol))
        if name and not self.summary.casefold().startswith(name.casefold()):
            return f"{name} {self.summary}".strip()
        return self.summary


def parse_number(value) -> tuple[int, str] | None:
    """A Số cell → (number, symbol or ""); None when it is no number (a title, "(1)", a total)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return (int(value), "") if value == int(value) and 0 < value < 10**6 else None
    m = _NUMBER.match(clean_line(str(value)))
    if not m or int(m.group(1)) == 0:
        return None
    return int(m.group(1)), clean_line(m.group(2) or "")


def entry_from_plan(plan, *, file: str = "", source: str = "app") -> Entry:
    """What the register records of a plan (its number and date are set when it is taken)."""
    recipients = [clean_line(r) for r in plan.recipients if clean_line(r)]
    archive = next((r for r in reversed(recipients) if ARCHIVE_ENTRY.match(r)), "")
    sig = plan.signature
    if plan.copies is not None:
        copies = str(plan.copies)
    else:  # as many as the print preview proposes: one per recipient (NĐ 30/2020)
        from ..pages.copies import proposed_copies

        copies = str(proposed_copies(recipients)) if recipients else ""
    return Entry(symbol=clean_line(plan.header.symbol), summary=clean_line(plan.summary),
                 signer=clean_line(sig.name), recipients=[r for r in recipients if r != archive],
                 archive=ARCHIVE_ENTRY.sub("", archive).lstrip(" :").strip(), copies=copies,
                 file=file, kind=kind_of(plan.header.symbol), source=source, regime=plan.regime,
                 date=plan.header.date)
