"""Find the administrative names in one text: district-level bodies, communes, provinces.

One pass over the words of the text (no loop over the 13,000 names): a district word
("huyện", "quận", "thị xã", "thành phố", "Huyện ủy" …) or a unit word ("xã", "phường",
"thị trấn", "đặc khu", "tỉnh") is an anchor; the name after it is looked up in the index by
its folded words (longest first), and a body before it ("UBND", "Phòng Văn hóa và Thông tin",
"Ban Thường vụ") is found by walking back over the words of the same phrase. Anchors compare
with their accents ("quận" is not "quân"), names without.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..plan.text import fold
from ..lazy_regex import lazy_compile

_WORD = lazy_compile(r"\w+")
_GAP_IN_NAME = lazy_compile(r"[ \-–]{1,3}")  # what may stand between the words of one name
_GAP_IN_PHRASE = lazy_compile(r"[ \-–&]{1,3}")

DISTRICT_WORDS = {("huyện",): "huyện", ("quận",): "quận", ("thị", "xã"): "thị xã", ("thành", "phố"): "thành phố"}
COMMITTEE_WORDS = {"huyện": "huyện", "quận": "quận", "thị": "thị xã", "thành": "thành phố"}
UNIT_WORDS = {("xã",): "Xã", ("phường",): "Phường", ("thị", "trấn"): "Thị trấn", ("đặc", "khu"): "Đặc khu"}
# Where a body's name begins (lower case, accents kept).
BODY_HEADS = {("ubnd",), ("ủy", "ban"), ("uỷ", "ban"), ("hđnd",), ("hội", "đồng"), ("phòng",), ("ban",),
              ("trung", "tâm"), ("công", "an"), ("văn", "phòng"), ("hội",), ("đoàn",), ("mặt", "trận"),
              ("ubmttq",), ("mttq",), ("bệnh", "viện"), ("viện",), ("tòa", "án"), ("toà", "án"), ("chi", "cục"),
              ("kho", "bạc"), ("hạt",), ("đội",), ("thường", "trực"), ("đảng", "bộ"), ("đảng", "ủy"),
              ("đảng", "uỷ"), ("liên", "đoàn"), ("đài",), ("bảo", "hiểm"), ("thanh", "tra"), ("cơ", "quan"),
              ("lãnh", "đạo"), ("chủ", "tịch"), ("bí", "thư"), ("trường",)}
_HEAD_FIRST = {h[0] for h in BODY_HEADS}
# Words that end a body's name when walking back from its district word.
_STOP = {"với", "của", "cho", "các", "tại", "về", "đến", "theo", "hợp", "trì", "gửi", "là", "để", "trong",
         "trên", "được", "do", "như", "hoặc", "cùng", "từ", "nhằm", "xã", "phường", "tỉnh", "trấn", "khu",
         "những", "mời", "báo", "giao"}
MAX_BODY_WORDS = 12
MAX_DISTRICT_NAME = 4


@dataclass
class Found:
    """A raw finding in one text, before it is matched against the data."""

    kind: str  # "district-body", "district", "committee", "unit", "province"
    start: int
    end: int
    level: str = ""  # "huyện" …, or the unit kind "Xã" …, or "tỉnh"/"thành phố"
    name: str = ""  # the name as written ("Cẩm Thủy"), "" when none follows
    key: str = ""  # folded name
    upper: bool = False  # written in capitals (a header line)
    head_start: int = -1  # where the body's name begins (district bodies)
    committee: str = ""  # "ủy" or "đoàn" in "Huyện ủy", "Huyện đoàn"
    level_start: int = -1  # where the district word begins

    @property
    def level_at(self) -> int:
        """Where the district word begins inside the finding's own text."""
        return self.level_start - self.start if self.level_start >= 0 else 0


class Words:
    """The words of a text with their spans, lower-case and (on demand) folded forms."""

    def __init__(self, text: str, low: str, folds: dict):
        self.text = text
        matches = list(_WORD.finditer(text))
        self.spans = [m.span() for m in matches]
        self.raw = [m.group(0) for m in matches]
        self.low = [low[a:b] for a, b in self.spans]
        self.at = {a: i for i, (a, _b) in enumerate(self.spans)}  # word index by its start
        self._folds = folds
        self.all_caps = text == text.upper() and text != low  # a header line

    def folded(self, i: int) -> str:
        word = self.low[i]
        value = self._folds.get(word)
        if value is None:
            value = self._folds[word] = fold(word)
        return value

    def __len__(self):
        return len(self.raw)

    def joined(self, i: int, gap=_GAP_IN_NAME) -> bool:
        """Word i and word i+1 belong to one name (only spaces or a dash between)."""
        return i + 1 < len(self.raw) and bool(gap.fullmatch(self.text[self.spans[i][1]:self.spans[i + 1][0]]))

    def capital(self, i: int) -> bool:
        return self.raw[i][:1].isupper() or self.raw[i][:1].isdigit()

    def match(self, i: int, words: tuple) -> bool:
        n = len(words)
        if i + n > len(self.low) or tuple(self.low[i:i + n]) != words:
            return False
        return all(self.joined(k) for k in range(i, i + n - 1))


_ANCHOR = lazy_compile(r"\b(?:huyện|quận|thị|thành|xã|phường|đặc|tỉnh)\b")


def scan(text: str, index, folds: dict) -> list:
    """All findings of ``text``, in order. Only the words at an anchor are looked at."""
    if not text:
        return []
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer: keep offsets aligned
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if not _ANCHOR.search(low):
        return []
    words = Words(text, low, folds)
    out: list = []
    n, free = len(words), 0
    for m in _ANCHOR.finditer(low):
        i = words.at.get(m.start())
        if i is None or i < free:
            continue  # inside a name or body already read
        low_word = words.low[i]
        step = 1
        if low_word in COMMITTEE_WORDS and i + 1 < n and words.low[i + 1] in ("ủy", "uỷ", "đoàn") and words.joined(i):
            step = _committee(words, i, index, out)
        else:
            for anchor, level in DISTRICT_WORDS.items():
                if anchor[0] == low_word and words.match(i, anchor):
                    step = _district(words, i, len(anchor), level, index, out)
                    break
            else:
                for anchor, kind in UNIT_WORDS.items():
                    if anchor[0] == low_word and words.match(i, anchor):
                        step = _unit(words, i, len(anchor), kind, index, out)
                        break
                else:
                    if low_word == "tỉnh":
                        step = _province(words, i, 1, "tỉnh", index, out)
        free = i + max(step, 1)
    return out


def _name_after(words: Words, i: int) -> int:
    """How many capitalised words, joined to word i-1, follow from i (a district's name)."""
    k = 0
    while i + k < len(words) and k < MAX_DISTRICT_NAME and words.capital(i + k) and words.joined(i + k - 1):
        if not words.all_caps and words.low[i + k] in _STOP:
            break
        if words.all_caps and (words.low[i + k] == "tỉnh" or words.match(i + k, ("thành", "phố"))
                               or words.raw[i + k].isdigit()):
            break
        k += 1
    return k


def _lookup(words: Words, i: int, tables) -> tuple[int, str]:
    """The longest name from word i found in ``tables`` (dicts keyed by folded name): (words, key)."""
    if i >= len(words) or not words.capital(i):
        return 0, ""
    best = (0, "")
    key = ""
    for k in range(6):
        j = i + k
        if j >= len(words) or (k and not words.joined(j - 1)):
            break
        key = f"{key} {words.folded(j)}" if key else words.folded(j)
        if any(key in t for t in tables):
            best = (k + 1, key)
    count = best[0]
    if count and not words.all_caps:  # "xã Tân Lập Bắc" is not Tân Lập: the name goes on
        j = i + count
        if j < len(words) and words.capital(j) and words.text[words.spans[j - 1][1]:words.spans[j][0]] == " ":
            return 0, ""
    return best


def _is_provincial_city(key: str, index) -> bool:
    return any(p.kind == "Thành phố" for p in index.province_by_name.get(key, ())) or any(
        p.name.startswith("Thành phố") for p in index.old_province_by_name.get(key, ()))


def _district(words: Words, i: int, width: int, level: str, index, out: list) -> int:
    count, key = _lookup(words, i + width, (index.province_by_name, index.old_province_by_name))
    if level == "thành phố" and count and _is_provincial_city(key, index):
        return _province(words, i, width, "thành phố", index, out)
    count = _name_after(words, i + width)
    end_word = i + width + count - 1
    name = words.text[words.spans[i + width][0]:words.spans[end_word][1]] if count else ""
    head = _body_head(words, i)
    if head < 0 and not count:
        return width  # "cấp huyện", "các huyện": no body, no name
    start = words.spans[head if head >= 0 else i][0]
    out.append(Found("district-body" if head >= 0 else "district", start, words.spans[end_word][1], level, name,
                     " ".join(words.folded(k) for k in range(i + width, end_word + 1)), words.all_caps,
                     head_start=start if head >= 0 else -1, level_start=words.spans[i][0]))
    return width + count


def _committee(words: Words, i: int, index, out: list) -> int:
    """``Huyện ủy Cẩm Thủy``, ``Ban Thường vụ Thị ủy``, ``Huyện đoàn``: always district level, except a
    Thành ủy of a city that is a province today (or was one)."""
    count = _name_after(words, i + 2)
    key = " ".join(words.folded(k) for k in range(i + 2, i + 2 + count))
    if words.low[i] == "thành" and (not count or _is_provincial_city(key, index)):
        return 2 + count
    end_word = i + 1 + count
    head = _body_head(words, i)
    start = words.spans[head if head >= 0 else i][0]
    name = words.text[words.spans[i + 2][0]:words.spans[end_word][1]] if count else ""
    out.append(Found("district-body", start, words.spans[end_word][1], COMMITTEE_WORDS[words.low[i]], name, key,
                     words.all_caps, head_start=start, committee=words.low[i + 1],
                     level_start=words.spans[i][0]))
    return 2 + count


def _body_head(words: Words, anchor: int) -> int:
    """The first word of the body whose name ends at ``anchor`` (``-1`` when none)."""
    best = -1
    k = anchor - 1
    while k >= 0 and anchor - k <= MAX_BODY_WORDS and words.joined(k, _GAP_IN_PHRASE):
        low = words.low[k]
        if low in _STOP:
            break
        if low == "và" and not (k + 1 < len(words) and words.capital(k + 1)):
            break
        if low in _HEAD_FIRST and (words.capital(k) or words.all_caps):
            if any(words.match(k, h) for h in BODY_HEADS if h[0] == low):
                best = k
        k -= 1
    return best


def _unit(words: Words, i: int, width: int, kind: str, index, out: list) -> int:
    return _named(words, i, width, "unit", kind, (index.new_by_name, index.old_by_name), out)


def _province(words: Words, i: int, width: int, level: str, index, out: list) -> int:
    return _named(words, i, width, "province", level, (index.province_by_name, index.old_province_by_name), out)


def _named(words: Words, i: int, width: int, kind: str, level: str, tables, out: list) -> int:
    """A unit word and the known name after it ("xã Tân Lập", "tỉnh Nghệ An") as one finding."""
    count, key = _lookup(words, i + width, tables)
    if not count:
        return width
    end = words.spans[i + width + count - 1][1]
    out.append(Found(kind, words.spans[i][0], end, level, words.text[words.spans[i + width][0]:end], key,
                     words.all_caps))
    return width + count
