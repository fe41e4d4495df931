"""Plan → DOCX in the official layout of its regime, with the plan embedded.

Every size, word and flag comes from ``plan/layout.py`` (``rules_for``) and
every label, number line and date line from ``plan/numbering.py``; this
package only turns them into WordprocessingML. The body is built as one XML
string (``ooxml``) and parsed once, which keeps a 60-page plan fast.
"""
from __future__ import annotations

import datetime as _dt
import io

from docx.oxml import parse_xml
from lxml import etree

from ..plan.layout import rules_for
from ..plan.model import Plan
from .embed import embed_plan, fingerprint
from .writer_appendix import appendix_fragments, finish_sections
from .writer_body import body_paragraphs
from .writer_common import Ctx
from .writer_foot import foot_block
from .writer_header import header_block, title_block
from .writer_page import new_document


def body_fragments(ctx: Ctx, plan: Plan, *, today: _dt.date | None = None) -> list[str]:
    """The body's XML fragments in page order: header table, title, text, foot table."""
    return (header_block(ctx, plan, today) + title_block(ctx, plan)
            + body_paragraphs(ctx, plan) + foot_block(ctx, plan))


def _with_body(document, fragments: list[str]):
    """The document with the fragments before its body's ``w:sectPr``, parsed once as a whole.

    (Moving parsed elements into another lxml tree costs time per node; a big table
    has tens of thousands, so the document text is spliced and parsed instead.)
    """
    from docx.document import Document

    xml = etree.tostring(document.element, encoding="unicode")
    at = xml.rfind("<w:sectPr")  # the body's own, its last child
    if at < 0:
        at = xml.rfind("</w:body>")
    root = parse_xml(xml[:at] + "".join(fragments) + xml[at:])
    document.part._element = root
    return Document(root, document.part)


def render_document(plan: Plan, *, today: _dt.date | None = None):
    """The python-docx Document of a plan (embedded plan included), not yet saved."""
    rules = rules_for(plan.regime)
    document = new_document(rules)
    ctx = Ctx(rules)
    appendices, landscape, broke = appendix_fragments(ctx, plan, document.element.body.sectPr)
    document = _with_body(document, body_fragments(ctx, plan, today=today) + appendices)
    body = document.element.body
    finish_sections(body, landscape, broke)
    embed_plan(document, plan, fingerprint(body))
    core = document.core_properties
    core.title = " ".join(plan.summary.split())[:255]
    core.author = " ".join(plan.header.issuer.split())[:255]
    return document


def render_docx(plan: Plan, *, today: _dt.date | None = None) -> bytes:
    """A complete .docx of the plan, in memory."""
    out = io.BytesIO()
    render_document(plan, today=today).save(out)
    return out.getvalue()
