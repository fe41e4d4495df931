"""A ready-made copy of the unit data with its index's name keys, in the user's data folder.

Reading ``units.json`` and folding its 13,000 names for the index cost every ``validate``
~60 ms. The copy (``marshal``: tuples and strings) loads in a few. It is used only for the very
bytes it was made from (size and CRC-32 of the data file), by the same app version and the same
folding (a probe key), and for a user's file only when it was made after that file passed the
full check. A missing, damaged or stale copy is ignored: the file is read and checked as
before, and a new copy written (silently skipped where the folder cannot be written).
"""
from __future__ import annotations

import marshal
import zlib
from collections.abc import Sequence
from pathlib import Path

from .data import MAX_BYTES, OldProvince, OldUnit, Province, Unit, UnitData, parse

CACHE_FORMAT = 3
CACHE_DIR = "cache"
GROUPS = {"provinces": Province, "units": Unit, "old_provinces": OldProvince, "old_units": OldUnit}
# Folded by the current code each time: a copy made by other folding is not used.
_PROBE = "Phường Văn Miếu - Quốc Tử Giám, Đặc khu Thổ Châu, Thuỷ Đắk Lắk"


def cache_path(trusted: bool) -> Path:
    from ..userdata import data_dir

    return data_dir() / CACHE_DIR / ("units-bundled.marshal" if trusted else "units-user.marshal")


def read_cached(path, *, trusted: bool = False) -> UnitData:
    """``data.read_file`` (same data, same ``FileRejected``), from the copy when it fits."""
    from .. import __version__
    from ..safefile import read_bytes_limited
    from .index import name_keys, rows_by_key

    path = Path(path)
    raw = read_bytes_limited(path, max_bytes=MAX_BYTES)
    stamp = (CACHE_FORMAT, __version__, len(raw), zlib.crc32(raw), trusted, name_keys([_PROBE])[0])
    try:
        copy = cache_path(trusted)
    except OSError:
        copy = None
    found = _load(copy, stamp, str(path)) if copy is not None else None
    if found is not None:
        return found
    data = parse(raw, path.name, str(path), trusted=trusted)
    data = UnitData(data.date, data.source, data.path, data.provinces, data.units, data.old_provinces,
                    data.old_units, rows_by_key=rows_by_key(data))
    if copy is not None:
        _store(copy, stamp, data)
    return data


ROW, FIELD = "\x1e", "\x1f"  # record and field separators: control characters no name holds
_ROW_BYTES = ROW.encode()


class Records(Sequence):
    """One group of records, tuple-like (compares equal to the tuple of its records), each record
    made from its row of the copy when first asked for (a check reads a few of 10,000)."""

    def __init__(self, kind, blob: bytes, size: int):
        self._kind, self._blob, self._size = kind, blob, size
        self._rows = None
        self._made: dict = {}
        self._all = None

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, i):
        if isinstance(i, slice):
            return tuple(self)[i]
        if i < 0:
            i += self._size
        if not 0 <= i < self._size:
            raise IndexError("record number out of range")
        made = self._made.get(i)
        if made is None:
            if self._rows is None:
                self._rows = self._blob.split(_ROW_BYTES)  # UTF-8: decoded a record at a time
            values = self._rows[i].decode("utf-8").split(FIELD)
            if self._kind._fields[-1] == "successors":
                values[-1] = tuple(values[-1].split(" "))
            made = self._made[i] = self._kind._make(values)
        return made

    def __iter__(self):
        if self._all is None:
            self._all = tuple(self[i] for i in range(self._size))
        return iter(self._all)

    def __eq__(self, other):
        return tuple(self) == tuple(other) if isinstance(other, (tuple, Records)) else NotImplemented

    def __hash__(self):
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))


def _rows(records) -> bytes | None:
    """The records of a group as one string (successors: codes joined by spaces); None when a
    field holds a separator (then no copy is made)."""
    rows = [FIELD.join(" ".join(v) if isinstance(v, tuple) else v for v in r) for r in records]
    if any(ROW in row for row in rows) or any(row.count(FIELD) != len(r) - 1 for row, r in zip(rows, records)):
        return None
    return ROW.join(rows).encode("utf-8")


def _load(copy: Path, stamp: tuple, path: str) -> UnitData | None:
    try:
        blob = copy.read_bytes()
        if len(blob) < 4 or int.from_bytes(blob[:4], "big") != zlib.crc32(blob[4:]):
            return None
        doc = marshal.loads(blob[4:])
        if doc["stamp"] != stamp:
            return None
        groups = {name: Records(kind, doc["rows"][name], doc["sizes"][name]) for name, kind in GROUPS.items()}
        return UnitData(doc["date"], doc["source"], path, rows_by_key=doc["rows_by_key"], **groups)
    except Exception:  # noqa: BLE001 - a copy that cannot be used is made again
        return None


def _store(copy: Path, stamp: tuple, data: UnitData) -> None:
    from ..errors import KehoachError
    from ..safefile import write_atomic

    rows = {name: _rows(getattr(data, name)) for name in GROUPS}
    if None in rows.values():
        return
    doc = {"stamp": stamp, "date": data.date, "source": data.source, "rows_by_key": data.rows_by_key, "rows": rows,
           "sizes": {name: len(getattr(data, name)) for name in GROUPS}}
    payload = marshal.dumps(doc)
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(copy, zlib.crc32(payload).to_bytes(4, "big") + payload, backup=False)
    except (OSError, KehoachError):
        pass  # a read-only data folder: the file is read each time, as before
