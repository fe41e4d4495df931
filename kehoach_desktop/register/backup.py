"""Copies of a register, and what happens when its file is damaged. No Qt.

A copy is taken before any migration or import and on the first use of each day
(``sqlite3``'s serialize, written through ``safefile.write_atomic``). A damaged file
raises ``RegisterDamaged`` naming the last good copy; nothing is replaced until the
user asks (``restore_backup``), and then the damaged file is kept aside, never deleted.
"""
from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path

from ..errors import KehoachError

KEEP = 12  # copies kept per register
BACKUP_DIR = "backups"


class RegisterDamaged(KehoachError):
    """The register file cannot be read; ``backup`` is the last good copy (or None)."""

    def __init__(self, path: Path, backup: Path | None):
        self.path = Path(path)
        self.backup = backup
        when = backup_time(backup) if backup else ""
        offer = (f" Có bản sao lưu tốt gần nhất lúc {when} (“{backup.name}”): có thể khôi phục từ "
                 "bản này; tệp hỏng được giữ lại bên cạnh." if backup else
                 " Không có bản sao lưu nào để khôi phục.")
        super().__init__(f"Sổ văn bản đi “{self.path.name}” bị hỏng, không đọc được.{offer}")


def backups_dir(db_path: Path) -> Path:
    return Path(db_path).parent / BACKUP_DIR


def backups_of(db_path: Path) -> list[Path]:
    """Copies of this register, newest first (names sort by time)."""
    folder = backups_dir(db_path)
    stem = Path(db_path).stem
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{stem}--*.sqlite3"), reverse=True)


def backup_time(path: Path) -> str:
    """"14/05/2026 08:30" from a copy's name."""
    try:
        stamp = path.stem.split("--")[1]
        return _dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S").strftime("%d/%m/%Y %H:%M")
    except (IndexError, ValueError):
        return path.name


def make_backup(conn, db_path: Path, reason: str) -> Path:
    """Write a consistent copy of the open database (WAL included) beside it; keep the newest."""
    from ..safefile import write_atomic

    folder = backups_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{Path(db_path).stem}--{stamp}--{reason}.sqlite3"
    write_atomic(target, conn.serialize(), backup=False)
    for old in backups_of(db_path)[KEEP:]:
        try:
            old.unlink()
        except OSError:
            pass
    return target


def has_backup_today(db_path: Path) -> bool:
    today = _dt.date.today().strftime("%Y%m%d")
    return any(p.stem.split("--")[1:2] and p.stem.split("--")[1].startswith(today) for p in backups_of(db_path))


def is_sound(path: Path) -> bool:
    """The file opens as SQLite and passes quick_check."""
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def last_good_backup(db_path: Path) -> Path | None:
    return next((p for p in backups_of(db_path) if is_sound(p)), None)


def restore_backup(db_path: Path, backup: Path) -> Path:
    """Put ``backup`` in place of the damaged register; returns where the damaged file was kept."""
    from ..safefile import read_bytes_limited, write_atomic

    db_path = Path(db_path)
    if not is_sound(backup):
        raise KehoachError(f"Bản sao lưu “{backup.name}” cũng không đọc được; chưa thay đổi gì.")
    data = read_bytes_limited(backup, max_bytes=2 * 1024 ** 3)
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = db_path.with_name(f"{db_path.stem}.hong-{stamp}{db_path.suffix}")
    # A stale -wal beside the restored file would be replayed into it: move it aside too.
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{db_path}{suffix}")
        if part.exists():
            os.replace(part, Path(f"{kept}{suffix}"))
    write_atomic(db_path, data, backup=False)
    return kept
