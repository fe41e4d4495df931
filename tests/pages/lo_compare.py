"""Compare the app's PDF of a plan with LibreOffice's PDF of the app's DOCX, page by page.

Used by the agreement test and by hand (``python -m tests.pages.lo_compare`` prints
every disagreement). Words per page come from pdftotext for both PDFs alike.
"""
from __future__ import annotations

import datetime as _dt
import os
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

TODAY = _dt.date(2026, 3, 9)
EDGE_WORDS = 3  # each page must start and end with the same words


@dataclass
class Verdict:
    name: str
    app_pages: list  # words per page
    lo_pages: list

    @property
    def agrees(self) -> bool:
        return len(self.app_pages) == len(self.lo_pages) and all(
            _same_edges(a, b) for a, b in zip(self.app_pages, self.lo_pages))

    def describe(self) -> str:
        lines = [f"{self.name}: app {len(self.app_pages)} trang, LibreOffice {len(self.lo_pages)} trang"]
        for i, (a, b) in enumerate(zip(self.app_pages, self.lo_pages)):
            if not _same_edges(a, b):
                lines.append(f"  page {i + 1}: app {' '.join(a[:3])} … {' '.join(a[-6:])}")
                lines.append(f"          lo  {' '.join(b[:3])} … {' '.join(b[-6:])}")
        return "\n".join(lines)


def _same_edges(a: list, b: list) -> bool:
    """Same first and last words; or the very same words (pdftotext may order the lines of a table
    row's cells differently when they lie within a fraction of a point of each other)."""
    if a[:EDGE_WORDS] == b[:EDGE_WORDS] and a[-EDGE_WORDS:] == b[-EDGE_WORDS:]:
        return True
    return sorted(a) == sorted(b)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def page_words(pdf: Path) -> list[list[str]]:
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True)
    pages = out.stdout.decode("utf-8").split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [unicodedata.normalize("NFC", p).split() for p in pages]


def convert_all(docx_files: list[Path], outdir: Path,
                profile: str = os.environ.get("LO_PROFILE", "/tmp/lo_profile_i14")) -> None:
    """One soffice run for all files (start-up is most of LibreOffice's time)."""
    cmd = [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
           "--outdir", str(outdir)] + [str(f) for f in docx_files]
    subprocess.run(cmd, capture_output=True, timeout=600, check=False)


def compare_plans(plans: dict, workdir: Path) -> list[Verdict]:
    from kehoach_desktop.docx.writer import render_docx
    from kehoach_desktop.pages.blocks import PrintOptions
    from kehoach_desktop.ui.printing.layout import PrintLayout
    from kehoach_desktop.ui.printing.pdf import pdf_bytes

    workdir.mkdir(parents=True, exist_ok=True)
    docs = []
    for name, plan in plans.items():
        (workdir / f"{name}.docx").write_bytes(render_docx(plan, today=TODAY))
        layout = PrintLayout(plan, PrintOptions(draft_mark=False, today=TODAY))
        (workdir / f"{name}.app.pdf").write_bytes(pdf_bytes(layout))
        docs.append(workdir / f"{name}.docx")
    convert_all(docs, workdir)
    return [Verdict(name, page_words(workdir / f"{name}.app.pdf"), page_words(workdir / f"{name}.pdf"))
            for name in plans]


def corpus_plans() -> dict:
    from kehoach_desktop.plan.model import Plan

    corpus = Path(__file__).resolve().parents[3] / "shared" / "corpus"
    return {p.name.replace(".expected.json", ""): Plan.from_json(p.read_text("utf-8"))
            for p in sorted(corpus.glob("*.expected.json"))}


def all_plans(count: int = 32, seed: int = 1000) -> dict:
    from .plan_shapes import generated_plans

    return {**corpus_plans(), **generated_plans(count, seed)}


def plans_with_tables(count: int = 18, seed: int = 3000) -> dict:
    """Generated plans with tables in sections and appendices, portrait and landscape."""
    from .plan_shapes import table_plans

    return table_plans(count, seed)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    work = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/i14/cmp")
    if os.environ.get("TABLES"):
        plans = plans_with_tables(int(os.environ.get("PLANS", "18")), int(os.environ.get("SEED", "3000")))
    else:
        plans = all_plans(int(os.environ.get("PLANS", "32")), int(os.environ.get("SEED", "1000")))
    verdicts = compare_plans(plans, work)
    for v in verdicts:
        if not v.agrees:
            print(v.describe())
    good = sum(v.agrees for v in verdicts)
    print(f"agree {good}/{len(verdicts)}; pages:", [(len(v.app_pages), len(v.lo_pages)) for v in verdicts])
