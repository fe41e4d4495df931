"""File → New: pick the kind of plan, the regime and the unit's profile."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QListWidget,
                               QListWidgetItem, QVBoxLayout)

from .. import storage
from ..forms import new_plan_from_form
from . import vi
from .wizard.unit_step import REGIME_CHOICES

FORM_ROLE = Qt.ItemDataRole.UserRole


class NewPlanDialog(QDialog):
    def __init__(self, forms, parent=None, profile_name: str = ""):
        super().__init__(parent)
        self.setObjectName("newPlanDialog")
        self.setWindowTitle("Tạo kế hoạch mới")
        self.resize(620, 440)
        self.forms = list(forms)
        layout = QVBoxLayout(self)
        caption = QLabel("&Chọn loại kế hoạch:")
        layout.addWidget(caption)
        self.form_list = QListWidget()
        self.form_list.setObjectName("formList")
        caption.setBuddy(self.form_list)
        for form in self.forms:
            item = QListWidgetItem(form.name)
            item.setData(FORM_ROLE, form.id)
            item.setToolTip(form.description)
            self.form_list.addItem(item)
        self.form_list.currentRowChanged.connect(self._on_form)
        self.form_list.itemDoubleClicked.connect(lambda _i: self.accept())
        layout.addWidget(self.form_list, 1)
        self.description = QLabel()
        self.description.setObjectName("formDescription")
        self.description.setWordWrap(True)
        layout.addWidget(self.description)
        fields = QFormLayout()
        self.regime_combo = QComboBox()
        self.regime_combo.setObjectName("regimeCombo")
        fields.addRow("Khối văn bản:", self.regime_combo)
        self.profile_combo = QComboBox()
        self.profile_combo.setObjectName("profileCombo")
        self.profiles = storage.load_profiles()
        self.profile_combo.addItem("(Chưa chọn — nhập ở bước Đơn vị)", "")
        for p in self.profiles:
            self.profile_combo.addItem(p.label, p.name)
        self.profile_combo.setCurrentIndex(max(self.profile_combo.findData(profile_name), 0))
        self.profile_combo.currentIndexChanged.connect(self._on_profile)
        fields.addRow("Đơn vị:", self.profile_combo)
        layout.addLayout(fields)
        box = vi.button_box(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        box.button(QDialogButtonBox.StandardButton.Ok).setText("&Tạo kế hoạch")
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        if self.forms:
            self.form_list.setCurrentRow(0)
        self.form_list.setFocus()

    def _form(self):
        row = self.form_list.currentRow()
        return self.forms[row] if 0 <= row < len(self.forms) else None

    def _on_form(self, _row: int):
        form = self._form()
        if form is None:
            return
        self.description.setText(form.description)
        wanted = self.regime_combo.currentData() or self._profile_regime()
        self.regime_combo.clear()
        for value, label in REGIME_CHOICES:
            if value in form.regimes:
                self.regime_combo.addItem(label, value)
        self.regime_combo.setCurrentIndex(max(self.regime_combo.findData(wanted), 0))

    def _profile(self):
        return storage.find_profile(self.profiles, self.profile_combo.currentData() or "")

    def _profile_regime(self) -> str:
        profile = self._profile()
        return profile.regime if profile else ""

    def _on_profile(self, _index: int):
        regime = self._profile_regime()
        if regime:
            index = self.regime_combo.findData(regime)
            if index >= 0:
                self.regime_combo.setCurrentIndex(index)

    def select(self, form_id: str, regime: str = "", profile_name: str = ""):
        """Pick values programmatically (tests, the command line)."""
        ids = [f.id for f in self.forms]
        if form_id in ids:
            self.form_list.setCurrentRow(ids.index(form_id))
        if profile_name:
            self.profile_combo.setCurrentIndex(max(self.profile_combo.findData(profile_name), 0))
        if regime:
            self.regime_combo.setCurrentIndex(max(self.regime_combo.findData(regime), 0))

    def result_plan(self):
        """(the new plan, the chosen profile's name or "")."""
        form = self._form()
        profile = self._profile()
        regime = self.regime_combo.currentData() or form.regimes[0]
        return new_plan_from_form(form, regime, profile), (profile.name if profile else "")
