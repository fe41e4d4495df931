"""The foot of a hand-typed plan: "Nơi nhận", the signature, typist and copies.

The foot is either a borderless table (recipients left, signature right), or
paragraphs (signature indented, then or before "Nơi nhận"), or plain text.
Each cell or run of lines is read by what its lines say: an authority word
(TM., KT., T/M, K/T ...) starts a signature, "Nơi nhận" starts the list.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..plan.layout import ARCHIVE_ENTRY
from ..plan.text import clean_line, fold
from ..lazy_regex import lazy_compile

_AUTHORITY = lazy_compile(
    r"^(?P<a>T\s*/\s*M|K\s*/\s*T|T\s*/\s*L|TM|KT|TL|TUQ|Q)(?:\s*\.\s*|\s+|(?<=[MTL])\s*(?=[A-ZĐ]))"
    r"(?P<rest>[A-ZĐÀ-Ỹ].*)$")
_POSITIONS = ("chu tich", "pho chu tich", "bi thu", "pho bi thu", "truong ban", "pho truong ban",
              "giam doc", "pho giam doc", "hieu truong", "pho hieu truong", "chu nhiem", "truong phong",
              "pho truong phong", "chanh van phong", "thu truong", "tong giam doc", "truong", "pho truong",
              "uy vien", "to truong", "chi huy truong", "truong thon", "bi thu chi bo", "chanh an",
              "vien truong", "cuc truong", "chanh thanh tra", "thu ky", "nguoi lap")
_TYPIST = lazy_compile(r"^(?P<t>[A-ZĐ][A-ZĐa-zđ]{0,5})\s*[-.–,:]?\s*\(?\s*(?P<c>\d{1,4})\s*(?:b|bản|bản\.)?\s*\)?\s*\.?$")
_HEAD_WORDS = ("KT.", "K/T")  # signing for the head: the head's title follows
_RECIPIENT_ITEM = lazy_compile(r"^[-+•–]\s*\S")
_NOISE = lazy_compile(r"^\(.*\)$|^/$")  # "(Đã ký)", "(ký, đóng dấu)"


@dataclass
class FootFacts:
    recipients: list = field(default_factory=list)
    authority: str = ""
    collective: str = ""
    deputy: str = ""  # a second authority line: "KT. CHỦ TỊCH" under "TM. ỦY BAN NHÂN DÂN"
    position: str = ""
    name: str = ""
    typist: str | None = None
    copies: int | None = None
    found_recipients: bool = False


def is_recipients_title(text: str) -> bool:
    return fold(text).replace(" ", "").startswith("noinhan")


def parse_authority(text: str) -> tuple[str, str] | None:
    """"TM. ỦY BAN NHÂN DÂN" → ("TM.", "ỦY BAN NHÂN DÂN"); "T/M BAN THƯỜNG VỤ" → ("T/M", ...)."""
    m = _AUTHORITY.match(text.strip())
    if not m:
        return None
    word = re.sub(r"\s+", "", m.group("a"))
    if "/" not in word:
        word += "."
    return word, clean_line(m.group("rest"))


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def is_position(text: str) -> bool:
    """An all-capitals signer title such as "CHỦ TỊCH" or "PHÓ BÍ THƯ"."""
    if not _is_caps(text) or len(text.split()) > 8:
        return False
    f = fold(text)
    return any(f == p or f.startswith(p + " ") for p in _POSITIONS)


def is_signature_start(text: str) -> bool:
    return parse_authority(text) is not None or is_position(text)


def parse_typist(text: str) -> tuple[str, int] | None:
    """"HNT - 95b" / "HNT.(95)" → ("HNT", 95)."""
    m = _TYPIST.match(text.strip())
    if not m or len(m.group("t")) < 2:
        return None
    return m.group("t"), int(m.group("c"))


def clean_recipient(text: str) -> str:
    text = re.sub(r"^[-+•*–—]+\s*", "", text.strip())
    return text.rstrip(" ;,.").strip()


def _signature(facts: FootFacts, lines: list[str]) -> None:
    lines = [t for t in lines if t and not _NOISE.match(t) and not is_separator_text(t)]
    if not lines:
        return
    rest = lines
    auth = parse_authority(lines[0])
    if auth:
        facts.authority, facts.collective = auth
        rest = lines[1:]
        second = parse_authority(rest[0]) if rest else None
        if second and second[0] in _HEAD_WORDS and second[1] and facts.authority not in _HEAD_WORDS:
            facts.deputy = f"{second[0]} {second[1]}"  # signed for the head, on behalf of the collective
            rest = rest[1:]
    rest = _before_second_post(rest)
    caps = [t for t in rest if _is_caps(t)]
    names = [t for t in rest if not _is_caps(t)]
    if caps:
        facts.position = caps[0] if len(caps) == 1 or not is_position(caps[-1]) else caps[-1]
    if names:
        people = [t for t in names if _looks_like_name(t)]
        facts.name = people[0] if people else names[-1]
    elif len(caps) >= 2 and not is_position(caps[-1]):
        facts.name = caps[-1]  # a name typed in capitals
        facts.position = caps[0]


def _continues_recipient(previous: str, item: str, dashed: bool) -> bool:
    """A line of "Nơi nhận" that goes on with the entry above it: the entry above is not closed by
    ";" or ".", and this line has no dash of its own where the others have one (a narrow cell or
    a PDF wrapped it), or starts in lower case. "Lưu …" always starts an entry."""
    if not previous or previous.rstrip().endswith((";", ".", ":")) or ARCHIVE_ENTRY.match(item):
        return False
    if _RECIPIENT_ITEM.match(item):
        return False
    return dashed or item[:1].islower() or item[:1] == "("


def _before_second_post(lines: list[str]) -> list[str]:
    """The signature lines up to the signer's name: a title printed under the name is the signer's
    other post ("TRƯỞNG BAN XÂY DỰNG ĐẢNG"), never the position they sign in."""
    for i, text in enumerate(lines):
        if not _is_caps(text) and _looks_like_name(text):
            if any(_is_caps(t) for t in lines[:i]):
                return lines[:i + 1]
            break
    return lines


def _looks_like_name(text: str) -> bool:
    """"Nguyễn Văn Tuyên": two to six capitalised words, no digits."""
    words = text.split()
    return 2 <= len(words) <= 6 and all(w[:1].isupper() for w in words) and not any(c.isdigit() for c in text)


def is_separator_text(text: str) -> bool:
    return bool(re.match(r"^[\s\-_=*~.]+$", text))


def _two_halves(raw: str) -> bool:
    """A line of a foot table typed with tabs: "Nơi nhận:<TAB>TM. ..." or "- Như trên;<TAB>CHỦ TỊCH".

    A wide gap elsewhere (blanks left in "Kế hoạch số    -KH/ĐU") does not make the foot a table.
    """
    pieces = [clean_line(p) for p in re.split(r"\t+| {3,}", raw.strip())]
    pieces = [p for p in pieces if p]
    if len(pieces) < 2:
        return False
    return is_recipients_title(pieces[0]) or is_signature_start(pieces[-1])


def _cells(lines: list):
    """(column key, text) for every foot line: a table column, a tab-separated column, or None (flow)."""
    flow = [ln for ln in lines if ln.table is None]
    tabbed = any(_two_halves(ln.raw) for ln in flow)
    for line in lines:
        if line.table is not None:
            key = (line.table[0], line.table[2])
            for text in line.sublines:
                yield key, text
        elif tabbed:  # "Nơi nhận:<TAB>TM. ỦY BAN NHÂN DÂN": the foot table typed with tabs
            for raw in line.raw.split("\n"):
                pieces = re.split(r"\t+| {3,}", raw.rstrip())
                for col, piece in enumerate(pieces if pieces[0].strip() else pieces[1:]):
                    col = col if pieces[0].strip() else col + 1
                    if clean_line(piece):
                        yield ("flow", min(col, 1)), clean_line(piece)
        else:
            for text in line.sublines:
                yield None, text


def recognise_foot(lines: list) -> FootFacts:
    """Read the foot lines (``Line`` objects, from the end of the body to the end)."""
    facts = FootFacts()
    groups: list[list] = []  # [(key, text), ...]
    columns: dict = {}  # column key -> its group: a column of a foot table reads as one block
    recipients_flow: list | None = None  # the "Nơi nhận" block of the flow, once seen
    last_to_recipients = False
    for key, text in _cells(lines):  # paragraphs are split where a new block starts
        starts = is_recipients_title(text) or is_signature_start(text)
        if key is None and recipients_flow is not None and not starts and groups[-1] is not recipients_flow:
            # A PDF's text runs the two columns of the foot line by line: "- Như trên;" goes with
            # "Nơi nhận", and so does the rest of a recipient cut in two ("(b/c);").
            if _RECIPIENT_ITEM.match(text):
                recipients_flow.append((key, text))
                last_to_recipients = True
                continue
            if last_to_recipients and (text[:1].islower() or text[:1] == "("):
                recipients_flow[-1] = (key, f"{recipients_flow[-1][1]} {text}")
                continue
        last_to_recipients = False
        if key is not None:
            group = columns.get(key)
            if group is None or is_recipients_title(text):
                group = columns[key] = []
                groups.append(group)
            group.append((key, text))
        elif groups and groups[-1][0][0] is None and not starts:
            groups[-1].append((key, text))
        else:
            groups.append([(key, text)])
            if key is None and is_recipients_title(text):
                recipients_flow = groups[-1]
    signature_lines: list[str] = []
    for group in groups:
        texts = [t for _, t in group]
        if is_recipients_title(texts[0]):
            facts.found_recipients = True
            first = re.sub(r"^\s*n\S*\s*nh\S*\s*:?", "", texts[0], flags=re.IGNORECASE).strip()
            items = ([first] if first else []) + texts[1:]
            dashed = sum(bool(_RECIPIENT_ITEM.match(i)) for i in items) >= 2
            previous = ""
            for item in items:
                typist = parse_typist(item)
                if typist:
                    facts.typist, facts.copies = typist
                    continue
                if not clean_recipient(item):
                    continue
                if facts.recipients and _continues_recipient(previous, item, dashed):
                    facts.recipients[-1] = f"{facts.recipients[-1]} {clean_recipient(item)}"
                else:
                    facts.recipients.append(clean_recipient(item))
                previous = item
        else:
            for text in texts:
                typist = parse_typist(text)
                if typist:
                    facts.typist, facts.copies = typist
                else:
                    signature_lines.append(text)
    _signature(facts, signature_lines)
    return facts


POSITIONS = _POSITIONS  # signer titles, folded (no accents, lower case)

__all__ = ["POSITIONS", "FootFacts", "recognise_foot", "parse_authority", "is_signature_start", "is_recipients_title",
           "parse_typist", "clean_recipient", "is_position"]
