"""The user data folder and its two small JSON files the window's frame reads before it first
paints: the settings (window size, last unit) and the recent files. Pure Python, no Qt, and no
dataclasses (``storage``, which re-exports all of this, defines the profiles and drafts: ~3 ms
of start-up that can come after the first paint)."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from .plan.text import nfc, nfc_deep

RECENT_FILE = "recent.json"
SETTINGS_FILE = "settings.json"
RECENT_LIMIT = 10


def data_dir() -> Path:
    """The user data folder, created on first use (beside the program in portable mode)."""
    from .locations import portable_data_dir

    folder = portable_data_dir() or xdg_data_dir()
    if not folder:
        from platformdirs import user_data_dir  # lazy: not needed to show the window

        folder = user_data_dir("kehoach", appauthor=False)
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path


def xdg_data_dir() -> str:
    """On Linux and BSD, platformdirs' answer without importing it (its Unix module imports
    tempfile, shutil…: ~6 ms of the app's start-up, which reads its settings before the window
    shows): ``$XDG_DATA_HOME`` when absolute, else ``$HOME/.local/share``, then "kehoach".
    "" on other systems or in an unusual environment (no absolute HOME): platformdirs decides."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return ""
    base = os.environ.get("XDG_DATA_HOME", "")
    if not os.path.isabs(base):
        home = os.environ.get("HOME", "")
        if not os.path.isabs(home):
            return ""
        base = os.path.join(home, ".local", "share")
    return os.path.join(base, "kehoach")


def write_json(path: Path, value: object, *, backup: bool = False) -> None:
    from .safefile import write_atomic

    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8")
    write_atomic(path, data, backup=backup)


def read_json(path: Path, default: object) -> object:
    try:
        return nfc_deep(json.loads(path.read_text("utf-8")))
    except (OSError, ValueError):
        return default


# ---- recent files -------------------------------------------------------------
def load_recent() -> list[str]:
    raw = read_json(data_dir() / RECENT_FILE, [])
    return [p for p in raw if isinstance(p, str)] if isinstance(raw, list) else []


def add_recent(path: str | os.PathLike) -> list[str]:
    path = nfc(os.path.abspath(os.fspath(path)))
    items = [path, *[p for p in load_recent() if p != path]][:RECENT_LIMIT]
    write_json(data_dir() / RECENT_FILE, items)
    return items


def remove_recent(path: str | os.PathLike) -> list[str]:
    path = nfc(os.path.abspath(os.fspath(path)))
    items = [p for p in load_recent() if p != path]
    write_json(data_dir() / RECENT_FILE, items)
    return items


# ---- UI settings --------------------------------------------------------------
def load_settings() -> dict:
    raw = read_json(data_dir() / SETTINGS_FILE, {})
    return raw if isinstance(raw, dict) else {}


def update_settings(**values: object) -> dict:
    settings = load_settings()
    settings.update(values)
    write_json(data_dir() / SETTINGS_FILE, settings)
    return settings
