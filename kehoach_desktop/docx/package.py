"""A read-only view of a .docx that has passed the gate: the main document, its styles and
numbering parts and its custom XML items, parsed with lxml alone. No Qt.

Reading needs only these few parts. python-docx builds a whole package model and costs more to
import than the import of a one-page plan takes (``bench/bench_commands.py``); the writer still
uses it. The readers below accept either this view or a python-docx ``Document`` through
``parts_of``, so tests and callers that hold a ``Document`` keep working.
"""
from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field

from ..errors import FileRejected
from .gate import BAD_STYLES, NOT_A_DOCUMENT, UNREADABLE  # one wording for both ways of opening

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOCUMENT = "/officeDocument"  # relationship types end so (transitional and strict)
_STYLES, _NUMBERING, _CUSTOM_XML = "/styles", "/numbering", "/customXml"



@dataclass
class ReadParts:
    """What the readers use of a .docx."""

    body: object  # the w:body element
    styles: object = None  # the w:styles root, or None
    numbering: object = None  # the w:numbering root, or None
    custom_xml: list = field(default_factory=list)  # blobs of the main part's customXml items


def _parser():
    from lxml import etree

    # As python-docx parses (blank text between elements dropped), and safe: the gate has refused
    # any DOCTYPE; huge_tree: the embedded plan is one text node, over libxml2's 10 MB default near the caps.
    return etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True, huge_tree=True)


class DocxPackage:
    """The parts of a checked .docx that the readers use (see ``read_docx_bytes``)."""

    def __init__(self, data: bytes):
        from lxml import etree

        self._parser = _parser()
        self._etree = etree
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            self._names = {n.lower(): n for n in archive.namelist()}  # OPC part names ignore letter case
            self._archive = archive
            main = self._target("", self._rels("_rels/.rels"), _OFFICE_DOCUMENT) or "word/document.xml"
            self.element = self._xml(main)
            if self.element is None or self.element.tag != W + "document" or self.element.find(W + "body") is None:
                raise FileRejected(NOT_A_DOCUMENT)
            rels = self._rels(posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main) + ".rels"))
            folder = posixpath.dirname(main)
            self.styles = self._part(folder, rels, _STYLES, "styles")
            self.numbering = self._part(folder, rels, _NUMBERING, "numbering")
            self.custom_xml = [self._blob(t) for t in self._targets(folder, rels, _CUSTOM_XML)]
            self.custom_xml = [b for b in self.custom_xml if b]

    # ---- parts ---------------------------------------------------------------------
    def _blob(self, name: str) -> bytes | None:
        actual = self._names.get(name.lstrip("/").lower())
        return self._archive.read(actual) if actual else None

    def _xml(self, name: str):
        blob = self._blob(name)
        return None if blob is None else self._etree.fromstring(blob, parser=self._parser)

    def _rels(self, name: str) -> list:
        root = self._xml(name)
        if root is None:
            return []
        return [(r.get("Type") or "", r.get("Target") or "") for r in root.iter(_REL)
                if (r.get("TargetMode") or "").lower() != "external"]

    @staticmethod
    def _targets(folder: str, rels: list, kind: str) -> list:
        return [posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target))
                for rtype, target in rels if rtype.endswith(kind)]

    def _target(self, folder: str, rels: list, kind: str) -> str | None:
        found = self._targets(folder, rels, kind)
        return found[0] if found else None

    def _part(self, folder: str, rels: list, kind: str, root_name: str):
        target = self._target(folder, rels, kind)
        if target is None:
            return None
        root = self._xml(target)
        if root is not None and root.tag != W + root_name:
            if kind == _STYLES:
                raise FileRejected(BAD_STYLES)
            return None  # a numbering part of another kind: the typed labels still read
        return root


def read_docx_bytes(data: bytes) -> DocxPackage:
    """The readers' view of ``data`` after the gate; any parser failure becomes one sentence."""
    from .gate import check_docx_bytes

    check_docx_bytes(data)
    try:
        return DocxPackage(data)
    except FileRejected:
        raise
    except Exception:  # noqa: BLE001 - zipfile and lxml raise many types on a stranger's bytes
        raise FileRejected(UNREADABLE) from None


def parts_of(document) -> ReadParts:
    """The parts of a ``DocxPackage`` or of a python-docx ``Document``."""
    if isinstance(document, DocxPackage):
        return ReadParts(document.element.find(W + "body"), document.styles, document.numbering,
                         document.custom_xml)
    return _python_docx_parts(document)


def _python_docx_parts(document) -> ReadParts:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        styles = document.styles.element
    except Exception:  # noqa: BLE001 - no styles part
        styles = None
    try:
        numbering = document.part.numbering_part.element
    except Exception:  # noqa: BLE001 - no numbering part
        numbering = None
    blobs = [rel.target_part.blob for rel in list(document.part.rels.values())
             if not rel.is_external and rel.reltype == RT.CUSTOM_XML]
    return ReadParts(document.element.body, styles, numbering, [b for b in blobs if b])


__all__ = ["DocxPackage", "ReadParts", "read_docx_bytes", "parts_of"]
