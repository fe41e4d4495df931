"""Pre-Unicode Vietnamese encodings → Unicode: TCVN3 (ABC) and VNI-Windows.

Old files carry Vietnamese in 8-bit fonts: the text stores Latin-1 code points
and the font draws them as Vietnamese letters. Which table applies is told by
the run's font name: ``.Vn*`` faces are TCVN3 (the ``...H`` faces draw the
lower-case codes as capitals), ``VNI-*`` faces are VNI. Pure Python.
"""
from __future__ import annotations

import re
import unicodedata

from ..lazy_regex import lazy_compile

# TCVN3 (TCVN 5712:1993 VN3): one byte per letter; lower-case toned letters only,
# plus the seven upper-case letters with a hat/horn/breve/bar.
_TCVN3 = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}
_TCVN3_TABLE = {chr(k): v for k, v in _TCVN3.items()}
_TCVN3_TRANS = str.maketrans(_TCVN3_TABLE)

# VNI-Windows: a base letter followed by a mark byte; a few letters are one byte.
_VNI_MARKS = {
    "ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323",  # tones
}
_VNI_HAT = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_VNI_SINGLE = {"í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ", "ñ": "đ", "ô": "ơ", "ö": "ư"}


def _compose(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _vni_tables() -> tuple[dict, dict]:
    pairs: dict[str, str] = {}
    for base in "aeouy":
        for mark, tone in _VNI_MARKS.items():
            pairs[base + mark] = _compose(base + tone)
    for base in "aeo":
        for mark, tone in _VNI_HAT.items():
            pairs[base + mark] = _compose(base + "\u0302" + tone)
    for mark, tone in _VNI_BREVE.items():
        pairs["a" + mark] = _compose("a\u0306" + tone)
    for base in ("ô", "ö"):  # ơ and ư take the tone marks
        for mark, tone in _VNI_MARKS.items():
            pairs[base + mark] = _compose(_VNI_SINGLE[base] + tone)
    # Capitals: upper-case base with either case of mark (typists mix them).
    out = dict(pairs)
    for seq, letter in pairs.items():
        out[seq[0].upper() + seq[1]] = letter.upper()
        out[seq[0].upper() + seq[1].upper()] = letter.upper()
    single = dict(_VNI_SINGLE)
    single.update({k.upper(): v.upper() for k, v in _VNI_SINGLE.items()})
    return out, single


_VNI_PAIRS, _VNI_SINGLES = _vni_tables()
_VNI_RE = lazy_compile("|".join(sorted((re.escape(k) for k in list(_VNI_PAIRS) + list(_VNI_SINGLES)),
                                     key=len, reverse=True)))

# A capital the TCVN3 table lacks typed as the capital base plus the toned small letter ("Uñy").
_SPLIT_CAPITAL = lazy_compile(r"([AEIOUY])([^\W\d_])")


def _base(letter: str) -> str:
    return unicodedata.normalize("NFD", letter)[0]


def _merge_split_capital(match: re.Match) -> str:
    cap, small = match.group(1), match.group(2)
    if small != _base(small) and _base(small).upper() == cap:
        return small.upper()
    return match.group(0)


def tcvn3_to_unicode(text: str, capitals: bool = False) -> str:
    """Decode TCVN3 text; ``capitals`` for the ``.VnTimeH``-style faces that draw everything upper-case."""
    out = text.translate(_TCVN3_TRANS)
    if capitals:
        return _compose(out.upper())
    return _compose(_SPLIT_CAPITAL.sub(_merge_split_capital, out))


def vni_to_unicode(text: str) -> str:
    """Decode VNI-Windows text."""
    def repl(m: re.Match) -> str:
        s = m.group(0)
        return _VNI_PAIRS.get(s) or _VNI_SINGLES.get(s, s)
    return _compose(_VNI_RE.sub(repl, text))


def encoding_of_font(font: str | None) -> str | None:
    """``"tcvn3"``, ``"tcvn3-caps"``, ``"vni"`` or None (Unicode) from a font name."""
    if not font:
        return None
    name = font.strip()
    low = name.lower()
    if low.startswith(".vn"):
        return "tcvn3-caps" if name.replace(" ", "").endswith("H") else "tcvn3"
    if low.startswith("vni-") or low.startswith("vni "):
        return "vni"
    return None


def decode_for_font(text: str, font: str | None) -> str:
    """The Unicode text of a run typed in ``font`` (unchanged for Unicode fonts)."""
    enc = encoding_of_font(font)
    if enc == "tcvn3":
        return tcvn3_to_unicode(text)
    if enc == "tcvn3-caps":
        return tcvn3_to_unicode(text, capitals=True)
    if enc == "vni":
        return vni_to_unicode(text)
    return text


__all__ = ["tcvn3_to_unicode", "vni_to_unicode", "encoding_of_font", "decode_for_font"]
