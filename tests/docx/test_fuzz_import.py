"""Fuzz the import boundary: mutated corpus DOCX files and random bytes.

Whatever the bytes, ``load_docx_bytes`` returns a plan or raises a
``KehoachError`` (a one-line Vietnamese message): never another exception.
Peak memory is reported and bounded.
"""
from __future__ import annotations

import io
import os
import random
import resource
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from kehoach_desktop.errors import KehoachError
from kehoach_desktop.io import load_docx_bytes

from ..conftest import corpus_files

MUTATIONS_PER_RUN = int(os.environ.get("KEHOACH_FUZZ_COUNT", "2000"))
# Fixed (and printed) so that every run is the same and a failure can be replayed; set to explore.
FUZZ_SEED = int(os.environ.get("KEHOACH_FUZZ_SEED", "1123"))
SNIPPETS = [b"<w:p>", b"</w:p>", b"<w:numPr><w:ilvl w:val=\"99\"/><w:numId w:val=\"-7\"/></w:numPr>",
            b"\x00", b"\xff\xfe", "Đảng ủy".encode(), b"<w:tbl><w:tr><w:tc>", b"&#0;", b"&amp",
            b"<w:t xml:space=\"preserve\">", b"<!-- -->", b"]]>", b"<w:br/>" * 50]


def _entries(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(info, z.read(info)) for info in z.infolist()]


def _pack(entries) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info, body in entries:
            z.writestr(info.filename, body)
    return buf.getvalue()


def mutate(rng: random.Random, entries) -> bytes:
    entries = list(entries)
    kind = rng.randrange(9)
    i = rng.randrange(len(entries))
    info, body = entries[i]
    xml = [k for k, (inf, _) in enumerate(entries) if inf.filename.endswith((".xml", ".rels"))]
    if kind == 0:  # drop an entry
        del entries[i]
    elif kind == 1:  # truncate a part
        entries[i] = (info, body[: rng.randrange(len(body) + 1)])
    elif kind in (2, 3):  # flip bytes in an XML part
        k = rng.choice(xml)
        inf, b = entries[k]
        b = bytearray(b)
        for _ in range(rng.randrange(1, 20)):
            if b:
                b[rng.randrange(len(b))] = rng.randrange(256)
        entries[k] = (inf, bytes(b))
    elif kind == 4:  # insert a snippet into an XML part
        k = rng.choice(xml)
        inf, b = entries[k]
        at = rng.randrange(len(b) + 1)
        entries[k] = (inf, b[:at] + rng.choice(SNIPPETS) + b[at:])
    elif kind == 5:  # swap two parts' contents
        j = rng.randrange(len(entries))
        entries[i], entries[j] = (info, entries[j][1]), (entries[j][0], body)
    elif kind == 6:  # cut a run of text out of the main document
        k = next((k for k, (inf, _) in enumerate(entries) if inf.filename == "word/document.xml"), i)
        inf, b = entries[k]
        a = rng.randrange(len(b) + 1)
        entries[k] = (inf, b[:a] + b[a + rng.randrange(1, 400):])
    elif kind == 7:  # mangle the raw zip bytes
        raw = bytearray(_pack(entries))
        for _ in range(rng.randrange(1, 8)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        return bytes(raw)
    else:  # duplicate a paragraph many times or nest tables
        k = next((k for k, (inf, _) in enumerate(entries) if inf.filename == "word/document.xml"), i)
        inf, b = entries[k]
        at = b.find(b"<w:body>") + len(b"<w:body>")
        entries[k] = (inf, b[:at] + b"<w:tbl><w:tr><w:tc>" * rng.randrange(1, 60) + b[at:])
    return _pack(entries)


def _check(data: bytes) -> str:
    try:
        result = load_docx_bytes(data)
    except KehoachError as exc:
        message = str(exc)
        assert message and "\n" not in message and "Traceback" not in message
        return "refused"
    assert result.plan is not None
    result.plan.to_json()  # what import prints must serialise
    return "read"


@pytest.mark.skipif(not corpus_files("*.docx"), reason="shared/corpus is not beside the project")
def test_mutated_corpus_docx_never_escape_the_boundary():
    seed = FUZZ_SEED
    rng = random.Random(seed)
    bases = [_entries(p.read_bytes()) for p in corpus_files("*.docx")]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    outcomes = {"read": 0, "refused": 0}
    for n in range(MUTATIONS_PER_RUN):
        data = mutate(rng, rng.choice(bases))
        try:
            outcomes[_check(data)] += 1
        except Exception as exc:  # report the seed so the case can be replayed
            raise AssertionError(f"seed {seed}, case {n}: {exc.__class__.__name__}: {exc}") from exc
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    grown_mb = peak_mb - before / 1024
    print(f"fuzz seed={seed} cases={MUTATIONS_PER_RUN} {outcomes} peak RSS {peak_mb:.0f} MB (+{grown_mb:.0f})")
    assert sum(outcomes.values()) == MUTATIONS_PER_RUN
    assert grown_mb < 300


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096))
def test_random_bytes_are_refused_cleanly(data):
    _check(data)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["word/document.xml", "[Content_Types].xml", "_rels/.rels",
                                        "word/_rels/document.xml.rels", "word/numbering.xml"]),
                       st.binary(max_size=600), min_size=1))
def test_random_zip_entries_are_refused_cleanly(parts):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, body in parts.items():
            z.writestr(name, body)
    _check(buf.getvalue())
