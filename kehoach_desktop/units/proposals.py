"""What a district-level body becomes in the two-tier government: the proposals offered.

No district since 1 July 2025: a district People's Committee's tasks went up to the province
or down to the commune. We propose only what is sound: the province's body of the same kind
(UBND tỉnh, Tỉnh ủy, Công an tỉnh, the Sở matching a Phòng), and for bodies that also exist in
a commune (police, military command, mass organisations, the commune's own offices) the
commune's. The user picks; "leave as it is" is always there.
"""
from __future__ import annotations

from ..plan.text import fold
from ..lazy_regex import lazy_compile

# Phòng … huyện → (the province's department, the commune's office), by words of its name.
_DEPARTMENTS = (
    ("van hoa|thong tin|the thao|du lich", "Sở Văn hóa, Thể thao và Du lịch", "Phòng Văn hóa - Xã hội"),
    ("giao duc", "Sở Giáo dục và Đào tạo", "Phòng Văn hóa - Xã hội"),
    ("y te", "Sở Y tế", "Phòng Văn hóa - Xã hội"),
    ("lao dong|noi vu", "Sở Nội vụ", "Phòng Văn hóa - Xã hội"),
    ("dan toc|ton giao", "Sở Dân tộc và Tôn giáo", "Phòng Văn hóa - Xã hội"),
    ("nong nghiep|tai nguyen|moi truong", "Sở Nông nghiệp và Môi trường", "Phòng Kinh tế"),
    ("tai chinh|ke hoach", "Sở Tài chính", "Phòng Kinh tế"),
    ("kinh te|ha tang|quan ly do thi|xay dung", "Sở Xây dựng", "Phòng Kinh tế"),
    ("cong thuong", "Sở Công Thương", "Phòng Kinh tế"),
    ("tu phap", "Sở Tư pháp", "Văn phòng HĐND và UBND"),
)
_DEPARTMENT_RES = tuple((lazy_compile(rf"\b(?:{words})\b"), sở, office) for words, sở, office in _DEPARTMENTS)
# Bodies that exist in a commune too: the same words with the commune's name.
_COMMUNE_TOO = lazy_compile(r"^(?:cong an|ban chi huy quan su|ban chi dao|hoi|doan|uy ban mat tran|ubmttq|mttq|"
                          r"mat tran|ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|dang uy|dang bo|thuong truc)\b")
_PROVINCE_TOO = lazy_compile(r"^(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|cong an|thuong truc|ban thuong vu|"
                           r"ban tuyen giao|ban dan van|ban to chuc|uy ban kiem tra|van phong|dang bo|dang uy|hoi|"
                           r"doan|uy ban mat tran|ubmttq|mttq|mat tran|thanh tra|ban chi dao|lanh dao|bi thu|"
                           r"chu tich|kho bac|bao hiem)\b")


def _case_like(model: str, text: str) -> str:
    """``text`` in the case style of ``model``: all capitals in a header line."""
    return text.upper() if model.isupper() else text


def _level_words(province) -> str:
    return f"{province.kind.lower()} {province.bare}"


def provincial_form(found, text: str, province) -> str:
    """The province's body of the same kind, or "" when there is none to name."""
    head = fold(text)
    if found.committee:  # Huyện ủy → Tỉnh ủy / Thành ủy, Huyện đoàn → Tỉnh đoàn
        word = "Thành" if province.kind == "Thành phố" else "Tỉnh"
        before = text[: found.level_at]
        return _case_like(text, f"{before}{word} {found.committee} {province.bare}").rstrip()
    for pattern, department, _office in _DEPARTMENT_RES:
        if head.startswith("phong") and pattern.search(head):
            return _case_like(text, f"{department} {_level_words(province)}")
    if head.startswith("ban chi huy quan su"):
        return _case_like(text, f"Bộ Chỉ huy Quân sự {_level_words(province)}")
    if _PROVINCE_TOO.match(head):
        return _same_body(found, text, province.kind, f" {province.bare}")
    return ""


def _same_body(found, text: str, kind: str, name: str) -> str:
    """The words of the body before its level, then ``kind name`` written like the level word was."""
    capital = text[found.level_at:found.level_at + 1].isupper()
    return f"{text[: found.level_at]}{_case_like(text, f'{kind if capital else kind.lower()}{name}')}"


def commune_form(found, text: str, unit, kind: str = "Xã") -> str:
    """The commune's body of the same kind (its own police, its own office …), or "".
    Without a known unit: the commune's body unnamed ("Công an xã"), as a plan says of its own."""
    if found.committee:
        return ""
    kind = unit.kind if unit is not None else kind
    bare = f" {unit.bare}" if unit is not None else ""
    body = text[: found.level_at]
    head = fold(body)
    if head.startswith("phong"):
        for pattern, _department, office in _DEPARTMENT_RES:
            if pattern.search(head):
                if office == "Phòng Kinh tế" and kind == "Phường":
                    office = "Phòng Kinh tế, Hạ tầng và Đô thị"
                return _case_like(text, office)
        return ""
    if head.startswith("trung tam y te"):
        return _case_like(text, f"Trạm Y tế {kind.lower()}{bare}")
    if _COMMUNE_TOO.match(head):
        return _same_body(found, text, kind, bare)
    return ""
