"""Recognise a plan in a hand-typed document: lines with hints → ``Plan``.

``recognise_docx`` (a python-docx Document) and ``recognise_text`` (pasted or
.txt text) both turn their input into ``Line`` objects and share the rest:
the header above "KẾ HOẠCH", the trích yếu under it, the body up to the foot,
the foot ("Nơi nhận", signature). What could not be found becomes a note in
Vietnamese for the user to check. Text is kept as the author typed it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..plan.model import Header, Plan, Signature
from ..plan.text import fold
from .handtyped import Line, docx_lines
from .recognise_appendix import appendix_starts, recognise_appendices
from .recognise_body import build_body, line_label
from .recognise_foot import (is_position, is_recipients_title, parse_authority, recognise_foot)
from .recognise_header import is_separator, recognise_header
from .recognise_table import fold_tables, text_tables
from .textinput import text_lines
from .unflatten import split_foot_run
from .unwrap import heading_continues
from ..lazy_regex import lazy_compile

_LEAD_IN = lazy_compile(r"^(?:[-–+•]\s*)?(căn cứ|thực hiện|kính gửi|theo)\b", re.IGNORECASE)
_PARTY_BODIES = ("dang uy", "chi bo", "dang bo", "ban thuong vu", "tinh uy", "huyen uy", "thanh uy",
                 "quan uy", "thi uy", "ban tuyen giao", "ban dan van", "ban to chuc", "uy ban kiem tra",
                 "ban chap hanh dang bo")
# Plan kinds (forms/) told by the words of the trích yếu; first match wins.
_KINDS = (("tuyen-truyen", ("tuyen truyen",)),
          ("kiem-tra-giam-sat", ("kiem tra", "giam sat")),
          ("su-kien", ("to chuc le", "ky niem", "to chuc hoi", "to chuc dai hoi", "to chuc giai")),
          ("cong-tac-nam", ("cong tac nam",)))
MAX_SUMMARY_LINES = 6
# The title and the trích yếu on one line: "KẾ HOẠCH: Tổ chức ...", or a web page's heading "Kế hoạch Chương trình ...".
_INLINE_TITLE = lazy_compile(r"^(?:KẾ\s+HOẠCH|Kế\s+hoạch)\s*[:\-–]?\s+(\S.*)$")


@dataclass
class ImportResult:
    plan: Plan
    notes: list = field(default_factory=list)  # list[str], Vietnamese


def recognise_docx(document) -> ImportResult:
    """A hand-typed DOCX (``package.DocxPackage`` or a python-docx ``Document``) → plan and notes."""
    return recognise_lines(docx_lines(document), tables=fold_tables)


def recognise_text(text: str) -> ImportResult:
    """Plain text (a .txt or pasted text) → plan and notes."""
    return recognise_lines(text_lines(text), tables=text_tables)


def _is_title(text: str) -> bool:
    return fold(text).replace(" ", "") == "kehoach"


def _find_title(lines: list[Line]) -> tuple[int | None, str]:
    """Index of the "KẾ HOẠCH" line, and any trích yếu typed on the same line."""
    for i, line in enumerate(lines):
        if _is_title(line.text):
            return i, ""
    for i, line in enumerate(lines[:20]):
        if _LEAD_IN.match(line.text) or line_label(line):
            break  # the body has begun: "KẾ HOẠCH NĂM 2014" there is a section's title
        m = _INLINE_TITLE.match(line.text)
        if m and not line.table:
            return i, m.group(1)
    return None, ""


def _starts_preamble(text: str, first: bool) -> bool:
    """A "Căn cứ / Thực hiện ..." line. Right under the title, a trích yếu may start with the same
    words ("Thực hiện nhiệm vụ ..."): there only a sentence, ended by punctuation, is the preamble."""
    m = _LEAD_IN.match(text)
    if not m or not m.group(1)[:1].isupper():
        return False
    return not first or bool(re.search(r"[.;:,]\s*$", text))


def _summary(lines: list[Line], start: int) -> tuple[list[str], int]:
    """The trích yếu lines from ``start`` and the index where the body begins."""
    out: list[str] = []
    align = bold = None
    i = start
    while i < len(lines) and len(out) < MAX_SUMMARY_LINES:
        line = lines[i]
        text = line.text
        if is_separator(text):
            i += 1
            break
        if out and (line.blank_before or (align and line.align and line.align != align)
                    or bold is not None and line.bold is not None and line.bold != bold):
            break
        if _starts_preamble(text, first=not out) or line_label(line) or line.table is not None and out:
            break
        if out and len(text) > 100 and text.rstrip().endswith((".", ";", ":")):
            break  # a sentence: the preamble has begun
        if not out:
            align, bold = line.align, line.bold
        out.append(text)
        i += 1
    while i < len(lines) and is_separator(lines[i].text):
        i += 1
    return out, i


def _foot_start(lines: list[Line], start: int, n: int | None = None) -> int:
    n = len(lines) if n is None else n
    for i in range(start, n):
        if lines[i].grid is not None:
            continue  # a table of the plan, whatever its cells say
        text = lines[i].text
        if is_recipients_title(text):
            return i
        auth = parse_authority(text)
        if auth and len(text.split()) <= 12 and auth[1] == auth[1].upper():
            return i
        if is_position(text) and n - i <= 15 and not line_label(lines[i]):
            return i
    return n


def _regime(facts, foot) -> str:
    if facts.motto:
        return facts.motto
    symbol = facts.symbol
    if symbol:
        slash, dash = symbol.find("/"), symbol.find("-")
        if slash >= 0 and (dash < 0 or slash < dash):
            return "party"
        if dash >= 0:
            return "state"
    if "/" in foot.authority:
        return "party"
    if foot.authority:
        return "state"
    issuer = fold(facts.issuer)
    if issuer.startswith(_PARTY_BODIES):
        return "party"
    return "state"


def infer_kind(summary: str) -> str:
    """The form id a plan's trích yếu names ("tuyên truyền ..." → "tuyen-truyen"), else ""."""
    f = fold(summary)
    for kind, words in _KINDS:
        if any(w in f for w in words):
            return kind
    return ""


def _notes(plan: Plan, facts, foot, found_title: bool) -> list[str]:
    notes = []
    if not facts.issuer:
        notes.append("Không tìm thấy tên cơ quan ban hành.")
    if not facts.number_line:
        notes.append("Không tìm thấy số hiệu văn bản.")
    elif not facts.number:
        notes.append("Số văn bản đang để trống.")
    if not facts.date:
        notes.append("Không tìm thấy ngày ban hành." if not facts.date_line else "Ngày ban hành đang để trống.")
    if not found_title:
        notes.append("Không tìm thấy dòng “KẾ HOẠCH”.")
    if not plan.summary:
        notes.append("Không tìm thấy trích yếu (dòng nội dung dưới chữ “KẾ HOẠCH”).")
    if not plan.sections:
        notes.append("Không nhận ra các mục của kế hoạch (I., 1., a)...).")
    if not foot.found_recipients:
        notes.append("Không tìm thấy “Nơi nhận”.")
    if not (foot.position and foot.name):
        notes.append("Không tìm thấy người ký.")
    return notes


_NEW_POINT = lazy_compile(r"^\s*[-+•*–]")


def _split_soft_breaks(lines: list[Line]) -> list[Line]:
    """A paragraph whose line breaks (Shift+Enter) start new items becomes several lines."""
    out: list[Line] = []
    for line in lines:
        if "\n" not in line.raw or line.table is not None:
            out.append(line)
            continue
        pieces: list[str] = []
        for piece in line.raw.split("\n"):
            if not piece.strip():
                continue
            probe = Line(piece)
            if pieces and (_NEW_POINT.match(piece) or line_label(probe)):
                pieces.append(piece)
            elif pieces:
                pieces[-1] = pieces[-1].rstrip() + " " + piece.strip()
            else:
                pieces.append(piece)
        if len(pieces) <= 1:
            out.append(line)
            continue
        for k, piece in enumerate(pieces):
            part = line.with_raw(piece)
            part.blank_before = line.blank_before if k == 0 else False
            if k == 0:
                part.num_label, part.num_level = line.num_label, line.num_level
            out.append(part)
    return out


def _unflatten_foot(lines: list[Line]) -> list[Line]:
    """Foot lines run together by a PDF or a web page, cut back into the lines they were printed on."""
    out: list[Line] = []
    for line in lines:
        pieces = split_foot_run(line.text) if line.table is None and "\t" not in line.raw else [line.text]
        if len(pieces) == 1:
            out.append(line)
            continue
        for k, piece in enumerate(pieces):
            part = line.with_raw(piece)
            part.blank_before = line.blank_before and k == 0
            out.append(part)
    return out


def _join_cut_headings(lines: list[Line]) -> list[Line]:
    """"I. MỤC ĐÍCH," / "YÊU CẦU": a capitals heading cut in two paragraphs (a PDF's lines pasted into Word)."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if (prev is not None and prev.table is None and line.table is None and not line.num_label
                and heading_continues(prev.text, line.text)):
            out[-1] = prev.with_raw(f"{prev.raw.rstrip()} {line.raw.strip()}")
            out[-1].blank_before, out[-1].num_label, out[-1].num_level = prev.blank_before, prev.num_label, prev.num_level
            continue
        out.append(line)
    return out


def recognise_lines(lines: list[Line], tables=None) -> ImportResult:
    """The shared recogniser: ``Line`` objects in reading order → plan and notes.

    ``tables`` folds the plan's own tables into single lines (after the title: the header
    block above it is never a table of the plan).
    """
    lines = _split_soft_breaks(lines)
    title, inline_summary = _find_title(lines)
    if tables is not None:
        lines = tables(lines, 0 if title is None else title + 1)
    if title is None:
        # No title: the header is whatever comes before the first lead-in or label.
        head_end = next((i for i, ln in enumerate(lines)
                         if _LEAD_IN.match(ln.text) or line_label(ln)), 0)
        head_end = min(head_end, 12)
        summary_lines, body_start = [], head_end
    else:
        head_end = title
        summary_lines, body_start = _summary(lines, title + 1)
        if inline_summary:
            summary_lines.insert(0, inline_summary)
    facts = recognise_header(lines[:head_end])
    starts = appendix_starts(lines, body_start)
    foot_at = _foot_start(lines, body_start, starts[0][0] if starts else None)
    if starts and foot_at >= starts[0][0]:  # no foot before the first "PHỤ LỤC": it was a body line
        foot_at = _foot_start(lines, body_start)
    starts = [s for s in starts if s[0] >= foot_at] if foot_at < len(lines) else []
    body = _join_cut_headings([ln for ln in lines[body_start:foot_at] if not is_separator(ln.text)])
    preamble, sections, closing, numbering = build_body(body)
    appendix_at = starts[0][0] if starts else len(lines)
    foot = recognise_foot(_unflatten_foot(lines[foot_at:appendix_at]))
    summary = " ".join(summary_lines).strip()
    plan = Plan(
        regime=_regime(facts, foot),
        kind=infer_kind(summary),
        numbering=numbering or ["I.", "1.", "a)"],
        header=Header(superior=facts.superior, issuer=facts.issuer, number=facts.number,
                      symbol=facts.symbol, place=facts.place, date=facts.date),
        summary=summary,
        preamble=preamble,
        sections=sections,
        closing=closing,
        recipients=foot.recipients,
        signature=Signature(authority=foot.authority, collective=foot.collective,
                            position=foot.position, name=foot.name, deputy=foot.deputy),
        typist=foot.typist,
        copies=foot.copies,
        appendices=recognise_appendices(lines, starts),
    )
    plan = Plan.from_dict(plan.to_dict())  # NFC everywhere, as any plan read in
    notes = _notes(plan, facts, foot, title is not None)
    if plan.appendices:
        notes.append(f"Đã nhận {len(plan.appendices)} phụ lục sau chữ ký: hãy xem lại ở bước Phụ lục.")
    return ImportResult(plan, notes)


__all__ = ["ImportResult", "recognise_docx", "recognise_text", "recognise_lines", "infer_kind"]
