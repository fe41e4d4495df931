"""Placeholders in library paragraphs, filled from the plan on insertion.

``{co_quan}`` the issuing body in sentence form ("Ủy ban nhân dân xã Cẩm Tân"),
``{co_quan_ngan}`` its short form ("UBND xã", "Đảng ủy xã"), ``{cap_tren}`` the
superior body, ``{dia_danh}`` the locality ("xã Cẩm Tân"), ``{cap_xa}`` the
commune word ("xã", "phường", "đặc khu"), ``{nam}``, ``{nam_truoc}``,
``{nam_sau}``. What the plan cannot tell stays as ``{...}`` and its span is
reported, so the editor can highlight it for the user to complete.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..plan.text import clean_line, nfc
from ..lazy_regex import lazy_compile

PLACEHOLDER = lazy_compile(r"\{([a-z_]+)\}")

# Vietnamese names of the placeholders, for the user.
NAMES = {
    "co_quan": "tên cơ quan ban hành",
    "co_quan_ngan": "tên cơ quan (viết gọn)",
    "cap_tren": "cơ quan cấp trên",
    "dia_danh": "địa danh",
    "cap_xa": "cấp xã/phường",
    "nam": "năm kế hoạch",
    "nam_truoc": "năm trước",
    "nam_sau": "năm sau",
    # Never known from the plan: left for the user, highlighted.
    "noi_dung": "nội dung, chủ đề",
    "ten_hoat_dong": "tên hoạt động, sự kiện",
    "so_ky_hieu": "số, ký hiệu văn bản",
    "ngay_thang": "ngày, tháng, năm",
    "thoi_gian": "thời gian",
    "dia_diem": "địa điểm",
    "lan_thu": "lần thứ",
    "quy": "quý",
    "thang": "tháng",
    "so_tien": "số tiền",
    "so_luong": "số lượng",
    "ty_le": "tỷ lệ",
}

# Body words written in capitals in the header → their sentence form.
_BODY_WORDS = [
    ("ỦY BAN NHÂN DÂN", "Ủy ban nhân dân", "UBND"),
    ("UỶ BAN NHÂN DÂN", "Ủy ban nhân dân", "UBND"),
    ("UBND", "Ủy ban nhân dân", "UBND"),
    ("HỘI ĐỒNG NHÂN DÂN", "Hội đồng nhân dân", "HĐND"),
    ("BAN THƯỜNG VỤ ĐẢNG ỦY", "Ban Thường vụ Đảng ủy", "Ban Thường vụ Đảng ủy"),
    ("ĐẢNG ỦY", "Đảng ủy", "Đảng ủy"),
    ("ĐẢNG UỶ", "Đảng ủy", "Đảng ủy"),
    ("ĐẢNG BỘ", "Đảng bộ", "Đảng bộ"),
    ("CHI BỘ", "Chi bộ", "Chi bộ"),
    ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Ủy ban MTTQ Việt Nam"),
    ("BAN CHỈ ĐẠO", "Ban Chỉ đạo", "Ban Chỉ đạo"),
]
_UNIT_WORDS = ["THÀNH PHỐ", "ĐẶC KHU", "PHƯỜNG", "THỊ TRẤN", "TỈNH", "XÃ"]


@dataclass(frozen=True)
class FilledText:
    text: str
    unfilled_spans: list  # [(start, end)] of the placeholders left as {...}

    @property
    def complete(self) -> bool:
        return not self.unfilled_spans


def _title_case(words: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() if w.isupper() else w for w in words.split())


def _body(name: str) -> dict:
    """Split "ỦY BAN NHÂN DÂN XÃ CẨM TÂN" into body words, unit word and place name."""
    name = clean_line(nfc(name).replace("\n", " "))
    upper = name.upper()
    out = {"full": "", "short": "", "unit": "", "place": ""}
    if not name:
        return out
    body_long = body_short = ""
    rest = name
    for caps, long, short in _BODY_WORDS:
        if upper.startswith(caps):
            body_long, body_short, rest = long, short, name[len(caps):].strip()
            break
    unit = place = ""
    for word in _UNIT_WORDS:
        if rest.upper().startswith(word + " "):
            unit, place = word.lower(), _title_case(rest[len(word):].strip())
            break
    if not body_long and not unit:
        sentence = _title_case(name) if name.isupper() else name
        return {"full": sentence, "short": sentence, "unit": "", "place": ""}
    tail = f"{unit} {place}".strip() if unit else _title_case(rest)
    out["full"] = f"{body_long} {tail}".strip() if body_long else tail
    out["short"] = f"{body_short} {unit}".strip() if body_short else out["full"]
    out["unit"], out["place"] = unit, place
    return out


def _year(plan) -> int | None:
    date = getattr(plan.header, "date", "") or ""
    m = re.match(r"(\d{4})-\d\d-\d\d$", date)
    if m:
        return int(m.group(1))
    years = re.findall(r"\bnăm (\d{4})\b", plan.summary or "")
    return int(years[-1]) if years else None


def plan_values(plan) -> dict[str, str]:
    """What the plan can tell about each placeholder (missing keys stay unfilled)."""
    values: dict[str, str] = {}
    if plan is None:
        return values
    issuer = _body(plan.header.issuer)
    if issuer["full"]:
        values["co_quan"] = issuer["full"]
        values["co_quan_ngan"] = issuer["short"]
    if issuer["unit"] and issuer["place"]:
        values["dia_danh"] = f"{issuer['unit']} {issuer['place']}"
    elif plan.header.place:
        values["dia_danh"] = plan.header.place
    if issuer["unit"]:
        values["cap_xa"] = issuer["unit"]
    superior = _body(plan.header.superior)
    if superior["full"]:
        values["cap_tren"] = superior["full"]
    year = _year(plan)
    if year:
        values.update(nam=str(year), nam_truoc=str(year - 1), nam_sau=str(year + 1))
    return values


def fill_placeholders(text: str, plan, extra: dict | None = None) -> FilledText:
    """Replace every ``{name}`` the plan can fill; report the spans of the others."""
    text = nfc(text)
    values = plan_values(plan)
    if extra:
        values.update({k: v for k, v in extra.items() if v})
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = length = 0
    for m in PLACEHOLDER.finditer(text):
        out.append(text[pos:m.start()])
        length += m.start() - pos
        value = values.get(m.group(1))
        piece = nfc(value) if value else m.group(0)
        if not value:
            spans.append((length, length + len(piece)))
        out.append(piece)
        length += len(piece)
        pos = m.end()
    out.append(text[pos:])
    return FilledText("".join(out), spans)


def placeholders_in(text: str) -> list[str]:
    return [m.group(1) for m in PLACEHOLDER.finditer(text)]
