"""District-level bodies and old units in a plan, each with what to do (roll-over review, check).

``find_unit_mentions(plan)`` lists every mention of a district body (UBND huyện, Huyện ủy,
Phòng … huyện, Công an huyện …), of a district, and of an old commune or province that no
longer exists, with options: the successor unit(s) from the mapping, a sound proposal for a
body (in Nơi nhận: remove it, or the province's body), and always "leave as it is". A cited
document keeps its issuer as written: it is listed as such and never changed.
``apply_unit_changes(plan, mentions)`` returns a new plan with the chosen options applied.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..plan.rollover import text_fields
from .index import name_key, same_name
from .proposals import commune_form, provincial_form
from .scan import scan
from ..lazy_regex import lazy_compile

KIND_DISTRICT_BODY, KIND_DISTRICT = "district-body", "district"
KIND_OLD_UNIT, KIND_RENAMED, KIND_OLD_PROVINCE = "old-unit", "renamed-unit", "old-province"
PART_HEADER, PART_PLACE, PART_RECIPIENTS = "header", "place", "recipients"
PART_DUTIES, PART_TEXT, PART_CITED = "duties", "text", "cited"
PART_LABELS = {PART_HEADER: "Đầu văn bản", PART_PLACE: "Địa danh", PART_RECIPIENTS: "Nơi nhận",
               PART_DUTIES: "Nội dung, nhiệm vụ", PART_TEXT: "Trích yếu, căn cứ, kết thúc",
               PART_CITED: "Văn bản được dẫn"}
MAX_CHOICES = 8
CONTEXT_CHARS = 45

# A cited document: its number or date earlier in the same clause, or its type and "của" right before.
_CITATION = lazy_compile(r"\bsố\s*\d+|\d+\s*/\s*(?:19|20)\d{2}\s*/|\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?:19|20)\d{2}"
                       r"|\d+\s*[-/]\s*[A-ZĐ]{1,6}\s*[/-]\s*[A-ZĐ]{1,8}|ngày\s+\d{1,2}\s+tháng", re.IGNORECASE)
_DOC_WORD = lazy_compile(r"\b(?:Kế hoạch|Quyết định|Chỉ thị|Nghị quyết|Hướng dẫn|Công văn|Thông báo|Luật|Nghị định|"
                       r"Thông tư|Văn bản|Kết luận|Chương trình|Đề án|Thông tri|Quy định|Quy chế|Điều lệ)\b")
_ISSUER_BEFORE = lazy_compile(r"\b(?:của|do)\s+$")
_EVENT_BEFORE = lazy_compile(r"\b(?:Đại hội|Nghị quyết|Hội nghị)\s+$", re.IGNORECASE)  # "Đại hội Đảng bộ huyện"
_PEOPLES_BODY = lazy_compile(r"^(?:ỦY|UỶ) BAN NHÂN DÂN|^HỘI ĐỒNG NHÂN DÂN|^UBND|^HĐND")
_CLAUSE_END = lazy_compile(r"[;:\n]|\.\s|,\s+(?=[A-ZĐÀ-Ỹ])")
CITED_WINDOW = 240


@dataclass
class Option:
    label: str  # Vietnamese, as offered in the review
    text: str | None = None  # what replaces the mention; None: leave it
    remove: bool = False  # drop the whole line of Nơi nhận


LEAVE = "Giữ nguyên"


@dataclass
class UnitMention:
    where: str  # "header.issuer", "recipients[2]", "sections[3].content[1]" …
    start: int
    end: int
    text: str  # the words as written
    kind: str
    part: str
    reason: str  # Vietnamese
    context: str
    options: list = field(default_factory=list)  # the last one is always "leave as it is"
    choice: int = -1  # index into options; -1 is the last ("leave")
    successors: tuple = ()  # today's units or provinces, for messages

    def __post_init__(self):
        if not self.options or self.options[-1].text is not None or self.options[-1].remove:
            self.options.append(Option(LEAVE))
        if self.choice < 0:
            self.choice = len(self.options) - 1

    @property
    def chosen(self) -> Option:
        return self.options[self.choice]

    @property
    def changes(self) -> bool:
        return self.chosen.text is not None or self.chosen.remove

    @property
    def context_span(self) -> tuple[int, int]:
        i = self.context.find(self.text)
        return (i, i + len(self.text)) if i >= 0 else (0, 0)


class _Context:
    """What the plan says about where it is: its provinces (today's and old), its commune, its regime."""

    def __init__(self, index, regime: str, issuer: str = ""):
        self.index = index
        self.regime = regime
        self.issuer = issuer
        self.new: set = set()
        self.old: set = set()
        self.commune = None
        self.commune_kind = "Xã"  # of the plan's own unit, when which one is not clear

    @property
    def province(self):
        if self.commune is not None:
            return self.index.province_of(self.commune)
        return self.index.province[next(iter(self.new))] if len(self.new) == 1 else None

    def add_province(self, key: str) -> None:
        for p in self.index.province_by_name.get(key, ()):
            self.new.add(p.code)
        for p in self.index.old_province_by_name.get(key, ()):
            self.old.add(p.code)
            self.new.update(p.successors)

    def finish(self) -> None:
        self.old |= self.index.old_provinces_of(self.new)

    def resolve(self, kind: str, written: str) -> tuple[str, list]:
        """("exists" | "old" | "renamed" | "", today's candidates) for a commune named ``written``."""
        key = name_key(written)
        news = [u for u in same_name(self.index.new_by_name.get(key, ()), written)
                if not self.new or u.province in self.new]
        if any(u.kind == kind or not kind for u in news) and kind != "Thị trấn":
            return "exists", [u for u in news if u.kind == kind or not kind]
        olds = [o for o in same_name(self.index.old_by_name.get(key, ()), written)
                if (o.kind == kind or not kind) and (not self.old or o.province in self.old)]
        if olds:
            seen: dict = {}
            for o in olds:
                for u in self.index.successors(o):
                    seen.setdefault(u.code, u)
            return "old", list(seen.values())
        if self.new and news:
            return "renamed", news
        return "", []


def plan_fields(plan):
    """(where, text) of everything a unit may be named in, the header first (place apart)."""
    yield "header.superior", plan.header.superior
    yield "header.issuer", plan.header.issuer
    yield from text_fields(plan)


def find_unit_mentions(plan, index=None) -> list:
    """Every district body, district, and old unit the plan names, with options, in reading order."""
    if index is None:
        from .index import current_index

        index = current_index()
    folds: dict = {}
    scanned = [(where, text, scan(text or "", index, folds)) for where, text in plan_fields(plan)]
    ctx = _Context(index, plan.regime, plan.header.issuer)
    for _where, _text, found in scanned:
        for f in found:
            if f.kind == "province":
                ctx.add_province(f.key)
    if not ctx.new:
        ctx.new = _province_of_issuer(scanned, index)
    ctx.finish()
    ctx.commune = _own_commune(plan, scanned, ctx)
    mentions = []
    for where, text, found in scanned:
        for f in found:
            mention = _mention(where, text, f, ctx)
            if mention is not None:
                mentions.append(mention)
    place = _place_mention(plan.header.place, ctx)
    if place is not None:
        mentions.insert(sum(1 for m in mentions if m.where.startswith("header.")), place)
    return mentions


def _province_of_issuer(scanned, index) -> set:
    """Today's province of a plan that names none: the one its commune's name belongs to, if only one."""
    for _where, _text, found in scanned[:2]:
        for f in found:
            if f.kind == "unit":
                olds = same_name(index.old_by_name.get(f.key, ()), f.name)
                news = same_name(index.new_by_name.get(f.key, ()), f.name)
                provinces = {c for o in olds for c in index.old_province[o.province].successors}
                provinces |= {u.province for u in news}
                return provinces if len(provinces) == 1 else set()
    return set()


def _own_commune(plan, scanned, ctx):
    """Today's unit the plan is issued for (from its header), when it is clear."""
    for where, _text, found in scanned[:2]:
        for f in found:
            if f.kind == "unit":
                ctx.commune_kind = "Phường" if f.level == "Phường" else "Xã"
                status, units = ctx.resolve(f.level, f.name)
                if status and len(units) == 1:
                    return units[0]
    status, units = ctx.resolve("", plan.header.place or "")
    return units[0] if status and len(units) == 1 else None


def _part(where: str, text: str, start: int) -> str:
    if where.startswith("header."):
        return PART_HEADER
    if where.startswith("recipients"):
        return PART_RECIPIENTS
    if is_cited(text, start):
        return PART_CITED
    return PART_DUTIES if where.startswith("sections") else PART_TEXT


def is_cited(text: str, start: int) -> bool:
    """True when the words at ``start`` belong to a document cited earlier in the same clause."""
    if _EVENT_BEFORE.search(text[max(0, start - 20):start]):
        return True
    window = text[max(0, start - CITED_WINDOW):start + 1]  # the mention's first letter: for ", UBND …"
    clause_start = 0
    for m in _CLAUSE_END.finditer(window):
        clause_start = m.end()
    clause = window[clause_start:-1]
    if _CITATION.search(clause):
        return True
    return bool(_DOC_WORD.search(clause) and _ISSUER_BEFORE.search(clause))


def _context(text: str, start: int, end: int) -> str:
    left, right = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")


def _styled(span: str, upper: bool, kind: str, bare: str) -> str:
    """A unit's name written like the words it replaces: capitals, "Xã …" or "xã …"."""
    if upper:
        return f"{kind} {bare}".upper()
    return f"{kind if span[:1].isupper() else kind.lower()} {bare}"


def _mention(where: str, text: str, f, ctx):
    if f.kind == "province":
        return _old_province(where, text, f, ctx)
    span = text[f.start:f.end]
    part = _part(where, text, f.start)
    make = dict(where=where, start=f.start, end=f.end, text=span, part=part, context=_context(text, f.start, f.end))
    cited = part == PART_CITED
    if f.kind == "unit":
        status, units = ctx.resolve(f.level, f.name)
        if status in ("", "exists"):
            return None
        options = [] if cited else [Option(f"{ctx.index.label(u)}", _styled(span, f.upper, u.kind, u.bare))
                                    for u in units[:MAX_CHOICES]]
        names = ", ".join(ctx.index.label(u) for u in units[:MAX_CHOICES])
        reason = (f"{span} nay là {names}." if status == "renamed" else
                  f"{span} không còn từ 01/7/2025; nay thuộc {names}." if len(units) == 1 else
                  f"{span} không còn từ 01/7/2025; đã chia vào: {names}. Chọn đơn vị đúng.")
        kind = KIND_RENAMED if status == "renamed" else KIND_OLD_UNIT
        sure = len(options) == 1 and kind == KIND_OLD_UNIT  # a kind change alone is only offered
        return UnitMention(kind=kind, reason=_cited_reason(reason, cited), options=options,
                           choice=0 if sure else -1, successors=tuple(units), **make)
    if f.kind == "district":
        return _district(text, f, cited, make)
    return _district_body(where, span, f, part, ctx, make)


def _cited_reason(reason: str, cited: bool) -> str:
    return reason + " Thuộc văn bản được dẫn: giữ nguyên như đã ban hành." if cited else reason


def _district(text: str, f, cited: bool, make: dict):
    span = make["text"]
    reason = f"Từ 01/7/2025 không còn cấp huyện: {span} không còn là đơn vị hành chính."
    options = []
    before, after = text[max(0, f.start - 2):f.start], text[f.end:f.end + 14].lower()
    if not cited and before == ", " and re.match(r",\s*(?:tỉnh|thành phố)\s", after):
        make.update(start=f.start - 2, text=", " + span)
        options.append(Option(f"Bỏ “, {span}” khỏi địa chỉ", ""))
    return UnitMention(kind=KIND_DISTRICT, reason=_cited_reason(reason, cited), options=options, **make)


def _district_body(where: str, span: str, f, part: str, ctx, make: dict):
    reason = f"Từ 01/7/2025 không còn cấp huyện: {span} không còn."
    if part == PART_CITED:
        return UnitMention(kind=KIND_DISTRICT_BODY, reason=_cited_reason(reason, True), **make)
    options, choice = [], -1
    if part == PART_RECIPIENTS:
        options.append(Option("Bỏ dòng này khỏi Nơi nhận", remove=True))
        choice = 0
    superior = where == "header.superior"
    peoples = not ctx.issuer.strip() or bool(_PEOPLES_BODY.match(ctx.issuer.strip().upper()))
    if superior and ctx.regime == "state":
        options.append(Option("Để trống (xã không có cấp trên)", ""))
        choice = 0 if peoples else -1  # a commune's People's Committee or Council has no body above it
    province = ctx.province
    if province is not None:
        text = provincial_form(f, span, province)
        if text:
            options.append(Option(f"Đổi thành “{text}”", text))
            if superior and (ctx.regime == "party" or not peoples):
                choice = len(options) - 1  # a commune's committee or association is directly under the province's
    text = commune_form(f, span, ctx.commune, ctx.commune_kind) if part != PART_HEADER else ""
    if text and name_key(text) in name_key(ctx.issuer):
        text = ""  # the plan's own body: not a recipient of itself
    if text:
        options.append(Option(f"Đổi thành “{text}”", text))
    if province is None and part in (PART_RECIPIENTS, PART_HEADER, PART_DUTIES):
        reason += " (Chưa rõ tỉnh của kế hoạch: nêu tên tỉnh để có đề xuất cơ quan cấp tỉnh.)"
    return UnitMention(kind=KIND_DISTRICT_BODY, reason=reason, options=options, choice=choice, **make)


def _old_province(where: str, text: str, f, ctx):
    if f.key in ctx.index.province_by_name:
        return None
    olds = ctx.index.old_province_by_name.get(f.key, ())
    provinces = list({c: ctx.index.province[c] for p in olds for c in p.successors}.values())
    if not provinces:
        return None
    span = text[f.start:f.end]
    part = _part(where, text, f.start)
    cited = part == PART_CITED
    names = ", ".join(p.name for p in provinces)
    options = [] if cited else [Option(p.name, _styled(span, f.upper, p.kind, p.bare)) for p in provinces]
    return UnitMention(where=where, start=f.start, end=f.end, text=span, kind=KIND_OLD_PROVINCE, part=part,
                       reason=_cited_reason(f"{span} không còn từ 01/7/2025; nay thuộc {names}.", cited),
                       context=_context(text, f.start, f.end), options=options,
                       choice=0 if len(options) == 1 else -1, successors=tuple(provinces))


def _place_mention(place: str, ctx):
    if not name_key(place or ""):
        return None
    status, units = ctx.resolve("", place)
    if status != "old":
        return None
    options = [Option(ctx.index.label(u), u.bare) for u in units[:MAX_CHOICES]]
    names = ", ".join(ctx.index.label(u) for u in units[:MAX_CHOICES])
    return UnitMention(where="header.place", start=0, end=len(place), text=place, kind=KIND_OLD_UNIT,
                       part=PART_PLACE, reason=f"Địa danh “{place}” không còn từ 01/7/2025; nay là {names}.",
                       context=place, options=options, choice=0 if len(options) == 1 else -1,
                       successors=tuple(units))


def apply_unit_changes(plan, mentions):
    """A new plan with each mention's chosen option applied; a mention whose text has changed
    since it was found is left alone."""
    from ..plan.edits import RemoveItem, SetValue, apply_edit, get_value  # lazy: the check never edits

    new = plan.copy()
    by_where: dict = {}
    removed: set = set()
    for m in mentions:
        if m.chosen.remove and m.where.startswith("recipients["):
            removed.add(int(m.where[len("recipients["):-1]))
        elif m.chosen.text is not None:
            by_where.setdefault(m.where, []).append(m)
    for where, items in by_where.items():
        text = get_value(new, where)
        emptied = False
        for m in sorted(items, key=lambda x: x.start, reverse=True):
            if text[m.start:m.end] != m.text:
                continue
            text = text[:m.start] + m.chosen.text + text[m.end:]
            emptied = emptied or not m.chosen.text
        if emptied:
            text = re.sub(r" {2,}", " ", text).strip()
        apply_edit(new, SetValue(where, text))
    for index in sorted(removed, reverse=True):
        if index < len(new.recipients):
            apply_edit(new, RemoveItem("recipients", index))
    return new
