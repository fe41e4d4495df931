"""The empty page every plan starts from: A4, margins, fonts, page numbers.

Built once per regime from python-docx's template and kept as bytes: each
render reopens it, so the style and section work is not repeated per plan.
"""
from __future__ import annotations

import io
from functools import lru_cache

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.shared import Mm
from lxml import etree

from ..plan.layout import RegimeRules
from . import ooxml
from .writer_common import Ctx

LANGUAGE = "vi-VN"
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
KEPT_STYLES = ("Header", "HeaderChar", "Footer", "FooterChar")  # besides the defaults (Normal …)
_KEPT_STYLES = etree.XPath("*[not(self::w:latentStyles or self::w:style)] | w:style[@w:default='1' or "
                           + " or ".join(f"@w:styleId='{s}'" for s in KEPT_STYLES) + "]", namespaces={"w": ooxml.W_NS})


def _drop_rels(part, reltype: str) -> None:
    for rId in [r for r, rel in part.rels.items() if rel.reltype == reltype]:
        del part.rels[rId]


def _prune_styles(document) -> None:
    """Only the default styles, and the header's and footer's: a plan's formatting is direct. The
    template's 164 styles and 137 latent ones (350 KB, and a 440 KB Word 2010 copy of them) cost
    every save, every reopen and the check after each save (~8 ms for a 60-page plan); Word and
    LibreOffice know the built-in styles without them. The kept children move to a new root:
    removing 300 from the old one costs 5x more."""
    part = document.part.part_related_by(RT.STYLES)
    old = part.element
    styles = OxmlElement("w:styles", nsdecls=dict(old.nsmap), attrs=dict(old.attrib))
    for child in _KEPT_STYLES(old):
        styles.append(child)
    part._element = styles  # python-docx has no API to replace a part's root
    _drop_rels(document.part, STYLES_WITH_EFFECTS)


def _set_defaults(document, ctx: Ctx) -> None:
    """Times New Roman in the four slots of docDefaults and of Normal; black; body size; no spacing."""
    styles = document.styles.element
    body = ctx.rules.body.paragraph
    run_xml = ooxml.rpr(ctx.font, body.size).replace(
        "</w:rPr>", f'<w:lang w:val="{LANGUAGE}" w:eastAsia="{LANGUAGE}" w:bidi="ar-SA"/></w:rPr>')
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = parse_xml(f'<w:docDefaults xmlns:w="{ooxml.W_NS}"/>')
        styles.insert(0, defaults)
    for child in list(defaults):
        defaults.remove(child)
    defaults.append(parse_xml(
        f'<w:rPrDefault xmlns:w="{ooxml.W_NS}">{run_xml}</w:rPrDefault>'))
    defaults.append(parse_xml(
        f'<w:pPrDefault xmlns:w="{ooxml.W_NS}"><w:pPr><w:spacing w:before="0" w:after="0" '
        f'w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>'))

    normal = document.styles["Normal"].element
    old = normal.find(qn("w:rPr"))
    if old is not None:
        normal.remove(old)
    normal.append(parse_xml(ooxml.rpr(ctx.font, body.size).replace(
        "<w:rPr>", f'<w:rPr xmlns:w="{ooxml.W_NS}">', 1)))


def _set_page(document, ctx: Ctx) -> None:
    page = ctx.rules.page
    section = document.sections[0]
    section.page_width, section.page_height = Mm(page.width_mm), Mm(page.height_mm)
    section.top_margin, section.bottom_margin = Mm(page.margin_top_mm), Mm(page.margin_bottom_mm)
    section.left_margin, section.right_margin = Mm(page.margin_left_mm), Mm(page.margin_right_mm)
    section.header_distance = Mm(ctx.rules.spacing.header_distance_mm)
    section.footer_distance = Mm(ctx.rules.spacing.header_distance_mm)
    section.gutter = 0

    # Page numbers from page 2: a PAGE field in the default header, an empty first-page header.
    section.different_first_page_header_footer = not page.page_number_on_first_page
    style = page.page_number
    run_props = ctx.rpr(style)
    number = ooxml.paragraph(ooxml.ppr(style.align, mark_rpr=run_props),
                             ooxml.page_field_runs(run_props))
    _fill(section.header, number)
    if not page.page_number_on_first_page:
        _fill(section.first_page_header, ooxml.paragraph(ooxml.ppr(style.align, mark_rpr=run_props)))


def _fill(header, paragraph_xml: str) -> None:
    header.is_linked_to_previous = False
    root = header._element  # the w:hdr root: python-docx has no API for fields
    for child in list(root):
        root.remove(child)
    root.append(parse_xml(paragraph_xml.replace("<w:p>", f'<w:p xmlns:w="{ooxml.W_NS}">', 1)))


def _set_language(document) -> None:
    settings = document.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:val"), LANGUAGE)
    document.core_properties.language = LANGUAGE


def _prepared(rules: RegimeRules):
    """python-docx's template made into the empty document of a regime's rules."""
    ctx = Ctx(rules)
    document = docx.Document()
    # The template's bibliography part and thumbnail say nothing about a plan.
    _drop_rels(document.part, RT.CUSTOM_XML)
    _drop_rels(document.part.package, RT.THUMBNAIL)
    _prune_styles(document)
    _set_defaults(document, ctx)
    _set_page(document, ctx)
    _set_language(document)
    core = document.core_properties
    core.author = core.last_modified_by = ""
    core.comments = core.keywords = core.subject = core.title = ""
    return document


@lru_cache(maxsize=4)
def base_docx(rules: RegimeRules) -> bytes:
    """The prepared empty document of a regime's rules, as bytes (keyed by the rules themselves)."""
    out = io.BytesIO()
    _prepared(rules).save(out)
    return out.getvalue()


_FIRST_MADE: set = set()


def new_document(rules: RegimeRules):
    """A fresh prepared document. The first one of a process is prepared directly: the command
    line renders once, and saving and reopening it would cost ~10 ms; later ones (the app saves
    again and again) reopen the saved bytes, which is faster than preparing."""
    if rules not in _FIRST_MADE:
        _FIRST_MADE.add(rules)
        return _prepared(rules)
    return docx.Document(io.BytesIO(base_docx(rules)))
