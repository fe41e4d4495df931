"""Issue 9, item 10: a file of random bytes named .txt is refused as clearly as a bad .docx."""
from __future__ import annotations

import random

import pytest

from kehoach_desktop.cli import main
from kehoach_desktop.errors import FileRejected
from kehoach_desktop.io import load_plan, looks_binary


def _random_bytes(size: int, seed: int) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.getrandbits(8) for _ in range(size))


@pytest.mark.parametrize("seed", range(20))
def test_random_bytes_named_txt_are_refused(tmp_path, seed):
    path = tmp_path / "ke-hoach.txt"
    path.write_bytes(_random_bytes(64 + 97 * seed, seed))
    with pytest.raises(FileRejected) as caught:
        load_plan(path)
    message = str(caught.value)
    assert "ke-hoach.txt" in message and "nhị phân" in message and message.endswith(".") and "\n" not in message


@pytest.mark.parametrize("data", [
    "Kế hoạch tuyên truyền năm 2026\r\n\tI. MỤC ĐÍCH\f- Nâng cao nhận thức.\x1a".encode("utf-8"),
    "KẾ HOẠCH\nTuyên truyền".encode("utf-16"),  # Notepad's "Unicode"
    "Kê hoach tuyên truyên Đăng ơ ư năm 2026\r\n".encode("cp1258"),  # an old Windows text file
    "\ufeffKẾ HOẠCH".encode("utf-8"),
])
def test_real_text_is_not_taken_for_binary(data):
    from kehoach_desktop.io import decode_text

    assert not looks_binary(data, decode_text(data))


def test_a_few_stray_controls_in_a_long_text_pass():
    text = ("Tuyên truyền sâu rộng trong cán bộ, đảng viên và Nhân dân. " * 40) + "\x07"
    assert not looks_binary(text.encode("utf-8"), text)


@pytest.mark.parametrize("command", ["import", "validate"])
def test_command_line_refuses_with_one_sentence_and_exit_2(tmp_path, capsys, command):
    path = tmp_path / "rac.txt"
    path.write_bytes(_random_bytes(4096, 7))
    assert main([command, str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: ") and err.count("\n") == 1 and "nhị phân" in err and "Traceback" not in err


def test_nul_bytes_alone_make_a_file_binary(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"KE HOACH\x00\x00 tuyen truyen " * 30)
    with pytest.raises(FileRejected):
        load_plan(path)
