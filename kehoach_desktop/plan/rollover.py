"""Year roll-over: make this year's plan from last year's, without search-and-replace mistakes.

Every four-digit year in the plan's text is a ``YearMention`` with a proposed
new year and a reason. Only the plan's own reporting years are checked by
default (year Y → Y+1, and the "results" year Y-1 → Y); dates and numbers of
other documents, terms and periods ("nhiệm kỳ 2020 - 2025"), and targets
("đến năm 2030") are listed but left alone. Pure Python, no Qt.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from dataclasses import dataclass

from .model import Plan, Section
from .table import cell_paths
from .numbering import parse_date
from ..lazy_regex import lazy_compile

_YEAR = lazy_compile(r"(?<![\d])(?:19|20)\d{2}(?!\d)")
_DOC_NUMBER_BEFORE = lazy_compile(r"\d+\s*/\s*$")
_DATE_BEFORE = lazy_compile(r"(?:\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*|/\s*|tháng\s*\d{1,2}\s*(?:năm\s*|/\s*|-\s*))$",
                          re.IGNORECASE)
_RANGE_AFTER = lazy_compile(r"^\s*[-–—]\s*(?:19|20)\d{2}(?!\d)")
_RANGE_BEFORE = lazy_compile(r"(?:19|20)\d{2}\s*[-–—]\s*$")
_PERIOD_BEFORE = lazy_compile(r"(?:nhiệm kỳ|giai đoạn|thời kỳ|niên khóa|khóa|năm học)\s*$", re.IGNORECASE)
_TARGET_BEFORE = lazy_compile(r"(?:đến|tới|đến hết|trước|tầm nhìn|tầm nhìn đến|vào)\s+(?:năm\s+)?$", re.IGNORECASE)
# A citation of another document: "số 58-NQ/TW", "124/2020/QH14", "ngày 05/8/2020".
_CITATION = lazy_compile(r"số\s*\d+|\d+\s*/\s*(?:19|20)\d{2}\s*/|\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?:19|20)\d{2}"
                       r"|\d+\s*[-/]\s*[A-ZĐ]{1,6}\s*[/-]\s*[A-ZĐ]{1,8}", re.IGNORECASE)
# Where a cited title ends and the plan's own words resume: "; ", ". ", ", Ban Thường vụ ...".
_CLAUSE_END = lazy_compile(r"[;.]\s|,\s+(?=[A-ZĐÀ-Ỹ])")
CITED_TITLE_CHARS = 220
_RESULTS_WORDS = lazy_compile(r"kết quả|đánh giá|tổng kết|tình hình|so với|đạt được|sơ kết", re.IGNORECASE)

KIND_PLAN, KIND_PREVIOUS, KIND_OTHER = "plan-year", "previous-year", "other-year"
KIND_DATE, KIND_DOCUMENT, KIND_PERIOD, KIND_TARGET = "date", "document", "period", "target"
KIND_CITED = "cited-title"
REASONS = {
    KIND_PLAN: "Năm của kế hoạch: chuyển sang năm mới.",
    KIND_PREVIOUS: "Năm trước của kế hoạch (kết quả, số liệu): chuyển theo.",
    KIND_OTHER: "Năm khác với năm của kế hoạch: giữ nguyên, trừ khi bạn chọn.",
    KIND_DATE: "Ngày tháng của một văn bản hoặc sự kiện: giữ nguyên.",
    KIND_DOCUMENT: "Số hiệu của văn bản khác: giữ nguyên.",
    KIND_PERIOD: "Nhiệm kỳ, giai đoạn: giữ nguyên.",
    KIND_TARGET: "Mốc mục tiêu (đến năm ...): giữ nguyên.",
    KIND_CITED: "Thuộc tên của văn bản khác được dẫn: giữ nguyên.",
}
CONTEXT_CHARS = 40


@dataclass
class YearMention:
    where: str  # key path: "summary", "preamble[0]", "sections[0].content[1]", "sections[1].title"
    start: int  # span of the year in that text
    end: int
    old: int
    new: int
    context: str  # the words around it, the year included
    checked: bool
    reason: str  # Vietnamese
    kind: str = KIND_OTHER

    @property
    def context_span(self) -> tuple[int, int]:
        """Where the year sits inside ``context`` (for highlighting)."""
        i = self.context.find(str(self.old), max(0, min(self.start, CONTEXT_CHARS) - 1))
        return (i, i + 4) if i >= 0 else (0, 0)


def text_fields(plan: Plan):
    """Yield (where, text) for every text the roll-over looks at, in reading order."""
    yield "summary", plan.summary
    for i, text in enumerate(plan.preamble):
        yield f"preamble[{i}]", text
    yield from _section_fields(plan.sections, "sections")
    for i, text in enumerate(plan.closing):
        yield f"closing[{i}]", text
    for i, text in enumerate(plan.recipients):
        yield f"recipients[{i}]", text
    for i, appendix in enumerate(plan.appendices):  # after the signature, in page order
        yield f"appendices[{i}].title", appendix.title
        yield f"appendices[{i}].summary", appendix.summary
        yield from _section_fields(appendix.content, f"appendices[{i}].content")


def _section_fields(items: list, where: str):
    for i, item in enumerate(items):
        path = f"{where}[{i}]"
        if isinstance(item, Section):
            yield f"{path}.title", item.title
            yield from _section_fields(item.content, f"{path}.content")
        elif isinstance(item, str):
            yield path, item
        else:  # a table: every cell, by the same rules as a paragraph
            yield from cell_paths(item, path)


def _set_field(plan: Plan, where: str, value: str) -> None:
    """Write ``value`` at a key path produced by ``text_fields``."""
    if ".rows[" in where:  # a table cell: rows[r][c].text
        from .edits import SetValue, apply_edit  # lazy: the check (validate) reads fields, never writes

        apply_edit(plan, SetValue(where, value))
        return
    steps = re.findall(r"([a-z]+)(?:\[(\d+)\])?", where)
    target: object = plan
    for k, (name, index) in enumerate(steps):
        last = k == len(steps) - 1
        if last and index == "":
            setattr(target, name, value)
            return
        container = getattr(target, name)
        if last:
            container[int(index)] = value
            return
        target = container[int(index)]


def classify(text: str, start: int, end: int) -> str:
    """What a year at text[start:end] is: a date, another document's number, a period, a target, or plain."""
    before, after = text[max(0, start - 40):start], text[end:end + 12]
    if after.startswith("/") or _DOC_NUMBER_BEFORE.search(before) and after[:1] in ("/", "-"):
        return KIND_DOCUMENT
    if _DATE_BEFORE.search(before):
        return KIND_DATE
    if _RANGE_AFTER.match(after) or _RANGE_BEFORE.search(before) or _PERIOD_BEFORE.search(before):
        return KIND_PERIOD
    if _TARGET_BEFORE.search(before):
        return KIND_TARGET
    if _in_cited_title(text, start):
        return KIND_CITED
    return "plain"


def _in_cited_title(text: str, start: int) -> bool:
    """True when the year belongs to the title of a document cited just before it."""
    window_start = max(0, start - CITED_TITLE_CHARS)
    last = None
    for m in _CITATION.finditer(text, window_start, start):
        last = m
    if last is None:
        return False
    return not _CLAUSE_END.search(text, last.end(), start)


def _all_years(plan: Plan):
    for where, text in text_fields(plan):
        for m in _YEAR.finditer(text or ""):
            yield where, text, m, classify(text, m.start(), m.end())


def plan_year(plan: Plan) -> int | None:
    """The plan's own year: its date, else the most frequent plain year (not before its latest reference)."""
    d = parse_date(plan.header.date)
    if d:
        return d.year
    plain = Counter()
    referenced = []
    for _, _, m, kind in _all_years(plan):
        if kind == "plain":
            plain[int(m.group(0))] += 1
        elif kind in (KIND_DATE, KIND_DOCUMENT):
            referenced.append(int(m.group(0)))
    candidates = []
    if plain:
        candidates.append(plain.most_common(1)[0][0])
    if referenced:
        candidates.append(max(referenced))
    return max(candidates) if candidates else None


def _context(text: str, start: int, end: int) -> str:
    left = max(0, start - CONTEXT_CHARS)
    right = min(len(text), end + CONTEXT_CHARS)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")


def propose_year(from_year: int | None, today: _dt.date | None = None) -> int:
    """The year a new plan made from a plan of ``from_year`` is for: plans are written for this
    year or the next, so the next year of the old plan, unless that is already past: then this year."""
    this_year = (today or _dt.date.today()).year
    return max(from_year + 1, this_year) if from_year else this_year


def find_year_mentions(plan: Plan, to_year: int | None = None, *,
                       today: _dt.date | None = None) -> list[YearMention]:
    """Every year mention with its proposed change; checked only for the plan's own years."""
    year = plan_year(plan)
    if to_year is None:
        to_year = propose_year(year, today)
    shift = to_year - year if year else 0
    out = []
    for where, text, m, kind in _all_years(plan):
        old = int(m.group(0))
        if kind == "plain":
            kind = KIND_PLAN if old == year else KIND_PREVIOUS if year and old == year - 1 else KIND_OTHER
        checked = kind in (KIND_PLAN, KIND_PREVIOUS) and shift != 0
        out.append(YearMention(where=where, start=m.start(), end=m.end(), old=old, new=old + shift,
                               context=_context(text, m.start(), m.end()), checked=checked,
                               reason=REASONS[kind], kind=kind))
    return out


ROLLOVER_KEY = "rollover"  # optional key of the plan file: {"from_year": 2024, "to_year": 2025}


def apply_rollover(plan: Plan, mentions: list[YearMention], to_year: int | None = None) -> Plan:
    """A new plan with the checked mentions changed, number and date cleared, the rest kept.

    The plan remembers the move (``rollover`` key) so that the validator can point
    at what still looks like last year until the user dates the new plan.
    """
    from_year = plan_year(plan)
    if to_year is None:
        shifts = {m.new - m.old for m in mentions if m.checked}
        to_year = from_year + shifts.pop() if from_year and len(shifts) == 1 else None
    new = plan.copy()
    texts = dict(text_fields(new))
    by_where: dict[str, list[YearMention]] = {}
    for mention in mentions:
        if mention.checked:
            by_where.setdefault(mention.where, []).append(mention)
    for where, items in by_where.items():
        text = texts.get(where)
        if text is None:
            continue
        for mention in sorted(items, key=lambda x: x.start, reverse=True):
            if text[mention.start:mention.end] != str(mention.old):
                continue  # the text changed since the mentions were found
            text = text[:mention.start] + str(mention.new) + text[mention.end:]
        _set_field(new, where, text)
    new.header.number = ""
    new.header.date = ""
    if from_year and to_year:
        new.extra[ROLLOVER_KEY] = {"from_year": from_year, "to_year": to_year}
    return new


def rollover_plan(plan: Plan, year: int | None = None, *, today: _dt.date | None = None) -> Plan:
    """The defaults of the review screen applied at once: the plan moved to ``year``
    (default ``propose_year``: the old plan's next year, never a year already past)."""
    if year is None and plan_year(plan):
        year = propose_year(plan_year(plan), today)
    mentions = find_year_mentions(plan, year, today=today)
    return apply_rollover(plan, mentions, year)


def rolled_over_to(plan: Plan) -> int | None:
    """The year a rolled-over plan was moved to (its `rollover` mark); None for other plans."""
    mark = plan.extra.get(ROLLOVER_KEY)
    if not isinstance(mark, dict) or not isinstance(mark.get("to_year"), int):
        return None
    return mark["to_year"]


def stale_year_problems(plan: Plan, year: int | None = None) -> list:
    """Warnings for what still looks like last year: an old year in a heading or the summary,
    a căn cứ dated last year. ``year`` is the plan's year (its date, else its most frequent year)."""
    from .validate import Problem  # lazy: the validator may import this module

    year = year or plan_year(plan)
    if not year:
        return []
    problems = []
    for where, text, m, kind in _all_years(plan):
        old = int(m.group(0))
        heading = where == "summary" or where.endswith(".title")
        if heading and kind == "plain" and old < year:
            before = text[max(0, m.start() - 60):m.start()]
            if old == year - 1 and _RESULTS_WORDS.search(before):
                continue  # "kết quả năm 2024" in a 2025 plan is right
            problems.append(Problem("stale-year", "warning", where,
                                    f"Còn năm {old} trong tiêu đề hoặc trích yếu của kế hoạch năm {year}: "
                                    "kiểm tra xem đã đổi sang năm mới chưa."))
        elif where.startswith("preamble") and kind in (KIND_DATE, KIND_DOCUMENT) and old == year - 1:
            problems.append(Problem("stale-year", "warning", where,
                                    f"Căn cứ ban hành năm {old} (năm trước): kiểm tra xem đã có văn bản "
                                    "mới của năm nay chưa."))
    seen, unique = set(), []
    for p in problems:  # one warning per place and message
        if (p.where, p.message) not in seen:
            seen.add((p.where, p.message))
            unique.append(p)
    return unique


def own_year(plan: Plan) -> int | None:
    """The year the plan is for, as its words say: the latest plain year of its trích yếu
    ("... năm 2025, nhiệm vụ năm 2026" → 2026), else the year it was rolled over to."""
    summary = plan.summary if isinstance(plan.summary, str) else ""
    years = [int(m.group(0)) for m in _YEAR.finditer(summary) if classify(summary, m.start(), m.end()) == "plain"]
    return max(years) if years else rolled_over_to(plan)


def year_date_problems(plan: Plan, today: _dt.date | None = None) -> list:
    """``year-date-mismatch``: a plan for one year issued in another (a past year, or two years
    ahead). An undated plan prints this year (``numbering.date_line``), so that year is compared."""
    from .validate import problem  # lazy: the validator may import this module

    year = own_year(plan)
    date = parse_date(plan.header.date if isinstance(plan.header.date, str) else "")
    issued = date.year if date else (today or _dt.date.today()).year
    if not year or year - 1 <= issued <= year:
        return []
    fix = "Kiểm tra lại năm trong trích yếu, hoặc ngày ban hành ở bước Đơn vị."
    if date is None:
        message = (f"Kế hoạch ghi năm {year}, nhưng ngày ban hành đang để trống nên sẽ in “năm {issued}” "
                   f"(năm nay). {fix}")
    elif issued > year:
        message = f"Kế hoạch ghi năm {year} (năm đã qua) nhưng ngày ban hành là năm {issued}. {fix}"
    else:
        message = f"Kế hoạch ghi năm {year} nhưng ngày ban hành là năm {issued}, sớm hơn một năm. {fix}"
    return [problem("year-date-mismatch", "header.date", message)]


__all__ = ["YearMention", "find_year_mentions", "apply_rollover", "rollover_plan", "stale_year_problems",
           "plan_year", "classify", "text_fields", "propose_year", "own_year", "year_date_problems"]
