"""Section labels (I., 1., 1.1., a)), the number line and the place-and-date line.

The words and punctuation of each regime come from ``layout.py``; this module
only knows how to count and how to pad.
"""
from __future__ import annotations

import datetime as _dt
import re

from ..lazy_regex import lazy_compile

# Vietnamese alphabet for a), b), ...: no f, j, w, z; đ follows d.
VIETNAMESE_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()

LABEL_STYLES = ("I.", "1.", "1.1.", "a)")
ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(n: int) -> str:
    if n <= 0:
        raise ValueError("roman numerals start at 1")
    out = []
    for value, letters in ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def letter(n: int) -> str:
    """1 → a, 5 → đ, 23 → y, 24 → aa (bijective base 23, as lists past y are written)."""
    if n <= 0:
        raise ValueError("letters start at 1")
    base = len(VIETNAMESE_LETTERS)
    out = []
    while n > 0:
        n, rem = divmod(n - 1, base)
        out.append(VIETNAMESE_LETTERS[rem])
    return "".join(reversed(out))


def style_for_depth(numbering: list, depth: int) -> str:
    """The label style of a depth (0 = outermost); deeper than the list: the last style repeats."""
    styles = [s for s in numbering if s in LABEL_STYLES] or ["I.", "1.", "a)"]
    return styles[min(depth, len(styles) - 1)]


def label(numbering: list, numbers: tuple) -> str:
    """The label of a section from its 1-based numbers path, e.g. (2, 1) → "1." under "II."."""
    depth = len(numbers) - 1
    n = numbers[-1]
    style = style_for_depth(numbering, depth)
    if style == "I.":
        return f"{roman(n)}."
    if style == "1.":
        return f"{n}."
    if style == "1.1.":
        parent = numbers[-2] if len(numbers) > 1 else 1
        return f"{parent}.{n}."
    return f"{letter(n)})"


def pad_number(number: str) -> str:
    """Số hiệu below 10 takes a leading zero: "5" → "05"."""
    number = number.strip()
    if number.isdigit() and len(number) == 1:
        return "0" + number
    return number


def parse_date(value: str) -> _dt.date | None:
    """An ISO date, or None when empty or not a real day."""
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


def day_text(day: int) -> str:
    return f"{day:02d}"


def month_text(month: int) -> str:
    """Months 1 and 2 are padded (so "tháng 1" cannot become "tháng 12"); 3–12 never."""
    return f"{month:02d}" if month < 3 else str(month)


DATE_BLANK = "      "  # the width a văn thư fills by hand


def date_line(place: str, date: str, today: _dt.date | None = None) -> str:
    """"Cẩm Tân, ngày 20 tháng 5 năm 2021"; undated: blanks and the current year."""
    d = parse_date(date)
    prefix = f"{place.strip()}, " if place.strip() else ""
    if d is None:
        year = (today or _dt.date.today()).year
        return f"{prefix}ngày{DATE_BLANK}tháng{DATE_BLANK}năm {year}"
    return f"{prefix}ngày {day_text(d.day)} tháng {month_text(d.month)} năm {d.year}"


NUMBER_BLANK = "      "


def number_line(template: str, number: str, symbol: str) -> str:
    """Fill a regime's template ("Số: {number}/{symbol}") with the padded number or a blank."""
    shown = pad_number(number) if number.strip() else NUMBER_BLANK
    return template.format(number=shown, symbol=symbol.strip())


_LABEL_AT_START = lazy_compile(
    r"^\s*(?:[IVXLCDM]+|\d+(?:\.\d+)*|[a-zđ])\s*[.)]\s+", re.IGNORECASE)


def starts_with_label(title: str) -> bool:
    """True when a title begins with a typed label such as "II. " or "1.2. " or "a) "."""
    return bool(_LABEL_AT_START.match(title))
