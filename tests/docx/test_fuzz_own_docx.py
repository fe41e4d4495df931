"""Fuzz the app's own DOCX: its parts, and the embedded plan under a valid fingerprint.

The embedded plan is trusted when the fingerprint matches the visible text, so
a hostile file can carry any JSON there: whatever it holds, reading gives a
plan or one Vietnamese sentence, and a plan that was accepted can be saved
again (or is refused with a sentence). The seed is fixed and printed.
"""
from __future__ import annotations

import io
import json
import os
import random
import re
import zipfile

from kehoach_desktop.errors import KehoachError
from kehoach_desktop.io import load_docx_bytes, render_bytes
from kehoach_desktop.plan.model import Plan, Section

from .test_fuzz_import import _entries, _pack, mutate

SEED = int(os.environ.get("KEHOACH_FUZZ_SEED", "1123"))
CASES = int(os.environ.get("KEHOACH_OWN_FUZZ_COUNT", "400"))
ITEM = "customXml/item1.xml"
_JSON_IN_ITEM = re.compile(rb"(<plan [^>]*>)(.*)(</plan>)", re.S)

JSON_SNIPPETS = ['{"a":' * 900 + "1" + "}" * 900, "9" * 5000, '"\\ud800"', '"\\u0000"', "1e999", "NaN",
                 "[" + ",".join(['"x"'] * 30000) + "]", '"' + "x" * 40000 + '"', "null", "{}", "[]", '"a"', "-0"]
KEYS = ["sections", "recipients", "preamble", "closing", "header", "signature", "numbering", "regime",
        "copies", "typist", "summary", "kind", "version", "format", "content", "title", "plain", "extra"]


def _own_docx() -> bytes:
    plan = Plan(summary="Tuyên truyền pháp luật năm 2026", preamble=["Căn cứ Luật Phổ biến, giáo dục pháp luật;"],
                sections=[Section(title="MỤC ĐÍCH, YÊU CẦU", content=["Nâng cao nhận thức.", Section(
                    title="Yêu cầu", content=["Thiết thực, hiệu quả."])])],
                recipients=["UBND huyện;", "Lưu: VT."])
    data, _ = render_bytes(plan, "x.docx")
    return data


def _mutate_json(rng: random.Random, text: str) -> str:
    kind = rng.randrange(5)
    if kind == 0:  # flip characters
        chars = list(text)
        for _ in range(rng.randrange(1, 10)):
            chars[rng.randrange(len(chars))] = chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x300)]))
        return "".join(chars)
    data = json.loads(text)
    if kind == 1:  # a value of another type or a hostile value under a known key
        target = data if rng.random() < 0.5 else rng.choice(data["sections"] or [data])
        target[rng.choice(KEYS)] = json.loads(rng.choice(JSON_SNIPPETS[2:])) if rng.random() < 0.3 else \
            rng.choice([None, 7, -1.5, True, "", [], {}, ["x", 1, None], {"title": 3}])
        return json.dumps(data, ensure_ascii=True, allow_nan=True)
    if kind == 2:  # a hostile JSON snippet spliced in raw
        at = rng.randrange(len(text) + 1)
        return text[:at] + rng.choice(JSON_SNIPPETS) + text[at:]
    if kind == 3:  # far beyond a cap: many sections, deep nesting, long lists
        depth = rng.choice([5, 30, 600])
        section = '{"title": "a", "content": [' * depth + '"x"' + "]}" * depth  # built raw: too deep to dump
        data["sections"] = "@@"
        return json.dumps(data, ensure_ascii=True).replace('"@@"', "[" + ",".join([section] * rng.choice([1, 3000]))
                                                           + "]")
    data["recipients"] = ["Chi bộ"] * rng.choice([2, 6000])  # duplicates by the thousand
    return json.dumps(data, ensure_ascii=True)


def _with_plan_json(entries, rng) -> bytes:
    entries = list(entries)
    k = next(i for i, (info, _) in enumerate(entries) if info.filename == ITEM)
    info, body = entries[k]
    match = _JSON_IN_ITEM.search(body)
    from xml.sax.saxutils import escape

    text = match.group(2).decode("utf-8")
    new = escape(_mutate_json(rng, text)).encode("utf-8", "surrogatepass")
    entries[k] = (info, body[:match.start(2)] + new + body[match.end(2):])  # the fingerprint stays valid
    return _pack(entries)


def test_mutated_own_docx_and_embedded_plan_never_escape_the_boundary():
    rng = random.Random(SEED)
    base = _entries(_own_docx())
    outcomes = {"read": 0, "refused": 0, "resaved": 0}
    for n in range(CASES):
        data = _with_plan_json(base, rng) if n % 2 == 0 else mutate(rng, base)
        try:
            try:
                result = load_docx_bytes(data)
            except KehoachError as exc:
                assert str(exc) and "\n" not in str(exc)
                outcomes["refused"] += 1
                continue
            outcomes["read"] += 1
            result.plan.to_json()
            if n % 4 == 0:  # what the app accepted, it can save again, or says why not
                try:
                    blob, verify = render_bytes(result.plan, "lai.docx")
                    verify(blob)
                    outcomes["resaved"] += 1
                except KehoachError:
                    pass
        except Exception as exc:  # report the seed and the case so it can be replayed
            raise AssertionError(f"seed {SEED}, case {n}: {exc.__class__.__name__}: {exc}") from exc
    print(f"own-docx fuzz seed={SEED} cases={CASES} {outcomes}")
    assert outcomes["read"] and outcomes["refused"]
