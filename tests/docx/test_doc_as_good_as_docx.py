"""`.doc` (Word 97) as good as `.docx`: every hand-typed DOCX of the corpora is saved as `.doc` by
LibreOffice, imported the way the app imports a `.doc`, and scored like its `.docx`; plus the two
things LibreOffice's round trip does to a plan, as rules that need no LibreOffice."""
from __future__ import annotations

import io
import json
import subprocess

import docx
import pytest
from docx.oxml.ns import qn
from docx.oxml import OxmlElement

from kehoach_desktop.docx.recognise import recognise_docx
from kehoach_desktop.io import load_plan

from ..conftest import CORPUS, ROOT, import_scorer, need_program

FIXTURES = ROOT / "tests" / "fixtures" / "plans"
MIN_SCORE = 0.95


def _sources() -> list:
    """One DOCX of each way of typing per plan (the table, flat and auto-numbered layouts)."""
    files = sorted(CORPUS.glob("*.docx")) + sorted(FIXTURES.glob("*.table.docx")) + sorted(FIXTURES.glob("*.tabfoot.docx"))
    return [p for p in files if (p.parent / f"{p.name.split('.')[0]}.docx-expected.json").exists()]


def test_doc_versions_import_like_docx(tmp_path):
    need_program("soffice")
    sources = _sources()
    assert len(sources) >= 15
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(tmp_path), *map(str, sources)],
                   capture_output=True, timeout=300, check=True)
    score = import_scorer()
    results = {}
    for source in sources:
        doc = tmp_path / (source.stem + ".doc")
        expected = json.loads((source.parent / f"{source.name.split('.')[0]}.docx-expected.json").read_text("utf-8"))
        fields = score(expected, load_plan(doc).plan.to_dict())
        results[doc.name] = sum(fields.values()) / len(fields)
    mean = sum(results.values()) / len(results)
    print(f"\n.doc import: mean {mean:.3f} over {len(results)} files")
    low = {name: round(s, 3) for name, s in results.items() if s < MIN_SCORE}
    assert not low, f"below {MIN_SCORE}: {low}"


def _foot_glued_document() -> docx.Document:
    """What LibreOffice makes of a borderless foot table in a .doc: the cells run into paragraphs,
    the last recipient and the signer's authority in one paragraph, in two runs."""
    d = docx.Document()
    for text in ["ỦY BAN NHÂN DÂN", "XÃ SƠN KIM", "Số: 31/KH-UBND", "Sơn Kim, ngày 12 tháng 6 năm 2026",
                 "KẾ HOẠCH", "Phòng, chống đuối nước cho trẻ em năm 2026", "I. MỤC ĐÍCH, YÊU CẦU",
                 "Giảm số trẻ em bị đuối nước.", "Nơi nhận:", "- Trạm Y tế xã;"]:
        d.add_paragraph(text)
    p = d.add_paragraph()
    p.add_run("- Lưu: VT, VHXH.")
    p.add_run("TM. ỦY BAN NHÂN DÂN").bold = True
    d.add_paragraph("KT. CHỦ TỊCH")
    d.add_paragraph("PHÓ CHỦ TỊCH")
    d.add_paragraph("Trần Đình Khoa")
    return d


def test_recipient_glued_to_the_authority_is_parted():
    plan = recognise_docx(_foot_glued_document()).plan
    assert plan.recipients == ["Trạm Y tế xã", "Lưu: VT, VHXH"]
    assert (plan.signature.authority, plan.signature.collective) == ("TM.", "ỦY BAN NHÂN DÂN")
    assert plan.signature.deputy == "KT. CHỦ TỊCH"
    assert plan.signature.name == "Trần Đình Khoa"


def test_a_sentence_naming_an_authority_is_not_parted():
    d = _foot_glued_document()
    d.paragraphs[7].add_run(" Đồng chí Phó Chủ tịch ký ")
    d.paragraphs[7].add_run("KT. Chủ tịch UBND xã.")
    plan = recognise_docx(d).plan
    assert any("ký KT. Chủ tịch UBND xã." in p for s in plan.sections for p in s.content if isinstance(p, str))


@pytest.mark.parametrize("font", [".VnTime", ".VnTimeH"])
def test_soft_hyphen_element_is_the_tcvn3_u(font):
    """LibreOffice writes TCVN3's byte for "ư" (0xAD, a soft hyphen) as <w:softHyphen/>."""
    d = docx.Document()
    p = d.add_paragraph()
    run = p.add_run("Tæ chøc tuyªn truyÒn phßng chèng ®uèi n")
    run.font.name = font
    run._r.append(OxmlElement("w:softHyphen"))
    t = OxmlElement("w:t")
    t.text = "íc"
    run._r.append(t)
    from kehoach_desktop.docx.handtyped import docx_lines

    text = docx_lines(d)[0].text
    assert "đuối nước" in text.lower() and "\u00ad" not in text


def test_soft_hyphen_in_a_unicode_font_is_dropped():
    d = docx.Document()
    run = d.add_paragraph().add_run("chuyển")
    run._r.append(OxmlElement("w:softHyphen"))
    t = OxmlElement("w:t")
    t.text = "đổi số"
    run._r.append(t)
    from kehoach_desktop.docx.handtyped import docx_lines

    assert docx_lines(d)[0].text == "chuyểnđổi số"


def test_public_samples_saved_as_doc_keep_their_key_fields(tmp_path):
    """The published plans' header and foot forms, pasted into Word and saved as `.doc`."""
    need_program("soffice")
    from . import test_recognise_public as public

    names = sorted(public.EXPECTED)
    for name in names:
        public._pasted_into_word(public._text(name)).save(tmp_path / f"{name}.docx")
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(tmp_path / "doc"),
                    *[str(tmp_path / f"{n}.docx") for n in names]], capture_output=True, timeout=300, check=True)
    failures = {}
    for name in names:
        try:
            public._check(load_plan(tmp_path / "doc" / f"{name}.doc").plan, name)
        except AssertionError as err:
            failures[name] = str(err).splitlines()[0][:160]
    assert not failures, failures
