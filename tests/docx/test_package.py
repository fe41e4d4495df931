"""The light reader (``docx/package.py``): the same lines and plans as through python-docx, and
the same refusals for broken parts."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from kehoach_desktop.docx.embed import read_embedded
from kehoach_desktop.docx.handtyped import docx_lines
from kehoach_desktop.docx.package import BAD_STYLES, NOT_A_DOCUMENT, DocxPackage, read_docx_bytes
from kehoach_desktop.docx.recognise import recognise_docx
from kehoach_desktop.errors import FileRejected

from ..conftest import CORPUS, ROOT

DOCX = sorted(CORPUS.glob("*.docx")) + sorted((ROOT / "tests" / "fixtures").glob("*/*.docx"))


def _lines(document):
    return [(l.raw, l.bold, l.italic, l.align, l.indent, l.table, l.num_label) for l in docx_lines(document)]


@pytest.mark.parametrize("path", DOCX, ids=lambda p: p.name)
def test_same_lines_and_plan_as_python_docx(path):
    data = path.read_bytes()
    light, full = read_docx_bytes(data), docx.Document(io.BytesIO(data))
    assert _lines(light) == _lines(full)
    assert recognise_docx(light).plan.to_dict() == recognise_docx(full).plan.to_dict()


def test_the_apps_own_docx_reads_its_embedded_plan(state_plan_dict):
    from kehoach_desktop.docx.writer import render_docx
    from kehoach_desktop.plan.model import Plan

    plan = Plan.from_dict(state_plan_dict)
    found = read_embedded(read_docx_bytes(render_docx(plan)))
    assert found is not None and not found.edited and found.plan.to_dict() == plan.to_dict()


def _rezip(data: bytes, change) -> bytes:
    """The same package with its entries passed through ``change(name, blob) -> (name, blob) | None``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            changed = change(info.filename, src.read(info))
            if changed:
                dst.writestr(changed[0], changed[1])
    return out.getvalue()


def _sample() -> bytes:
    d = docx.Document()
    d.add_paragraph("KẾ HOẠCH", style="Heading 1")
    d.add_paragraph("Tuyên truyền pháp luật năm 2026", style="List Number")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_part_names_in_another_letter_case_are_found():
    upper = _rezip(_sample(), lambda n, b: (n.upper() if n.startswith("word/") and "rels" not in n else n, b))
    package = DocxPackage(upper)
    assert package.styles is not None and package.numbering is not None
    assert _lines(package) == _lines(DocxPackage(_sample()))


def test_no_styles_or_numbering_part_still_reads():
    bare = _rezip(_sample(), lambda n, b: None if n in ("word/styles.xml", "word/numbering.xml") else (n, b))
    package = DocxPackage(bare)
    assert package.styles is None and package.numbering is None
    assert [l.text for l in docx_lines(package)] == ["KẾ HOẠCH", "Tuyên truyền pháp luật năm 2026"]


def test_a_styles_part_of_another_kind_is_refused():
    wrong = _rezip(_sample(), lambda n, b: (n, b"<x/>") if n == "word/styles.xml" else (n, b))
    with pytest.raises(FileRejected) as err:
        read_docx_bytes(wrong)
    assert str(err.value) == BAD_STYLES


def test_a_main_part_that_is_no_document_is_refused():
    wrong = _rezip(_sample(), lambda n, b: (n, b"<w:body xmlns:w='http://schemas.openxmlformats.org/"
                                               b"wordprocessingml/2006/main'/>") if n == "word/document.xml" else (n, b))
    with pytest.raises(FileRejected) as err:
        read_docx_bytes(wrong)
    assert str(err.value) == NOT_A_DOCUMENT


def test_reading_does_not_import_python_docx(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "kh.docx"
    path.write_bytes(_sample())
    code = ("import sys; from kehoach_desktop.io import load_plan; load_plan(sys.argv[1]); "
            "print('docx' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[2], check=True)
    assert done.stdout.strip() == "False"
