"""Patterns are compiled on first use: importing a module compiles none of them."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kehoach_desktop.lazy_regex import lazy_compile

PACKAGE = Path(__file__).resolve().parents[1] / "kehoach_desktop"


def test_behaves_as_the_compiled_pattern():
    lazy = lazy_compile(r"(?P<n>\d+)\s*tháng", re.IGNORECASE)
    plain = re.compile(r"(?P<n>\d+)\s*tháng", re.IGNORECASE)
    text = "ngày 5 THÁNG 3, 12 tháng 4"
    assert lazy.search(text).group("n") == plain.search(text).group("n") == "5"
    assert lazy.findall(text) == plain.findall(text)
    assert lazy.sub("#", text) == plain.sub("#", text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert lazy.fullmatch("7 tháng") and not lazy.match("x 7 tháng")
    assert lazy.split(text) == plain.split(text)
    assert lazy.groupindex == plain.groupindex and lazy.flags == plain.flags
    assert lazy.pattern == plain.pattern


def test_not_compiled_until_used(monkeypatch):
    calls = []
    real = re.compile
    monkeypatch.setattr(re, "compile", lambda *a: calls.append(a) or real(*a))
    lazy = lazy_compile(r"\bxã\b")
    assert calls == []
    assert lazy.search("Ủy ban nhân dân xã")
    assert lazy.search("phường") is None
    assert len(calls) == 1  # once, then the compiled methods are kept


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError):
        lazy_compile("a").no_such_method  # noqa: B018


def _module_level_compiles(tree: ast.Module):
    for node in tree.body:
        for call in ast.walk(node) if not isinstance(node, (ast.FunctionDef, ast.ClassDef)) else ():
            if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "compile"
                    and isinstance(call.func.value, ast.Name) and call.func.value.id == "re"):
                yield call.lineno


def test_no_module_compiles_a_pattern_on_import():
    """A module-level ``re.compile`` costs every command its compile time: use ``lazy_compile``."""
    found = [f"{path.relative_to(PACKAGE)}:{line}" for path in sorted(PACKAGE.rglob("*.py"))
             for line in _module_level_compiles(ast.parse(path.read_text(encoding="utf-8")))]
    assert found == []

