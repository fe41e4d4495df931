"""The written DOCX laid out by a real engine (LibreOffice): what a user sees on paper.

One LibreOffice run converts a few plans whose text ends near the foot of a
page, so that the foot table would be pushed to a page of its own unless the
last paragraph keeps with it.
"""
from __future__ import annotations

import os
import subprocess
import uuid

import pytest

from kehoach_desktop.docx.writer import render_docx
from kehoach_desktop.plan.model import Plan

from ..conftest import need_program
from .docx_facts import small_plan

FILLER = "Nội dung đoạn văn để lấp đầy trang, " * 9
COUNTS = (11, 12, 13)  # around the count where the foot no longer fits on page 2


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict:
    need_program("soffice", "pdftotext")
    folder = tmp_path_factory.mktemp("lo")
    files = []
    for n in COUNTS:
        path = folder / f"p{n}.docx"
        path.write_bytes(render_docx(Plan.from_dict(small_plan("state", preamble=[FILLER] * n))))
        files.append(str(path))
    profile = (folder / f"lo-{uuid.uuid4().hex}").as_uri()  # a private profile: parallel runs
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={profile}", "--convert-to",
                    "pdf", "--outdir", str(folder), *files], check=True, capture_output=True,
                   timeout=120, env=dict(os.environ, HOME=str(folder)))
    out = {}
    for n in COUNTS:
        text = subprocess.run(["pdftotext", "-layout", str(folder / f"p{n}.pdf"), "-"],
                              check=True, capture_output=True, text=True).stdout
        out[n] = [p for p in text.split("\f") if p.strip()]
    return out


def test_signature_block_never_alone_on_its_page(pages):
    for n, plan_pages in pages.items():
        last = plan_pages[-1]
        assert "Nguyễn Văn An" in last and "Nơi nhận:" in last, n
        assert "Trên đây là Kế hoạch" in last, f"{n}: the foot went to a page without text"


def test_page_numbers_from_page_two_and_one_line_national_title(pages):
    plan_pages = pages[COUNTS[0]]
    assert len(plan_pages) >= 2
    first_lines = [[line.strip() for line in p.splitlines() if line.strip()] for p in plan_pages]
    assert first_lines[0][0] != "1"  # no number on page 1
    for i, lines in enumerate(first_lines[1:], start=2):
        assert lines[0] == str(i)
    assert any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in line for line in first_lines[0])
    level = [line for line in first_lines[0] if "Số: 05/KH-UBND" in line]
    assert level and "ngày 05 tháng 02 năm 2026" in level[0]  # number and date on one line
