"""Unfinished text: library placeholders left unfilled, and blanks left to fill in later.

A library paragraph carries ``{noi_dung}``, ``{so_ky_hieu}``… until the user
writes the real words; a form or a copied plan carries "…", "...", dotted lines
("........"), "…/…/…" or "ngày … tháng …" where a name, a date or a figure is
still to come. Both print as they are, so the validator points at them.

An ellipsis is not always a blank: "tuyên truyền lưu động..." and "đối ngoại,..."
end a list (v.v.), "./." ends a closing. The rule: a mark stands for a missing word
when it stands where a word should be — on its own between words ("kỷ niệm ... năm"),
before "/", "%" or a digit ("…/…/2026", "...%"), after a word that cannot end a
phrase ("trước ngày ...", "Về việc ..."), or alone at the end of a clause with no
list before it. Long dotted runs and underscores are always blanks. Pure Python.
"""
from __future__ import annotations

import re

from ..library.placeholders import NAMES, PLACEHOLDER
from ..lazy_regex import lazy_compile

# A run of dots and ellipsis characters (spaces between them allowed: ". . ." / "… …").
_DOTS = lazy_compile(r"(?:\.|…)(?:\s?(?:\.|…))*")
_UNDERSCORES = lazy_compile(r"_{3,}")
_ANY_MARK = ("…", "..", ". .", "___")  # a text with none of these has no blank
_WORD_CHAR = lazy_compile(r"\w", re.UNICODE)
_LAST_WORD = lazy_compile(r"(\w+)\W*$", re.UNICODE)
# Words after which a phrase cannot stop: what follows them is missing ("ngày ...", "số ...").
LINK_WORDS = frozenset("""
    số ngày tháng năm quý giờ việc về của và các những cho với trong tại là được để từ đến ở mọi giữa bởi vì
    như hoặc nhằm khi mà đối vào đạt lần thứ đợt
""".split())
# What ends a clause after an ellipsis: the end, or punctuation.
_CLAUSE_END = lazy_compile(r"\s*(?:$|[;:.,!?)\]”\"’»])")
_CLAUSE_START = lazy_compile(r"[;:.!?\n(]")


def _dot_count(run: str) -> int:
    return run.count(".") + 3 * run.count("…")


def _word_before(text: str, start: int) -> str:
    m = _LAST_WORD.search(text, max(0, start - 40), start)
    return m.group(1).lower() if m else ""


def _is_blank(text: str, start: int, end: int) -> bool:
    run = text[start:end]
    dots = _dot_count(run)
    if dots < 3:
        return False  # a full stop, "./.", "v.v."
    if dots >= 5 or run.count("…") >= 2:
        return True  # a dotted line: "..........", "……"
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if (after and after in "/%") or after.isdigit() or before == "/":
        return True  # "…/…/…", "...%", "số .../KH-UBND"
    if _WORD_CHAR.match(after or " "):
        return True  # glued to the next word: "ngày…tháng"
    if _word_before(text, start) in LINK_WORDS:
        return True  # "trước ngày ...", "Về việc ...", "kỷ niệm ... năm"
    attached = bool(before) and not before.isspace()
    if attached:
        return False  # "lưu động...", "đối ngoại,...": the end of a list (v.v.)
    if not _CLAUSE_END.match(text, end):
        return True  # on its own between words: "Kế hoạch ... Yêu cầu"
    # Alone at the end of a clause: a list ended by " ..." has commas before it.
    clause_start = max((m.end() for m in _CLAUSE_START.finditer(text, 0, start)), default=0)
    return "," not in text[clause_start:start] and not text[:start].strip() == ""


def find_blanks(text: str) -> list[tuple[int, int]]:
    """Spans of the blanks left to fill in ``text`` (dots, ellipses, underscores)."""
    if not text or not any(mark in text for mark in _ANY_MARK):
        return []  # most paragraphs: no scan (the validator runs after each edit)
    spans = [(m.start(), m.end()) for m in _DOTS.finditer(text) if _is_blank(text, m.start(), m.end())]
    spans += [(m.start(), m.end()) for m in _UNDERSCORES.finditer(text)]
    if all(ch in ".… _" for ch in text.strip()):
        spans = spans or [(0, len(text))]  # a field holding only dots
    return sorted(spans)


def find_placeholders(text: str) -> list[tuple[int, int, str]]:
    """(start, end, key) of every ``{key}`` placeholder left in ``text``."""
    if not text or "{" not in text:
        return []
    return [(m.start(), m.end(), m.group(1)) for m in PLACEHOLDER.finditer(text)]


def placeholder_name(key: str) -> str:
    """The Vietnamese name of a placeholder ("{noi_dung}" → "nội dung, chủ đề")."""
    return NAMES.get(key, "")


# ---- the validator's check -------------------------------------------------------------
_HEADER_FIELDS = ("superior", "issuer", "place")
_SIGNATURE_FIELDS = ("collective", "deputy", "position", "name")


def _list(value) -> list:
    return list(value) if isinstance(value, (list, tuple)) else []


def _section_texts(items, where: str):
    from .model import Section

    for i, item in enumerate(_list(items)):
        if isinstance(item, Section):
            yield f"{where}[{i}].title", item.title
            yield from _section_texts(item.content, f"{where}[{i}].content")
        elif isinstance(item, str):
            yield f"{where}[{i}]", item
        elif hasattr(item, "rows"):  # a table: its cells, where a placeholder may be left too
            from .table import cell_paths

            yield from cell_paths(item, f"{where}[{i}]")


def plan_texts(plan):
    """(where, text) of every field a person writes, in the order of the page (odd values skipped)."""
    header = getattr(plan, "header", None)
    for key in _HEADER_FIELDS:
        yield f"header.{key}", getattr(header, key, "")
    yield "summary", getattr(plan, "summary", "")
    for i, text in enumerate(_list(getattr(plan, "preamble", None))):
        yield f"preamble[{i}]", text
    yield from _section_texts(getattr(plan, "sections", None), "sections")
    for key in ("closing", "recipients"):
        for i, text in enumerate(_list(getattr(plan, key, None))):
            yield f"{key}[{i}]", text
    signature = getattr(plan, "signature", None)
    for key in _SIGNATURE_FIELDS:
        yield f"signature.{key}", getattr(signature, key, "")
    for i, appendix in enumerate(_list(getattr(plan, "appendices", None))):  # printed after the signature
        yield f"appendices[{i}].summary", appendix.summary
        yield from _section_texts(appendix.content, f"appendices[{i}].content")


def _excerpt(text: str, start: int, end: int, around: int = 28) -> str:
    """The words around a span, cut between words."""
    left, right = max(0, start - around), min(len(text), end + around)
    if left:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space > end else right
    body = " ".join(text[left:right].split())
    # The cut mark stands apart from a blank ("…", "...") at the edge, else "…… tháng" reads as one blank.
    before = ("… " if body[:1] in "….," else "…") if left else ""
    after = (" …" if body[-1:] in "….," else "…") if right < len(text) else ""
    return before + body + after


def check_unfinished(plan, rules=None):
    """``unfilled-placeholder`` (error) and ``blank-to-fill`` (warning), one of each per field at most."""
    from .validate import problem

    for where, text in plan_texts(plan):
        if not isinstance(text, str) or not text.strip():
            continue
        placeholders = find_placeholders(text)
        if placeholders:
            start, end, key = placeholders[0]
            named = f" ({placeholder_name(key)})" if placeholder_name(key) else ""
            more = f" và {len(placeholders) - 1} chỗ khác" if len(placeholders) > 1 else ""
            yield problem("unfilled-placeholder", where,
                          f"Còn chỗ chưa điền “{text[start:end]}”{named}{more} trong "
                          f"“{_excerpt(text, start, end)}”. Thay bằng nội dung cụ thể.")
        blanks = find_blanks(text)
        if blanks:
            start, end = blanks[0]
            more = f" (cùng {len(blanks) - 1} chỗ khác)" if len(blanks) > 1 else ""
            yield problem("blank-to-fill", where,
                          f"Còn chỗ để trống “{' '.join(text[start:end].split())}”{more} trong "
                          f"“{_excerpt(text, start, end)}”. Điền nội dung cụ thể, hoặc xóa dấu chấm nếu "
                          "không cần.")
