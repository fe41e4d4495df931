"""Caps on what a plan may hold, checked before any expensive work (rendering, embedding, checking).

Sized far above any real plan (a 60-page plan has about 800 paragraphs and
150,000 characters) and far below what would take the app past a couple of
seconds or a few hundred megabytes. What the app accepts it can also save:
the writer's DOCX of a plan at every cap at once still passes the app's own
gate (``docx/gate.py`` sizes its limits from these). No Qt.
"""
from __future__ import annotations

from ..errors import KehoachError

MAX_PARAGRAPHS = 10_000  # every string of the plan: titles, paragraphs, recipients, header lines
MAX_PARAGRAPH_CHARS = 20_000  # about eight printed pages in one paragraph
MAX_TEXT_CHARS = 2_000_000  # about 600 printed pages
MAX_SECTIONS = 2_000
MAX_SECTION_DEPTH = 8  # "I.", "1.", "a)" is three levels
MAX_RECIPIENTS = 5_000
MAX_NODES = 5 * MAX_PARAGRAPHS  # every value and key of the JSON
MAX_NESTING = 2 * MAX_SECTION_DEPTH + 8  # any JSON value: sections nest two containers a level


class PlanTooBig(KehoachError):
    """The plan is beyond a cap; the message says which, in Vietnamese."""


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def check_plan_data(data) -> None:
    """Raise ``PlanTooBig`` when the JSON value ``data`` (a plan's dict) is beyond a cap.

    Iterative, so a hostile nesting depth cannot exhaust the stack; lone UTF-16
    surrogates (which no file can store) are replaced by "?" on the way.
    """
    strings = chars = nodes = 0
    stack = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        nodes += 1
        if nodes > MAX_NODES:
            raise PlanTooBig(f"Tệp kế hoạch có quá nhiều thành phần (hơn {_n(MAX_NODES)}), "
                             "không phải kế hoạch bình thường.")
        if depth > MAX_NESTING:
            raise PlanTooBig("Tệp kế hoạch có cấu trúc lồng nhau quá sâu "
                             f"(quá {_n(MAX_SECTION_DEPTH)} cấp mục), không phải kế hoạch bình thường.")
        if isinstance(value, dict):
            for key in list(value):
                nodes += 1  # keys count too: unknown keys are kept, embedded and written back
                chars += len(key)
                item = value[key]
                if isinstance(item, str):
                    value[key] = item = _clean(item)
                stack.append((item, depth + 1))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, str):
                    value[i] = item = _clean(item)
                stack.append((item, depth + 1))
        elif isinstance(value, str):
            strings += 1
            chars += len(value)
            if len(value) > MAX_PARAGRAPH_CHARS:
                raise PlanTooBig(f"Một đoạn văn của kế hoạch dài {_n(len(value))} ký tự, quá giới hạn "
                                 f"{_n(MAX_PARAGRAPH_CHARS)} ký tự một đoạn. Hãy chia đoạn đó thành nhiều đoạn.")
            if strings > MAX_PARAGRAPHS:
                raise PlanTooBig(f"Kế hoạch có hơn {_n(MAX_PARAGRAPHS)} đoạn văn, quá giới hạn của phần mềm "
                                 "(một kế hoạch dài 60 trang có chừng 800 đoạn).")
            if chars > MAX_TEXT_CHARS:
                raise PlanTooBig(f"Kế hoạch có hơn {_n(MAX_TEXT_CHARS)} ký tự, quá giới hạn của phần mềm "
                                 "(chừng 600 trang in).")
    if isinstance(data, dict):
        _check_sections(data.get("sections"))
        recipients = data.get("recipients")
        if isinstance(recipients, list) and len(recipients) > MAX_RECIPIENTS:
            raise PlanTooBig(f"Kế hoạch có {_n(len(recipients))} nơi nhận, quá giới hạn {_n(MAX_RECIPIENTS)} "
                             "nơi nhận. Hãy gộp các nơi nhận cùng loại (ví dụ “Các chi bộ trực thuộc”).")


def _check_sections(sections) -> None:
    count = 0
    stack = [(sections, 1)]
    while stack:
        items, level = stack.pop()
        if not isinstance(items, list):
            continue
        for item in items:
            if not isinstance(item, dict):
                continue
            count += 1
            if count > MAX_SECTIONS:
                raise PlanTooBig(f"Kế hoạch có hơn {_n(MAX_SECTIONS)} mục, quá giới hạn của phần mềm.")
            if level > MAX_SECTION_DEPTH:
                raise PlanTooBig(f"Kế hoạch có mục lồng quá {MAX_SECTION_DEPTH} cấp, quá giới hạn của phần mềm.")
            stack.append((item.get("content"), level + 1))


def _clean(text: str) -> str:
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a "\ud800" escape
        return text.encode("utf-8", "replace").decode("utf-8")
    return text


def check_plan(plan) -> None:
    """The same caps on a plan model (before saving what the wizard or the importer built)."""
    check_plan_data(plan.to_dict())


__all__ = ["check_plan", "check_plan_data", "PlanTooBig", "MAX_PARAGRAPHS", "MAX_TEXT_CHARS"]
