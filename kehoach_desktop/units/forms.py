"""How a unit is written in a plan's header, per regime (Nghị định 30/2020, Hướng dẫn 36-HD/VPTW).

State: ``ỦY BAN NHÂN DÂN XÃ TÂN LẬP`` with no governing body above it (a commune's
People's Committee has none in practice since there is no district). Party: ``ĐẢNG ỦY XÃ
TÂN LẬP`` directly under ``ĐẢNG BỘ TỈNH LÂM ĐỒNG``. Place line: the bare name ``Tân Lập``.
"""
from __future__ import annotations

from .data import Unit
from ..lazy_regex import lazy_compile

STATE_BODY = "ỦY BAN NHÂN DÂN"
PARTY_BODY = "ĐẢNG ỦY"
# A body already typed before the unit ("HỘI ĐỒNG NHÂN DÂN XÃ …"): kept when the unit changes.
_BODY_BEFORE_UNIT = lazy_compile(r"^(.+?)\s+(?:XÃ|PHƯỜNG|ĐẶC KHU|THỊ TRẤN)(?:\s|$)")


def upper_name(name: str) -> str:
    return " ".join(name.split()).upper()


def header_forms(index, unit: Unit, regime: str, field: str = "issuer", current: dict | None = None) -> dict:
    """The header values to set when ``unit`` is chosen in ``field`` (issuer, superior or place).

    From the issuer or the place: issuer, superior and place all follow the unit. From the
    superior: the unit is the body above the issuer (``ĐẢNG BỘ XÃ TÂN LẬP`` over a chi bộ,
    ``ỦY BAN NHÂN DÂN XÃ TÂN LẬP`` over a board of the commune), and the place follows.
    ``current`` (header values) keeps a body the user already typed, e.g. HĐND instead of UBND.
    """
    current = current or {}
    unit_words = upper_name(unit.name)
    party = regime == "party"
    if field == "superior":
        body = "ĐẢNG BỘ" if party else STATE_BODY
        return {"superior": f"{body} {unit_words}", "place": unit.bare}
    typed = _BODY_BEFORE_UNIT.match(upper_name(current.get("issuer", "")))
    body = typed.group(1) if typed else (PARTY_BODY if party else STATE_BODY)
    if party:
        province = index.province_of(unit)
        superior = f"ĐẢNG BỘ {upper_name(province.name)}" if province else ""
    else:
        superior = ""
    return {"superior": superior, "issuer": f"{body} {unit_words}", "place": unit.bare}
