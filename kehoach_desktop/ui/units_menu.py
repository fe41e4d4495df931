"""Tệp → "Cập nhật danh sách đơn vị hành chính…": install a newer list of the same shape.

The file is checked in full before anything changes; a bad or older file is refused with the
reason and the list in use stays (``units.data.install``).
"""
from __future__ import annotations

from . import vi

TITLE = "Cập nhật danh sách đơn vị hành chính"
FILTERS = "Danh sách đơn vị (*.json);;Mọi tệp (*)"


def import_unit_list(parent) -> bool:
    """Ask for the file, install it, say what happened; True when the list was replaced."""
    from ..errors import KehoachError
    from ..units import data

    path = vi.choose_open_file(parent, TITLE, FILTERS)
    if not path:
        return False
    try:
        installed = data.install(path)
    except KehoachError as exc:
        vi.error(parent, "Không cập nhật được danh sách", str(exc))
        return False
    vi.inform(parent, TITLE, "Đã cập nhật. " + data.describe(installed))
    return True
