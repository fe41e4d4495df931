"""One reusable paragraph of the library, and the vocabulary it is filed under.

Plain data, no Qt. Every string is NFC on the way in (``from_dict``); a value
that is not a paragraph raises ``ValueError`` so that loaders can skip it or
reject the whole file with a Vietnamese message.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from ..plan.text import clean_line, nfc

# Section keys of the library (docs/CONTRACTS.md) and the Vietnamese names users see.
SECTIONS: dict[str, str] = {
    "can-cu": "Căn cứ",
    "muc-dich": "Mục đích",
    "yeu-cau": "Yêu cầu",
    "noi-dung": "Nội dung",
    "nhiem-vu": "Nhiệm vụ, giải pháp",
    "hinh-thuc": "Hình thức",
    "thoi-gian": "Thời gian, địa điểm",
    "kinh-phi": "Kinh phí",
    "to-chuc-thuc-hien": "Tổ chức thực hiện",
    "kiem-tra": "Kiểm tra, giám sát",
    "che-do-bao-cao": "Chế độ báo cáo",
    "ket-thuc": "Kết thúc",
    "giai-phap": "Giải pháp",
    "noi-nhan": "Nơi nhận",
}

REGIMES: dict[str, str] = {"state": "Chính quyền", "party": "Đảng"}

# Plan kinds (ids of forms/); an empty kinds list means "every kind".
KINDS: dict[str, str] = {
    "tuyen-truyen": "Tuyên truyền",
    "su-kien": "Tổ chức hoạt động, sự kiện",
    "kiem-tra-giam-sat": "Kiểm tra, giám sát",
    "cong-tac-nam": "Công tác năm",
    "trong": "Kế hoạch trống",
}

BUNDLED = "bundled"
USER = "user"


def section_label(key: str) -> str:
    return SECTIONS.get(key, key)


def new_user_id() -> str:
    return "u-" + uuid.uuid4().hex[:12]


def _text(value, name: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"“{name}” phải là chữ")
    return nfc(value)


def _list(value, name: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [v for v in value.replace(";", ",").split(",")]
    if not isinstance(value, list):
        raise ValueError(f"“{name}” phải là danh sách")
    return [clean_line(_text(v, name)) for v in value if isinstance(v, str) and v.strip()]


def clean_text(text: str) -> str:
    """A paragraph as stored: NFC, each line cleaned, no blank lines at the ends."""
    lines = [clean_line(line) for line in nfc(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip()


def title_from_text(text: str, words: int = 8) -> str:
    """A short title for a paragraph saved without one: its first words."""
    first = clean_text(text).split()
    title = " ".join(first[:words]).strip(" ,;:-–")
    return title + ("…" if len(first) > words else "")


@dataclass
class Paragraph:
    id: str
    section: str
    text: str
    title: str = ""
    regimes: list = field(default_factory=lambda: ["state", "party"])
    kinds: list = field(default_factory=list)  # empty: every kind
    source: str = USER
    favourite: bool = False
    uses: int = 0

    def fits(self, regime: str | None = None, kind: str | None = None) -> bool:
        if regime and self.regimes and regime not in self.regimes:
            return False
        if kind and self.kinds and kind not in self.kinds:
            return False
        return True

    @property
    def is_user(self) -> bool:
        return self.source == USER

    @classmethod
    def from_dict(cls, data, *, source: str = USER) -> "Paragraph":
        if not isinstance(data, dict):
            raise ValueError("một đoạn văn phải là một nhóm khóa")
        text = clean_text(_text(data.get("text", ""), "text"))
        if not text:
            raise ValueError("đoạn văn không có nội dung")
        section = clean_line(_text(data.get("section", ""), "section"))
        regimes = [r for r in _list(data.get("regimes"), "regimes") if r in REGIMES] or ["state", "party"]
        uses = data.get("uses", 0)
        return cls(
            id=clean_line(_text(data.get("id") or new_user_id(), "id")),
            section=section,
            text=text,
            title=clean_line(_text(data.get("title") or "", "title")) or title_from_text(text),
            regimes=regimes,
            kinds=_list(data.get("kinds"), "kinds"),
            source=source,
            favourite=bool(data.get("favourite", False)),
            uses=uses if isinstance(uses, int) and not isinstance(uses, bool) and uses > 0 else 0,
        )

    def to_dict(self, *, with_stats: bool = True) -> dict:
        out = {"id": self.id, "section": self.section, "regimes": list(self.regimes),
               "kinds": list(self.kinds), "title": self.title, "text": self.text}
        if with_stats:
            out["favourite"] = self.favourite
            out["uses"] = self.uses
        return out
