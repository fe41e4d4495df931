"""The library's own file (``{"format": "kehoach-library", "version": 1, ...}``) and merging.

Shared between communes on a USB stick: export a selection, import one,
merging without duplicates (same text after NFC, whitespace, case and accent
folding). A file that is not a library raises ``FileRejected`` with a
Vietnamese message and nothing changes.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from ..errors import FileRejected
from ..plan.text import fold, fold_words, nfc_deep
from .entry import KINDS, REGIMES, SECTIONS, USER, Paragraph, new_user_id

FORMAT = "kehoach-library"
VERSION = 1
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_PARAGRAPHS = 100_000


def text_key(text: str) -> str:
    """Duplicate key: the folded words of the text (NFC, spacing, case, accents ignored)."""
    return " ".join(fold_words(text))


@dataclass
class ImportSummary:
    added: int = 0
    duplicates: int = 0
    invalid: int = 0

    def message(self) -> str:
        parts = [f"Đã thêm {self.added} đoạn văn mẫu"]
        parts.append(f"bỏ qua {self.duplicates} đoạn trùng")
        if self.invalid:
            parts.append(f"{self.invalid} dòng không đọc được")
        return ", ".join(parts) + "."


# ---- human words → keys (Excel cells, hand-written files) -------------------
def _lookup(table: dict[str, str]) -> dict[str, str]:
    out = {fold(k): k for k in table}
    out.update({fold(v): k for k, v in table.items()})
    return out


_SECTION_WORDS = _lookup(SECTIONS)
_SECTION_WORDS.update({"ket thuc": "ket-thuc", "loi ket": "ket-thuc", "kinh phi thuc hien": "kinh-phi",
                       "nhiem vu": "nhiem-vu", "kiem tra": "kiem-tra",
                       "bao cao": "che-do-bao-cao", "thoi gian": "thoi-gian", "dia diem": "thoi-gian"})
_REGIME_WORDS = _lookup(REGIMES)
_REGIME_WORDS.update({"nha nuoc": "state", "chinh quyen": "state", "ubnd": "state", "dang": "party",
                      "cap uy": "party", "dang uy": "party"})


def section_key(value: str) -> str:
    """ "Kinh phí" / "kinh-phi" / "KINH PHÍ THỰC HIỆN" → "kinh-phi"; unknown → ""."""
    folded = " ".join(fold_words(value))
    if not folded:
        return ""
    if folded.replace(" ", "-") in SECTIONS:
        return folded.replace(" ", "-")
    if folded in _SECTION_WORDS:
        return _SECTION_WORDS[folded]
    for words, key in sorted(_SECTION_WORDS.items(), key=lambda kv: -len(kv[0])):
        if folded.startswith(words + " "):
            return key
    return ""


def regime_keys(value: str) -> list[str]:
    """ "Chính quyền", "Đảng", "Cả hai", "state, party" → a list; blank → both."""
    folded = fold(value)
    if not folded.strip() or "ca hai" in folded or "tat ca" in folded:
        return ["state", "party"]
    found = []
    for part in folded.replace(";", ",").replace("/", ",").split(","):
        key = _REGIME_WORDS.get(" ".join(part.split()))
        if key and key not in found:
            found.append(key)
    return found or ["state", "party"]


def kind_keys(value: str) -> list[str]:
    """ "Tuyên truyền; Kiểm tra, giám sát" / "tuyen-truyen" → keys, in the order written.

    Labels may hold commas, so known labels are found in the words rather than split at commas.
    """
    text = " " + " ".join(fold_words(value)) + " "
    found: list[tuple[int, str]] = []
    forms = {" ".join(fold_words(k)): k for k in KINDS}
    forms.update({" ".join(fold_words(v)): k for k, v in KINDS.items()})
    for words, key in sorted(forms.items(), key=lambda kv: -len(kv[0])):
        at = text.find(" " + words + " ")
        if at >= 0:
            text = text[:at] + " " * (len(words) + 1) + text[at + len(words) + 1:]
            if key not in [k for _, k in found]:
                found.append((at, key))
    return [k for _, k in sorted(found)]


# ---- merge -----------------------------------------------------------------
def merge(existing: list[Paragraph], incoming: list[Paragraph]) -> tuple[list[Paragraph], ImportSummary]:
    """The incoming paragraphs whose text is new, as fresh user entries, and a summary."""
    seen = {text_key(p.text) for p in existing}
    taken_ids = {p.id for p in existing}
    added: list[Paragraph] = []
    summary = ImportSummary()
    for p in incoming:
        key = text_key(p.text)
        if not key:
            summary.invalid += 1
            continue
        if key in seen:
            summary.duplicates += 1
            continue
        seen.add(key)
        pid = p.id if p.id and p.id not in taken_ids and p.id.startswith("u-") else new_user_id()
        taken_ids.add(pid)
        added.append(Paragraph(id=pid, section=p.section, text=p.text, title=p.title,
                               regimes=list(p.regimes), kinds=list(p.kinds), source=USER,
                               favourite=p.favourite, uses=0))
        summary.added += 1
    return added, summary


# ---- the library's own JSON file ------------------------------------------------
def library_document(paragraphs: list[Paragraph], *, with_stats: bool = False) -> dict:
    return {"format": FORMAT, "version": VERSION,
            "paragraphs": [p.to_dict(with_stats=with_stats) for p in paragraphs]}


def dump_library(paragraphs: list[Paragraph]) -> bytes:
    return json.dumps(library_document(paragraphs), ensure_ascii=False, indent=1).encode("utf-8")


def parse_library(data: bytes, *, name: str = "tệp") -> tuple[list[Paragraph], int]:
    """Paragraphs of a library file and the count of entries that could not be read."""
    if len(data) > MAX_FILE_BYTES:
        raise FileRejected(f"{name} quá lớn để là một thư viện đoạn văn mẫu.")
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise FileRejected(f"{name} không phải là tệp thư viện đoạn văn mẫu (không đọc được nội dung).") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise FileRejected(f"{name} không phải là tệp thư viện đoạn văn mẫu của phần mềm.")
    if doc.get("version") != VERSION:
        raise FileRejected(f"{name} là thư viện phiên bản {doc.get('version')!r}, phần mềm chỉ đọc được phiên bản {VERSION}.")
    raw = doc.get("paragraphs")
    if not isinstance(raw, list):
        raise FileRejected(f"{name} không có danh sách đoạn văn (“paragraphs”).")
    if len(raw) > MAX_PARAGRAPHS:
        raise FileRejected(f"{name} có quá nhiều đoạn văn (tối đa {MAX_PARAGRAPHS:,}).".replace(",", "."))
    out: list[Paragraph] = []
    invalid = 0
    for item in nfc_deep(raw):
        try:
            p = Paragraph.from_dict(item, source=USER)
        except ValueError:
            invalid += 1
            continue
        if p.section not in SECTIONS:
            p.section = section_key(p.section)
        out.append(p)
    return out, invalid
