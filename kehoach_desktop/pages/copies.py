"""How many copies to print: one per recipient, as Nghị định 30/2020 asks (no Qt)."""
from __future__ import annotations

import re

from ..plan.layout import ARCHIVE_ENTRY


def proposed_copies(recipients: list[str]) -> int:
    """One copy per Nơi nhận line; the archive line ("Lưu: VT, VH") one per unit it names."""
    count = 0
    for entry in recipients:
        text = entry.strip().lstrip("-").strip()
        if not text:
            continue
        if ARCHIVE_ENTRY.match(text):
            units = re.sub(r"^\s*l(?:ư|u)u\s*:?", "", text, flags=re.IGNORECASE)
            count += max(1, len([u for u in re.split(r"[,;]", units) if u.strip(" .")]))
        else:
            count += 1
    return max(1, count)
