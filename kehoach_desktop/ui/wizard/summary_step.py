"""Step "Trích yếu và căn cứ": the summary under "KẾ HOẠCH" and the "Thực hiện / Căn cứ" paragraphs."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel

from ..widgets.bound_fields import bind_text_edit
from .base import Step, text_edit


class SummaryStep(Step):
    key = "summary"
    title = "Trích yếu và căn cứ"
    prefixes = ("summary", "preamble")

    def __init__(self, document, guidance, required=(), summary_hint: str = "", parent=None):
        super().__init__(document, guidance, required, parent)
        label = QLabel("Trích yếu (dòng dưới chữ “KẾ HOẠCH”):")
        self.body.addWidget(label)
        summary = text_edit("summary", f"VD: {summary_hint}" if summary_hint else "", height=60)
        summary.setAccessibleName("Trích yếu")
        summary.setMaximumHeight(90)
        label.setBuddy(summary)
        bind_text_edit(summary, document, "summary")
        self.body.addWidget(summary)
        label = QLabel("Căn cứ, “Thực hiện…” và lời dẫn (mỗi đoạn một dòng):")
        self.body.addWidget(label)
        preamble = text_edit("preamble", guidance.example and f"VD: {guidance.example}", height=160)
        preamble.setAccessibleName("Căn cứ")
        label.setBuddy(preamble)
        bind_text_edit(preamble, document, "preamble", as_list=True)
        self.body.addWidget(preamble, 1)
