"""The checks behind ``validate.validate``: one function per part of the page.

Each check takes the plan and its regime's ``RegimeRules`` and yields
``Problem``s. The regime's words (symbol pattern, authority words, archive
form, end mark) are read from the rules, never written here. Checks are
defensive: a plan built by hand with odd values must not make them raise.
"""
from __future__ import annotations

from . import layout
from .model import Section, walk_sections
from .numbering import label, starts_with_label
from .text import clean_line, fold_words, same_text
from .validate_tables import check_tables
from .validate import problem
from ..lazy_regex import lazy_compile

_DIGITS = lazy_compile(r"[0-9]+")
_ISO_DAY = lazy_compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_HEADER_STEP = "ở bước Đơn vị"
_SIGN_STEP = "ở bước Chữ ký"
_SUMMARY_STEP = "ở bước Trích yếu và căn cứ"
_RECIPIENTS_STEP = "ở bước Nơi nhận"


def text_of(value) -> str:
    """A field as clean NFC text (odd spaces plain, zero-width dropped); non-text counts as empty."""
    if isinstance(value, str):
        return clean_line(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


def _items(value) -> list:
    return list(value) if isinstance(value, (list, tuple)) else []


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _regime_words(rules) -> str:
    return f"văn bản {rules.name[0].lower()}{rules.name[1:]}"


def _other_rules(rules):
    return [r for r in layout.RULES.values() if r.regime != rules.regime]


# ---- header ------------------------------------------------------------------
def check_header(plan, rules):
    header = getattr(plan, "header", None)
    number = text_of(getattr(header, "number", "")).strip()
    symbol = text_of(getattr(header, "symbol", "")).strip()
    date = text_of(getattr(header, "date", "")).strip()
    issuer = text_of(getattr(header, "issuer", "")).strip()

    if not number:
        yield problem("missing-number", "header.number",
                      f"Chưa có số hiệu văn bản. Nhập số {_HEADER_STEP}, hoặc để trống nếu "
                      "văn thư sẽ cấp số khi ban hành.")
    elif not _DIGITS.fullmatch(number):
        yield problem("bad-number", "header.number",
                      f"Số hiệu “{_short(number, 30)}” không đúng: ô Số chỉ ghi chữ số (ví dụ 05), "
                      f"ký hiệu (như {rules.symbol_example}) ghi ở ô riêng. Sửa số {_HEADER_STEP}.")

    if not symbol:
        yield problem("bad-symbol", "header.symbol",
                      f"Chưa có ký hiệu văn bản. Nhập ký hiệu {_HEADER_STEP}, "
                      f"ví dụ {rules.symbol_example}.")
    elif not rules.symbol_regex.match(symbol):
        yield problem("bad-symbol", "header.symbol", _symbol_message(symbol, rules))

    if not date:
        yield problem("missing-date", "header.date",
                      f"Chưa có ngày ban hành. Chọn ngày {_HEADER_STEP}.")
    elif not (_ISO_DAY.fullmatch(date) and _real_day(date)):
        yield problem("bad-date", "header.date",
                      f"Ngày “{_short(date, 30)}” không phải là một ngày có thật. "
                      f"Chọn lại ngày ban hành {_HEADER_STEP}.")

    if not issuer:
        yield problem("missing-issuer", "header.issuer",
                      "Chưa có tên cơ quan ban hành. Nhập tên cơ quan, tổ chức ban hành "
                      f"(chữ in hoa) {_HEADER_STEP}.")


def _real_day(value: str) -> bool:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _symbol_message(symbol: str, rules) -> str:
    shown = _short(symbol, 30)
    if symbol[:1].isdigit():
        return (f"Ký hiệu “{shown}” có cả số hiệu. Ô Ký hiệu chỉ ghi phần chữ, ví dụ "
                f"{rules.symbol_example}; số ghi ở ô Số. Sửa {_HEADER_STEP}.")
    for other in _other_rules(rules):
        if other.symbol_regex.match(symbol):
            return (f"Ký hiệu “{shown}” là cách viết của {_regime_words(other)}; "
                    f"{_regime_words(rules)} viết theo dạng {rules.symbol_example}. "
                    f"Sửa ký hiệu {_HEADER_STEP}.")
    return (f"Ký hiệu “{shown}” không đúng thể thức {_regime_words(rules)}: phải có dạng "
            f"{rules.symbol_example} (chữ in hoa, không dấu cách). Sửa ký hiệu {_HEADER_STEP}.")


# ---- title and preamble ------------------------------------------------------------
def check_summary(plan, rules):
    if not text_of(getattr(plan, "summary", "")).strip():
        yield problem("missing-summary", "summary",
                      f"Chưa có trích yếu nội dung (dòng dưới chữ “{rules.title_text}”). "
                      f"Nhập {_SUMMARY_STEP} một câu ngắn cho biết kế hoạch về việc gì.")


def check_preamble(plan, rules):
    if not any(text_of(p).strip() for p in _items(getattr(plan, "preamble", None))):
        first = _label(plan, (1,)).rstrip(".")
        yield problem("missing-preamble", "preamble",
                      f"Chưa có phần căn cứ trước mục {first}. Nên ghi căn cứ hoặc “Thực hiện …” "
                      f"(văn bản chỉ đạo của cấp trên) và câu dẫn vào nội dung {_SUMMARY_STEP}.")


def _label(plan, numbers: tuple) -> str:
    numbering = [n for n in _items(getattr(plan, "numbering", None)) if isinstance(n, str)]
    try:
        return label(numbering, numbers)
    except (ValueError, IndexError):
        return ""


# ---- sections ------------------------------------------------------------------

def check_sections(plan, rules):
    for ref in walk_sections(_items(getattr(plan, "sections", None))):
        section = ref.section
        title = text_of(section.title).strip()
        number = _label(plan, ref.numbers)
        if title and starts_with_label(title):
            yield problem("title-numbered", f"{ref.where}.title",
                          f"Tên mục “{_short(title)}” có gõ sẵn số thứ tự. Xóa số ở đầu tên mục: "
                          f"phần mềm tự đánh số ({number}).")
        if section.is_plain:
            continue  # a numbered paragraph: its text is the title
        content = _items(section.content)
        has_text = any(isinstance(c, str) and c.strip() or not isinstance(c, (str, Section)) for c in content)
        has_sub = any(isinstance(c, Section) for c in content)
        if not has_text and not has_sub:
            named = f" “{_short(title)}”" if title else ""
            yield problem("empty-section", ref.where,
                          f"Mục {number}{named} chưa có nội dung. Thêm đoạn văn hoặc mục con, "
                          "hoặc xóa mục này.")


# ---- end mark ---------------------------------------------------------------------
def _body_paragraphs(items: list, where: str):
    """(where, text) of every paragraph of the sections, in reading order."""
    for i, item in enumerate(items):
        if isinstance(item, str):
            yield f"{where}[{i}]", item
        elif isinstance(item, Section):
            if item.is_plain:
                yield f"{where}[{i}].title", text_of(item.title)
            yield from _body_paragraphs(_items(item.content), f"{where}[{i}].content")


def last_paragraph(plan) -> tuple[str, str] | None:
    """(where, text) of the last non-blank paragraph of the text: closing, else body, else preamble."""
    closing = _items(getattr(plan, "closing", None))
    candidates = [(f"closing[{i}]", text_of(p)) for i, p in enumerate(closing)]
    if not any(t.strip() for _, t in candidates):
        candidates = list(_body_paragraphs(_items(getattr(plan, "sections", None)), "sections"))
    if not any(text_of(t).strip() for _, t in candidates):
        preamble = _items(getattr(plan, "preamble", None))
        candidates = [(f"preamble[{i}]", text_of(p)) for i, p in enumerate(preamble)]
    for where, text in reversed(candidates):
        if text_of(text).strip():
            return where, text_of(text)
    return None


def check_end_mark(plan, rules):
    mark = rules.end_mark
    if not mark:
        return
    last = last_paragraph(plan)
    if last is None:
        return
    where, text = last
    if not text.rstrip().endswith(mark):
        yield problem("missing-end-mark", where,
                      f"Đoạn cuối cùng của văn bản chưa có dấu kết thúc “{mark}”. "
                      f"Thêm “{mark}” vào cuối đoạn này.")


# ---- recipients --------------------------------------------------------------------
def check_recipients(plan, rules):
    entries = [(i, text_of(r).strip()) for i, r in enumerate(_items(getattr(plan, "recipients", None)))]
    entries = [(i, r) for i, r in entries if r]
    example = rules.archive_example
    if not entries:
        yield problem("missing-recipients", "recipients",
                      f"Chưa có nơi nhận. Thêm các nơi nhận {_RECIPIENTS_STEP}, mỗi nơi một dòng; dòng cuối là "
                      f"“{example}”.")
        return

    archives = [(i, r) for i, r in entries if layout.ARCHIVE_ENTRY.match(r)]
    archive_rows = {i for i, _ in archives}  # sets and a dict: linear in the number of recipients
    seen: dict[str, int] = {}  # folded text (as same_text compares) → first row
    for i, entry in entries:
        key = " ".join(fold_words(entry))
        twin = seen.get(key)
        if twin is not None:
            yield problem("duplicate-recipient", f"recipients[{i}]",
                          f"Nơi nhận “{_short(entry)}” ghi trùng với dòng {twin + 1}. "
                          "Xóa một trong hai dòng.")
        else:
            seen[key] = i
        if i in archive_rows:
            message = _archive_form_message(entry, rules)
            if message:
                yield problem("archive-form", f"recipients[{i}]", message)

    if not archives:
        office = _archive_office(rules).upper()
        about = f" ({office} là văn thư, sau đó là đơn vị soạn thảo)" if office else ""
        yield problem("missing-archive", "recipients",
                      f"Nơi nhận chưa có dòng lưu văn bản. Thêm dòng cuối cùng “{example}”{about} "
                      f"{_RECIPIENTS_STEP}.")
    else:
        last_other = max((i for i, _ in entries if i not in archive_rows), default=-1)
        for i, entry in archives:
            if i < last_other:  # another recipient follows this "Lưu" line
                yield problem("archive-not-last", f"recipients[{i}]",
                              f"Dòng “{_short(entry)}” phải là dòng cuối cùng của nơi nhận. "
                              "Chuyển dòng này xuống cuối.")


def _archive_office(rules) -> str:
    """The office every archive line names first, from the regime's example ("Lưu: VT, VH" → vt)."""
    words = fold_words(layout.ARCHIVE_ENTRY.sub("", rules.archive_example, count=1))
    return words[0] if words else ""


def _archive_form_message(entry: str, rules) -> str:
    rest = layout.ARCHIVE_ENTRY.sub("", entry, count=1)
    has_colon = rest.lstrip().startswith(":")
    shown = _short(entry)
    example = rules.archive_example
    if rules.archive_needs_colon:
        lacks = []
        if not has_colon:
            lacks.append("dấu hai chấm sau “Lưu”")
        office = _archive_office(rules)
        if office and office not in fold_words(rest):
            lacks.append(f"“{office.upper()}” (văn thư)")
        if lacks:
            return (f"Dòng “{shown}” thiếu {' và '.join(lacks)}. "
                    f"Viết theo mẫu “{example}”.")
        return ""
    if has_colon:
        words = _regime_words(rules)
        return (f"{words[0].upper()}{words[1:]} ghi “Lưu” không có dấu hai chấm. "
                f"Sửa “{shown}” theo mẫu “{example}”.")
    return ""


# ---- signature ----------------------------------------------------------------------
def check_signature(plan, rules):
    sig = getattr(plan, "signature", None)
    authority = text_of(getattr(sig, "authority", "")).strip()
    collective = text_of(getattr(sig, "collective", "")).strip()
    position = text_of(getattr(sig, "position", "")).strip()
    name = text_of(getattr(sig, "name", "")).strip()

    if authority and authority not in rules.authorities:
        yield problem("bad-authority", "signature.authority", _authority_message(authority, rules))
    elif not collective and authority in rules.authorities_with_collective:
        yield problem("missing-collective", "signature.collective",
                      f"Sau “{authority}” phải ghi tên tập thể lãnh đạo mà người ký thay mặt. "
                      f"Nhập {_SIGN_STEP}.")
    elif not collective and authority in rules.authorities_with_head_title:
        yield problem("missing-collective", "signature.collective",
                      f"Sau “{authority}” phải ghi chức vụ của người đứng đầu mà người ký "
                      f"ký thay. Nhập {_SIGN_STEP}.")

    deputy = text_of(getattr(sig, "deputy", "")).strip()
    if deputy and not _starts_with_head_authority(deputy, rules):
        yield problem("bad-authority", "signature.deputy", _deputy_message(deputy, rules))

    if not position:
        yield problem("missing-signer", "signature.position",
                      f"Chưa có chức vụ của người ký. Nhập chức vụ {_SIGN_STEP}.")
    elif not name:
        yield problem("missing-signer", "signature.name",
                      f"Chưa có họ tên người ký. Nhập họ tên {_SIGN_STEP}.")

    if name and name != name.lower() and name == name.upper():
        yield problem("signer-name-case", "signature.name",
                      f"Họ tên người ký “{_short(name)}” đang viết toàn chữ in hoa. Viết hoa chữ "
                      f"cái đầu mỗi tiếng, ví dụ “{_short(name.title())}”.")
    elif name and name != name.upper() and name == name.lower():
        yield problem("signer-name-case", "signature.name",
                      f"Họ tên người ký “{_short(name)}” đang viết toàn chữ thường. Viết hoa chữ "
                      f"cái đầu mỗi tiếng, ví dụ “{_short(name.title())}”.")


def _letters(word: str) -> str:
    return "".join(fold_words(word))


def _authority_message(authority: str, rules) -> str:
    shown = _short(authority, 20)
    allowed = ", ".join(rules.authorities)
    same = [a for a in rules.authorities if _letters(a) == _letters(authority)]
    owner = next((o for o in _other_rules(rules) if authority in o.authorities), None)
    if authority in rules.foreign_authorities and owner and same:
        return (f"“{shown}” là cách viết của {_regime_words(owner)}; {_regime_words(rules)} viết "
                f"“{same[0]}”. Sửa {_SIGN_STEP}.")
    if same:
        return f"Viết “{same[0]}” thay cho “{shown}”. Sửa {_SIGN_STEP}."
    return (f"“{shown}” không phải quyền hạn ký của {_regime_words(rules)}. Dùng một trong "
            f"{allowed}, hoặc để trống nếu người đứng đầu ký. Sửa {_SIGN_STEP}.")


def _starts_with_head_authority(line: str, rules) -> bool:
    """"KT. CHỦ TỊCH" (state) / "K/T BÍ THƯ" (party): the word of signing for the head, then the title."""
    for word in rules.authorities_with_head_title:
        rest = line[len(word):] if line.startswith(word) else ""
        if rest.strip() and (rest[:1] == " " or word.endswith(".")):
            return True
    return False


def _deputy_message(deputy: str, rules) -> str:
    shown = _short(deputy, 30)
    word = rules.authorities_with_head_title[0] if rules.authorities_with_head_title else ""
    example = f"{word} CHỦ TỊCH" if rules.regime == "state" else f"{word} BÍ THƯ"
    return (f"Dòng ký thay “{shown}” phải bắt đầu bằng “{word}” rồi đến chức vụ của người đứng đầu, "
            f"ví dụ “{example}”. Sửa {_SIGN_STEP}.")


# Page order: header, title, preamble, sections, closing, recipients, signature.
def check_stale_years(plan, rules):
    """After a roll-over, what still looks like last year: warnings the user can review."""
    from .rollover import rolled_over_to, stale_year_problems

    year = rolled_over_to(plan)
    return stale_year_problems(plan, year) if year else []


def check_year_and_date(plan, rules):
    """The plan's year and its issue date agree (``rollover.year_date_problems``)."""
    from .rollover import year_date_problems

    try:
        return year_date_problems(plan)
    except (AttributeError, TypeError):  # a hand-built plan without a header
        return []


def check_unfinished(plan, rules):
    """Library placeholders left unfilled, blanks left to fill later (``blanks.py``)."""
    from .blanks import check_unfinished as unfinished

    return unfinished(plan, rules)


def check_number_used(plan, rules):
    """A number already taken in the unit's register (``register/number_check.py``)."""
    from ..register.number_check import check_number_used as used

    return used(plan, rules)


CHECKS = (check_header, check_number_used, check_year_and_date, check_summary, check_preamble, check_sections, check_end_mark,
          check_recipients, check_signature, check_stale_years, check_unfinished)


def check_units(plan, rules):
    """District bodies and old units in a plan of the two-tier government (``units/check.py``)."""
    from ..units.check import check_units as units

    return units(plan, rules)


CHECKS += (check_units,)
CHECKS += (check_tables,)
