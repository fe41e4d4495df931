"""Trợ giúp → Giới thiệu (version, where the user's data lives, how to back it up) and
Trợ giúp → Hướng dẫn sử dụng (the bundled guide, offline)."""
from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QLayout, QPushButton, QTextBrowser,
                               QVBoxLayout)

from .. import APP_NAME, __version__, locations, storage
from . import vi

GUIDE_FILE = ("guide", "huong-dan-su-dung.md")


def about_facts() -> dict:
    """What the About box tells, as plain values (tested without a window)."""
    from ..docx.convert_doc import find_soffice

    folder = storage.data_dir()
    portable = bool(locations.portable_data_dir())
    return {
        "version": __version__,
        "data_dir": str(folder),
        "portable": portable,
        "program_dir": str(locations.program_dir()),
        "libreoffice": find_soffice() or "",
    }


def about_html(facts: dict) -> str:
    where = ("Bản <b>di động</b> (có tệp <code>kehoach-portable.ini</code> cạnh chương trình): dữ liệu nằm "
             "cạnh chương trình, đi theo USB." if facts["portable"] else
             "Dữ liệu nằm trong thư mục riêng của người dùng trên máy này.")
    office = ("Đã tìm thấy LibreOffice: mở được tệp .doc (Word cũ)." if facts["libreoffice"] else
              "Máy chưa có LibreOffice: muốn mở tệp .doc (Word cũ) thì lưu lại thành .docx bằng Word, "
              "hoặc cài LibreOffice miễn phí (https://vi.libreoffice.org).")
    return (
        f"<h3>{APP_NAME} — phiên bản {facts['version']}</h3>"
        "<p>Soạn, kiểm tra và in Kế hoạch theo đúng thể thức (Nghị định 30/2020/NĐ-CP và Hướng dẫn "
        "36-HD/VPTW). Không cần mạng.</p>"
        f"<p><b>Thư mục dữ liệu</b> (hồ sơ đơn vị, thư viện đoạn văn riêng, bản nháp tự lưu, cài đặt):<br>"
        f"<code>{_escape(facts['data_dir'])}</code><br>{where}</p>"
        "<p><b>Sao lưu:</b> đóng phần mềm rồi chép cả thư mục dữ liệu trên sang USB hoặc ổ đĩa khác. "
        "Chuyển sang máy mới: cài phần mềm, mở một lần rồi đóng, chép thư mục đã sao lưu đè vào thư mục "
        "dữ liệu của máy mới. Các tệp kế hoạch (.docx, .json) nằm ở nơi anh/chị đã lưu: sao lưu chúng "
        "như các tệp văn bản khác. Gỡ phần mềm không xóa thư mục dữ liệu.</p>"
        f"<p>{office}</p>"
        f"<p style='color:gray'>Chương trình: {_escape(facts['program_dir'])} · Python "
        f"{sys.version.split()[0]}</p>"
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class AboutDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(f"Giới thiệu {APP_NAME}")
        self.facts = about_facts()
        layout = QVBoxLayout(self)
        self.text = QLabel(about_html(self.facts))
        self.text.setObjectName("aboutText")
        self.text.setWordWrap(True)
        self.text.setFixedWidth(600)  # a wrapped label gets its full height only at a known width
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the path can be copied
        layout.addWidget(self.text)
        box = vi.button_box(QDialogButtonBox.StandardButton.Close, self)
        open_folder = QPushButton("Mở thư mục dữ liệu")
        open_folder.setObjectName("openDataFolderButton")
        open_folder.clicked.connect(self.open_data_folder)
        box.addButton(open_folder, QDialogButtonBox.ButtonRole.ActionRole)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)

    def open_data_folder(self):
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(self.facts["data_dir"]))


def guide_text() -> str:
    """The user guide (Markdown), from the source tree or the bundle."""
    path = locations.resource_path(*GUIDE_FILE)
    try:
        return path.read_text("utf-8")
    except OSError:
        return ("# Hướng dẫn sử dụng\n\nKhông tìm thấy tệp hướng dẫn đi kèm phần mềm "
                f"({path.name}). Hãy cài lại phần mềm.")


class GuideDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle("Hướng dẫn sử dụng")
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideText")
        self.browser.setOpenExternalLinks(False)
        self.browser.document().setDocumentMargin(14)
        self.browser.setMarkdown(guide_text())
        layout.addWidget(self.browser)
        box = vi.button_box(QDialogButtonBox.StandardButton.Close, self)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.resize(760, 640)
