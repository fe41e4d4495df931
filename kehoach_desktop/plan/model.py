"""The plan model and its JSON form (``shared/spec/plan-format.md``, version 1).

Plain dataclasses, no Qt. ``Plan.from_dict`` / ``Plan.to_dict`` are the only
way between JSON and the model: every string is normalised to NFC on the way
in, unknown keys are kept in ``extra`` and written back unchanged, and a value
that is not a plan raises ``PlanFormatError`` with a Vietnamese message.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Union

from ..errors import KehoachError
from .table import Appendix, Table, table_item
from .text import model_text, nfc, nfc_deep

FORMAT = "kehoach"
VERSION = 1
REGIMES = ("state", "party")
DEFAULT_NUMBERING = ["I.", "1.", "a)"]


class PlanFormatError(KehoachError, ValueError):
    """The input is not a plan this program can read. ``str()`` is a Vietnamese sentence."""


def _str(value: Any, where: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return model_text(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return nfc(str(value))
    raise PlanFormatError(f"Tệp không đúng định dạng kế hoạch: mục “{where}” phải là chữ.")


def _str_list(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [model_text(value)] if value else []
    if not isinstance(value, list):
        raise PlanFormatError(f"Tệp không đúng định dạng kế hoạch: mục “{where}” phải là danh sách.")
    return [_str(v, f"{where}[{i}]") for i, v in enumerate(value)]


def _obj(value: Any, where: str) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise PlanFormatError(f"Tệp không đúng định dạng kế hoạch: mục “{where}” phải là một nhóm khóa.")
    return value


def _extra(data: dict, known: tuple[str, ...]) -> dict:
    return {nfc(k): nfc_deep(v) for k, v in data.items() if k not in known}


@dataclass
class Header:
    superior: str = ""
    issuer: str = ""
    number: str = ""
    symbol: str = ""
    place: str = ""
    date: str = ""  # ISO YYYY-MM-DD, or "" while undated
    extra: dict = field(default_factory=dict)

    KEYS = ("superior", "issuer", "number", "symbol", "place", "date")

    @classmethod
    def from_dict(cls, data: Any) -> "Header":
        data = _obj(data, "header")
        values = {k: _str(data.get(k), f"header.{k}") for k in cls.KEYS}
        return cls(**values, extra=_extra(data, cls.KEYS))

    def to_dict(self) -> dict:
        out = {k: getattr(self, k) for k in self.KEYS}
        out.update(self.extra)
        return out


@dataclass
class Signature:
    authority: str = ""
    collective: str = ""
    position: str = ""
    name: str = ""
    extra: dict = field(default_factory=dict)
    # Optional second authority line ("KT. CHỦ TỊCH" under "TM. ỦY BAN NHÂN DÂN"); written only when set.
    deputy: str = ""

    KEYS = ("authority", "collective", "position", "name")
    OPTIONAL_KEYS = ("deputy",)

    @classmethod
    def from_dict(cls, data: Any) -> "Signature":
        data = _obj(data, "signature")
        values = {k: _str(data.get(k), f"signature.{k}") for k in cls.KEYS + cls.OPTIONAL_KEYS}
        return cls(**values, extra=_extra(data, cls.KEYS + cls.OPTIONAL_KEYS))

    def to_dict(self) -> dict:
        out = {}
        for k in self.KEYS:
            out[k] = getattr(self, k)
            if k == "collective" and self.deputy:
                out["deputy"] = self.deputy  # in reading order: authority, deputy, position
        out.update(self.extra)
        return out


Item = Union[str, "Section", Table]


def parse_content(raw: Any, where: str) -> list:
    """A content list: paragraphs (strings), tables (``{"table": …}``) and sections."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise PlanFormatError(f"Tệp không đúng định dạng kế hoạch: mục “{where}” phải là danh sách.")
    content: list = []
    for i, item in enumerate(raw):
        if table_item(item):
            content.append(Table.from_dict(item, f"{where}[{i}]"))
        elif isinstance(item, dict):
            content.append(Section.from_dict(item, f"{where}[{i}]"))
        else:
            content.append(_str(item, f"{where}[{i}]"))
    return content


def content_to_json(content: list) -> list:
    return [c if isinstance(c, str) else c.to_dict() for c in content]


@dataclass
class Section:
    """A numbered part: a title and an ordered mix of paragraphs and subsections."""

    title: str = ""
    content: list = field(default_factory=list)  # list[str | Section | Table]
    plain: bool | None = None  # True: a numbered paragraph rendered as body text
    extra: dict = field(default_factory=dict)

    KEYS = ("title", "content", "plain")

    @property
    def paragraphs(self) -> list[str]:
        return [item for item in self.content if isinstance(item, str)]

    @property
    def subsections(self) -> list["Section"]:
        return [item for item in self.content if isinstance(item, Section)]

    @property
    def is_plain(self) -> bool:
        return bool(self.plain)

    @classmethod
    def from_dict(cls, data: Any, where: str = "sections[0]") -> "Section":
        data = _obj(data, where)
        content = parse_content(data.get("content"), f"{where}.content")
        plain = data.get("plain")
        if plain is not None and not isinstance(plain, bool):
            raise PlanFormatError(
                f"Tệp không đúng định dạng kế hoạch: mục “{where}.plain” phải là true hoặc false.")
        return cls(title=_str(data.get("title"), f"{where}.title"), content=content,
                   plain=plain, extra=_extra(data, cls.KEYS))

    def to_dict(self) -> dict:
        out: dict = {"title": self.title,
                     "content": content_to_json(self.content)}
        if self.plain is not None:
            out["plain"] = self.plain
        out.update(self.extra)
        return out


@dataclass
class Plan:
    regime: str = "state"
    kind: str = ""
    numbering: list = field(default_factory=lambda: list(DEFAULT_NUMBERING))
    header: Header = field(default_factory=Header)
    summary: str = ""
    preamble: list = field(default_factory=list)
    sections: list = field(default_factory=list)  # list[Section]
    closing: list = field(default_factory=list)
    recipients: list = field(default_factory=list)
    signature: Signature = field(default_factory=Signature)
    typist: str | None = None
    copies: int | str | None = None
    extra: dict = field(default_factory=dict)
    appendices: list = field(default_factory=list)  # list[Appendix], after the signature

    KEYS = ("format", "version", "regime", "kind", "numbering", "header", "summary", "preamble",
            "sections", "closing", "recipients", "signature", "typist", "copies", "appendices")

    # ---- JSON ---------------------------------------------------------------
    @classmethod
    def from_dict(cls, data: Any) -> "Plan":
        if not isinstance(data, dict):
            raise PlanFormatError("Tệp không phải là kế hoạch: nội dung không phải một đối tượng JSON.")
        fmt = data.get("format")
        if fmt != FORMAT:
            raise PlanFormatError("Tệp không phải là kế hoạch của phần mềm (thiếu “format”: “kehoach”).")
        version = data.get("version")
        if version != VERSION:
            raise PlanFormatError(
                f"Tệp kế hoạch phiên bản {version!r} chưa được hỗ trợ; phần mềm đọc phiên bản {VERSION}.")
        regime = _str(data.get("regime"), "regime") or "state"
        if regime not in REGIMES:
            raise PlanFormatError(
                f"Tệp không đúng định dạng kế hoạch: “regime” phải là “state” hoặc “party”, không phải “{regime}”.")
        numbering = _str_list(data.get("numbering"), "numbering") or list(DEFAULT_NUMBERING)
        raw_sections = data.get("sections")
        if raw_sections is None:
            raw_sections = []
        if not isinstance(raw_sections, list):
            raise PlanFormatError("Tệp không đúng định dạng kế hoạch: mục “sections” phải là danh sách.")
        sections = []
        for i, s in enumerate(raw_sections):
            if isinstance(s, str):  # a stray paragraph at top level: keep it as an untitled section
                sections.append(Section(title="", content=[nfc(s)]))
            else:
                sections.append(Section.from_dict(s, f"sections[{i}]"))
        typist = data.get("typist")
        copies = data.get("copies")
        if copies is not None and (isinstance(copies, bool) or not isinstance(copies, (int, str))):
            raise PlanFormatError("Tệp không đúng định dạng kế hoạch: “copies” phải là một số.")
        return cls(
            regime=regime,
            kind=_str(data.get("kind"), "kind"),
            numbering=numbering,
            header=Header.from_dict(data.get("header")),
            summary=_str(data.get("summary"), "summary"),
            preamble=_str_list(data.get("preamble"), "preamble"),
            sections=sections,
            closing=_str_list(data.get("closing"), "closing"),
            recipients=_str_list(data.get("recipients"), "recipients"),
            signature=Signature.from_dict(data.get("signature")),
            typist=None if typist is None else _str(typist, "typist"),
            copies=nfc(copies) if isinstance(copies, str) else copies,
            extra=_extra(data, cls.KEYS),
            appendices=_appendices(data.get("appendices")),
        )

    def to_dict(self) -> dict:
        out: dict = {
            "format": FORMAT,
            "version": VERSION,
            "regime": self.regime,
            "kind": self.kind,
            "numbering": list(self.numbering),
            "header": self.header.to_dict(),
            "summary": self.summary,
            "preamble": list(self.preamble),
            "sections": [s.to_dict() for s in self.sections],
            "closing": list(self.closing),
            "recipients": list(self.recipients),
            "signature": self.signature.to_dict(),
        }
        if self.appendices:
            out["appendices"] = [a.to_dict() for a in self.appendices]
        if self.typist is not None:
            out["typist"] = self.typist
        if self.copies is not None:
            out["copies"] = self.copies
        out.update(self.extra)
        return out

    @classmethod
    def from_json(cls, text: str) -> "Plan":
        from .limits import check_plan_data

        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            raise PlanFormatError("Tệp không phải là kế hoạch: nội dung không phải JSON hợp lệ.") from None
        except RecursionError:
            raise PlanFormatError("Tệp không phải là kế hoạch: nội dung JSON lồng nhau quá sâu.") from None
        except ValueError:  # an integer of thousands of digits (Python refuses to convert it)
            raise PlanFormatError("Tệp không phải là kế hoạch: có một con số dài hàng nghìn chữ số.") from None
        check_plan_data(data)  # caps before the model is built (and before any rendering)
        return cls.from_dict(data)

    def to_json(self, indent: int | None = 1) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def copy(self) -> "Plan":
        return Plan.from_dict(self.to_dict())


def _appendices(raw: Any) -> list:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise PlanFormatError("Tệp không đúng định dạng kế hoạch: mục “appendices” phải là danh sách.")
    return [Appendix.from_dict(a, f"appendices[{i}]") for i, a in enumerate(raw)]


@dataclass(frozen=True)
class SectionRef:
    """Where a section stands: its 1-based numbers among sibling sections, and its key path."""

    numbers: tuple  # (2, 1) is "II. ... 1."
    where: str  # "sections[1].content[3]"
    section: Section

    @property
    def depth(self) -> int:
        return len(self.numbers) - 1


def walk_sections(sections: list, numbers: tuple = (), where: str = "sections"):
    """Yield a SectionRef for every section, depth first, in reading order.

    Paragraphs between subsections do not count in the numbering.
    """
    ordinal = 0
    for i, item in enumerate(sections):
        if isinstance(item, Section):
            ordinal += 1
            ref = SectionRef(numbers + (ordinal,), f"{where}[{i}]", item)
            yield ref
            yield from walk_sections(item.content, ref.numbers, f"{ref.where}.content")
