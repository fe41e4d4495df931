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
from pathlib import Path

from .data import MAX_BYTES, OldProvince, OldUnit, Province, Unit, UnitData, parse

CACHE_FORMAT = 1
CACHE_DIR = "cache"
GROUPS = {"provinces": Province, "units": Unit, "old_provinces": OldProvince, "old_units": OldUnit}
# Folded by the current code each time: a copy made by other folding is not used.
_PROBE = "Phường Văn Miếu - Quốc Tử Giám, Đặc khu Thổ Châu, Thuỷ Đắk Lắk"


def cache_path(trusted: bool) -> Path:
    from ..storage import data_dir

    return data_dir() / CACHE_DIR / ("units-bundled.marshal" if trusted else "units-user.marshal")


def read_cached(path, *, trusted: bool = False) -> UnitData:
    """``data.read_file`` (same result, same ``FileRejected``), from the copy when it fits."""
    from .. import __version__
    from ..safefile import read_bytes_limited
    from .index import name_keys

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
                    data.old_units, keys=index_keys(data))
    if copy is not None:
        _store(copy, stamp, data)
    return data


def index_keys(data: UnitData) -> dict:
    """The name key of each record, group by group, in the data's order (see ``index.name_key``)."""
    from .index import name_keys

    return {"provinces": name_keys(p.bare for p in data.provinces),
            "units": name_keys(u.bare for u in data.units),
            "old_provinces": name_keys(p.name.split(" ", 1)[1] for p in data.old_provinces),
            "old_units": name_keys(u.bare for u in data.old_units)}


def _load(copy: Path, stamp: tuple, path: str) -> UnitData | None:
    try:
        blob = copy.read_bytes()
        if len(blob) < 4 or int.from_bytes(blob[:4], "big") != zlib.crc32(blob[4:]):
            return None
        doc = marshal.loads(blob[4:])
        if doc["stamp"] != stamp:
            return None
        groups = {name: tuple(map(kind._make, doc[name])) for name, kind in GROUPS.items()}
        keys = doc["keys"]
        if any(len(keys[name]) != len(rows) for name, rows in groups.items()):
            return None
        return UnitData(doc["date"], doc["source"], path, keys=keys, **groups)
    except Exception:  # noqa: BLE001 - a copy that cannot be used is made again
        return None


def _store(copy: Path, stamp: tuple, data: UnitData) -> None:
    from ..errors import KehoachError
    from ..safefile import write_atomic

    doc = {"stamp": stamp, "date": data.date, "source": data.source, "keys": data.keys,
           **{name: [tuple(r) for r in getattr(data, name)] for name in GROUPS}}
    payload = marshal.dumps(doc)
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(copy, zlib.crc32(payload).to_bytes(4, "big") + payload, backup=False)
    except (OSError, KehoachError):
        pass  # a read-only data folder: the file is read each time, as before
