"""The register itself: an SQLite file (WAL), every write in a transaction. No Qt.

Taking a number runs in ``BEGIN IMMEDIATE``: the write lock is held from the moment
the next number is read until the row is written, so two windows or two app
instances never get the same number (the second waits, then reads the new maximum).
A released number is remembered and offered again before a new one.
"""
from __future__ import annotations

import datetime as _dt
import json
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from ..errors import KehoachError
from ..plan.text import nfc
from .backup import RegisterDamaged, has_backup_today, last_good_backup, make_backup
from .entry import Entry
from .rules import describe_series, kind_key, kind_of, rule_for, series_key

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE entries (
  id INTEGER PRIMARY KEY, series TEXT NOT NULL, number INTEGER NOT NULL,
  symbol TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT '', date TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '', signer TEXT NOT NULL DEFAULT '', recipients TEXT NOT NULL DEFAULT '',
  archive TEXT NOT NULL DEFAULT '', copies TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',
  file TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT 'app', created TEXT NOT NULL,
  UNIQUE (series, number));
CREATE INDEX entries_by_date ON entries (date);
CREATE TABLE released (series TEXT NOT NULL, number INTEGER NOT NULL, released TEXT NOT NULL,
  PRIMARY KEY (series, number));
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE recipient_groups (name TEXT PRIMARY KEY, position INTEGER NOT NULL, lines TEXT NOT NULL);
"""
# version reached → statements that bring the previous version to it (run after a backup).
MIGRATIONS: dict[int, list[str]] = {}
_DAMAGE_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB
_COLUMNS = ("id", "series", "number", "symbol", "kind", "date", "summary", "signer", "recipients",
            "archive", "copies", "note", "file", "source")


class NumberUsed(KehoachError):
    """The number asked for is taken in its series; ``entry`` is the row that has it."""

    def __init__(self, entry: Entry):
        self.entry = entry
        super().__init__(f"Số {entry.number_and_symbol()} đã cấp ngày {_vn_date(entry.date)} cho "
                         f"“{_short(entry.title())}” ({describe_series(entry.series)}). Hãy dùng số khác.")


def _vn_date(iso: str) -> str:
    try:
        return _dt.date.fromisoformat(iso).strftime("%d/%m/%Y")
    except ValueError:
        return iso


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def is_damage(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return (code is not None and code & 0xFF in _DAMAGE_CODES) or type(exc) is sqlite3.DatabaseError


class Register:
    """One unit's register. ``regime``/``series``/``term_start`` come from the unit's profile."""

    def __init__(self, path, *, regime: str = "state", series: str = "", term_start: str = "",
                 unit: str = ""):
        self.path = Path(path)
        self.regime = regime
        self.unit = unit
        self.rule = rule_for(regime, series)
        self.conn = self._connect()
        if term_start:
            self.add_term(term_start)

    # ---- opening -----------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        new = not self.path.exists() or self.path.stat().st_size == 0
        try:
            conn = sqlite3.connect(self.path, timeout=15, isolation_level=None)
        except sqlite3.Error as exc:
            raise KehoachError(f"Không mở được sổ văn bản đi “{self.path.name}” ({exc}).") from None
        try:
            conn.execute("PRAGMA busy_timeout = 15000")
            if not new and conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            self._prepare(conn)
        except sqlite3.Error as exc:
            conn.close()
            if is_damage(exc):
                raise RegisterDamaged(self.path, last_good_backup(self.path)) from None
            raise KehoachError(f"Không mở được sổ văn bản đi “{self.path.name}” ({exc}).") from None
        if not has_backup_today(self.path) and self._count(conn):
            make_backup(conn, self.path, "hang-ngay")
        return conn

    def _prepare(self, conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise KehoachError(f"Sổ “{self.path.name}” do phiên bản mới hơn của phần mềm tạo; "
                               "hãy cập nhật phần mềm.")
        if version == SCHEMA_VERSION:
            return
        if version == 0:
            with _transaction(conn):
                if conn.execute("PRAGMA user_version").fetchone()[0] == 0:  # not made meanwhile
                    for statement in SCHEMA.split(";"):
                        if statement.strip():
                            conn.execute(statement)
                    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            return
        make_backup(conn, self.path, f"truoc-nang-cap-v{version}")
        with _transaction(conn):
            for target in range(version + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS.get(target, []):
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @staticmethod
    def _count(conn) -> int:
        return conn.execute("SELECT count(*) FROM entries").fetchone()[0]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def backup(self, reason: str) -> Path:
        return make_backup(self.conn, self.path, reason)

    # ---- settings: the committee's terms ---------------------------------------------------
    def terms(self) -> list[str]:
        row = self.conn.execute("SELECT value FROM settings WHERE key = 'terms'").fetchone()
        try:
            return sorted(json.loads(row[0])) if row else []
        except ValueError:
            return []

    def add_term(self, start: str) -> None:
        """Remember a term's start (ISO): numbers of party bodies restart from 01 on it."""
        _dt.date.fromisoformat(start)
        if start in self.terms():  # the usual case: no write lock taken on opening
            return
        with _transaction(self.conn):
            terms = self.terms()
            if start not in terms:
                self.conn.execute("INSERT OR REPLACE INTO settings VALUES ('terms', ?)",
                                  (json.dumps(sorted([*terms, start])),))

    # ---- numbers ---------------------------------------------------------------------------
    def series_for(self, day: _dt.date, kind: str) -> str:
        return series_key(self.rule, day, kind, self.terms())

    def next_number(self, day: _dt.date | None = None, kind: str = "") -> int:
        """The number the next document of ``kind`` dated ``day`` would get (nothing is taken)."""
        return self._next(self.series_for(day or _dt.date.today(), kind))

    def _next(self, series: str) -> int:
        row = self.conn.execute(
            "SELECT min(number) FROM released WHERE series = ? AND number NOT IN "
            "(SELECT number FROM entries WHERE series = ?)", (series, series)).fetchone()
        if row[0] is not None:
            return row[0]
        return self.conn.execute("SELECT coalesce(max(number), 0) + 1 FROM entries WHERE series = ?",
                                 (series,)).fetchone()[0]

    def holder(self, number: int, day: _dt.date, kind: str) -> Entry | None:
        """The entry that has ``number`` in the series of ``day`` and ``kind``, if any."""
        return self._holder(self.series_for(day, kind), number)

    def _holder(self, series: str, number: int) -> Entry | None:
        row = self.conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM entries WHERE series = ? AND number = ?",
                                (series, number)).fetchone()
        return self._entry(row) if row else None

    def take(self, entry: Entry, number: int | None = None) -> Entry:
        """Record ``entry`` with ``number`` (or the next free one); returns it numbered.

        Raises ``NumberUsed`` when ``number`` is already taken in its series.
        """
        day = _dt.date.fromisoformat(entry.date) if entry.date else _dt.date.today()
        entry.date = day.isoformat()
        entry.kind = kind_key(entry.kind or kind_of(entry.symbol))
        entry.regime = self.regime
        with _transaction(self.conn):
            entry.series = self.series_for(day, entry.kind)
            if number is None:
                number = self._next(entry.series)
            else:
                held = self._holder(entry.series, number)
                if held is not None:
                    raise NumberUsed(held)
            entry.number = int(number)
            self._insert(entry)
        return entry

    def _insert(self, e: Entry) -> None:
        cur = self.conn.execute(
            "INSERT INTO entries (series, number, symbol, kind, date, summary, signer, recipients, archive,"
            " copies, note, file, source, created) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (e.series, e.number, nfc(e.symbol), e.kind, e.date, nfc(e.summary), nfc(e.signer),
             nfc("\n".join(e.recipients)), nfc(e.archive), nfc(str(e.copies or "")), nfc(e.note),
             e.file, e.source, _dt.datetime.now().isoformat(timespec="seconds")))
        self.conn.execute("DELETE FROM released WHERE series = ? AND number = ?", (e.series, e.number))
        e.id = cur.lastrowid

    def release(self, number: int, day: _dt.date | None = None, kind: str = "") -> Entry:
        """Give a number back (the document was not issued): its row goes, the number is offered again."""
        series = self.series_for(day or _dt.date.today(), kind)
        with _transaction(self.conn):
            held = self._holder(series, number)
            if held is None:
                raise KehoachError(f"Số {number:02d} chưa được cấp ({describe_series(series)}), "
                                   "không có gì để bỏ.")
            self.conn.execute("DELETE FROM entries WHERE id = ?", (held.id,))
            self.conn.execute("INSERT OR REPLACE INTO released VALUES (?, ?, ?)",
                              (series, number, _dt.datetime.now().isoformat(timespec="seconds")))
        return held

    def add_many(self, entries: list[Entry]) -> tuple[int, int]:
        """Rows from an old register (Excel): in one transaction; a number already there is skipped."""
        added = skipped = 0
        with _transaction(self.conn):
            for e in entries:
                e.kind = kind_key(e.kind or kind_of(e.symbol))
                e.regime = self.regime
                e.series = self.series_for(e.day, e.kind)
                if self._holder(e.series, e.number) is not None:
                    skipped += 1
                    continue
                self._insert(e)
                added += 1
        return added, skipped

    # ---- rows ----------------------------------------------------------------------------
    def entries(self, year: int | None = None, kind: str = "") -> list[Entry]:
        """Rows in the order of the register: by date, then number."""
        where, args = [], []
        if year:
            where.append("date >= ? AND date < ?")
            args += [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"]
        if kind:
            where.append("kind = ?")
            args.append(kind_key(kind))
        sql = f"SELECT {', '.join(_COLUMNS)} FROM entries"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [self._entry(r) for r in self.conn.execute(sql + " ORDER BY date, number, id", args)]

    def _entry(self, row) -> Entry:
        values = dict(zip(_COLUMNS, row))
        values["recipients"] = [r for r in values["recipients"].split("\n") if r]
        return Entry(**values, regime=self.regime)

    def years(self) -> list[int]:
        return [int(r[0]) for r in self.conn.execute(
            "SELECT DISTINCT substr(date, 1, 4) FROM entries ORDER BY 1 DESC")]

    def kinds(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT DISTINCT kind FROM entries WHERE kind != '' ORDER BY 1")]

    def set_note(self, entry_id: int, note: str) -> None:
        with _transaction(self.conn):
            self.conn.execute("UPDATE entries SET note = ? WHERE id = ?", (nfc(note), entry_id))

    # ---- recipient groups (per unit) --------------------------------------------------------
    def groups(self) -> list:
        from .groups import Group

        return [Group(name, json.loads(lines)) for name, lines in
                self.conn.execute("SELECT name, lines FROM recipient_groups ORDER BY position")]

    def set_groups(self, groups: list) -> None:
        with _transaction(self.conn):
            self.conn.execute("DELETE FROM recipient_groups")
            for position, g in enumerate(groups):
                self.conn.execute("INSERT INTO recipient_groups VALUES (?, ?, ?)",
                                  (nfc(g.name), position, json.dumps([nfc(x) for x in g.lines], ensure_ascii=False)))

    def set_file(self, entry_id: int, file: str) -> None:
        with _transaction(self.conn):
            self.conn.execute("UPDATE entries SET file = ? WHERE id = ?", (nfc(file), entry_id))


@contextmanager
def _transaction(conn: sqlite3.Connection):
    """``BEGIN IMMEDIATE`` … ``COMMIT``; any error rolls everything back."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
