"""Where the files shipped with the program live (``resources/…`` beside the package). No Qt."""
from __future__ import annotations

from pathlib import Path


def resource_dir(name: str) -> Path:
    """``resources/<name>`` in the source tree or the installed app (PyInstaller puts it beside the package)."""
    here = Path(__file__).resolve()
    for base in (here.parents[1], here.parent):
        candidate = base / "resources" / name
        if candidate.is_dir():
            return candidate
    return here.parents[1] / "resources" / name
