"""Tables and appendices in the DOCX: written in the official style, reopened exactly,
imported from hand-typed plans (tests/fixtures/tables, made by make_plans_tables.py),
and laid out by LibreOffice with the header row on every page and the landscape appendix turned.
"""
from __future__ import annotations

import io
import json
import os
import re
import subprocess
import uuid
from pathlib import Path

import docx
import pytest

from kehoach_desktop.docx.embed import read_embedded
from kehoach_desktop.docx.recognise import recognise_docx, recognise_text
from kehoach_desktop.docx.writer import render_docx
from kehoach_desktop.plan.model import Plan

from ..conftest import import_scorer, need_program

TABLES = Path(__file__).resolve().parent.parent / "fixtures" / "tables"
INPUTS = sorted(TABLES.glob("*.txt")) + sorted(TABLES.glob("*.docx"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEAD = ["TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"]


def long_plan(rows: int = 45) -> Plan:
    body = [HEAD, [{"text": "I. NHIỆM VỤ CHUNG", "colspan": 5}]]
    body += [[str(i), f"Tổ chức tuyên truyền nội dung số {i} đến cán bộ, đảng viên và Nhân dân",
              "Văn phòng HĐND - UBND xã", "Các ban, ngành, đoàn thể", f"Tháng {i % 12 + 1}/2027"]
             for i in range(1, rows)]
    body.append([{"text": "Gộp", "rowspan": 2}, "a", "b", "c", "d"])
    body.append(["a2", "b2", "c2", "d2"])
    return Plan.from_dict({
        "format": "kehoach", "version": 1, "regime": "state",
        "header": {"issuer": "ỦY BAN NHÂN DÂN XÃ HÒA AN", "number": "18", "symbol": "KH-UBND",
                   "place": "Hòa An", "date": "2027-02-10"},
        "summary": "Phân công nhiệm vụ năm 2027", "preamble": ["Căn cứ ..."],
        "sections": [{"title": "TỔ CHỨC THỰC HIỆN", "content": ["Phân công:", {"table": {"header": 1, "rows": body[:6]}}]}],
        "closing": ["Trên đây là Kế hoạch./."], "recipients": ["Lưu: VT"],
        "signature": {"authority": "TM.", "collective": "ỦY BAN NHÂN DÂN", "position": "CHỦ TỊCH", "name": "Lê Thị Mai"},
        "appendices": [
            {"title": "PHỤ LỤC I", "summary": "PHÂN CÔNG NHIỆM VỤ", "content": [{"table": {"header": 1, "rows": body}}]},
            {"title": "PHỤ LỤC II", "summary": "KINH PHÍ", "landscape": True, "content": [
                {"table": {"header": 1, "rows": [["TT", "Nội dung chi", "Thành tiền"], ["1", "In ấn", "1.000.000"]],
                           "widths": [1, 8, 3]}}]},
            {"title": "", "summary": "", "content": ["Danh sách kèm theo."]}]})


def _document(plan: Plan):
    return docx.Document(io.BytesIO(render_docx(plan)))


def test_table_written_in_the_official_style():
    body = _document(long_plan()).element.body
    tables = [t for t in body.iter(W + "tbl") if t.find(f"{W}tblPr/{W}tblBorders/{W}insideH") is not None
              and t.find(f"{W}tblPr/{W}tblBorders/{W}insideH").get(W + "val") == "single"]
    assert len(tables) == 3  # the section's and two appendices' (header and foot stay borderless)
    rows = tables[1].findall(W + "tr")
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert all(r.find(f"{W}trPr/{W}tblHeader") is None for r in rows[1:])
    assert rows[2].find(f"{W}trPr/{W}cantSplit") is not None
    assert rows[1].find(f"{W}tc/{W}tcPr/{W}gridSpan").get(W + "val") == "5"
    merged = rows[-2].find(f"{W}tc/{W}tcPr/{W}vMerge")
    assert merged.get(W + "val") == "restart" and rows[-1].find(f"{W}tc/{W}tcPr/{W}vMerge") is not None
    assert len(rows[-1].findall(W + "tc")) == 5  # the covered cell is written back
    head_run = rows[0].find(f"{W}tc/{W}p/{W}r/{W}rPr")
    assert head_run.find(W + "b") is not None and head_run.find(W + "sz").get(W + "val") == "26"
    assert head_run.find(W + "rFonts").get(W + "ascii") == "Times New Roman"
    assert rows[0].find(f"{W}tc/{W}p/{W}pPr/{W}jc").get(W + "val") == "center"
    body_run = rows[2].find(f"{W}tc/{W}p/{W}r/{W}rPr")
    assert body_run.find(W + "b") is None and body_run.find(W + "sz").get(W + "val") == "26"
    grid = [int(c.get(W + "w")) for c in tables[2].iter(W + "gridCol")]
    assert grid[1] > 2 * grid[2] > 4 * grid[0] / 2  # widths 1 : 8 : 3


def test_appendices_start_new_pages_and_turn_in_their_own_section():
    body = _document(long_plan()).element.body
    texts = [("".join(t.text or "" for t in p.iter(W + "t")), p) for p in body.iter(W + "p")]
    title = next(p for t, p in texts if t == "PHỤ LỤC I")
    assert title.find(f"{W}pPr/{W}pageBreakBefore") is not None
    assert any(t == "(Kèm theo Kế hoạch số 18/KH-UBND ngày 10/02/2027 của Ủy ban nhân dân xã Hòa An)"
               for t, _ in texts)
    assert any(t == "PHỤ LỤC III" for t, _ in texts)  # an untitled third appendix is numbered
    breaks = [p.find(f"{W}pPr/{W}sectPr") for _, p in texts if p.find(f"{W}pPr/{W}sectPr") is not None]
    sizes = [s.find(W + "pgSz") for s in breaks] + [body.find(f"{W}sectPr/{W}pgSz")]
    assert [s.get(W + "orient") for s in sizes] == [None, "landscape", None]
    assert int(sizes[1].get(W + "w")) > int(sizes[1].get(W + "h"))
    assert breaks[0].find(W + "titlePg") is not None and breaks[1].find(W + "titlePg") is None


def test_app_docx_with_tables_reopens_exactly(tmp_path):
    from kehoach_desktop.io import load_plan

    plan = long_plan()
    path = tmp_path / "kh.docx"
    path.write_bytes(render_docx(plan))
    embedded = read_embedded(docx.Document(str(path)))
    assert embedded is not None and not embedded.edited
    assert embedded.plan.to_dict() == plan.to_dict()
    assert load_plan(path).plan.to_dict() == plan.to_dict()


def test_app_docx_read_as_hand_typed_keeps_tables_and_appendices():
    """Without the embedded plan (a copy pasted into a new Word file), the text still gives them back."""
    plan = long_plan(8)
    document = _document(plan)
    for rel in [r for r, v in document.part.rels.items() if v.reltype.endswith("/customXml")]:
        del document.part.rels[rel]
    found = recognise_docx(document).plan
    assert found.sections[0].content[1].to_dict() == plan.sections[0].content[1].to_dict()
    assert [a.title for a in found.appendices] == ["PHỤ LỤC I", "PHỤ LỤC II", "PHỤ LỤC III"]
    assert found.appendices[0].content[0].to_dict() == plan.appendices[0].content[0].to_dict()
    assert found.appendices[1].landscape is True and found.signature.name == "Lê Thị Mai"


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
def test_hand_typed_tables_and_appendices_score(path):
    score = import_scorer()
    name = path.name.split(".")[0]
    expected = json.loads((TABLES / f"{name}.{'expected' if path.suffix == '.txt' else 'docx-expected'}.json")
                          .read_text("utf-8"))
    result = (recognise_text(path.read_text("utf-8")) if path.suffix == ".txt"
              else recognise_docx(docx.Document(str(path))))
    fields = score(expected, result.plan.to_dict())
    assert fields["tables"] >= 0.95 and fields["appendices"] >= 0.95, fields
    assert sum(fields.values()) / len(fields) >= 0.95, fields
    if path.suffix == ".docx":  # spans, header rows and orientation too, not only the text
        assert result.plan.to_dict()["appendices"] == expected["appendices"]


def test_pasted_rows_with_bars_and_tabs_become_tables():
    text = ("KẾ HOẠCH\nTuyên truyền năm 2027\n\nI. NỘI DUNG\nLịch như sau:\n"
            "| TT | Nội dung | Thời gian |\n|---|---|---|\n| 1 | Họp dân | Tháng 3 |\n| 2 | Treo băng rôn | Tháng 4 |\n"
            "Sau bảng.\n")
    plan = recognise_text(text).plan
    table = plan.sections[0].content[1]
    assert [[c.text for c in r] for r in table.rows] == [["TT", "Nội dung", "Thời gian"], ["1", "Họp dân", "Tháng 3"],
                                                         ["2", "Treo băng rôn", "Tháng 4"]]
    assert plan.sections[0].content[2] == "Sau bảng."


def _pdf_pages(folder: Path, plan: Plan) -> tuple[list[str], list[tuple[float, float]]]:
    need_program("soffice", "pdftotext", "pdfinfo")
    src = folder / "bang.docx"
    src.write_bytes(render_docx(plan))
    profile = (folder / f"lo-{uuid.uuid4().hex}").as_uri()
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={profile}", "--convert-to", "pdf",
                    "--outdir", str(folder), str(src)], check=True, capture_output=True, timeout=180,
                   env=dict(os.environ, HOME=str(folder)))
    pdf = folder / "bang.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    sizes = [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]
    return text.split("\f")[:len(sizes)], sizes


def test_libreoffice_repeats_the_header_row_and_turns_the_landscape_appendix(tmp_path):
    pages, sizes = _pdf_pages(tmp_path, long_plan())
    with_rows = [p for p in pages if "HĐND" in p and "Hòa An" not in p]
    assert len(with_rows) >= 3  # the long table runs over several pages
    for page in with_rows:
        assert "Nội dung công việc" in page and "Đơn vị chủ trì" in page  # its header row on each
    turned = [i for i, (w, h) in enumerate(sizes) if w > h]
    assert len(turned) == 1 and "PHỤ LỤC II" in pages[turned[0]]
    assert "PHỤ LỤC III" in pages[turned[0] + 1] and sizes[turned[0] + 1][0] < sizes[turned[0] + 1][1]


def test_nested_table_is_flattened_into_its_cell():
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH").runs[0].bold = True
    document.add_paragraph("Tổ chức hội thi năm 2027")
    document.add_paragraph("I. TỔ CHỨC THỰC HIỆN")
    outer = document.add_table(rows=2, cols=2)
    outer.cell(0, 0).text, outer.cell(0, 1).text = "TT", "Phân công"
    outer.cell(1, 0).text = "1"
    inner = outer.cell(1, 1).add_table(rows=2, cols=2)
    for r, (a, b) in enumerate((("Trưởng ban", "Chủ tịch UBND xã"), ("Phó ban", "Công chức VH-XH"))):
        inner.cell(r, 0).text, inner.cell(r, 1).text = a, b
    document.add_paragraph("Trên đây là kế hoạch./.")
    plan = recognise_docx(document).plan
    tables = [item for item in plan.sections[0].content if hasattr(item, "rows")]
    assert len(tables) == 1
    assert tables[0].rows[1][1].text == "Trưởng ban - Chủ tịch UBND xã\nPhó ban - Công chức VH-XH"


def test_appendix_named_on_its_title_line_without_source_line():
    """"Phụ lục 1: Danh sách …" on one line, no "(Kèm theo …)", a table whose first row is not bold."""
    document = docx.Document()
    for text in ("ỦY BAN NHÂN DÂN XÃ AN BÌNH", "KẾ HOẠCH", "Ra quân vệ sinh môi trường năm 2027",
                 "I. NỘI DUNG", "Ra quân vào Chủ nhật cuối tháng.", "Nơi nhận:", "- Lưu: VT.",
                 "CHỦ TỊCH", "Phạm Văn Hòa"):
        document.add_paragraph(text)
    document.add_paragraph("Phụ lục 1: Danh sách các thôn tham gia")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate((("STT", "Thôn", "Số người"), ("1", "Thôn Đông", "40"), ("2", "Thôn Tây", "35"))):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    plan = recognise_docx(document).plan
    assert plan.signature.name == "Phạm Văn Hòa"
    [appendix] = plan.appendices
    assert (appendix.title, appendix.summary) == ("Phụ lục 1", "Danh sách các thôn tham gia")
    [found] = appendix.content
    assert [[c.text for c in row] for row in found.rows][2] == ["2", "Thôn Tây", "35"]
    assert found.header == 0  # nothing marks a header row: none is made up
