"""The header of a hand-typed plan: bodies, number line, place and date, motto.

Works on fragments, not on positions: a header typed in a table, or as lines
with tabs between the left and right halves, or half lost in pasted text,
gives the same pieces in reading order, and each piece says what it is by
its words (the motto, "Số ...", "..., ngày ... tháng ... năm ...").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..plan.model import Header
from ..plan.text import clean_line, fold
from ..lazy_regex import lazy_compile

_NUMBER = lazy_compile(r"^\s*S[ốố]\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_NUMBER_DIGITS = lazy_compile(r"^(?P<num>\d{1,6})?\s*(?P<sep>[-/.…_ ]*)\s*(?P<sym>.*)$")
_NUMERIC_DATE = lazy_compile(
    r"^(?P<place>[^,]*?)\s*,?\s*ngày\s*(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})\b",
    re.IGNORECASE)
# Letters of any script case ("KH/TƯ", "KH-UBND"): \w, not A-Z, so Vietnamese capitals stay in the symbol.
_SYMBOL = lazy_compile(r"[A-ZĐ][^\W_]*(?:\.[^\W_]*)*(?:\s*[-/]\s*[^\W_.][^\W_]*(?:\.[^\W_]*)*)*")
_DATE = lazy_compile(
    r"^(?P<place>[^,]*?)\s*,?\s*ngày\s*(?P<d>\d{1,2})?[\s.…_]*tháng\s*(?P<m>\d{1,2})?[\s.…_]*"
    r"năm\s*(?P<y>\d{4})?", re.IGNORECASE)
_DATE_ANYWHERE = lazy_compile(r"[^\s,/]*[^,/]*,\s*ngày\s", re.IGNORECASE)
# A date line cut by the wide blanks left for day and month, and the pieces that follow the cut.
_DATE_CUT = lazy_compile(r"(?:\bngày|\btháng)[\s\d.…_]*$", re.IGNORECASE)
_DATE_REST = lazy_compile(r"^(?:tháng|năm)\b|^\d{1,4}\b", re.IGNORECASE)
_SEPARATOR = lazy_compile(r"^[\s\-_=*~.·•oO0+]+$")
_ORG_HEADINGS = {"doan tncs ho chi minh", "doan thanh nien cong san ho chi minh", "hoi lien hiep phu nu viet nam",
                 "mat tran to quoc viet nam", "cong doan viet nam", "tong lien doan lao dong viet nam",
                 "hoi nong dan viet nam", "hoi cuu chien binh viet nam"}
# Marks printed in a header that name no body: a draft, secrecy and urgency ("DỰ THẢO", "MẬT", "KHẨN").
_MARKS = lazy_compile(r"^(?:du thao(?: lan \w+)?|ban du thao|(?:toi |tuyet )?mat|(?:thuong )?khan|hoa toc)\W*$")
_MOTTO_INSIDE = lazy_compile(r"\b(?:CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM"
                           r"|Độc\s+lập\s*[-–]\s*Tự\s+do)")
_MOTTO_WHOLE = lazy_compile(r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM"
                          r"|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc")
_MOTTO = ("cong hoa xa hoi chu nghia", "doc lap - tu do", "doc lap tu do", "dang cong san viet nam")
# Body names that need the next line to say which one ("ỦY BAN NHÂN DÂN" / "XÃ CẨM TÂN").
_GENERIC_BODIES = {"uy ban nhan dan", "hoi dong nhan dan", "dang uy", "ban chap hanh", "ban thuong vu",
                   "chi bo", "dang bo", "chi uy", "ban chi dao"}
# The first word(s) of a generic body's name, left alone on a line when a narrow cell cut the name.
_CUT_BODY_WORDS = {"uy", "uy ban", "uy ban nhan", "hoi dong", "hoi dong nhan", "ban chap", "ban thuong", "dang"}
# Words a body's name starts with ("ỦY BAN NHÂN DÂN ...", "ĐẢNG ỦY ...", "CHI BỘ ...").
_BODY_WORDS = ("uy ban", "ubnd", "hoi dong", "hdnd", "dang uy", "dang bo", "chi bo", "chi uy", "ban ", "so ",
               "phong ", "hoi ", "doan ", "cong doan", "mat tran", "truong ", "tinh uy", "huyen uy", "thanh uy",
               "quan uy", "thi uy", "van phong", "trung tam", "cong an", "bo ", "cuc ", "tong cuc")
_UNIT_WORDS = ("xa ", "phuong ", "thi tran ", "huyen ", "tinh ", "thanh pho ", "quan ", "thi xa ",
               "dac khu ", "khoi ", "thon ", "ban ")


@dataclass
class HeaderFacts(Header):
    """The plan's header fields, and what the recogniser saw on the way."""

    number_line: bool = False  # a "Số ..." line was found (its number may be blank)
    date_line: bool = False
    motto: str = ""  # "state" (Cộng hòa ...) or "party" (Đảng Cộng sản Việt Nam) or ""
    notes: list = field(default_factory=list)


def is_separator(text: str) -> bool:
    """A rule typed under a title or a body name ("-----", "*", "___")."""
    return bool(_SEPARATOR.match(text))


def motto_of(text: str) -> str:
    f = fold(text)
    if "dang cong san viet nam" in f:
        return "party"
    if any(m in f for m in _MOTTO):
        return "state"
    return ""


def parse_number_line(text: str) -> tuple[str, str] | None:
    """"Số: 45/KH-UBND" → ("45", "KH-UBND"); "Số:  /KH-UBND" → ("", "KH-UBND"); else None."""
    m = _NUMBER.match(text)
    if not m:
        return None
    rest = m.group("rest").strip()
    if rest and not re.match(r"^[\d\s\-/.…_]*[A-ZĐ]", rest) and not rest[:1].isdigit():
        return None  # "Sở ..." or a sentence, not a number line
    d = _NUMBER_DIGITS.match(rest)
    number = d.group("num") or ""
    # kept as typed ("07"): the writer pads a single digit anyway, and an importer changes nothing it reads
    sym = _SYMBOL.match(d.group("sym"))
    symbol = re.sub(r"\s+", "", sym.group(0) if sym else d.group("sym")).strip("-/.,;")
    if not symbol and not number:
        return ("", "")
    if symbol and not re.match(r"^[A-ZĐ]", symbol):
        return None
    return number, symbol


def _place_words(place: str) -> str:
    """The place, without capitals run into it from a flattened header ("... ĐOÀN TNCS HỒ CHÍ MINH Hà Nội")."""
    words = place.split()
    caps = [i for i, w in enumerate(words)
            if "." not in w and sum(c.isalpha() for c in w) >= 2 and all(c.isupper() for c in w if c.isalpha())]
    if len(caps) >= 2 and caps[-1] < len(words) - 1:  # one capitals word may be the place's own ("TX Sơn Tây")
        return " ".join(words[caps[-1] + 1:])
    return place


def parse_date_line(text: str) -> tuple[str, str] | None:
    """"Cẩm Tân, ngày 20 tháng 5 năm 2021" → ("Cẩm Tân", "2021-05-20"); blanks give ""."""
    m = _DATE.match(text.strip())
    if not m:
        m = _NUMERIC_DATE.match(text.strip())  # "Hòa Bình, ngày 20/5/2024"
    if not m:
        return None
    place = _place_words(clean_line(m.group("place")).strip(" ,"))
    d, mo, y = m.group("d"), m.group("m"), m.group("y")
    date = ""
    if d and mo and y:
        import datetime as _dt

        try:
            date = _dt.date(int(y), int(mo), int(d)).isoformat()
        except ValueError:
            date = ""
    return place, date


def _is_body_name(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 3 and fold(text) not in _CUT_BODY_WORDS:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper / len(letters) > 0.8


def _join_cut_names(texts: list[str], bolds: list) -> tuple[list[str], list]:
    """"ỦY" / "BAN NHÂN DÂN": a body's name cut after its first word by a narrow cell."""
    out_t: list[str] = []
    out_b: list = []
    for text, bold in zip(texts, bolds):
        if out_t and fold(out_t[-1]) in _CUT_BODY_WORDS and fold(f"{out_t[-1]} {text}").startswith(
                tuple(_GENERIC_BODIES)):
            out_t[-1] = f"{out_t[-1]} {text}"
            continue
        out_t.append(text)
        out_b.append(bold)
    return out_t, out_b


def _split_bodies(names: list[tuple[str, bool | None]]) -> tuple[str, str]:
    """(superior, issuer) from the body-name lines in order, joining an issuer split in two."""
    if not names:
        return "", ""
    texts, bolds = _join_cut_names([t for t, _ in names], [b for _, b in names])
    if len(texts) == 1:
        return "", texts[0]
    # Layout says it best: the superior is set plain, the issuer bold.
    if None not in bolds and any(bolds) and not all(bolds):
        first_bold = bolds.index(True)
        if first_bold > 0 and all(bolds[first_bold:]):
            return " ".join(texts[:first_bold]), " ".join(texts[first_bold:])
    if len(texts) == 2:
        first, second = fold(texts[0]), fold(texts[1])
        if second.startswith(_UNIT_WORDS) and (first in _GENERIC_BODIES or not _names_unit(first)):
            return "", f"{texts[0]} {texts[1]}"  # "Y BAN NHÂN DÂN" (a letter lost) / "TỈNH KON TUM": one name
        if texts[0].endswith(("-", "–")) or texts[1][:1].islower():
            return "", f"{texts[0]} {texts[1]}"
        if len(texts[1].split()) <= 2 and not second.startswith(_BODY_WORDS + _UNIT_WORDS):
            return "", f"{texts[0]} {texts[1]}"  # "ỦY BAN NHÂN DÂN TỈNH QUẢNG" / "NAM": one name cut in two
        return texts[0], texts[1]
    # Three lines or more: a name cut in two ("UBND HUYỆN THANH" / "CHƯƠNG"); the issuer starts at
    # the last line that starts with a body's word.
    starts = [i for i, t in enumerate(texts) if i > 0 and fold(t).startswith(_BODY_WORDS)]
    cut = starts[-1] if starts else 1
    return " ".join(texts[:cut]), " ".join(texts[cut:])


def _names_unit(folded: str) -> bool:
    """A body's name that already says its place ("ubnd huyen x", "dang bo tinh y")."""
    padded = f" {folded} "
    return any(f" {w}" in padded for w in _UNIT_WORDS if w != "ban ")


def _split_at_motto(part: str) -> list[str]:
    """A header line flattened into one ("UBND TỈNH A CỘNG HÒA ... VIỆT NAM SỞ B Độc lập - ... Số: 5/KH-C"):
    the whole mottos part the bodies, the motto and the number line; else the start of a motto does."""
    pieces, pos = [], 0
    for m in _MOTTO_WHOLE.finditer(part):
        head = part[pos:m.start()].strip()
        if head and not _is_body_name(head):
            pieces = []
            break
        pieces += ([head] if head else []) + [m.group(0)]
        pos = m.end()
    else:
        rest = part[pos:].strip()
        pieces += [rest] if rest and pieces else []
    pieces = pieces or _split_at_motto_start(part)
    return [p for piece in pieces for p in _split_at_number(piece)]


_STARS = lazy_compile(r"\s+\*+(?:\s+|$)")  # the star under a body's name ("***" loses "**" on the way in)
_NUMBER_INSIDE = lazy_compile(r"\s+(?=S[ốỐ]\s*:?\s*(?:\d|[.…_\s]*[/-]\s*[A-ZĐ]))")


def _split_at_number(part: str) -> list[str]:
    """"BAN CHẤP HÀNH TRUNG ƯƠNG *** Số: 367 - KH/TWĐTN ...": a body's name run into its number line."""
    pieces = [p.strip() for p in _STARS.split(part) if p.strip()]
    out: list[str] = []
    for piece in pieces:
        m = _NUMBER_INSIDE.search(piece)
        if m and _is_body_name(piece[:m.start()]):
            out += [piece[:m.start()].strip(), piece[m.end():].strip()]
        else:
            out.append(piece)
    return out


def _split_at_motto_start(part: str) -> list[str]:
    """"ỦY BAN NHÂN DÂN XÃ A CỘNG HÒA XÃ HỘI ..." (pasted from a web page, the gap lost) → two pieces."""
    m = _MOTTO_INSIDE.search(part)
    if not m or m.start() == 0:
        return [part]
    head, tail = part[:m.start()].strip(), part[m.start():].strip()
    return [head, tail] if _is_body_name(head) else [part]


def _column(line, part_index: int) -> int | None:
    """0 (left half), 1 (right half) or None (unknown) for a piece of a header line."""
    if line.table is not None:
        return 0 if line.table[2] == 0 else 1
    if re.search(r"\S(?:\t+| {3,})\S", line.raw.strip()):
        return 0 if part_index <= 1 else 1  # "left<TAB>right": ``k`` is already past the piece
    if line.raw[:1] == "\t" or re.match(r"^ {25,}\S", line.raw):
        return 1  # only a right half, pushed there by tabs (a left half may be centred with a few spaces)
    return None


_FULL_MOTTO = "cong hoa xa hoi chu nghia viet nam"
# The year cut from its date line ("…, ngày 06 tháng 01 năm" / "2026"), or a number left blank ("Số:" / "/KH-UBND").
_YEAR_CUT = lazy_compile(r"\bnăm\s*$", re.IGNORECASE)
_YEAR_BEFORE_NAM = lazy_compile(r"(?<=tháng)\s+(\d{4})\s+năm\s*$", re.IGNORECASE)
_YEAR_ALONE = lazy_compile(r"(?<=\s)(\d{4})\s*$")
_SYMBOL_REST = lazy_compile(r"^\d{0,6}\s*[-/]\s*[A-ZĐ]")


def _cut_with_rest(head: str, tail: str) -> bool:
    """A header piece cut at the end of a line and its rest on the next line (a narrow cell, a PDF)."""
    f_head, f_tail = fold(head), fold(tail)
    if f_head.startswith("cong hoa") and f_head != _FULL_MOTTO and _FULL_MOTTO.startswith(f_head):
        return _FULL_MOTTO.startswith(f"{f_head} {f_tail}")  # "CỘNG HÒA XÃ HỘI CHỦ" / "NGHĨA VIỆT NAM"
    if parse_number_line(head) == ("", ""):
        return bool(_SYMBOL_REST.match(tail))
    if _YEAR_CUT.search(head) and _DATE.match(head):
        return bool(re.match(r"^\d{4}\b", tail))
    if _YEAR_ALONE.search(head) and f_tail == "nam":
        return True  # "…, ngày tháng 2026" / "năm"
    if _place_cut(head, tail):
        return True  # "Sơn" / "La, ngày 11 tháng 3": a place name cut by a narrow cell
    return bool(_DATE_CUT.search(head) and _DATE_REST.match(tail))  # "Quảng Nam, ngày" / "13 tháng 7 ..."


_PLACE_DATE = lazy_compile(r"^(?P<place>[^\W\d_][^,;\d]{0,30}),\s*ngày\b", re.IGNORECASE)


def _place_cut(head: str, tail: str) -> bool:
    """The first word(s) of a place name, the rest of it starting the date line on the next line."""
    words = head.split()
    if not 1 <= len(words) <= 2 or _is_body_name(head) or any(c.isdigit() or c in ",;:." for c in head):
        return False
    if not all(w[:1].isupper() for w in words):
        return False
    m = _PLACE_DATE.match(tail)
    return bool(m) and len(m.group("place").split()) <= 2 and m.group("place")[:1].isupper()


_MOTTOS = {"state": (_FULL_MOTTO, "doc lap - tu do - hanh phuc"), "party": ("dang cong san viet nam",)}


def _motto_piece(part: str, cut: bool) -> str:
    """"state"/"party" for a piece of a motto printed apart from the rest ("VIỆT NAM", "ĐẢNG CỘNG SẢN
    VIỆT" / "NAM", "phúc"), as a PDF's columns give it; one word counts only when a motto was ``cut``."""
    words = fold(part).split()
    if not words or (len(words) == 1 and not cut):
        return ""
    inner = f" {' '.join(words)} "
    kinds = [kind for kind, mottos in _MOTTOS.items() if any(inner in f" {m} " for m in mottos)]
    return kinds[0] if len(kinds) == 1 else ("either" if kinds else "")  # "VIỆT NAM" ends both


def _motto_cut(pieces: list[str]) -> bool:
    """Some piece is a motto without its end: its other words stand apart."""
    return any(_motto_piece(p, False) and not motto_of(p) for p in pieces)


def _join_reversed_year(split: list[list[str]]) -> None:
    """"2026" printed before "Phong Nha, ngày 08 tháng 01 năm" (a PDF's columns): put the year back."""
    flat = [(i, k) for i, parts in enumerate(split) for k in range(len(parts))]
    for n, (i, k) in enumerate(flat[:-1]):
        year = clean_line(split[i][k])
        if not re.fullmatch(r"\d{4}", year):
            continue
        for j, m in flat[n + 1:n + 3]:
            head = clean_line(split[j][m])
            if _YEAR_CUT.search(head) and _DATE.match(head):
                split[j][m] = f"{head} {year}"
                split[i][k] = ""
                break


def _join_cut_lines(lines: list, split: list[list[str]]) -> None:
    """Join, in place, a piece cut at a line end with the first piece of the next line in the same place."""
    for i in range(len(split) - 1):
        here = split[i]
        j = i + 1
        while here and j < len(split) and lines[i].table == lines[j].table:
            there = split[j]
            if not there:
                j += 1  # emptied by an earlier join
                continue
            if not _cut_with_rest(clean_line(here[-1]), clean_line(there[0])):
                break
            # "…, ngày tháng 2026 năm": a PDF gives the words of a blank date out of order
            here[-1] = _YEAR_BEFORE_NAM.sub(r"năm \1", f"{clean_line(here[-1])} {clean_line(there.pop(0))}")


def recognise_header(lines: list) -> HeaderFacts:
    """Read the lines above "KẾ HOẠCH" (``Line`` objects) into header facts."""
    facts = HeaderFacts()
    names: list[tuple[str, bool | None]] = []
    split = [[piece for part in (line.parts or [line.text]) for piece in _split_at_motto(part)]
             for line in lines]
    _join_cut_lines(lines, split)
    _join_reversed_year(split)
    cut = _motto_cut([p for parts in split for p in parts])
    for line, parts in zip(lines, split):
        k = 0
        while k < len(parts):
            part = clean_line(parts[k])
            k += 1
            if parse_number_line(part) == ("", "") and k < len(parts):
                part = f"{part} {parts[k]}"  # "Số:      /KH-UBND": the blank left for the number
                k += 1
            while k < len(parts) and _DATE_CUT.search(part) and _DATE_REST.match(clean_line(parts[k])):
                part = f"{part} {clean_line(parts[k])}"  # "ngày      tháng      năm 2026": blanks left to fill
                k += 1
            if not part or is_separator(part):
                continue
            piece = _motto_piece(part, cut)
            if piece:
                facts.motto = facts.motto or (piece if piece != "either" else "")
                continue  # "VIỆT NAM": the end of the national title, printed apart (a PDF's columns)
            kind = motto_of(part)
            if kind:
                facts.motto = facts.motto or kind
                continue
            if fold(part) in _ORG_HEADINGS or _MARKS.match(fold(part)):
                continue  # the national name a mass organisation prints where the motto goes
            number = parse_number_line(part)
            if number is not None and not facts.number_line:
                facts.number_line = True
                facts.number, facts.symbol = number
                tail = _DATE_ANYWHERE.search(part)  # "Số: 45/KH-UBND Cẩm Tân, ngày ..." on one line
                if tail and not facts.date_line:
                    date = parse_date_line(part[tail.start():].split(facts.symbol, 1)[-1] if facts.symbol else part[tail.start():])
                    if date is not None:
                        facts.date_line = True
                        facts.place, facts.date = date
                continue
            date = parse_date_line(part)
            if date is not None and not facts.date_line:
                facts.date_line = True
                facts.place, facts.date = date
                continue
            if _is_body_name(part) and not fold(part).startswith("ke hoach") and part[:2].upper() != "SỐ":
                names.append((part, line.bold, _column(line, k)))
    if any(col == 0 for _, _, col in names):
        names = [n for n in names if n[2] != 1]  # bodies are named in the left half; the right holds motto and date
    facts.superior, facts.issuer = _split_bodies([(t, b) for t, b, _ in names])
    return facts


__all__ = ["HeaderFacts", "recognise_header", "parse_number_line", "parse_date_line", "is_separator",
           "motto_of"]
