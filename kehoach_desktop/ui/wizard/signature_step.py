"""Step "Chữ ký": authority words of the regime, collective, position, name; remembered signers."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel

from ... import storage
from ...plan.edits import SetValue, Batch
from ...plan.layout import rules_for
from ..widgets.bound_fields import bind_combo, bind_line_edit
from .base import Step, form_layout, line_edit

AUTHORITY_LABELS = {
    "TM.": "TM. — thay mặt tập thể", "KT.": "KT. — ký thay người đứng đầu", "TL.": "TL. — thừa lệnh",
    "TUQ.": "TUQ. — thừa ủy quyền", "Q.": "Q. — quyền", "T/M": "T/M — thay mặt tập thể",
    "K/T": "K/T — ký thay người đứng đầu", "T/L": "T/L — thừa lệnh",
}
SIGNER_KEYS = ("authority", "collective", "deputy", "position", "name")


class SignatureStep(Step):
    key = "signature"
    title = "Chữ ký"
    prefixes = ("signature",)

    def __init__(self, document, guidance, required=(), profile_name: str = "", parent=None):
        super().__init__(document, guidance, required, parent)
        self.profile_name = profile_name
        form = form_layout()
        self.signer_combo = QComboBox()
        self.signer_combo.setObjectName("signerCombo")
        self.signer_combo.setAccessibleName("Người ký đã lưu")
        self.signer_combo.activated.connect(self._on_signer)
        form.addRow("Người ký đã lưu:", self.signer_combo)
        rules = rules_for(document.plan.regime)
        authority = QComboBox()
        authority.setObjectName("signature.authority")
        authority.setAccessibleName("Thẩm quyền ký")
        values = [(a, AUTHORITY_LABELS.get(a, a)) for a in rules.authorities]
        values.append(("", "(Không — người đứng đầu ký)"))
        current = document.plan.signature.authority
        if current and current not in rules.authorities:  # keep what an imported plan says
            values.append((current, f"{current} (không dùng cho khối này)"))
        bind_combo(authority, document, "signature.authority", values)
        form.addRow("Thẩm quyền ký:", authority)
        for path, label, hint in (
            ("signature.collective", "Tập thể / chức danh:", "VD: ỦY BAN NHÂN DÂN, BAN THƯỜNG VỤ, CHỦ TỊCH"),
            ("signature.deputy", "Dòng ký thay (nếu có):",
             "Cấp phó ký thay mặt tập thể: VD: KT. CHỦ TỊCH (để trống nếu không có)"),
            ("signature.position", "Chức vụ người ký:", "VD: CHỦ TỊCH, PHÓ BÍ THƯ"),
            ("signature.name", "Họ và tên:", "VD: Nguyễn Văn A"),
        ):
            w = line_edit(path, hint)
            w.setAccessibleName(label.rstrip(":"))
            bind_line_edit(w, document, path)
            form.addRow(label, w)
        self.body.addLayout(form)
        note = QLabel("Người ký được ghi nhớ trong hồ sơ đơn vị khi lưu kế hoạch.")
        note.setWordWrap(True)
        self.body.addWidget(note)
        self.body.addStretch(1)
        self.reload_signers()

    def reload_signers(self):
        profile = storage.find_profile(storage.load_profiles(), self.profile_name) if self.profile_name else None
        self.signers = list(profile.signers) if profile else []
        self.signer_combo.clear()
        self.signer_combo.addItem("(Chọn người ký đã lưu)" if self.signers else "(Chưa có người ký nào được lưu)")
        for s in self.signers:
            self.signer_combo.addItem(" ".join(x for x in (s.get("authority"), s.get("collective"), "—",
                                                             s.get("position"), "—", s.get("name")) if x))
        self.signer_combo.setEnabled(bool(self.signers))

    def _on_signer(self, index: int):
        if index <= 0 or index > len(self.signers):
            return
        signer = self.signers[index - 1]
        self.document.apply(Batch(tuple(SetValue(f"signature.{k}", str(signer.get(k) or ""))
                                        for k in SIGNER_KEYS)), text="Chọn người ký")
