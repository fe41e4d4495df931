"""The "Xuất PDF" dialog: where to, the DỰ THẢO mark, a copy for digital signing."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout)

from ...pages.blocks import PrintOptions, is_draft
from .. import vi
from .export import proposed_name

PDF_FILTER = "Tệp PDF (*.pdf)"
SIGNING_HELP = ("Bản để ký số trên hệ thống văn phòng điện tử: không có dấu DỰ THẢO, số và ngày "
                "để trống cho văn thư cấp, giữ nguyên khoảng trống chữ ký, định dạng lưu trữ PDF/A.")


class ExportDialog(QDialog):
    def __init__(self, plan, parent=None, folder: Path | None = None):
        super().__init__(parent)
        self.setObjectName("exportPdfDialog")
        self.setWindowTitle("Xuất PDF")
        self.plan = plan
        self.folder = folder or Path.home()
        self.draft_plan = is_draft(plan)
        box = QVBoxLayout(self)
        box.addWidget(QLabel("Lưu tệp PDF vào:"))
        row = QHBoxLayout()
        self.path = QLineEdit(str(self.folder / proposed_name(plan)))
        self.path.setObjectName("pdfPath")
        self.path.setMinimumWidth(420)
        row.addWidget(self.path, 1)
        choose = QPushButton("Chọn…")
        choose.setObjectName("choosePdfPath")
        choose.clicked.connect(self.choose_path)
        row.addWidget(choose)
        box.addLayout(row)
        self.draft = QCheckBox("Đóng dấu “DỰ THẢO” trên các trang")
        self.draft.setObjectName("draftMark")
        self.draft.setChecked(self.draft_plan)
        self.draft.setEnabled(self.draft_plan)
        if not self.draft_plan:
            self.draft.setToolTip("Kế hoạch đã có số và ngày: không phải dự thảo")
        box.addWidget(self.draft)
        self.signing = QCheckBox("PDF để ký số")
        self.signing.setObjectName("forSigning")
        self.signing.toggled.connect(self._signing_toggled)
        box.addWidget(self.signing)
        help_text = QLabel(SIGNING_HELP)
        help_text.setWordWrap(True)
        help_text.setStyleSheet("color: #555; margin-left: 22px")
        box.addWidget(help_text)
        buttons = vi.button_box(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Xuất PDF")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)

    def _signing_toggled(self, on: bool):
        self.draft.setEnabled(self.draft_plan and not on)
        if on:
            self.draft.setChecked(False)
        path = Path(self.path.text())
        stem = path.stem.removesuffix("-ky-so")
        self.path.setText(str(path.with_name(stem + ("-ky-so" if on else "") + ".pdf")))

    def choose_path(self):
        chosen = vi.choose_save_file(self, "Xuất PDF", self.path.text(), PDF_FILTER)
        if chosen:
            self.path.setText(chosen)

    def chosen(self) -> tuple[Path, PrintOptions]:
        path = Path(self.path.text().strip())
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        signing = self.signing.isChecked()
        return path, PrintOptions(draft_mark=self.draft.isChecked() and not signing, for_signing=signing)
