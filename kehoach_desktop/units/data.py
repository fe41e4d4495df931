"""The unit data file: its shape, its checks, where it lives, and loading it on first use.

The bundled file is ``resources/units/units.json`` (built by ``tools/build_units.py``). A user
may install a newer file of the same shape (``units import FILE``, menu Tệp): it is checked in
full first, and a bad or older file is refused with one Vietnamese sentence while the current
data stays. The installed copy lives in the user data folder; the newer of the two is used.
"""
from __future__ import annotations

import json
from collections import namedtuple
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import FileRejected
from ..lazy_regex import lazy_compile

FORMAT = "kehoach-units"
VERSION = 1
USER_FILE = "units.json"
MAX_BYTES = 20 * 1024 * 1024
NEW_KINDS = ("Xã", "Phường", "Đặc khu")
OLD_KINDS = ("Xã", "Phường", "Thị trấn")
PROVINCE_KINDS = ("Tỉnh", "Thành phố")
_ISO_DAY = lazy_compile(r"\d{4}-\d{2}-\d{2}")
_CODE = lazy_compile(r"\d{2,5}")
_NOT_OURS = "Tệp “{name}” không phải dữ liệu đơn vị hành chính của phần mềm"


def split_kind(name: str, kinds=NEW_KINDS + OLD_KINDS + PROVINCE_KINDS) -> tuple[str, str]:
    """``"Xã Tân Lập"`` → ``("Xã", "Tân Lập")``; ``("", name)`` when it starts with no kind."""
    for kind in kinds:
        if name.startswith(kind + " ") and len(name) > len(kind) + 1:
            return kind, name[len(kind) + 1:]
    return "", name


class _Named:
    """``kind`` and ``bare`` of a record whose ``name`` starts with its kind."""

    __slots__ = ()

    @property
    def kind(self) -> str:
        return split_kind(self.name)[0]

    @property
    def bare(self) -> str:
        return split_kind(self.name)[1]


# The records are named tuples (immutable, compared by value, as frozen dataclasses were):
# 13,000 of them are made on every load, ~7x faster than dataclass instances.
class Province(namedtuple("Province", "code name"), _Named):
    """``name``: "Tỉnh Lâm Đồng", "Thành phố Hà Nội"."""

    __slots__ = ()


class Unit(namedtuple("Unit", "code name province"), _Named):
    """``name``: "Xã Tân Lập", "Phường Ba Đình", "Đặc khu Phú Quốc"; ``province``: its code."""

    __slots__ = ()


class OldProvince(namedtuple("OldProvince", "code name successors")):
    """``successors``: province codes."""

    __slots__ = ()


class OldUnit(namedtuple("OldUnit", "code name province successors"), _Named):
    """``name``: "Thị trấn Phong Sơn"; ``province``: old province code; ``successors``: unit codes
    (one, or several where the commune was divided)."""

    __slots__ = ()


@dataclass(frozen=True)
class UnitData:
    date: str  # the date of the list, ISO
    source: str  # what it was built from (Vietnamese-free text, as recorded in the file)
    path: str
    provinces: tuple
    units: tuple
    old_provinces: tuple
    old_units: tuple
    # The index's name keys (``index.rows_by_key``) when loaded from the cached copy (``cache.py``),
    # whose groups are then tuple-like ``cache.Records``: not part of the data.
    rows_by_key: dict | None = field(default=None, compare=False, repr=False)


# ---- reading and checking ---------------------------------------------------------
def parse(raw: bytes, name: str = "dữ liệu", path: str = "", *, trusted: bool = False) -> UnitData:
    """The file's content as ``UnitData``, or ``FileRejected`` naming the first thing wrong.

    ``trusted``: the file shipped with the app, checked record by record by its tests
    (tests/units/test_data.py): only its shape is checked here, which halves the load time."""
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise FileRejected(_NOT_OURS.format(name=name) + " (không phải JSON hợp lệ).") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise FileRejected(_NOT_OURS.format(name=name) + f" (thiếu “format”: “{FORMAT}”).")
    if doc.get("version") != VERSION:
        raise FileRejected(f"Tệp “{name}” là dữ liệu đơn vị phiên bản {doc.get('version')!r}; "
                           f"phần mềm đọc phiên bản {VERSION}.")
    date = doc.get("date")
    if not isinstance(date, str) or not _ISO_DAY.fullmatch(date):
        raise FileRejected(f"Tệp “{name}” thiếu ngày của danh sách (“date”: “YYYY-MM-DD”).")
    bad = _Trusted(name) if trusted else _Checker(name)
    provinces = tuple(Province(c, n) for c, n in bad.rows(doc, "provinces", 2, PROVINCE_KINDS))
    pcodes = bad.unique(provinces, "provinces")
    units = tuple(Unit(c, n, p) for c, n, p in bad.rows(doc, "units", 3, NEW_KINDS, refs=(2, pcodes)))
    ucodes = bad.unique(units, "units")
    old_p = tuple(OldProvince(c, n, tuple(s)) for c, n, s in
                  bad.rows(doc, "old_provinces", 3, PROVINCE_KINDS, targets=pcodes))
    ocodes = {p.code for p in old_p}
    old_u = tuple(OldUnit(c, n, p, tuple(s)) for c, n, p, s in
                  bad.rows(doc, "old_units", 4, OLD_KINDS, refs=(2, ocodes), targets=ucodes))
    missing = pcodes - {u.province for u in units}
    if missing:
        raise FileRejected(f"Tệp “{name}” không có đơn vị nào của tỉnh mã {sorted(missing)[0]}: "
                           "danh sách không đầy đủ.")
    source = doc.get("source")
    source = "; ".join(f"{k}: {v}" for k, v in source.items()) if isinstance(source, dict) else str(source or "")
    return UnitData(date, source, path, provinces, units, old_p, old_u)


class _Checker:
    """Row checks with the one sentence the user sees for the first bad record."""

    def __init__(self, name: str):
        self.name = name

    def fail(self, key: str, i: int, what: str):
        raise FileRejected(f"Tệp “{self.name}” không đúng dạng dữ liệu đơn vị: bản ghi thứ {i + 1} "
                           f"của “{key}” {what}. Dữ liệu đang dùng được giữ nguyên.")

    def rows(self, doc: dict, key: str, width: int, kinds, refs=None, targets=None):
        rows = doc.get(key)
        if not isinstance(rows, list) or not rows:
            raise FileRejected(f"Tệp “{self.name}” thiếu danh sách “{key}”. Dữ liệu đang dùng được giữ nguyên.")
        for i, row in enumerate(rows):
            if not isinstance(row, list) or len(row) != width:
                self.fail(key, i, f"phải là một danh sách {width} giá trị")
            code, name = row[0], row[1]
            if not isinstance(code, str) or not _CODE.fullmatch(code):
                self.fail(key, i, "có mã không phải chữ số")
            if not isinstance(name, str) or not split_kind(name, kinds)[0] or len(name) > 120:
                self.fail(key, i, f"có tên không bắt đầu bằng {' / '.join(kinds)}")
            if refs and row[refs[0]] not in refs[1]:
                self.fail(key, i, f"trỏ tới mã tỉnh “{row[refs[0]]}” không có trong danh sách")
            if targets is not None:
                new = row[-1]
                if not isinstance(new, list) or not new or any(t not in targets for t in new):
                    self.fail(key, i, "trỏ tới đơn vị mới không có trong danh sách")
            yield row

    def unique(self, items, key: str) -> set:
        codes = {x.code for x in items}
        if len(codes) != len(items):
            raise FileRejected(f"Tệp “{self.name}” có mã trùng nhau trong “{key}”. "
                               "Dữ liệu đang dùng được giữ nguyên.")
        return codes


class _Trusted(_Checker):
    """The rows of the bundled file as they are (each record was checked by the tests)."""

    def rows(self, doc: dict, key: str, width: int, kinds, refs=None, targets=None):
        rows = doc.get(key)
        if not isinstance(rows, list) or not rows:
            raise FileRejected(f"Tệp “{self.name}” thiếu danh sách “{key}”. Dữ liệu đang dùng được giữ nguyên.")
        return rows


def read_file(path, *, trusted: bool = False) -> UnitData:
    from ..safefile import read_bytes_limited

    path = Path(path)
    return parse(read_bytes_limited(path, max_bytes=MAX_BYTES), path.name, str(path), trusted=trusted)


# ---- where it lives ---------------------------------------------------------------
def bundled_path() -> Path:
    """``resources/units/units.json``, in the source tree and in the bundle alike."""
    from ..locations import resource_path

    return resource_path("units", "units.json")


def user_path() -> Path:
    from ..userdata import data_dir

    return data_dir() / USER_FILE


@lru_cache(maxsize=1)
def current() -> UnitData:
    """The data in use: the user's installed file when it is valid and not older, else the bundled one."""
    from .cache import read_cached

    bundled = read_cached(bundled_path(), trusted=True)
    user = user_path()
    if user.is_file():
        try:
            mine = read_cached(user)
        except FileRejected:
            return bundled  # a damaged copy must not stop the app: the bundled list still works
        if mine.date >= bundled.date:
            return mine
    return bundled


def is_loaded() -> bool:
    """True once the data was read (start-up must not read it)."""
    return current.cache_info().currsize > 0


def forget() -> None:
    """Drop the loaded data and index (after an install, or in tests)."""
    current.cache_clear()
    from . import index

    index.current_index.cache_clear()


def install(path) -> UnitData:
    """Check ``path`` in full, then make it the data in use; refuse a bad or older file."""
    from ..errors import KehoachError
    from ..safefile import read_bytes_limited, write_atomic

    path = Path(path)
    raw = read_bytes_limited(path, max_bytes=MAX_BYTES)
    new = parse(raw, path.name, str(path))
    now = current()
    if new.date < now.date:
        raise KehoachError(f"Tệp “{path.name}” là danh sách ngày {_day(new.date)}, cũ hơn danh sách đang dùng "
                           f"(ngày {_day(now.date)}). Dữ liệu đang dùng được giữ nguyên.")
    write_atomic(user_path(), raw, backup=True, verify=lambda data: parse(data, path.name))
    forget()
    return current()


def reset() -> UnitData:
    """Go back to the bundled list (the user's copy is removed)."""
    user = user_path()
    if user.is_file():
        user.unlink()
    forget()
    return current()


def _day(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def describe(data: UnitData) -> str:
    """One Vietnamese sentence about the data in use."""
    where = "tệp đã cập nhật" if data.path and Path(data.path) == user_path() else "dữ liệu kèm phần mềm"
    return (f"Danh sách đơn vị hành chính ngày {_day(data.date)} ({where}): {len(data.provinces)} tỉnh, thành phố; "
            f"{len(data.units)} xã, phường, đặc khu; {len(data.old_units)} xã, phường, thị trấn cũ.")
