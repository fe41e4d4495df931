"""Forgiving, fast search over the library's paragraphs.

Accent- and case-insensitive (``plan.text.fold``): every query word must be the
prefix of some word of the title or the text, in any order. Results come
ranked by: the current section first, then favourites and use counts, then
match quality (every word in the title, every word whole, words close
together).

Built once at load: a sorted vocabulary of folded words with a posting list
each; a query word is a contiguous range of that vocabulary (``bisect``).
Sets of paragraphs are Python ints used as bitsets, so union and
intersection run in C. Frequent words and the 1–2 letter prefixes (what one
types first) have their bitsets made at build time; the rest are made from
their postings per query. Only the paragraphs that can reach the first
``limit`` places are scored one by one.
"""
from __future__ import annotations

from array import array
from bisect import bisect_left
from dataclasses import dataclass

from ..plan.text import fold
from .entry import Paragraph, section_label
from ..lazy_regex import lazy_compile

_WORD = lazy_compile(r"\w+")
_PLACEHOLDER = lazy_compile(r"\{[a-z_]+\}")  # {co_quan} is not a word of the paragraph
_END = "\U0010ffff"


def _mask_from_ids(ids, nbytes: int) -> int:
    buf = bytearray(nbytes)
    for i in ids:
        buf[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(buf, "little")


def bits(mask: int, cap: int | None = None) -> list[int]:
    """Positions of the set bits, lowest first, at most ``cap`` of them."""
    out: list[int] = []
    if mask <= 0:
        return out
    text = bin(mask)
    top = len(text) - 1
    end = len(text)
    while cap is None or len(out) < cap:
        pos = text.rfind("1", 2, end)
        if pos < 0:
            break
        out.append(top - pos)
        end = pos
    return out


class _Field:
    """Words of one field (title, or title + text) → bitsets of paragraphs."""

    def __init__(self, word_sets: list[set], n: int):
        self.nbytes = n // 8 + 1
        postings: dict[str, list[int]] = {}
        for i, words in enumerate(word_sets):
            for w in words:
                lst = postings.get(w)
                if lst is None:
                    postings[w] = [i]
                else:
                    lst.append(i)
        self.vocab = sorted(postings)
        self.post = [array("I", postings[w]) for w in self.vocab]
        self.where = {w: k for k, w in enumerate(self.vocab)}
        dense_at = max(64, n // 32)
        self.dense = {k: _mask_from_ids(ids, self.nbytes) for k, ids in enumerate(self.post)
                      if len(ids) >= dense_at}
        self.short = self._short_prefixes()

    def _short_prefixes(self) -> dict[str, int]:
        groups: dict[str, list[int]] = {}
        for k, w in enumerate(self.vocab):
            groups.setdefault(w[:1], []).append(k)
            if len(w) >= 2:
                groups.setdefault(w[:2], []).append(k)
        return {p: self._union(ks) for p, ks in groups.items() if len(ks) > 1}

    def _union(self, ks) -> int:
        buf = bytearray(self.nbytes)
        mask = 0
        for k in ks:
            dense = self.dense.get(k)
            if dense is not None:
                mask |= dense
                continue
            for i in self.post[k]:
                buf[i >> 3] |= 1 << (i & 7)
        return mask | int.from_bytes(buf, "little")

    def prefix(self, term: str) -> int:
        """Paragraphs with a word that starts with ``term``."""
        if term in self.short:
            return self.short[term]
        lo = bisect_left(self.vocab, term)
        hi = bisect_left(self.vocab, term + _END, lo)
        if hi - lo == 1:
            return self.word(self.vocab[lo])
        return self._union(range(lo, hi)) if hi > lo else 0

    def word(self, term: str) -> int:
        """Paragraphs with the whole word ``term``."""
        k = self.where.get(term)
        if k is None:
            return 0
        dense = self.dense.get(k)
        return dense if dense is not None else _mask_from_ids(self.post[k], self.nbytes)


@dataclass(frozen=True)
class Hit:
    paragraph: Paragraph
    in_section: bool
    quality: int  # 3: all words in the title and whole; 2: in the title; 1: whole; 0: prefixes


def query_terms(query: str) -> list[str]:
    seen: list[str] = []
    for w in _WORD.findall(fold(query)):
        if w not in seen:
            seen.append(w)
    return seen


def _span(joined: str, terms: list[str]) -> int:
    """Shortest stretch of text (in characters) holding a word-prefix match of every term.

    ``joined`` is " " + the folded words joined by single spaces, so " term" finds word starts.
    """
    hits: list[tuple[int, int]] = []
    for t, term in enumerate(terms):
        needle = " " + term
        pos = joined.find(needle)
        while pos >= 0:
            hits.append((pos, t))
            pos = joined.find(needle, pos + 1)
    if len(terms) <= 1:
        return 0 if hits else 1 << 30
    hits.sort()
    need, have, best, left = len(terms), {}, 1 << 30, 0
    for pos, t in hits:
        have[t] = have.get(t, 0) + 1
        while len(have) == need:
            best = min(best, pos - hits[left][0])
            lt = hits[left][1]
            have[lt] -= 1
            if not have[lt]:
                del have[lt]
            left += 1
    return best


class SearchIndex:
    """Built once over a list of paragraphs; ``search`` answers in milliseconds."""

    def __init__(self, entries: list[Paragraph]):
        self.entries = list(entries)
        n = len(self.entries)
        self._nbytes = n // 8 + 1
        self._all = (1 << n) - 1
        labels: dict[str, set] = {}  # section → its folded name's words, folded once
        joined, title_sets, text_sets = [], [], []
        for e in self.entries:
            title, _, text = fold(e.title + "\n" + _PLACEHOLDER.sub(" ", e.text)).partition("\n")
            title_words, text_words = _WORD.findall(title), _WORD.findall(text)
            label = labels.get(e.section)
            if label is None:
                label = labels[e.section] = set(_WORD.findall(fold(section_label(e.section))))
            joined.append(" " + " ".join(title_words + text_words))  # for proximity
            title_set = label.union(title_words)
            title_sets.append(title_set)
            text_sets.append(title_set.union(text_words))
        self._joined = joined
        self.text = _Field(text_sets, n)
        self.title = _Field(title_sets, n)
        self._by_section = self._masks(lambda e: [e.section])
        self._by_regime = self._masks(lambda e: e.regimes)
        self._by_kind = self._masks(lambda e: e.kinds or [""])
        self.refresh_stats()

    def _masks(self, keys) -> dict[str, int]:
        groups: dict[str, list[int]] = {}
        for i, e in enumerate(self.entries):
            for key in keys(e):
                groups.setdefault(key, []).append(i)
        return {k: _mask_from_ids(ids, self._nbytes) for k, ids in groups.items()}

    def refresh_stats(self) -> None:
        """Call after favourites or use counts change: they rank before match quality."""
        self._boosted = _mask_from_ids(
            [i for i, e in enumerate(self.entries) if e.favourite or e.uses], self._nbytes)

    def __len__(self) -> int:
        return len(self.entries)

    def _allowed(self, regime: str | None, kind: str | None) -> int:
        mask = self._all
        if regime:
            mask &= self._by_regime.get(regime, 0)
        # A blank plan, or a kind no paragraph names (a new form), may use every paragraph.
        if kind and kind != "trong" and kind in self._by_kind:
            mask &= self._by_kind.get(kind, 0) | self._by_kind.get("", 0)
        return mask

    def search(self, query: str, *, section: str | None = None, regime: str | None = None,
               kind: str | None = None, limit: int = 20, only_section: bool = False) -> list[Hit]:
        """Best matches first. An empty query lists the section's paragraphs (or all)."""
        if limit <= 0:
            return []
        terms = query_terms(query)
        cand = self._allowed(regime, kind)
        in_title = whole = cand
        for term in sorted(terms, key=len, reverse=True):  # longest words narrow fastest
            cand &= self.text.prefix(term)
            if not cand:
                return []
            in_title &= self.title.prefix(term)
            whole &= self.text.word(term)
        if not terms:
            in_title = whole = 0
            only_section = only_section or bool(section)
        groups = [cand]
        if section:
            sec = cand & self._by_section.get(section, 0)
            if not terms and not sec:
                only_section = False  # nothing filed under this section: show everything
            groups = [sec] if only_section else [sec, cand ^ sec]
        tiers = (in_title & whole, in_title, whole, cand)
        hits: list[Hit] = []
        for group_no, group in enumerate(groups):
            in_sec = bool(section) and group_no == 0
            boosted = group & self._boosted
            rest = group ^ boosted
            hits += self._rank_boosted(boosted, terms, tiers, in_sec)
            for tier_no, tier in enumerate(tiers):
                if len(hits) >= limit:
                    return hits[:limit]
                mask = rest & tier
                rest ^= mask
                ids = bits(mask, max(4 * limit, 60))
                if len(terms) > 1:
                    ids.sort(key=lambda i: self._proximity(i, terms))
                quality = 3 - tier_no
                hits += [Hit(self.entries[i], in_sec, quality) for i in ids[: limit - len(hits)]]
        return hits[:limit]

    def _rank_boosted(self, mask: int, terms, tiers, in_sec: bool) -> list[Hit]:
        if not mask:
            return []
        ranked = []
        for i in bits(mask, 2000):
            e = self.entries[i]
            quality = next((3 - n for n, t in enumerate(tiers) if t >> i & 1), 0)
            near = self._proximity(i, terms) if len(terms) > 1 else 0
            ranked.append(((not e.favourite, -e.uses, -quality, near, i), Hit(e, in_sec, quality)))
        ranked.sort(key=lambda pair: pair[0])
        return [hit for _, hit in ranked]

    def _proximity(self, i: int, terms: list[str]) -> int:
        return _span(self._joined[i], terms)


def linear_search(folded_docs: list[str], sections: list[str], query: str, *,
                  section: str | None = None, limit: int = 20) -> list[int]:
    """The plain scan the benchmark compares against: word-prefix test on pre-folded text.

    ``folded_docs`` hold " " + the folded words joined by single spaces.
    """
    needles = [" " + t for t in query_terms(query)]
    found = [i for i, doc in enumerate(folded_docs) if all(n in doc for n in needles)]
    if section:
        found.sort(key=lambda i: sections[i] != section)
    return found[:limit]
