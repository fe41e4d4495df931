"""F1: the offline help of the step on screen, for the plan's regime (texts in resources/help)."""
from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from ..step_help import step_help
from . import vi


def help_html(step_key: str, regime: str, step_title: str, guidance_text: str = "", form_example: str = "") -> str:
    """What the part is, the rule, a correct example, the usual mistakes; the form's own words first."""
    h = step_help(step_key, regime)

    def block(text: str) -> str:
        return escape(text).replace("\n", "<br/>")

    out = [f"<h3>{escape(step_title)}</h3>"]
    if guidance_text:
        out.append(f"<p>{block(guidance_text)}</p>")
    if h.what:
        out.append(f"<p><b>Phần này là gì.</b> {block(h.what)}</p>")
    if h.rule:
        out.append(f"<p><b>Quy định.</b> {block(h.rule)}</p>")
    example = h.example or form_example
    if example:
        out.append(f"<p><b>Ví dụ đúng.</b><br/>{block(example)}</p>")
    if form_example and h.example and step_key == "section":
        out.append(f"<p><b>Ví dụ của mẫu này.</b><br/>{block(form_example)}</p>")
    if h.mistakes:
        items = "".join(f"<li>{block(m)}</li>" for m in h.mistakes)
        out.append(f"<p><b>Lỗi hay gặp.</b></p><ul>{items}</ul>")
    return "".join(out)


class HelpDialog(QDialog):
    def __init__(self, html: str, title: str, parent=None):
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.resize(640, 520)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpText")
        self.browser.setOpenLinks(False)
        layout.addWidget(self.browser, 1)
        box = vi.button_box(QDialogButtonBox.StandardButton.Close, self)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.set_help(html, title)

    def set_help(self, html: str, title: str) -> None:
        self.setWindowTitle(f"Hướng dẫn: {title}")
        self.browser.setHtml(html)
