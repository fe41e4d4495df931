"""Saves against the real world: kill -9 at many points, a real full disk, a read-only target,
temp files left by a crash. The user's file is always a whole old or a whole new version."""
from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kehoach_desktop.errors import SaveFailed
from kehoach_desktop.io import load_plan, save_plan
from kehoach_desktop.plan.model import Plan, Section
from kehoach_desktop.safefile import backup_path, write_atomic

ROOT = Path(__file__).resolve().parent.parent
SEED = int(os.environ.get("KEHOACH_CRASH_SEED", "20261123"))
KILL_POINTS = int(os.environ.get("KEHOACH_CRASH_POINTS", "24"))


def _plan(word: str, paragraphs: int) -> Plan:
    return Plan(summary=f"Kế hoạch {word}",
                sections=[Section(title=f"Mục {word}", content=[f"Đoạn {word} số {i}." for i in range(paragraphs)])])


SAVER = textwrap.dedent("""
    import sys
    from kehoach_desktop.io import save_plan
    from kehoach_desktop.plan.model import Plan, Section
    target = sys.argv[1]
    plans = [Plan(summary=f"Kế hoạch {w}", sections=[Section(title=f"Mục {w}",
             content=[f"Đoạn {w} số {i}." for i in range(n)])]) for w, n in (("cũ", 40), ("mới", 400))]
    print("ready", flush=True)
    n = 0
    while True:
        save_plan(plans[n % 2], target)
        n += 1
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_kill_9_during_saves_never_leaves_a_cut_or_mixed_file(tmp_path):
    print(f"crash seed {SEED}, {KILL_POINTS} kill points")
    rng = random.Random(SEED)
    target = tmp_path / "ke-hoach.docx"
    save_plan(_plan("cũ", 40), target)
    known = {_plan("cũ", 40).to_dict()["summary"], _plan("mới", 400).to_dict()["summary"]}
    for point in range(KILL_POINTS):
        child = subprocess.Popen([sys.executable, "-c", SAVER, str(target)], cwd=ROOT, stdout=subprocess.PIPE,
                                 text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, 0.4))  # somewhere inside one of the saves
        child.send_signal(signal.SIGKILL)
        child.wait()
        for path in (target, backup_path(target)):
            if path.exists():
                result = load_plan(path)  # whole, and the app's own (not a hand-typed read)
                assert result.source == "app-docx", f"kill point {point}: {path.name} is damaged"
                assert result.plan.summary in known
    leftovers = list(tmp_path.glob(".~*.tmp"))
    print(f"temp files left by the kills: {len(leftovers)}")
    leftovers.append(tmp_path / ".~planted1.tmp")  # in case no kill landed between the temp and the swap
    leftovers[-1].write_bytes(b"half a save")
    old = time.time() - 3600
    for path in leftovers:  # as if the crashes happened an hour ago
        os.utime(path, (old, old))
    save_plan(_plan("cũ", 40), target)
    assert list(tmp_path.glob(".~*.tmp")) == []  # the next save there cleaned them up


def test_read_only_target_is_refused_like_word(tmp_path):
    target = tmp_path / "chi-doc.docx"
    save_plan(_plan("cũ", 5), target)
    before = target.read_bytes()
    target.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        with pytest.raises(SaveFailed, match="chỉ đọc"):
            save_plan(_plan("mới", 5), target)
        assert target.read_bytes() == before
        assert not backup_path(target).exists()
    finally:
        target.chmod(0o644)


def test_stale_temps_of_ours_are_removed_and_nothing_else(tmp_path):
    old = time.time() - 3600
    stale = tmp_path / ".~ab12cd34.tmp"
    fresh = tmp_path / ".~ef56gh78.tmp"  # another save running right now
    word = tmp_path / "~$ke-hoach.docx"  # Word's own lock file: not ours
    other = tmp_path / ".~notes.txt"
    for path in (stale, fresh, word, other):
        path.write_bytes(b"x")
    for path in (stale, word, other):
        os.utime(path, (old, old))
    write_atomic(tmp_path / "ke-hoach.json", b"{}")
    assert not stale.exists() and fresh.exists() and word.exists() and other.exists()


def test_a_device_is_never_replaced(tmp_path):
    with pytest.raises(SaveFailed, match="không phải là một tệp thông thường"):
        write_atomic("/dev/null", b"x")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.fixture
def small_disk(tmp_path):
    """A real 512 KB file system (tmpfs), as root; skipped elsewhere (CI runs as root)."""
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root on Linux")
    mount = tmp_path / "usb"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def _fill(folder: Path, leave: int) -> None:
    free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
    (folder / "day.bin").write_bytes(b"\0" * max(0, free - leave))


def test_real_full_disk_with_and_without_an_old_file(small_disk):
    big = _plan("mới", 3000)  # a DOCX far larger than what is left
    target = small_disk / "ke-hoach.docx"
    _fill(small_disk, 8 * 1024)
    with pytest.raises(SaveFailed) as err:
        save_plan(big, target)
    message = str(err.value)
    assert "Ổ đĩa đã đầy" in message and "tệp cũ" not in message and "No space" not in message
    assert not target.exists() and list(small_disk.glob(".~*")) == []
    (small_disk / "day.bin").unlink()
    small = small_disk / "nho.json"
    save_plan(_plan("cũ", 3), small)
    before = small.read_bytes()
    _fill(small_disk, 4 * 1024)
    with pytest.raises(SaveFailed) as err:
        save_plan(_plan("mới", 3000), small)
    assert "Ổ đĩa đã đầy" in str(err.value) and "tệp cũ vẫn giữ nguyên" in str(err.value)
    assert small.read_bytes() == before and list(small_disk.glob(".~*")) == []
