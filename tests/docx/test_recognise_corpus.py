"""The corpus of real plans: every variant is recognised, scored with the shared scorer."""
import json

import docx
import pytest

from kehoach_desktop.docx.recognise import recognise_docx, recognise_text

from ..conftest import CORPUS, corpus_files, import_scorer

INPUTS = corpus_files("*.txt") + corpus_files("*.docx")


def _scorer():
    return import_scorer()


def _recognise(path):
    if path.suffix == ".txt":
        return recognise_text(path.read_text(encoding="utf-8"))
    return recognise_docx(docx.Document(str(path)))


def _expected(path):
    name = path.name.split(".")[0]
    suffix = "expected.json" if path.suffix == ".txt" else "docx-expected.json"
    return json.loads((CORPUS / f"{name}.{suffix}").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_corpus_file_scores(path):
    score = _scorer()
    fields = score(_expected(path), _recognise(path).plan.to_dict())
    low = {k: v for k, v in fields.items() if v < 1}
    assert sum(fields.values()) / len(fields) >= 0.95, low


@pytest.mark.parametrize("path", corpus_files("*.docx"), ids=lambda p: p.name)
def test_corpus_docx_complete(path):
    result = _recognise(path)
    assert result.notes == []  # header, number, date, signer all found
    assert result.plan.kind == "tuyen-truyen"


def test_tcvn3_imports_like_unicode():
    tcvn3 = corpus_files("state-cam-thuy-2021.tcvn3.docx")
    table = corpus_files("state-cam-thuy-2021.table.docx")
    if not tcvn3 or not table:
        pytest.skip("corpus files missing")
    assert _recognise(tcvn3[0]).plan.to_dict() == _recognise(table[0]).plan.to_dict()


def test_txt_header_lost_is_noted():
    paths = corpus_files("state-cam-thuy-2021.txt")
    if not paths:
        pytest.skip("corpus missing")
    notes = _recognise(paths[0]).notes
    assert "Không tìm thấy số hiệu văn bản." in notes and "Không tìm thấy ngày ban hành." in notes


@pytest.mark.parametrize("name", ["party-ben-tre-2021", "state-cam-thuy-2021"])
def test_app_layout_recognised_without_embedded_copy(name):
    """The official layout as this app writes it is read back from its text alone."""
    import io

    writer = pytest.importorskip("kehoach_desktop.docx.writer")
    from kehoach_desktop.plan.model import Plan

    path = CORPUS / f"{name}.docx-expected.json"
    if not path.exists():
        pytest.skip("corpus missing")
    expected = json.loads(path.read_text(encoding="utf-8"))
    expected["header"]["number"] = "07"  # printed "07" (a single digit is padded): read back as printed
    data = writer.render_docx(Plan.from_dict(expected))
    fields = _scorer()(expected, recognise_docx(docx.Document(io.BytesIO(data))).plan.to_dict())
    assert {k: v for k, v in fields.items() if v < 1} == {}
