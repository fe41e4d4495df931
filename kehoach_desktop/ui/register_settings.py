"""The register's settings of a unit: the committee's term start (party bodies) and a series per kind."""
from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from . import vi


class RegisterSettingsDialog(QDialog):
    def __init__(self, parent, profile):
        super().__init__(parent)
        from ..register.rules import rule_for

        self.setObjectName("registerSettingsDialog")
        self.setWindowTitle(f"Cài đặt sổ — {profile.label}")
        layout = QVBoxLayout(self)
        rule = QLabel(f"Quy định: {rule_for(profile.regime).source}.")
        rule.setWordWrap(True)
        layout.addWidget(rule)
        form = QFormLayout()
        self.has_term = QCheckBox("Ghi ngày bắt đầu nhiệm kỳ cấp ủy")
        self.has_term.setObjectName("registerHasTerm")
        self.term = QDateEdit()
        self.term.setObjectName("registerTermStart")
        self.term.setDisplayFormat("dd/MM/yyyy")
        self.term.setCalendarPopup(True)
        start = _dt.date.fromisoformat(profile.term_start) if profile.term_start else _dt.date.today()
        self.term.setDate(QDate(start.year, start.month, start.day))
        self.has_term.toggled.connect(self.term.setEnabled)
        self.has_term.setChecked(bool(profile.term_start))
        self.term.setEnabled(bool(profile.term_start))
        form.addRow(self.has_term)
        form.addRow("Nhiệm kỳ bắt đầu:", self.term)
        self.per_kind = QCheckBox("Mỗi loại văn bản (KH, BC, TB…) một dãy số riêng")
        self.per_kind.setObjectName("registerPerKind")
        self.per_kind.setChecked(profile.series == "kind" or profile.regime == "party")
        self.per_kind.setEnabled(profile.regime != "party")  # HD36: always per kind
        form.addRow(self.per_kind)
        layout.addLayout(form)
        note = QLabel("Cơ quan Đảng: số đánh lại từ 01 từ ngày bắt đầu nhiệm kỳ mới; các số của nhiệm kỳ "
                      "trước vẫn giữ trong sổ.")
        note.setWordWrap(True)
        layout.addWidget(note)
        box = vi.button_box(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.regime = profile.regime
        self.setMinimumWidth(480)

    def values(self) -> dict:
        term = self.term.date().toPython().isoformat() if self.has_term.isChecked() else ""
        series = "kind" if self.per_kind.isChecked() and self.regime != "party" else ""
        return {"term_start": term, "series": series}


def edit_register_settings(parent, profile) -> bool:
    from ..register.units import save_register_settings

    dialog = RegisterSettingsDialog(parent, profile)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    save_register_settings(profile.name, **dialog.values())
    return True
