"""Lookups over the unit data by folded name (``plan.text.fold``): built once, on first use.

A name key is the folded words of a unit's name without its kind: ``"tan lap"`` for
"Xã Tân Lập", ``"van mieu quoc tu giam"`` for "Phường Văn Miếu - Quốc Tử Giám".
"""
from __future__ import annotations

import re
from functools import lru_cache
from operator import methodcaller

from ..plan.text import fold, fold_words, nfc
from .data import Unit, UnitData, current
from ..lazy_regex import lazy_compile

# Old-style tone placement at the end of a syllable → the placement of official documents.
_MOVES = {"oá": "óa", "oà": "òa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oé": "óe", "oè": "òe", "oẻ": "ỏe",
          "oẽ": "õe", "oẹ": "ọe", "uý": "úy", "uỳ": "ùy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
_OLD_TONE = lazy_compile(r"(?<![qQ])(" + "|".join(_MOVES) + r")(?!\w)")


def modern_tones(text: str) -> str:
    """``Thanh Hoá`` → ``Thanh Hóa``, ``Thuỷ`` → ``Thủy`` (``Quý`` stays)."""
    return _OLD_TONE.sub(lambda m: _MOVES[m.group(1)], text)


def name_key(name: str) -> str:
    """The folded words of a name: the index's key (accents and case ignored)."""
    return " ".join(fold_words(name))


_WORD = lazy_compile(r"\w+")


def name_keys(names) -> list[str]:
    """``name_key`` of many names at once: one fold over them all is ~20x faster than a fold each."""
    names = list(names)
    folded = fold("\n".join(n.replace("\n", " ") for n in names)).split("\n")
    return [" ".join(_WORD.findall(f)) for f in folded]


def exact_key(name: str) -> str:
    """The words of a name in lower case with their accents: "Đông Sơn" is not "Đồng Sơn"."""
    return " ".join(re.findall(r"\w+", modern_tones(nfc(name).lower())))


def same_name(candidates, written: str) -> list:
    """The candidates (found by folded name) whose name is the one written, accents compared;
    all of them when the name was written without accents."""
    if written.isascii():
        return list(candidates)
    key = exact_key(written)
    return [c for c in candidates if exact_key(c.bare) == key]


class UnitIndex:
    def __init__(self, data: UnitData):
        self.data = data
        self.province = {p.code: p for p in data.provinces}
        self.old_province = {p.code: p for p in data.old_provinces}
        rows = data.rows_by_key if data.rows_by_key is not None else rows_by_key(data)  # cached: folded once
        self.new_by_name = ByName(rows["units"], data.units)
        self.old_by_name = ByName(rows["old_units"], data.old_units)
        self.province_by_name = ByName(rows["provinces"], data.provinces)
        self.old_province_by_name = ByName(rows["old_provinces"], data.old_provinces)
        self.max_words = rows.get(MAX_WORDS) or _max_words(rows)
        self._unit = None
        self._completion_rows = None

    @property
    def unit(self) -> dict:
        """Today's units by code (built on first use: a check seldom needs it)."""
        if self._unit is None:
            self._unit = {u.code: u for u in self.data.units}
        return self._unit

    @property
    def _completion(self) -> list:
        """(folded "bare", folded "kind bare province", unit), in the data's order: built for the
        first completion, not for a check."""
        if self._completion_rows is None:
            units = self.data.units
            bare = name_keys(u.bare for u in units)
            full = name_keys(f"{u.name} {self.province[u.province].bare}" for u in units)
            self._completion_rows = list(zip(bare, full, units))
        return self._completion_rows

    # ---- relations ---------------------------------------------------------------
    def successors(self, old) -> list:
        """Today's unit(s) an old commune went into (several where it was divided)."""
        return [self.unit[c] for c in old.successors if c in self.unit]

    def province_of(self, unit: Unit):
        return self.province.get(unit.province)

    def new_provinces_of(self, old_province_codes) -> set:
        return {c for code in old_province_codes for c in self.old_province[code].successors}

    def old_provinces_of(self, new_province_codes) -> set:
        codes = set(new_province_codes)
        return {p.code for p in self.data.old_provinces if codes & set(p.successors)}

    def label(self, unit: Unit) -> str:
        """``"Xã Tân Lập — Tỉnh Lâm Đồng"``: a unit with its province, for lists."""
        province = self.province_of(unit)
        return f"{unit.name} — {province.name}" if province else unit.name

    # ---- completion ------------------------------------------------------------------
    def complete(self, text: str, limit: int = 60) -> list:
        """Today's units whose name starts like ``text`` (accents and case ignored).

        ``tan lap`` → every Tân Lập; ``xa tan lap`` only the xã; more words may narrow by
        province (``tan lap lam dong``). Best first: exact name, then name prefix, then
        word prefixes anywhere in "kind name province".
        """
        words = fold_words(text)
        if not words:
            return []
        query = " ".join(words)
        ranked = []
        for bare, full, unit in self._completion:
            if bare == query:
                rank = 0
            elif bare.startswith(query):
                rank = 1
            elif full.startswith(query):
                rank = 2
            elif _word_prefixes(words, full):
                rank = 3
            else:
                continue
            ranked.append((rank, len(bare), bare, unit.province, unit))
        ranked.sort(key=lambda r: r[:4])
        return [r[4] for r in ranked[:limit]]


def _word_prefixes(words: list, full: str) -> bool:
    """Each query word starts a word of ``full``, in order."""
    targets = full.split()
    i = 0
    for word in words:
        while i < len(targets) and not targets[i].startswith(word):
            i += 1
        if i == len(targets):
            return False
        i += 1
    return True


class ByName(dict):
    """Name key → its records (a tuple). Stored as the records' numbers in their group, made into
    records on the first lookup of the key: a check looks up a few names among 13,000."""

    def __init__(self, rows: dict, records):
        super().__init__(rows)
        self._records = records
        self._made: dict = {}

    def __getitem__(self, key):
        made = self._made.get(key)
        if made is None:
            rows = dict.__getitem__(self, key)
            rows = (rows,) if isinstance(rows, int) else rows
            made = self._made[key] = tuple(self._records[i] for i in rows)
        return made

    def get(self, key, default=None):
        return self[key] if key in self else default

    def values(self):
        return [self[k] for k in self]

    def items(self):
        return [(k, self[k]) for k in self]

    def __eq__(self, other):
        return dict(self.items()) == dict(other.items()) if isinstance(other, dict) else NotImplemented

    __hash__ = None


GROUPS = ("provinces", "units", "old_provinces", "old_units")
MAX_WORDS = "max_words"


def rows_by_key(data: UnitData) -> dict:
    """For each group of records: name key (``name_key`` of the name without its kind) → the
    number of the record of that name (an int), or the numbers of several, in the data's order;
    and under ``MAX_WORDS`` the most words in a key (what a scan looks ahead)."""
    texts = {"provinces": [p.bare for p in data.provinces], "units": [u.bare for u in data.units],
             "old_provinces": [p.name.split(" ", 1)[1] for p in data.old_provinces],
             "old_units": [u.bare for u in data.old_units]}
    rows: dict = {group: _group(zip(name_keys(names), range(len(names)))) for group, names in texts.items()}
    rows[MAX_WORDS] = _max_words(rows)
    return rows


def _group(pairs) -> dict:
    out: dict = {}
    for key, value in pairs:
        out.setdefault(key, []).append(value)
    return {k: v[0] if len(v) == 1 else tuple(v) for k, v in out.items()}  # an int: ~35% faster to load


def _max_words(rows: dict) -> int:
    spaces = methodcaller("count", " ")
    return 1 + max(max(map(spaces, rows[group]), default=0) for group in GROUPS)


@lru_cache(maxsize=1)
def current_index() -> UnitIndex:
    """The index of the data in use, built on first use."""
    return UnitIndex(current())
