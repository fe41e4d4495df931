"""The library as the app and the CLI use it: bundled + the user's paragraphs, one index.

Every change of the user's part (add, edit, delete, favourite, use count,
import) is saved at once to the user's file, atomically with a backup.
"""
from __future__ import annotations

import weakref
from pathlib import Path

from ..errors import FileRejected, KehoachError
from ..plan.text import clean_line
from .entry import USER, Paragraph, clean_text, new_user_id, title_from_text
from .search import Hit, SearchIndex
from .share import ImportSummary, dump_library, merge, parse_library, text_key
from .store import UserFile, load_bundled

MAX_IMPORT_BYTES = 20 * 1024 * 1024


class Library:
    def __init__(self, bundled: list[Paragraph], user: UserFile):
        self.bundled = bundled
        self.user_file = user
        self.user = list(user.paragraphs)
        user.apply_stats(self.bundled)
        self._index: SearchIndex | None = None
        self._listeners: list = []

    @classmethod
    def open(cls, path: Path | None = None, bundled_dir: Path | None = None) -> "Library":
        """The bundled library plus the user's file (default: the user data folder)."""
        return cls(load_bundled(bundled_dir), UserFile(path).load())

    @property
    def note(self) -> str:
        return self.user_file.note

    @property
    def entries(self) -> list[Paragraph]:
        """The user's own paragraphs first: among equal matches, the commune's wording wins."""
        return self.user + self.bundled

    def get(self, pid: str) -> Paragraph | None:
        return next((p for p in self.entries if p.id == pid), None)

    @property
    def index(self) -> SearchIndex:
        if self._index is None:
            self._index = SearchIndex(self.entries)
        return self._index

    def search(self, query: str = "", **options) -> list[Hit]:
        """See ``SearchIndex.search``: section, regime, kind, limit, only_section."""
        return self.index.search(query, **options)

    # ---- the user's paragraphs ------------------------------------------------
    def save(self) -> None:
        self.user_file.save(self.user, self.bundled)

    def subscribe(self, callback) -> None:
        """Call ``callback()`` after each change (held weakly: a closed panel is simply dropped)."""
        ref = weakref.WeakMethod(callback) if hasattr(callback, "__self__") else (lambda: callback)
        self._listeners.append(ref)

    def _changed(self, *, reindex: bool) -> None:
        if reindex:
            self._index = None
        elif self._index is not None:
            self._index.refresh_stats()
        self.save()
        alive = []
        for ref in self._listeners:
            callback = ref()
            if callback is not None:
                alive.append(ref)
                callback()
        self._listeners = alive

    def _user_entry(self, pid: str) -> Paragraph:
        p = self.get(pid)
        if p is None:
            raise KehoachError("Không tìm thấy đoạn văn này trong thư viện.")
        if p.source != USER:
            raise KehoachError("Đoạn văn mẫu có sẵn không sửa hay xóa được; hãy lưu một bản vào thư viện của bạn rồi sửa.")
        return p

    def add_user_paragraph(self, text: str, section: str, *, title: str = "",
                           regimes: list | None = None, kinds: list | None = None) -> Paragraph:
        """Save a paragraph (or a selection) into the user's library; an existing same text is reused."""
        text = clean_text(text)
        if not text:
            raise KehoachError("Không có nội dung để lưu vào thư viện.")
        key = text_key(text)
        for p in self.entries:
            if text_key(p.text) == key:
                return p
        p = Paragraph(id=new_user_id(), section=section or "", text=text,
                      title=clean_line(title) or title_from_text(text),
                      regimes=list(regimes or ["state", "party"]), kinds=list(kinds or []), source=USER)
        self.user.append(p)
        self._changed(reindex=True)
        return p

    def edit(self, pid: str, *, text: str | None = None, title: str | None = None, section: str | None = None,
             regimes: list | None = None, kinds: list | None = None) -> Paragraph:
        p = self._user_entry(pid)
        if text is not None:
            text = clean_text(text)
            if not text:
                raise KehoachError("Đoạn văn không được để trống.")
            p.text = text
        if title is not None:
            p.title = clean_line(title) or title_from_text(p.text)
        if section is not None:
            p.section = section
        if regimes is not None:
            p.regimes = list(regimes) or ["state", "party"]
        if kinds is not None:
            p.kinds = list(kinds)
        self._changed(reindex=True)
        return p

    def delete(self, pid: str) -> None:
        p = self._user_entry(pid)
        self.user.remove(p)
        self._changed(reindex=True)

    def set_favourite(self, pid: str, favourite: bool) -> None:
        p = self.get(pid)
        if p is not None and p.favourite != favourite:
            p.favourite = favourite
            self._changed(reindex=False)

    def toggle_favourite(self, pid: str) -> bool:
        p = self.get(pid)
        if p is None:
            return False
        self.set_favourite(pid, not p.favourite)
        return p.favourite

    def record_use(self, pid: str) -> None:
        p = self.get(pid)
        if p is not None:
            p.uses += 1
            self._changed(reindex=False)

    # ---- sharing --------------------------------------------------------------
    def import_paragraphs(self, incoming: list[Paragraph], invalid: int = 0) -> ImportSummary:
        added, summary = merge(self.entries, incoming)
        summary.invalid += invalid
        if added:
            self.user.extend(added)
            self._changed(reindex=True)
        return summary

    def import_file(self, path) -> ImportSummary:
        """Merge a library file (.json) or an Excel sheet (.xlsx) into the user's library."""
        incoming, invalid = read_paragraphs(path)
        return self.import_paragraphs(incoming, invalid)

    def export_file(self, path, paragraphs: list[Paragraph] | None = None) -> int:
        """Write the given paragraphs (default: the whole library) as .xlsx or the library's .json."""
        return export_paragraphs(path, self.entries if paragraphs is None else paragraphs)


_SHARED: dict = {}


def shared_library() -> Library:
    """One Library per user file for the whole app, so that every panel sees the same paragraphs
    and no panel saves a stale copy over another's changes."""
    from .store import user_library_path

    key = str(user_library_path())
    library = _SHARED.get(key)
    if library is None:
        library = _SHARED[key] = Library.open()
    return library


def read_paragraphs(path) -> tuple[list[Paragraph], int]:
    from ..safefile import read_bytes_limited

    path = Path(path)
    name = f"Tệp “{path.name}”"
    try:
        data = read_bytes_limited(path, max_bytes=MAX_IMPORT_BYTES)
    except FileRejected:
        raise
    except OSError:
        raise FileRejected(f"Không mở được {name[0].lower() + name[1:]}.") from None
    if data.startswith(b"PK"):
        from .excel import parse_xlsx

        return parse_xlsx(data, name=name)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return parse_library(data, name=name)
    raise FileRejected(f"{name} không phải là tệp thư viện (.json) hay bảng tính Excel (.xlsx).")


def export_paragraphs(path, paragraphs: list[Paragraph]) -> int:
    from ..safefile import refuse_other_kind, write_atomic

    path = Path(path)
    ext = path.suffix.lower()
    if ext not in (".xlsx", ".json"):  # the name as given, or refused: never another file's name
        raise FileRejected(f"Tệp xuất “{path.name}” phải có đuôi .xlsx (bảng tính Excel) hoặc .json "
                           "(tệp thư viện của phần mềm).")
    refuse_other_kind(path, marker=b'"kehoach-library"')
    if ext == ".xlsx":
        from .excel import dump_xlsx

        data = dump_xlsx(paragraphs)
    else:
        data = dump_library(paragraphs)
    write_atomic(path, data, backup=True)
    return len(paragraphs)
