"""The small dialog of “Cấp số và vào sổ”: the proposed number, editable, checked against the register."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout

from . import vi


class DocumentNumberBox(QSpinBox):
    """A document number as it prints: 01…09 with the leading zero (NĐ30, HD36)."""

    def textFromValue(self, value: int) -> str:  # noqa: N802 - Qt API
        return f"{value:02d}"


class IssueDialog(QDialog):
    def __init__(self, parent, book, entry, proposal: int, created: str = ""):
        super().__init__(parent)
        self.setObjectName("issueDialog")
        self.setWindowTitle("Cấp số và vào sổ")
        self.book, self.entry, self.proposal = book, entry, proposal
        layout = QVBoxLayout(self)
        form = QFormLayout()
        unit = QLabel(book.unit + (f"  (hồ sơ đơn vị mới “{created}” vừa được tạo)" if created else ""))
        unit.setWordWrap(True)
        form.addRow("Đơn vị:", unit)
        row = QHBoxLayout()
        self.number = DocumentNumberBox()
        self.number.setObjectName("issueNumber")
        self.number.setRange(1, 99999)
        self.number.setValue(proposal)
        self.number.setAccessibleName("Số văn bản")
        self.number.valueChanged.connect(self._check)
        row.addWidget(self.number)
        joint = "-" if entry.regime == "party" else "/"
        row.addWidget(QLabel(f"{joint}{entry.symbol}" if entry.symbol else ""))
        row.addStretch(1)
        form.addRow("Số:", row)
        form.addRow("Ngày:", QLabel(f"{entry.day:%d/%m/%Y} (hôm nay)"))
        title = QLabel(entry.title() or "(chưa có trích yếu)")
        title.setWordWrap(True)
        form.addRow("Trích yếu:", title)
        missing_term = book.rule.period == "term" and not book.terms()
        rule = QLabel(book.rule.source + "." + (" Chưa ghi ngày bắt đầu nhiệm kỳ (Sổ văn bản đi → Cài đặt sổ): "
                                                "số đánh liên tục từ đầu sổ." if missing_term else ""))
        rule.setWordWrap(True)
        rule.setStyleSheet("color: #555")
        form.addRow("Quy tắc:", rule)
        layout.addLayout(form)
        self.warning = QLabel()
        self.warning.setObjectName("issueWarning")
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)
        self.buttons = vi.button_box(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                     self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Cấp số")
        self.ok.setObjectName("issueOk")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())
        self._check(proposal)

    def _check(self, number: int) -> None:
        held = self.book.holder(number, self.entry.day, self.entry.kind)
        if held is not None:
            self.warning.setStyleSheet("color: #b00020")
            self.warning.setText(f"Số {held.number_and_symbol()} đã cấp ngày {held.day:%d/%m/%Y} cho "
                                 f"“{held.title()}”. Hãy chọn số khác (số còn trống tiếp theo: {self.proposal:02d}).")
        elif number > self.proposal:
            self.warning.setStyleSheet("color: #8a5a00")
            self.warning.setText(f"Số {number:02d} lớn hơn số tiếp theo ({self.proposal:02d}): các số ở giữa sẽ "
                                 "bị bỏ trống trong sổ.")
        else:
            self.warning.setStyleSheet("")
            self.warning.setText("")
        self.ok.setEnabled(held is None)


def ask_number(parent, book, entry, proposal: int, created: str = "") -> int | None:
    dialog = IssueDialog(parent, book, entry, proposal, created)
    return dialog.number.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
