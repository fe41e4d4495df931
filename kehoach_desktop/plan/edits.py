"""Undoable edits of a Plan, as data (no Qt).

An edit is a small frozen value; ``apply_edit(plan, edit)`` mutates the plan
and returns the edit that undoes it, so an undo stack only has to keep pairs
of values. Items and values are copied on the way in (and NFC-normalised), so
the plan never shares an object with an edit held on a stack.

Paths name places in the model: ``"header.number"``, ``"preamble[2]"``,
``"sections[0].content[1]"``, ``"sections[1].plain"``, ``"recipients"``.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from .model import Header, Section, Signature
from .table import Appendix, Cell, Table
from .text import model_text, nfc_deep
from ..lazy_regex import lazy_compile

__all__ = [
    "SetValue", "InsertItem", "RemoveItem", "MoveItem", "Batch", "EditError",
    "apply_edit", "get_value", "parse_path", "item_path", "split_item_path", "edit_paths",
    "target_path", "indent_item", "outdent_item", "move_up", "move_down", "describe_edit",
]


class EditError(ValueError):
    """An edit that does not fit the plan (bad path or index): a programming error, not the user's."""


@dataclass(frozen=True)
class SetValue:
    path: str
    value: Any


@dataclass(frozen=True)
class InsertItem:
    list_path: str
    index: int
    item: Any


@dataclass(frozen=True)
class RemoveItem:
    list_path: str
    index: int


@dataclass(frozen=True)
class MoveItem:
    """Take the item at ``src`` out, then insert it so that it ends at index ``dst``."""

    list_path: str
    src: int
    dst: int


@dataclass(frozen=True)
class Batch:
    edits: tuple


# ---- paths ------------------------------------------------------------------
_TOKEN = lazy_compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\.")


def parse_path(path: str) -> list:
    """``"sections[0].content[1]"`` → ``["sections", 0, "content", 1]``."""
    tokens: list = []
    pos = 0
    while pos < len(path):
        m = _TOKEN.match(path, pos)
        if not m or m.end() == pos:
            raise EditError(f"bad path {path!r}")
        if m.group(1):
            tokens.append(m.group(1))
        elif m.group(2):
            tokens.append(int(m.group(2)))
        pos = m.end()
    if not tokens:
        raise EditError("empty path")
    return tokens


def item_path(list_path: str, index: int) -> str:
    return f"{list_path}[{index}]"


def split_item_path(path: str) -> tuple[str, int]:
    """``"sections[0].content[3]"`` → ``("sections[0].content", 3)``."""
    m = re.fullmatch(r"(.+)\[(\d+)\]", path)
    if not m:
        raise EditError(f"not a list item path: {path!r}")
    return m.group(1), int(m.group(2))


def _step(obj, token):
    if isinstance(token, int):
        if not isinstance(obj, list) or not 0 <= token < len(obj):
            raise EditError(f"no item {token}")
        return obj[token]
    if isinstance(obj, dict):
        if token not in obj:
            raise EditError(f"no key {token!r}")
        return obj[token]
    if not is_dataclass(obj) or token not in {f.name for f in fields(obj)}:
        raise EditError(f"no field {token!r}")  # only the model's fields, never methods
    return getattr(obj, token)


def _resolve(plan, tokens: list):
    obj = plan
    for token in tokens:
        obj = _step(obj, token)
    return obj


def get_value(plan, path: str):
    """The value at ``path`` (the live object: do not mutate it, use edits)."""
    return _resolve(plan, parse_path(path))


def _list_at(plan, list_path: str) -> list:
    value = get_value(plan, list_path)
    if not isinstance(value, list):
        raise EditError(f"{list_path!r} is not a list")
    return value


# ---- copying in ---------------------------------------------------------------
def _prepare(value):
    """A private, NFC copy of a value entering the plan."""
    if isinstance(value, str):
        return model_text(value)  # NFC, and a pasted tab becomes a space
    if isinstance(value, Section):
        return Section(title=model_text(value.title), content=[_prepare(c) for c in value.content],
                       plain=value.plain, extra=nfc_deep(copy.deepcopy(value.extra)))
    if isinstance(value, Table):
        return value.copy()
    if isinstance(value, Cell):
        return Cell.from_json(value.to_json())
    if isinstance(value, Appendix):
        return Appendix.from_dict(value.to_dict(), "appendices")
    if isinstance(value, (Header, Signature)):
        return type(value).from_dict(value.to_dict())
    if isinstance(value, list):
        return [_prepare(v) for v in value]
    if isinstance(value, dict):
        return nfc_deep(copy.deepcopy(value))
    return copy.deepcopy(value)


# ---- applying -------------------------------------------------------------------
def apply_edit(plan, edit):
    """Apply ``edit`` to ``plan`` in place; return the edit that undoes it."""
    if isinstance(edit, SetValue):
        tokens = parse_path(edit.path)
        parent = _resolve(plan, tokens[:-1])
        last = tokens[-1]
        old = _step(parent, last)
        new = _prepare(edit.value)
        if isinstance(last, int):
            parent[last] = new
        elif isinstance(parent, dict):
            parent[last] = new
        else:
            setattr(parent, last, new)
        return SetValue(edit.path, old)
    if isinstance(edit, InsertItem):
        items = _list_at(plan, edit.list_path)
        if not 0 <= edit.index <= len(items):
            raise EditError(f"cannot insert at {edit.index} in {edit.list_path!r}")
        items.insert(edit.index, _prepare(edit.item))
        return RemoveItem(edit.list_path, edit.index)
    if isinstance(edit, RemoveItem):
        items = _list_at(plan, edit.list_path)
        if not 0 <= edit.index < len(items):
            raise EditError(f"no item {edit.index} in {edit.list_path!r}")
        return InsertItem(edit.list_path, edit.index, items.pop(edit.index))
    if isinstance(edit, MoveItem):
        items = _list_at(plan, edit.list_path)
        if not (0 <= edit.src < len(items) and 0 <= edit.dst < len(items)):
            raise EditError(f"cannot move {edit.src}→{edit.dst} in {edit.list_path!r}")
        items.insert(edit.dst, items.pop(edit.src))
        return MoveItem(edit.list_path, edit.dst, edit.src)
    if isinstance(edit, Batch):
        done = []
        try:
            for sub in edit.edits:
                done.append(apply_edit(plan, sub))
        except Exception:
            for inverse in reversed(done):  # leave the plan as it was
                apply_edit(plan, inverse)
            raise
        return Batch(tuple(reversed(done)))
    raise EditError(f"not an edit: {edit!r}")


def edit_paths(edit) -> tuple[str, ...]:
    """The paths an edit changes (for change signals), in order, without repeats."""
    if isinstance(edit, SetValue):
        return (edit.path,)
    if isinstance(edit, (InsertItem, RemoveItem, MoveItem)):
        return (edit.list_path,)
    if isinstance(edit, Batch):
        out: list[str] = []
        for sub in edit.edits:
            out.extend(p for p in edit_paths(sub) if p not in out)
        return tuple(out)
    return ()


def target_path(edit) -> str | None:
    """Where the item an outline edit moved or inserted ends up (for selecting it afterwards)."""
    if isinstance(edit, Batch):
        return target_path(edit.edits[-1]) if edit.edits else None
    if isinstance(edit, InsertItem):
        return item_path(edit.list_path, edit.index)
    if isinstance(edit, MoveItem):
        return item_path(edit.list_path, edit.dst)
    if isinstance(edit, SetValue):
        return edit.path
    return None


# ---- outline operations (return a Batch to apply, or None when impossible) ------
def _item(plan, list_path: str, index: int):
    try:
        items = _list_at(plan, list_path)
    except EditError:
        return None, None
    if not 0 <= index < len(items):
        return items, None
    return items, items[index]


def indent_item(plan, list_path: str, index: int) -> Batch | None:
    """Make the item the last child of the section just before it."""
    items, item = _item(plan, list_path, index)
    if item is None or index == 0 or not isinstance(items[index - 1], Section):
        return None
    prev = items[index - 1]
    return Batch((RemoveItem(list_path, index),
                  InsertItem(f"{item_path(list_path, index - 1)}.content", len(prev.content), item)))


def outdent_item(plan, list_path: str, index: int) -> Batch | None:
    """Move the item out of its section, to just after that section."""
    items, item = _item(plan, list_path, index)
    if item is None or not list_path.endswith(".content"):
        return None
    parent_list, parent_index = split_item_path(list_path[: -len(".content")])
    if parent_list == "sections" and not isinstance(item, Section):
        return None  # the top level holds sections only
    return Batch((RemoveItem(list_path, index), InsertItem(parent_list, parent_index + 1, item)))


def move_up(plan, list_path: str, index: int) -> Batch | None:
    items, item = _item(plan, list_path, index)
    if item is None or index == 0:
        return None
    return Batch((MoveItem(list_path, index, index - 1),))


def move_down(plan, list_path: str, index: int) -> Batch | None:
    items, item = _item(plan, list_path, index)
    if item is None or index >= len(items) - 1:
        return None
    return Batch((MoveItem(list_path, index, index + 1),))


# ---- words for the Edit menu ------------------------------------------------------
_FIELD_NAMES = {
    "header.superior": "cơ quan cấp trên", "header.issuer": "cơ quan ban hành",
    "header.number": "số hiệu", "header.symbol": "ký hiệu", "header.place": "địa danh",
    "header.date": "ngày ban hành", "summary": "trích yếu", "preamble": "căn cứ",
    "closing": "phần kết", "recipients": "nơi nhận", "signature.authority": "thẩm quyền ký",
    "signature.collective": "tập thể lãnh đạo", "signature.position": "chức vụ người ký",
    "signature.name": "họ tên người ký", "typist": "người đánh máy", "copies": "số bản",
    "signature.deputy": "dòng ký thay",
    "regime": "loại văn bản", "kind": "loại kế hoạch", "numbering": "cách đánh số",
}


def _field_name(path: str) -> str:
    if path in _FIELD_NAMES:
        return _FIELD_NAMES[path]
    base = re.sub(r"\[\d+\]$", "", path)
    if base in _FIELD_NAMES:
        return _FIELD_NAMES[base]
    if ".rows[" in path:
        return "ô bảng"
    if path.startswith("appendices"):
        return "phụ lục"
    if path.endswith(".title"):
        return "tiêu đề mục"
    if path.endswith(".plain"):
        return "kiểu mục"
    if ".content" in path:
        return "nội dung"
    return "kế hoạch"


def describe_edit(edit) -> str:
    """A short Vietnamese name of the edit: "Sửa số hiệu", "Thêm đoạn", "Xóa mục"…"""
    if isinstance(edit, SetValue):
        return f"Sửa {_field_name(edit.path)}"
    if isinstance(edit, InsertItem):
        what = "mục" if isinstance(edit.item, Section) else (
            "dòng" if edit.list_path in _FIELD_NAMES else "đoạn")
        return f"Thêm {what}"
    if isinstance(edit, RemoveItem):
        return f"Xóa ({_field_name(edit.list_path)})"
    if isinstance(edit, MoveItem):
        return "Di chuyển"
    if isinstance(edit, Batch):
        if len(edit.edits) == 1:
            return describe_edit(edit.edits[0])
        return "Sắp xếp mục"
    return "Sửa"
