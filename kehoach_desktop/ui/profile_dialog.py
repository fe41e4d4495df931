"""Manage the profiles of units: add, edit, delete. Returns plain values; storage keeps them."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLineEdit,
                               QListWidget, QPushButton, QVBoxLayout)

from .. import storage
from ..plan.text import nfc
from . import vi
from .widgets.unit_completer import attach_to_profile_dialog
from .wizard.unit_step import REGIME_CHOICES

FIELDS = (
    ("name", "Tên hồ sơ:", "VD: UBND xã Tân Lập"),
    ("superior", "Cơ quan cấp trên:", "VD: ĐẢNG BỘ XÃ TÂN LẬP"),
    ("issuer", "Cơ quan ban hành:", "VD: ỦY BAN NHÂN DÂN XÃ TÂN LẬP"),
    ("symbol", "Ký hiệu:", "VD: KH-UBND"),
    ("place", "Địa danh:", "VD: Tân Lập"),
    ("archive", "Dòng “Lưu”:", "VD: Lưu: VT, VHXH"),
)


class ProfileDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("profileDialog")
        self.setWindowTitle("Hồ sơ đơn vị")
        self.resize(720, 420)
        self.profiles = storage.load_profiles()
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("profileList")
        self.list.currentRowChanged.connect(self._show)
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        add = QPushButton("Thêm")
        add.setObjectName("addProfileButton")
        add.clicked.connect(self._add)
        remove = QPushButton("Xóa")
        remove.setObjectName("removeProfileButton")
        remove.clicked.connect(self._remove)
        row.addWidget(add)
        row.addWidget(remove)
        left.addLayout(row)
        layout.addLayout(left, 1)
        right = QVBoxLayout()
        form = QFormLayout()
        self.regime = QComboBox()
        self.regime.setObjectName("profile.regime")
        for value, label in REGIME_CHOICES:
            self.regime.addItem(label, value)
        self.inputs = {}
        for key, label, hint in FIELDS:
            w = QLineEdit()
            w.setObjectName(f"profile.{key}")
            w.setPlaceholderText(hint)
            self.inputs[key] = w
            form.addRow(label, w)
            if key == "name":
                form.addRow("Khối văn bản:", self.regime)
        right.addLayout(form)
        self.unit_completers = attach_to_profile_dialog(self)  # today's xã, phường as you type
        right.addStretch(1)
        box = vi.button_box(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self)
        box.accepted.connect(self._save)
        box.rejected.connect(self.reject)
        right.addWidget(box)
        layout.addLayout(right, 2)
        self._current = -1
        self._fill()

    def _fill(self):
        self.list.blockSignals(True)
        self.list.clear()
        for p in self.profiles:
            self.list.addItem(p.label)
        self.list.blockSignals(False)
        if self.profiles:
            self.list.setCurrentRow(0)
            self._show(0)
        else:
            self._add()

    def _show(self, row: int):
        self._current = row
        profile = self.profiles[row] if 0 <= row < len(self.profiles) else storage.Profile()
        for key, w in self.inputs.items():
            w.setText(getattr(profile, key))
        self.regime.setCurrentIndex(max(self.regime.findData(profile.regime), 0))

    def _add(self):
        self.profiles.append(storage.Profile(name=f"Đơn vị {len(self.profiles) + 1}"))
        self.list.addItem(self.profiles[-1].label)
        self.list.setCurrentRow(len(self.profiles) - 1)
        self.inputs["name"].setFocus()

    def _remove(self):
        if not 0 <= self._current < len(self.profiles):
            return
        del self.profiles[self._current]
        storage.save_profiles(self.profiles)
        self._fill()

    def values(self) -> storage.Profile:
        old = self.profiles[self._current] if 0 <= self._current < len(self.profiles) else storage.Profile()
        data = {k: nfc(w.text().strip()) for k, w in self.inputs.items()}
        return storage.Profile(regime=self.regime.currentData(), signers=list(old.signers), **data)

    def _save(self):
        profile = self.values()
        if not profile.name:
            vi.error(self, "Thiếu tên hồ sơ", "Hãy đặt tên cho hồ sơ đơn vị (VD: UBND xã Tân Lập).")
            return
        if 0 <= self._current < len(self.profiles):
            self.profiles[self._current] = profile
        storage.save_profiles(self.profiles)
        row = self._current
        self._fill()
        self.list.setCurrentRow(row)
