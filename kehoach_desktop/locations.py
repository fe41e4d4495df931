"""Where the app finds what it ships and where it keeps the user's data, in the source tree and
in the PyInstaller bundle alike. Pure Python, no Qt.

Everything the app reads comes from ``forms/`` and ``resources/`` through ``forms_dir()`` and
``resource_path()``: in the source tree they sit beside the package, in the bundle they sit in
its data folder (``sys._MEIPASS``, the ``_internal`` folder beside the executable). Nothing else
locates files relative to the source.

Portable mode: a file ``kehoach-portable.ini`` beside the program (the executable of the bundle,
the project folder of a source checkout) keeps the user's data in a folder beside it, for a
copy carried on a USB stick. The file may name that folder (``data = Dữ liệu``, relative to the
program's folder or absolute); by default it is ``DuLieu``.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

PORTABLE_FILE = "kehoach-portable.ini"
PORTABLE_DATA_DEFAULT = "DuLieu"
_PORTABLE_KEYS = ("data", "data_dir", "du_lieu")


def is_bundled() -> bool:
    """True in the PyInstaller bundle (``sys.frozen``), False when run from the source tree."""
    return bool(getattr(sys, "frozen", False))


def app_root() -> Path:
    """The folder holding ``forms/`` and ``resources/``."""
    if is_bundled():
        return Path(getattr(sys, "_MEIPASS", None) or Path(sys.executable).resolve().parent)
    return Path(__file__).resolve().parents[1]


def resource_path(*parts: str) -> Path:
    """A path under ``resources/`` (e.g. ``resource_path("library")``, ``resource_path("help", "x.html")``)."""
    return app_root().joinpath("resources", *parts)


def forms_dir() -> Path:
    return app_root() / "forms"


def program_dir() -> Path:
    """The folder the user sees the program in: beside the executable, or the project folder."""
    if is_bundled():
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parents[1]


def command_name() -> str:
    """How the user starts the command line, for help and error texts."""
    return os.path.basename(sys.executable) if is_bundled() else "python -m kehoach_desktop"


def portable_file() -> Path:
    return program_dir() / PORTABLE_FILE


def portable_data_dir() -> str:
    """The data folder of portable mode, or "" when the program is not portable."""
    marker = portable_file()
    try:
        text = marker.read_text("utf-8-sig")
    except FileNotFoundError:
        return ""
    except (OSError, UnicodeDecodeError):
        text = ""  # present but unreadable: still portable, in the default folder
    folder = PORTABLE_DATA_DEFAULT
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep and key.strip().lower() in _PORTABLE_KEYS and value.strip():
            folder = value.strip().strip('"')
    return os.path.join(str(marker.parent), os.path.expanduser(folder))  # an absolute value wins


__all__ = ["PORTABLE_FILE", "app_root", "command_name", "forms_dir", "is_bundled", "portable_data_dir", "portable_file",
           "program_dir", "resource_path"]
