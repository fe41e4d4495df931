"""The user's own data: unit profiles, recent files, drafts for crash recovery, UI settings.

Pure Python, no Qt. Everything lives in ``user_data_dir("kehoach")`` (never next
to the program: Program Files is read-only on Windows). Every file is small
JSON written atomically, so a power cut never leaves half a file; a file that
cannot be read is treated as absent rather than stopping the app.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from .plan.text import nfc, nfc_deep
from .userdata import (RECENT_FILE, RECENT_LIMIT, SETTINGS_FILE, add_recent, data_dir, load_recent,  # noqa: F401
                       load_settings, read_json, remove_recent, update_settings, write_json, xdg_data_dir)

PROFILES_FILE = "profiles.json"
DRAFTS_DIR = "drafts"
SIGNERS_LIMIT = 8


# ---- profiles of units ------------------------------------------------------
@dataclass
class Profile:
    """One unit the user drafts for: typed once, offered in every new plan."""

    name: str = ""  # the label the user picks it by, e.g. "UBND xã Cẩm Tân"
    regime: str = "state"
    superior: str = ""
    issuer: str = ""
    symbol: str = ""
    place: str = ""
    archive: str = ""  # the "Lưu" entry of Nơi nhận, e.g. "Lưu: VT, VHXH"
    signers: list = field(default_factory=list)  # dicts: authority, collective, deputy, position, name
    term_start: str = ""  # register: ISO start of the committee's term (party numbering restarts on it)
    series: str = ""  # register: "" the regime's rule, "kind" a separate series per kind of document

    KEYS = ("name", "regime", "superior", "issuer", "symbol", "place", "archive")
    REGISTER_KEYS = ("term_start", "series")  # read and written like KEYS

    @classmethod
    def from_dict(cls, data: dict) -> "Profile":
        data = nfc_deep(data if isinstance(data, dict) else {})
        values = {k: str(data.get(k) or "") for k in cls.KEYS + cls.REGISTER_KEYS}
        if values["regime"] not in ("state", "party"):
            values["regime"] = "state"
        signers = [s for s in data.get("signers") or [] if isinstance(s, dict)]
        return cls(**values, signers=signers)

    def to_dict(self) -> dict:
        out = {k: getattr(self, k) for k in self.KEYS}
        out.update({k: getattr(self, k) for k in self.REGISTER_KEYS if getattr(self, k)})
        out["signers"] = [dict(s) for s in self.signers]
        return out

    @property
    def label(self) -> str:
        return self.name or self.issuer or "(chưa đặt tên)"


def load_profiles() -> list[Profile]:
    raw = read_json(data_dir() / PROFILES_FILE, [])
    return [Profile.from_dict(p) for p in raw if isinstance(p, dict)] if isinstance(raw, list) else []


def save_profiles(profiles: list[Profile]) -> None:
    write_json(data_dir() / PROFILES_FILE, [p.to_dict() for p in profiles], backup=True)


def find_profile(profiles: list[Profile], name: str) -> Profile | None:
    return next((p for p in profiles if p.name == nfc(name)), None)


def upsert_profile(profile: Profile) -> list[Profile]:
    """Add the profile, or replace the one of the same name; returns the saved list."""
    previous = find_profile(load_profiles(), profile.name)
    for key in Profile.REGISTER_KEYS if previous else ():  # set in the register, not in the unit step
        setattr(profile, key, getattr(profile, key) or getattr(previous, key))
    profiles = [p for p in load_profiles() if p.name != profile.name]
    profiles.insert(0, profile)
    save_profiles(profiles)
    return profiles


def delete_profile(name: str) -> list[Profile]:
    profiles = [p for p in load_profiles() if p.name != nfc(name)]
    save_profiles(profiles)
    return profiles


def same_issuer(a: str, b: str) -> bool:
    """The same issuing body, whatever the accents typed, case, spacing or line breaks."""
    from .plan.text import fold_words

    key_a, key_b = fold_words(a), fold_words(b)
    return bool(key_a) and key_a == key_b


def profile_for_issuer(profiles: list[Profile], issuer: str, preferred: str = "",
                       regime: str | None = None) -> Profile | None:
    """The profile of the unit that issues a plan (of ``regime`` when given): ``preferred`` when it
    is that unit, else the first profile with the same issuer; None when no profile is that unit."""
    def fits(p: Profile) -> bool:
        return same_issuer(p.issuer, issuer) and (regime is None or p.regime == regime)

    named = find_profile(profiles, preferred) if preferred else None
    if named is not None and fits(named):
        return named
    return next((p for p in profiles if fits(p)), None)


def remember_signer(profile_name: str, signer: dict, issuer: str | None = None) -> None:
    """Put a signer first in the profile's list (most recent first, no duplicates).

    With ``issuer`` (the plan's issuing body), only when the profile is that unit: a plan of
    another unit never leaves its signer in this one."""
    signer = {k: nfc(str(signer.get(k) or "")) for k in ("authority", "collective", "deputy", "position", "name")}
    if not signer["name"] and not signer["position"]:
        return
    profiles = load_profiles()
    profile = find_profile(profiles, profile_name)
    if profile is None or (issuer is not None and not same_issuer(profile.issuer, issuer)):
        return
    rest = [s for s in profile.signers if not (s.get("name") == signer["name"]
                                                 and s.get("position") == signer["position"])]
    profile.signers = [signer, *rest][:SIGNERS_LIMIT]
    save_profiles(profiles)


def remember_plan_signer(issuer: str, signer: dict, preferred: str = "") -> str:
    """After a save: the signer goes to the profile whose issuer is the plan's (``preferred`` first);
    returns that profile's name, "" when no profile is the plan's unit (nothing is stored)."""
    profile = profile_for_issuer(load_profiles(), issuer, preferred)
    if profile is None:
        return ""
    remember_signer(profile.name, signer, issuer)
    return profile.name


# ---- drafts (autosave) ----------------------------------------------------------
@dataclass
class Draft:
    """An autosaved plan: what was being edited, for which file, when, by which process."""

    path: Path  # the draft file itself
    plan_json: str
    source: str  # the file the plan belongs to, "" for a new plan
    saved_at: float
    pid: int


def _drafts_dir() -> Path:
    path = data_dir() / DRAFTS_DIR
    path.mkdir(parents=True, exist_ok=True)
    return path


def draft_path(session: str | None = None) -> Path:
    """This process's draft file: one per running app, so two windows never clash."""
    return _drafts_dir() / f"draft-{session or os.getpid()}.json"


def write_draft(plan_json: str, source: str = "", session: str | None = None) -> Path:
    path = draft_path(session)
    write_json(path, {"plan": json.loads(plan_json), "source": nfc(source),
                       "saved_at": time.time(), "pid": os.getpid()})
    return path


def clear_draft(session: str | None = None) -> None:
    try:
        draft_path(session).unlink()
    except FileNotFoundError:
        pass


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix" or pid <= 0:
        return False  # no cheap check elsewhere: treat the draft as left over
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def draft_lock_path(session: str | None = None) -> Path:
    """The lock a running session holds open beside its draft (``oslock``): the OS releases it on a crash."""
    return draft_path(session).with_suffix(".lock")


def _session_running(draft: Path, pid: int) -> bool:
    from .oslock import is_held

    lock = draft.with_suffix(".lock")
    if lock.exists():
        return is_held(lock)
    return pid != os.getpid() and _alive(pid)  # a draft from before the locks


def orphan_drafts(exclude_sessions=()) -> list[Draft]:
    """Drafts left by a session that did not exit cleanly, newest first.

    A draft of this very process counts as left over unless its session is in
    ``exclude_sessions`` (the windows still open).
    """
    out = []
    live = {f"draft-{s}.json" for s in exclude_sessions}
    for path in _drafts_dir().glob("draft-*.json"):
        raw = read_json(path, None)
        if not isinstance(raw, dict) or not isinstance(raw.get("plan"), dict):
            continue
        pid = raw.get("pid") if isinstance(raw.get("pid"), int) else -1
        if path.name in live or _session_running(path, pid):
            continue
        out.append(Draft(path=path, plan_json=json.dumps(raw["plan"], ensure_ascii=False),
                         source=str(raw.get("source") or ""),
                         saved_at=float(raw.get("saved_at") or 0), pid=pid))
    return sorted(out, key=lambda d: d.saved_at, reverse=True)


def discard_draft(draft: Draft) -> None:
    for path in (draft.path, draft.path.with_suffix(".lock")):
        try:
            path.unlink()
        except FileNotFoundError:
            pass
