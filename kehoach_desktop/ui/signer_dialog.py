"""Edit one remembered signer of a unit's profile (authority, collective, deputy line, position, name)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout

from ..plan.text import nfc
from . import vi

SIGNER_FIELDS = (
    ("authority", "&Thẩm quyền ký:", "VD: TM. hoặc T/M (để trống nếu người đứng đầu ký)"),
    ("collective", "Tập thể / &chức danh:", "VD: ỦY BAN NHÂN DÂN, BAN THƯỜNG VỤ"),
    ("deputy", "Dòng &ký thay:", "VD: KT. CHỦ TỊCH (để trống nếu không có)"),
    ("position", "Chức &vụ:", "VD: CHỦ TỊCH, BÍ THƯ"),
    ("name", "&Họ và tên:", "VD: Nguyễn Văn A"),
)


def signer_label(signer: dict) -> str:
    """"TM. ỦY BAN NHÂN DÂN — CHỦ TỊCH — Nguyễn Văn A": a remembered signer in one line."""
    authority = " ".join(x for x in (signer.get("authority"), signer.get("collective")) if x)
    return " — ".join(x for x in (authority, signer.get("deputy"), signer.get("position"), signer.get("name")) if x)


class SignerDialog(QDialog):
    def __init__(self, signer: dict, parent=None):
        super().__init__(parent)
        self.setObjectName("signerDialog")
        self.setWindowTitle("Sửa người ký đã lưu")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.inputs = {}
        for key, label, hint in SIGNER_FIELDS:
            w = QLineEdit(str(signer.get(key) or ""))
            w.setObjectName(f"signer.{key}")
            w.setPlaceholderText(hint)
            self.inputs[key] = w
            form.addRow(label, w)
            form.labelForField(w).setBuddy(w)
        layout.addLayout(form)
        box = vi.button_box(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def signer(self) -> dict:
        return {key: nfc(w.text().strip()) for key, w in self.inputs.items()}
