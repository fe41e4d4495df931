"""Manage the profiles of units: add, edit, delete. Returns plain values; storage keeps them."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QPushButton, QVBoxLayout)

from .. import storage
from ..plan.text import nfc
from ..step_help import field_hint
from . import vi
from .signer_dialog import SignerDialog, signer_label
from .widgets.unit_completer import attach_to_profile_dialog
from .wizard.unit_step import REGIME_CHOICES

FIELDS = (  # key, label, the key of its placeholder in resources/help/fields.json (per regime)
    ("name", "&Tên hồ sơ:", "name"),
    ("superior", "Cơ quan cấp t&rên:", "header.superior"),
    ("issuer", "Cơ quan &ban hành:", "header.issuer"),
    ("symbol", "&Ký hiệu:", "header.symbol"),
    ("place", "Địa &danh:", "header.place"),
    ("archive", "Dòng “Lư&u”:", "archive"),
)


def button_row(buttons, stretch: bool = True) -> QHBoxLayout:
    """Buttons side by side: (text with its Alt key, objectName, slot)."""
    row = QHBoxLayout()
    for text, name, slot in buttons:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        row.addWidget(button)
    if stretch:
        row.addStretch(1)
    return row


class ProfileDialog(QDialog):
    def __init__(self, parent=None, regime: str = "state"):
        super().__init__(parent)
        self.new_regime = regime  # a profile added here starts in the regime of the plan being written
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
        left.addLayout(button_row((("T&hêm", "addProfileButton", self._add),
                                   ("&Xóa hồ sơ", "removeProfileButton", self._remove)), stretch=False))
        layout.addLayout(left, 1)
        right = QVBoxLayout()
        form = QFormLayout()
        self.regime = QComboBox()
        self.regime.setObjectName("profile.regime")
        for value, label in REGIME_CHOICES:
            self.regime.addItem(label, value)
        self.inputs = {}
        for key, label, _hint in FIELDS:
            w = QLineEdit()
            w.setObjectName(f"profile.{key}")
            self.inputs[key] = w
            form.addRow(label, w)
            if key == "name":
                form.addRow("Khối &văn bản:", self.regime)
        self.regime.currentIndexChanged.connect(self._show_hints)
        right.addLayout(form)
        self.unit_completers = attach_to_profile_dialog(self)  # today's xã, phường as you type
        right.addWidget(QLabel("Người ký đã lưu (dùng lại ở bước Chữ ký):"))
        self.signer_list = QListWidget()
        self.signer_list.setObjectName("signerList")
        self.signer_list.setAccessibleName("Người ký đã lưu")
        self.signer_list.itemActivated.connect(lambda _item: self._edit_signer())
        right.addWidget(self.signer_list, 1)
        right.addLayout(button_row((("&Sửa người ký…", "editSignerButton", self._edit_signer),
                                    ("Xó&a người ký", "removeSignerButton", self._remove_signer))))
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
        self._show_hints()
        self._show_signers()

    def _show_hints(self, _index: int = 0):
        """Examples of the profile's regime: a UBND profile is never offered a party header."""
        regime = self.regime.currentData() or "state"
        for key, _label, hint_key in FIELDS:
            self.inputs[key].setPlaceholderText(field_hint(hint_key, regime))

    # ---- remembered signers: edited and removed at once (kept in the saved profile) ----------
    def _current_profile(self) -> storage.Profile | None:
        return self.profiles[self._current] if 0 <= self._current < len(self.profiles) else None

    def _show_signers(self):
        profile = self._current_profile()
        self.signer_list.clear()
        for signer in profile.signers if profile else []:
            self.signer_list.addItem(signer_label(signer))
        if self.signer_list.count():
            self.signer_list.setCurrentRow(0)

    def _store_signers(self, signers: list) -> None:
        profile = self._current_profile()
        if profile is None:
            return
        profile.signers = signers
        stored = storage.load_profiles()
        saved = storage.find_profile(stored, profile.name)
        if saved is not None:  # only the signers change: other fields wait for “Lưu”
            saved.signers = [dict(s) for s in signers]
            storage.save_profiles(stored)
        self._show_signers()

    def _edit_signer(self):
        profile = self._current_profile()
        row = self.signer_list.currentRow()
        if profile is None or not 0 <= row < len(profile.signers):
            return
        dialog = SignerDialog(profile.signers[row], self)
        if dialog.exec():
            signers = list(profile.signers)
            signers[row] = dialog.signer()
            self._store_signers(signers)
            self.signer_list.setCurrentRow(row)

    def _remove_signer(self):
        profile = self._current_profile()
        row = self.signer_list.currentRow()
        if profile is None or not 0 <= row < len(profile.signers):
            return
        self._store_signers([s for i, s in enumerate(profile.signers) if i != row])

    def _add(self):
        self.profiles.append(storage.Profile(name=f"Đơn vị {len(self.profiles) + 1}", regime=self.new_regime))
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
