"""A damaged register is reported with the last good copy offered, never replaced silently;
a copy is taken before a migration and on the first use of a day."""
from __future__ import annotations

import pytest

from kehoach_desktop.register import book as book_module
from kehoach_desktop.register.backup import RegisterDamaged, backups_of, restore_backup
from kehoach_desktop.register.book import Register
from kehoach_desktop.register.entry import Entry


def filled(path, count=3) -> None:
    with Register(path) as book:
        for i in range(count):
            book.take(Entry(symbol="KH-UBND", date="2026-03-01", summary=f"Văn bản {i}"))


def damage(path) -> None:
    data = bytearray(path.read_bytes())
    data[100:4096 * 2] = b"\xff" * (4096 * 2 - 100)  # the schema page and the first table page
    path.write_bytes(bytes(data))


def test_first_use_of_the_day_takes_a_copy(tmp_path):
    path = tmp_path / "r.sqlite3"
    filled(path)
    Register(path).close()
    copies = backups_of(path)
    assert len(copies) == 1 and "hang-ngay" in copies[0].name
    Register(path).close()
    assert len(backups_of(path)) == 1  # once a day


@pytest.mark.parametrize("how", ["garbage", "pages"])
def test_damaged_register_is_reported_with_the_last_good_copy(tmp_path, how):
    path = tmp_path / "r.sqlite3"
    filled(path)
    Register(path).close()  # the day's copy, with 3 numbers
    with Register(path) as book:
        book.take(Entry(symbol="KH-UBND", date="2026-03-02", summary="sau bản sao"))
    if how == "garbage":
        path.write_bytes(b"this is not a database" * 200)
    else:
        damage(path)
    damaged_bytes = path.read_bytes()
    with pytest.raises(RegisterDamaged) as caught:
        Register(path)
    assert caught.value.backup == backups_of(path)[0]
    assert "bị hỏng" in str(caught.value) and "có thể khôi phục" in str(caught.value)
    assert path.read_bytes() == damaged_bytes  # nothing replaced behind the user's back
    kept = restore_backup(path, caught.value.backup)
    assert kept.read_bytes() == damaged_bytes  # the damaged file is kept aside
    with Register(path) as book:
        assert [e.number for e in book.entries()] == [1, 2, 3]
        assert book.take(Entry(symbol="KH-UBND", date="2026-03-03", summary="x")).number == 4


def test_damaged_register_without_copies_says_so(tmp_path):
    path = tmp_path / "r.sqlite3"
    path.write_bytes(b"garbage" * 1000)
    with pytest.raises(RegisterDamaged, match="Không có bản sao lưu"):
        Register(path)


def test_a_copy_is_taken_before_a_migration(tmp_path, monkeypatch):
    path = tmp_path / "r.sqlite3"
    filled(path)
    monkeypatch.setattr(book_module, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(book_module, "MIGRATIONS", {2: ["ALTER TABLE entries ADD COLUMN extra TEXT"]})
    with Register(path) as book:
        assert book.conn.execute("PRAGMA user_version").fetchone()[0] == 2
        assert "extra" in [r[1] for r in book.conn.execute("PRAGMA table_info(entries)")]
    copies = [p for p in backups_of(path) if "truoc-nang-cap-v1" in p.name]
    assert copies
    monkeypatch.setattr(book_module, "SCHEMA_VERSION", 1)
    with Register(copies[0]) as old:  # the copy is the register as it was
        assert len(old.entries()) == 3
        assert "extra" not in [r[1] for r in old.conn.execute("PRAGMA table_info(entries)")]


def test_register_of_a_newer_version_is_not_touched(tmp_path):
    import sqlite3

    path = tmp_path / "r.sqlite3"
    filled(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(Exception, match="phiên bản mới hơn"):
        Register(path)
