"""The plan carried inside the DOCX, so that the app reopens its own file exactly.

The writer stores the plan JSON in a custom XML part (``customXml/itemN.xml``
with its ``itemPropsN.xml``, related from the main document part, which Word
and LibreOffice keep when they save), together with a fingerprint of the
visible text it wrote. On reading, a different fingerprint means someone
changed the text in a word processor after saving: the caller then knows the
embedded plan is no longer the whole truth (``edited``).
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from lxml import etree

from ..lazy_regex import lazy_compile
from ..plan.model import Plan
from ..plan.text import nfc

NS = "urn:kehoach-desktop:plan:1"
ITEM_ID = "{5B1E3C1A-6F0B-4C61-9E0E-4B3A8D1F2C70}"  # fixed: the part is ours, one per file
MAX_PART_BYTES = 16 * 1024 * 1024  # = the gate's MAX_XML_PART; a plan at every cap embeds ~13 MB

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _T, _TAB, _BR, _CR = (_W + t for t in ("p", "t", "tab", "br", "cr"))
# huge_tree: the plan JSON is one text node, over libxml2's 10 MB default for a plan near the caps.
# Safe here: the gate refused any DOCTYPE, and entities are not resolved.
_NOT_IN_XML = lazy_compile("[\ud800-\udfff\ufffe\uffff]")
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


@dataclass
class EmbeddedPlan:
    plan: Plan
    edited: bool


# ---- the visible text ----------------------------------------------------------
def visible_paragraphs(body) -> list[str]:
    """Texts of the body's paragraphs in document order (tables included), spaces collapsed.

    Empty paragraphs are left out: adding or removing a blank line is not an edit.
    """
    out = []
    for p in body.iter(_P):
        pieces = [(el.text or "") if el.tag == _T else " " for el in p.iter(_T, _TAB, _BR, _CR)]
        text = " ".join(nfc("".join(pieces)).split())
        if text:
            out.append(text)
    return out


def fingerprint(body) -> str:
    """sha256 of the visible text of a ``w:body`` element."""
    import hashlib  # OpenSSL's ~2 ms, only for a plan written or found embedded

    return hashlib.sha256("\n".join(visible_paragraphs(body)).encode("utf-8")).hexdigest()


# ---- writing ---------------------------------------------------------------------
def xml_safe_json(value) -> str:
    """JSON that XML 1.0 carries: letters as themselves (Vietnamese costs 6 bytes a letter as
    ``\\uXXXX``: the part was 2.3x larger, and each save and reopen paid for it); JSON escapes the
    control characters, and the code points XML refuses (lone surrogates, U+FFFE, U+FFFF) are
    escaped here."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    try:
        text.encode("utf-8")  # refuses a lone surrogate: 7x faster than looking with a pattern
        if "\ufffe" not in text and "\uffff" not in text:
            return text
    except UnicodeEncodeError:
        pass
    return _NOT_IN_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _item_xml(plan: Plan, print_: str) -> bytes:
    root = etree.Element(f"{{{NS}}}plan", nsmap={None: NS})
    root.set("fingerprint", print_)
    root.text = xml_safe_json(plan.to_dict())
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _props_xml() -> bytes:
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<ds:datastoreItem xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml" '
        f'ds:itemID="{ITEM_ID}"><ds:schemaRefs><ds:schemaRef ds:uri="{NS}"/></ds:schemaRefs>'
        "</ds:datastoreItem>").encode("utf-8")


def embed_plan(document, plan: Plan, print_: str | None = None) -> None:
    """Add the plan and the fingerprint of ``document``'s text as a custom XML part."""
    # python-docx only here: reading an embedded plan needs none of it (docx/package.py)
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    if print_ is None:
        print_ = fingerprint(document.element.body)
    package = document.part.package
    item_name = package.next_partname("/customXml/item%d.xml")
    n = item_name[len("/customXml/item"):-len(".xml")]
    item = Part(item_name, CT.XML, _item_xml(plan, print_), package)
    props = Part(PackURI(f"/customXml/itemProps{n}.xml"), CT.OFC_CUSTOM_XML_PROPERTIES,
                 _props_xml(), package)
    item.relate_to(props, RT.CUSTOM_XML_PROPS)
    document.part.relate_to(item, RT.CUSTOM_XML)


# ---- reading ---------------------------------------------------------------------
def _our_item(parts):
    """(fingerprint, plan JSON) of our part, or None."""
    for blob in parts.custom_xml:
        if not blob or len(blob) > MAX_PART_BYTES or NS.encode() not in blob:
            continue
        root = etree.fromstring(blob, parser=_SAFE_PARSER)
        if root.tag == f"{{{NS}}}plan":
            return root.get("fingerprint", ""), root.text or ""
    return None


def read_embedded(document) -> EmbeddedPlan | None:
    """The plan the writer embedded, or None (a hand-typed DOCX, or a damaged part)."""
    from .package import parts_of

    try:
        parts = parts_of(document)  # a python-docx Document or the light reader's package
        found = _our_item(parts)
        if found is None:
            return None
        print_, text = found
        plan = Plan.from_json(text)
        edited = print_ != fingerprint(parts.body)
    except Exception:  # a damaged part is a file without one: the caller recognises the text
        return None
    return EmbeddedPlan(plan=plan, edited=edited)
