"""Numbering rules as data, one per regime, and the series a document's number belongs to.

State bodies (Nghị định 30/2020/NĐ-CP, Điều 15 and Phụ lục I): numbers run from 01 on
1 January to 31 December across all the unit's documents. Party bodies (Hướng dẫn
36-HD/VPTW, mục “Số văn bản”): numbers run from 01 for each kind of document within a
term of the committee. A unit may keep a separate series per kind where its practice
is so (profile field ``series``). A number is stored as an integer; it is written with
a leading zero under 10 (``numbering.pad_number``).
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, replace

from ..plan.text import clean_line, fold


@dataclass(frozen=True)
class NumberingRule:
    regime: str
    period: str  # "year": 1/1–31/12; "term": from the committee's term start
    per_kind: bool  # one series per kind of document (KH, BC, QĐ…)
    source: str  # the official text, for the user


RULES = {
    "state": NumberingRule("state", "year", False,
                           "Nghị định 30/2020/NĐ-CP: số đánh từ 01 ngày 01/01 đến 31/12 hằng năm"),
    "party": NumberingRule("party", "term", True,
                           "Hướng dẫn 36-HD/VPTW: số đánh từ 01 cho từng loại văn bản trong một "
                           "nhiệm kỳ cấp ủy"),
}
SERIES_CHOICES = {"": "Theo quy định", "kind": "Mỗi loại văn bản một dãy số riêng"}


def rule_for(regime: str, series: str = "") -> NumberingRule:
    """The regime's rule; ``series="kind"`` makes a separate series per kind of document."""
    rule = RULES.get(regime, RULES["state"])
    return replace(rule, per_kind=True) if series == "kind" else rule


# Kinds of documents by their abbreviation (NĐ30 Phụ lục III; HD36), for the register's
# “Tên loại” and to recognise a kind from the first words of a trích yếu.
KIND_NAMES = {
    "KH": "Kế hoạch", "BC": "Báo cáo", "QĐ": "Quyết định", "NQ": "Nghị quyết", "CT": "Chỉ thị",
    "TB": "Thông báo", "HD": "Hướng dẫn", "CTR": "Chương trình", "TTR": "Tờ trình",
    "PA": "Phương án", "ĐA": "Đề án", "BB": "Biên bản", "GM": "Giấy mời", "QC": "Quy chế",
    "KL": "Kết luận", "CV": "Công văn", "HĐ": "Hợp đồng", "CĐ": "Công điện", "GGT": "Giấy giới thiệu",
}
_KIND_BY_NAME = sorted(((fold(name), code) for code, name in KIND_NAMES.items()), key=lambda t: -len(t[0]))


def kind_key(kind: str) -> str:
    """"CTr" and "CTR" are one kind; "HD" (hướng dẫn) and "HĐ" (hợp đồng) are not."""
    return clean_line(kind).upper()


def kind_of(symbol: str) -> str:
    """The kind of document in a ký hiệu: "KH-UBND" → "KH", "KH/ĐU" → "KH", "CTr-UBND" → "CTR"."""
    head = re.split(r"[-/]", clean_line(symbol), maxsplit=1)[0]
    return kind_key(head)


def issuer_part(symbol: str) -> str:
    """What follows the kind in a ký hiệu: "KH-UBND" → "UBND", "KH/ĐU" → "ĐU"."""
    parts = re.split(r"[-/]", clean_line(symbol), maxsplit=1)
    return kind_key(parts[1]) if len(parts) > 1 else ""


def kind_name(kind: str) -> str:
    return KIND_NAMES.get(kind_key(kind), "")


def kind_from_summary(text: str) -> str:
    """"Kế hoạch tuyên truyền…" → "KH"; "" when the text does not start with a known kind."""
    folded = fold(clean_line(text))
    return next((code for name, code in _KIND_BY_NAME if folded.startswith(name)), "")


def term_of(day: _dt.date, terms: list[str]) -> str:
    """The start (ISO) of the term a day falls in: the latest known start not after it; "" before all."""
    starts = sorted(t for t in terms if t and t <= day.isoformat())
    return starts[-1] if starts else ""


def series_key(rule: NumberingRule, day: _dt.date, kind: str, terms: list[str] = ()) -> str:
    """The series a number belongs to: "2026", "2026|KH", "nk2025-10-01|KH" (term), "nk|KH"."""
    period = str(day.year) if rule.period == "year" else "nk" + term_of(day, list(terms))
    return f"{period}|{kind_key(kind)}" if rule.per_kind else period


def describe_series(key: str) -> str:
    """A series key in words, for messages: "năm 2026", "nhiệm kỳ từ 01/10/2025, loại KH"."""
    period, _, kind = key.partition("|")
    if period.startswith("nk"):
        start = period[2:]
        words = (f"nhiệm kỳ từ {_dt.date.fromisoformat(start).strftime('%d/%m/%Y')}" if start
                 else "nhiệm kỳ hiện tại")
    else:
        words = f"năm {period}"
    return f"{words}, loại {kind}" if kind else words


def symbol_for_kind(kind: str, default_symbol: str) -> str:
    """A bare number: the unit's ký hiệu, with the kind read from the trích yếu when it says one."""
    if not default_symbol:
        return kind
    if not kind or kind == kind_of(default_symbol):
        return default_symbol
    joint = "/" if "/" in default_symbol and "-" not in default_symbol.split("/")[0] else "-"
    tail = issuer_part(default_symbol)
    return f"{kind}{joint}{tail}" if tail else kind
