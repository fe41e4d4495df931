"""LibreOffice for .doc, hardened: off the network, the whole process group killed on timeout,
the temp folder (with the user's converted text) always removed, the size capped before copying."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from kehoach_desktop.docx import convert_doc
from kehoach_desktop.docx.convert_doc import convert_doc_to_docx
from kehoach_desktop.errors import FileRejected

from ..conftest import need_program


@pytest.fixture(autouse=True)
def private_temp(tmp_path, monkeypatch):
    """A temp folder of this test's own: other programs' conversions may run in /tmp meanwhile."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _our_temp_folders() -> set:
    return {p.name for p in Path(tempfile.gettempdir()).glob("kehoach-doc-*")}


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"  # a zombie is dead
    except OSError:
        return False


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script stands in for LibreOffice")
def test_timeout_kills_the_whole_group_and_removes_the_temp_folder(tmp_path):
    pids = tmp_path / "pids"
    fake = tmp_path / "soffice"
    # Like soffice → oosplash → soffice.bin: a child that writes into the output folder and lives on.
    fake.write_text(f"""#!/bin/sh
for last; do :; done
out=""
while [ $# -gt 0 ]; do [ "$1" = "--outdir" ] && out="$2"; shift; done
( while true; do echo secret > "$out/converted.txt"; sleep 0.05; done ) &
echo $! > {pids}
echo "$out" >> {pids}
sleep 60
""")
    fake.chmod(0o755)
    doc = tmp_path / "cu.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    before = _our_temp_folders()
    started = time.monotonic()
    with pytest.raises(FileRejected, match="giây"):
        convert_doc_to_docx(doc, soffice=str(fake), timeout=1)
    assert time.monotonic() - started < 15
    child, out_dir = pids.read_text().split("\n")[:2]
    time.sleep(0.3)
    assert not _alive(int(child)), "the grandchild of LibreOffice was left running"
    assert not Path(out_dir).exists()
    assert _our_temp_folders() == before


def test_size_is_capped_before_anything_is_copied(tmp_path, monkeypatch):
    monkeypatch.setattr(convert_doc, "MAX_DOC_BYTES", 1000)
    doc = tmp_path / "to.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 5000)
    before = _our_temp_folders()
    called = []
    monkeypatch.setattr(convert_doc, "_convert_in", lambda *a: called.append(a))
    with pytest.raises(FileRejected, match="quá lớn"):
        convert_doc_to_docx(doc, soffice="/bin/true")
    assert not called and _our_temp_folders() == before


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_unreadable_doc_is_a_vietnamese_sentence(tmp_path):
    loop = tmp_path / "vong.doc"
    loop.symlink_to(loop)
    with pytest.raises(FileRejected) as err:
        convert_doc_to_docx(loop, soffice="/bin/true")
    assert "vòng lặp" in str(err.value) and "symbolic" not in str(err.value)


def test_windows_search_skips_the_current_folder(tmp_path, monkeypatch):
    (tmp_path / "soffice.exe").write_bytes(b"MZ")  # a program planted where the user's file is
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", os.pathsep.join(["", ".", "relative/bin"]))
    assert convert_doc._on_absolute_path(("soffice.exe",)) is None
    monkeypatch.setenv("PATH", str(tmp_path))
    assert convert_doc._on_absolute_path(("soffice.exe",)) == str(tmp_path / "soffice.exe")


class _Listener:
    """Counts TCP connections to a local port (standing for the web server of a linked picture)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def _loop(self):
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self):
        time.sleep(0.3)
        self.running = False
        self.thread.join()
        self.sock.close()


def test_doc_with_a_linked_picture_does_not_reach_the_network(tmp_path):
    need_program("soffice")
    listener = _Listener()
    try:
        page = tmp_path / "lien-ket.html"
        page.write_text(f'<html><body><p>KẾ HOẠCH thử</p><img src="http://127.0.0.1:{listener.port}/anh.png">'
                        "</body></html>", encoding="utf-8")
        subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                        "--convert-to", "doc:MS Word 97", "--outdir", str(tmp_path), str(page)],
                       capture_output=True, timeout=120, check=True)
        doc = tmp_path / "lien-ket.doc"
        assert str(listener.port).encode("utf-16-le") in doc.read_bytes()  # the link is in the .doc
        baseline = listener.connections  # making the .doc fetched the picture: the test can see it
        data = convert_doc_to_docx(doc)
        assert data.startswith(b"PK")
    finally:
        listener.close()
    assert baseline > 0, "the listener saw nothing even from plain LibreOffice: the test proves nothing"
    assert listener.connections == baseline, "converting the .doc made LibreOffice connect"
