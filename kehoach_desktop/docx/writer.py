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

from ..plan.layout import rules_for
from ..plan.model import Plan
from .embed import embed_plan, fingerprint
from .writer_body import body_paragraphs
from .writer_common import Ctx
from .writer_foot import foot_block
from .writer_header import header_block, title_block
from .writer_page import new_document


def body_fragments(ctx: Ctx, plan: Plan, *, today: _dt.date | None = None) -> list[str]:
    """The body's XML fragments in page order: header table, title, text, foot table."""
    return (header_block(ctx, plan, today) + title_block(ctx, plan)
            + body_paragraphs(ctx, plan) + foot_block(ctx, plan))


def render_document(plan: Plan, *, today: _dt.date | None = None):
    """The python-docx Document of a plan (embedded plan included), not yet saved."""
    rules = rules_for(plan.regime)
    document = _with_body(new_document(rules), body_fragments(Ctx(rules), plan, today=today))
    body = document.element.body
    embed_plan(document, plan, fingerprint(body))
    core = document.core_properties
    core.title = " ".join(plan.summary.split())[:255]
    core.author = " ".join(plan.header.issuer.split())[:255]
    return document


def _with_body(document, fragments: list[str]):
    """The document with the fragments before its section properties, parsed in place.

    The fragments are put into the document's own XML text and parsed once: moving parsed
    elements from another tree into the document costs lxml time that grows with the square of
    their number (4 s for 5,000 recipients), this costs a few milliseconds.
    """
    from lxml import etree

    root = document.element
    text = etree.tostring(root, encoding="unicode")
    at = text.rfind("<w:sectPr")
    if at < 0:
        at = text.rfind("</w:body>")
    new_root = parse_xml(text[:at] + "".join(fragments) + text[at:])
    document.part._element = new_root  # python-docx keeps the part's root here
    return document.part.document


def render_docx(plan: Plan, *, today: _dt.date | None = None) -> bytes:
    """A complete .docx of the plan, in memory."""
    out = io.BytesIO()
    render_document(plan, today=today).save(out)
    return out.getvalue()
