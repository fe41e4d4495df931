"""Step "Nơi nhận": the closing paragraph(s) before the foot, and the recipients list."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel

from ..widgets.bound_fields import bind_text_edit
from ..widgets.recipients_editor import RecipientsEditor
from .base import Step, text_edit


class RecipientsStep(Step):
    key = "recipients"
    title = "Nơi nhận"
    prefixes = ("closing", "recipients")

    def __init__(self, document, guidance, required=(), suggestions=(), closing_hint: str = "",
                 parent=None):
        super().__init__(document, guidance, required, parent)
        label = QLabel("Đoạn kết (đứng trước Nơi nhận):")
        self.body.addWidget(label)
        closing = text_edit("closing", closing_hint and f"VD: {closing_hint}", height=60)
        closing.setAccessibleName("Đoạn kết")
        closing.setMaximumHeight(80)
        label.setBuddy(closing)
        bind_text_edit(closing, document, "closing", as_list=True)
        self.body.addWidget(closing)
        self.editor = RecipientsEditor(document)
        self.editor.setObjectName("recipients")
        if self.editor.layout() is not None:  # line it up with the closing box above
            self.editor.layout().setContentsMargins(0, 0, 0, 0)
        self.editor.set_suggestions(list(suggestions))
        self.body.addWidget(self.editor, 1)
        from ..recipient_groups import add_groups_row

        self.groups_button = add_groups_row(self, self.editor)
