"""Where the paragraphs live: the bundled library (read-only, in ``resources/library``)
and the user's own library (``library.json`` in the user data folder).

The user's file holds the user's paragraphs and, for bundled paragraphs, only
their favourite mark and use count. It is written atomically with a backup
(``safefile.write_atomic``); a damaged file falls back to its backup, and
never stops the app.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path


from ..plan.text import nfc_deep
from .entry import BUNDLED, USER, Paragraph
from .share import FORMAT, VERSION, library_document

USER_FILE = "library.json"


def bundled_dir() -> Path:
    """``resources/library`` of the source tree or of the bundle."""
    from ..locations import resource_path

    return resource_path("library")


@lru_cache(maxsize=4)
def _bundled_dicts(directory: str) -> tuple:
    items = []
    for path in sorted(Path(directory).glob("*.json")):
        doc = nfc_deep(json.loads(path.read_text("utf-8")))
        items.extend(doc["paragraphs"] if isinstance(doc, dict) else doc)
    return tuple(json.dumps(item, ensure_ascii=False) for item in items)


def load_bundled(directory: Path | None = None) -> list[Paragraph]:
    """Fresh Paragraph objects of the bundled library (the files are parsed once)."""
    directory = directory or bundled_dir()
    if not directory.is_dir():
        return []
    return [Paragraph.from_dict(json.loads(item), source=BUNDLED)
            for item in _bundled_dicts(str(directory))]


def user_library_path() -> Path:
    from ..userdata import data_dir  # the user's data folder, or the portable one

    return data_dir() / USER_FILE


class UserFile:
    """The user's paragraphs plus stats for bundled ones, read and written as one JSON file."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else user_library_path()
        self.paragraphs: list[Paragraph] = []
        self.stats: dict[str, dict] = {}
        self.note = ""  # a Vietnamese sentence when the file had to be recovered

    def load(self) -> "UserFile":
        from ..safefile import backup_path

        if not self.path.exists():
            return self  # first run: nothing saved yet
        doc = self._read(self.path)
        if doc is None:  # damaged (e.g. cut off by a full disk): the last good version is the backup
            doc = self._read(backup_path(self.path))
            self.note = ("Tệp thư viện của bạn bị hỏng; đã mở bản sao lưu gần nhất." if doc is not None else
                         "Tệp thư viện của bạn bị hỏng và không có bản sao lưu; thư viện riêng đang trống.")
        if doc is not None:
            self._take(doc)
        return self

    @staticmethod
    def _read(path: Path):
        try:
            if not path.is_file():
                return None
            doc = nfc_deep(json.loads(path.read_text("utf-8")))
        except (OSError, ValueError, RecursionError):
            return None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("paragraphs"), list):
            return None
        return doc

    def _take(self, doc: dict) -> None:
        self.paragraphs = []
        for item in doc["paragraphs"]:
            try:
                self.paragraphs.append(Paragraph.from_dict(item, source=USER))
            except ValueError:
                continue  # one bad entry must not hide the others
        stats = doc.get("stats")
        self.stats = {k: v for k, v in stats.items() if isinstance(v, dict)} if isinstance(stats, dict) else {}

    def apply_stats(self, bundled: list[Paragraph]) -> None:
        for p in bundled:
            s = self.stats.get(p.id)
            if s:
                p.favourite = bool(s.get("favourite", False))
                uses = s.get("uses", 0)
                p.uses = uses if isinstance(uses, int) and uses > 0 else 0

    def save(self, paragraphs: list[Paragraph], bundled: list[Paragraph]) -> None:
        from ..safefile import write_atomic

        self.paragraphs = [p for p in paragraphs if p.source == USER]
        self.stats = {p.id: {"favourite": p.favourite, "uses": p.uses}
                      for p in bundled if p.favourite or p.uses}
        doc = library_document(self.paragraphs, with_stats=True)
        doc["version"] = VERSION
        doc["stats"] = self.stats
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"), backup=True)
