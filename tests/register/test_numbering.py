"""Numbering rules at their boundaries, release, hand-typed numbers, two processes racing."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kehoach_desktop.register.book import NumberUsed, Register
from kehoach_desktop.register.entry import Entry, parse_number
from kehoach_desktop.register.rules import kind_from_summary, kind_of, rule_for, series_key

ROOT = Path(__file__).resolve().parents[2]


def state_entry(date: str, symbol: str = "KH-UBND", summary: str = "Tuyên truyền") -> Entry:
    return Entry(symbol=symbol, date=date, summary=summary)


def test_state_numbers_run_across_kinds_and_restart_on_first_january(tmp_path):
    book = Register(tmp_path / "s.sqlite3")
    assert [book.take(state_entry("2025-12-30")).number, book.take(state_entry("2025-12-31", "BC-UBND")).number,
            book.take(state_entry("2025-12-31")).number] == [1, 2, 3]
    assert book.next_number(dt.date(2025, 12, 31), "KH") == 4
    first = book.take(state_entry("2026-01-01", "QĐ-UBND"))
    assert (first.number, first.number_and_symbol()) == (1, "01/QĐ-UBND")
    assert book.next_number(dt.date(2026, 1, 1), "KH") == 2
    assert book.take(state_entry("2025-12-31")).number == 4  # a late registration of last year


def test_state_unit_may_keep_a_series_per_kind(tmp_path):
    book = Register(tmp_path / "s.sqlite3", series="kind")
    assert book.take(state_entry("2026-03-01")).number == 1
    assert book.take(state_entry("2026-03-01", "BC-UBND")).number == 1
    assert book.take(state_entry("2026-03-02")).number == 2


def party_entry(date: str, symbol: str = "KH/ĐU") -> Entry:
    return Entry(symbol=symbol, date=date, summary="Học tập nghị quyết")


def test_party_numbers_per_kind_within_a_term_and_restart_with_a_new_term(tmp_path):
    path = tmp_path / "p.sqlite3"
    book = Register(path, regime="party", term_start="2020-10-10")
    assert [book.take(party_entry(d)).number for d in ("2024-12-31", "2025-01-02", "2025-09-30")] == [1, 2, 3]
    assert book.take(party_entry("2025-09-30", "BC/ĐU")).number == 1  # each kind its own series
    book.close()
    book = Register(path, regime="party", term_start="2025-10-01")  # the congress: a new term in the profile
    assert book.next_number(dt.date(2025, 9, 30), "KH") == 4  # the old term goes on for late entries
    taken = book.take(party_entry("2025-10-01"))
    assert (taken.number, taken.number_and_symbol()) == (1, "01-KH/ĐU")
    assert book.terms() == ["2020-10-10", "2025-10-01"]


def test_released_number_is_offered_again_then_numbering_goes_on(tmp_path):
    book = Register(tmp_path / "s.sqlite3")
    for _ in range(4):
        book.take(state_entry("2026-02-01"))
    released = book.release(2, dt.date(2026, 2, 1))
    assert released.number == 2
    assert book.next_number(dt.date(2026, 2, 5)) == 2
    assert book.take(state_entry("2026-02-05")).number == 2
    assert book.take(state_entry("2026-02-05")).number == 5
    with pytest.raises(Exception, match="chưa được cấp"):
        book.release(9, dt.date(2026, 2, 1))


def test_hand_typed_number_already_used_is_refused_with_the_holder(tmp_path):
    book = Register(tmp_path / "s.sqlite3")
    book.take(state_entry("2026-02-01", summary="Phòng chống dịch"))
    with pytest.raises(NumberUsed) as caught:
        book.take(state_entry("2026-06-01"), 1)
    assert "01/KH-UBND" in str(caught.value) and "01/02/2026" in str(caught.value)
    assert book.take(state_entry("2026-06-01"), 7).number == 7
    assert book.next_number(dt.date(2026, 6, 2)) == 8


@pytest.mark.parametrize("text, expected", [
    ("05/KH-UBND", (5, "KH-UBND")), ("5", (5, "")), (5.0, (5, "")), ("Số: 12/BC-UBND", (12, "BC-UBND")),
    ("07-KH/ĐU", (7, "KH/ĐU")), ("(1)", None), ("Tháng 1", None), ("Cộng", None), (None, None), (0, None)])
def test_parse_number(text, expected):
    assert parse_number(text) == expected


def test_rules_are_data():
    assert rule_for("state").period == "year" and not rule_for("state").per_kind
    assert rule_for("party").period == "term" and rule_for("party").per_kind
    assert series_key(rule_for("party"), dt.date(2026, 1, 1), "kh", ["2025-10-01"]) == "nk2025-10-01|KH"
    assert kind_of("CTr-UBND") == "CTR" and kind_of("KH/ĐU") == "KH" and kind_of("HĐ-UBND") != kind_of("HD-UBND")
    assert kind_from_summary("Kế hoạch tổ chức") == "KH" and kind_from_summary("Báo cáo") == "BC"


RACER = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[3])
    from kehoach_desktop.register.book import Register
    from kehoach_desktop.register.entry import Entry
    book = Register(sys.argv[1])
    print("ready", flush=True)
    sys.stdin.readline()  # start together
    for i in range(int(sys.argv[2])):
        print(book.take(Entry(symbol="KH-UBND", date="2026-04-01", summary="x")).number, flush=True)
""")


def test_two_processes_taking_numbers_at_once_never_get_the_same_one(tmp_path):
    path = tmp_path / "race.sqlite3"
    Register(path).close()
    script = tmp_path / "racer.py"
    script.write_text(RACER, "utf-8")
    count = 60
    procs = [subprocess.Popen([sys.executable, str(script), str(path), str(count), str(ROOT)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    for p in procs:
        assert p.stdout.readline().strip() == "ready"
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    outputs = [p.communicate(timeout=120)[0].split() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    numbers = [int(n) for out in outputs for n in out]
    assert len(outputs[0]) == len(outputs[1]) == count
    assert sorted(numbers) == list(range(1, 2 * count + 1))  # no number twice, none skipped
    assert Register(path).entries()[-1].number == 2 * count
