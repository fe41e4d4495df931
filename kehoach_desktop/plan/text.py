"""Vietnamese text helpers: NFC on the way in, accent folding for search.

Pure Python, no Qt. Every string that enters the model passes through
``nfc``; every comparison that must ignore accents and case uses ``fold``.
"""
from __future__ import annotations

import re
import unicodedata

from ..lazy_regex import lazy_compile

# Characters that people paste from Word or the web and that look like spaces.
_SPACES = lazy_compile(r"[\u00a0\u2007\u202f\u2000-\u200a\u3000\t]+")
_ZERO_WIDTH = lazy_compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_RUNS_OF_SPACE = lazy_compile(r" {2,}")


# Characters no DOCX (XML 1.0) can hold: C0 controls but tab/newline/CR, lone surrogates, non-characters.
_UNWRITABLE = lazy_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def nfc(text: str) -> str:
    """Unicode NFC, the one form the model stores, without characters no document can hold."""
    if not text.isprintable():  # printable text holds none of them: ~10x faster than the pattern
        text = _UNWRITABLE.sub("", text)
    return unicodedata.normalize("NFC", text)


def nfc_deep(value):
    """NFC every string inside a JSON-like value (dicts, lists, scalars)."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [nfc_deep(v) for v in value]
    if isinstance(value, dict):
        return {nfc(k) if isinstance(k, str) else k: nfc_deep(v) for k, v in value.items()}
    return value


_TABS = lazy_compile(r"^[ \t]*\t[ \t]*|[ \t]*\t[ \t]*", re.MULTILINE)


def model_text(text: str) -> str:
    """NFC, and no tab characters: the model's text on the way in (typed, pasted, imported).
    A tab becomes one space between words and nothing at the start of a line: the layout
    indents paragraphs, a tab never does."""
    text = nfc(text)
    if "\t" not in text:
        return text
    return _TABS.sub(lambda m: "" if m.start() == 0 or text[m.start() - 1] == "\n" else " ", text)


def clean_line(text: str) -> str:
    """NFC, odd spaces made plain, zero-width characters dropped, runs collapsed, trimmed."""
    text = _ZERO_WIDTH.sub("", nfc(text))
    text = _SPACES.sub(" ", text)
    return _RUNS_OF_SPACE.sub(" ", text).strip()


def _fold_slowly(text: str) -> str:
    """The definition of folding: đ→d, decompose, drop the marks, casefold."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.casefold()


class _FoldTable(dict):
    """Each character's code → its folded form (base letter(s); nothing for a combining mark).

    Filled as characters are met, so a command that folds a few words does not pay for the
    12,000 characters up front (~5 ms); once filled, folding is one ``str.translate`` instead
    of a Python loop over characters: search indexes and the importer fold a lot.
    """

    def __missing__(self, code: int):
        ch = chr(code)
        if code < 0x80 or code >= _TABLE_END:
            value = code  # unchanged (beyond the table: ``fold`` folds the slow way)
        elif unicodedata.combining(ch):
            value = None
        else:
            value = "".join(c for c in unicodedata.normalize("NFD", ch.replace("đ", "d").replace("Đ", "D"))
                            if not unicodedata.combining(c))
        self[code] = value
        return value


_FOLD = _FoldTable()
_TABLE_END = 0x3000  # beyond: CJK and rare marks, folded the slow way


def fold(text: str) -> str:
    """Accent- and case-insensitive key: ``Kinh phí`` → ``kinh phi``, ``Đảng`` → ``dang``."""
    if text.isascii():
        return text.casefold()
    out = unicodedata.normalize("NFC", text).translate(_FOLD)
    if out and max(out) >= chr(_TABLE_END):
        return _fold_slowly(text)
    return out.casefold()


def fold_words(text: str) -> list[str]:
    """Folded words (letters and digits), for word-prefix search and comparisons."""
    return re.findall(r"\w+", fold(text))


def same_text(a: str, b: str) -> bool:
    """Equal after folding and collapsing whitespace (used for duplicates)."""
    return " ".join(fold_words(a)) == " ".join(fold_words(b))
