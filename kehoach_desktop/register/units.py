"""Which register: one per unit profile, found from a plan's issuer and symbol. No Qt.

The file is ``<data dir>/registers/<unit>.sqlite3``; a plan whose unit has no profile
yet gets one (from the plan's header), so ``register take`` works on a fresh machine.
"""
from __future__ import annotations

import re
from pathlib import Path

from .. import storage
from ..errors import KehoachError
from ..plan.layout import ARCHIVE_ENTRY
from ..plan.text import clean_line, fold, same_text
from . import REGISTERS_DIR
from .rules import issuer_part


def register_path(profile_name: str) -> Path:
    """A readable, unique file name: "ubnd-xa-cam-tan-3f2a91.sqlite3"."""
    import hashlib  # lazy: ~2 ms (OpenSSL) that a validate without a register need not pay

    name = clean_line(profile_name) or "don-vi"
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:50] or "don-vi"
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:6]
    return storage.data_dir() / REGISTERS_DIR / f"{slug}-{digest}.sqlite3"


def open_register(profile: storage.Profile):
    from .book import Register

    return Register(register_path(profile.name), regime=profile.regime, series=profile.series,
                    term_start=profile.term_start, unit=profile.name)


def find_profile_for(plan, profiles: list[storage.Profile] | None = None) -> storage.Profile | None:
    """The profile of the plan's issuer: same issuer and the same ký hiệu after the kind, else same issuer."""
    profiles = storage.load_profiles() if profiles is None else profiles
    issuer = clean_line(plan.header.issuer)
    if not issuer:
        return None
    same = [p for p in profiles if same_text(p.issuer, issuer)]
    tail = issuer_part(plan.header.symbol)
    return next((p for p in same if issuer_part(p.symbol) == tail), same[0] if same else None)


def profile_for_plan(plan) -> tuple[storage.Profile, bool]:
    """The plan's unit profile, made and saved when there is none; (profile, created)."""
    found = find_profile_for(plan)
    if found is not None:
        return found, False
    h = plan.header
    if not clean_line(h.issuer):
        raise KehoachError("Kế hoạch chưa ghi cơ quan ban hành nên không biết vào sổ của đơn vị nào. "
                           "Hãy nhập cơ quan ban hành ở bước Đơn vị.")
    names = {p.name for p in storage.load_profiles()}
    name = " ".join(h.issuer.split())
    base, n = name, 2
    while name in names:  # another profile of that name (other symbol): keep both
        name, n = f"{base} ({n})", n + 1
    archive = next((r for r in reversed(plan.recipients) if ARCHIVE_ENTRY.match(r)), "")
    profile = storage.Profile(name=name, regime=plan.regime, superior=h.superior, issuer=h.issuer,
                              symbol=h.symbol, place=h.place, archive=archive)
    storage.upsert_profile(profile)
    return profile, True


def profile_named(name: str = "") -> storage.Profile:
    """The profile called ``name``; without a name the last used one, or the only one."""
    profiles = storage.load_profiles()
    if name:
        found = storage.find_profile(profiles, name) or next(
            (p for p in profiles if same_text(p.name, name) or same_text(p.issuer, name)), None)
        if found is None:
            raise KehoachError(f"Không có hồ sơ đơn vị “{name}”. Các hồ sơ: {_names(profiles)}.")
        return found
    last = storage.find_profile(profiles, storage.load_settings().get("last_profile", ""))
    if last is not None:
        return last
    if len(profiles) == 1:
        return profiles[0]
    if not profiles:
        raise KehoachError("Chưa có hồ sơ đơn vị nào. Hãy vào sổ một kế hoạch (register take KẾ_HOẠCH) "
                           "hoặc lưu hồ sơ đơn vị trong phần mềm.")
    raise KehoachError(f"Có nhiều hồ sơ đơn vị; hãy chọn một bằng --unit. Các hồ sơ: {_names(profiles)}.")


def _names(profiles) -> str:
    return ", ".join(f"“{p.name}”" for p in profiles) or "(chưa có)"


def save_register_settings(name: str, *, term_start: str | None = None, series: str | None = None):
    """Set the register's settings of a profile (``None``: unchanged; "" clears); returns the profile."""
    profiles = storage.load_profiles()
    profile = storage.find_profile(profiles, name)
    if profile is None:
        raise KehoachError(f"Không có hồ sơ đơn vị “{name}”.")
    if term_start is not None:
        profile.term_start = term_start
    if series is not None:
        profile.series = series
    storage.save_profiles(profiles)
    return profile
