"""Step "Đơn vị": regime, header bodies, number and date, from a remembered profile."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QPushButton

from ... import storage
from ...plan.edits import Batch, SetValue
from ..widgets.bound_fields import bind_combo, bind_date_edit, bind_line_edit, clear_date
from ..widgets.unit_completer import attach_to_unit_step
from .base import Step, form_layout, line_edit

REGIME_CHOICES = [("state", "Cơ quan nhà nước (UBND, HĐND…)"), ("party", "Cơ quan Đảng (Đảng ủy, chi bộ…)")]
NO_PROFILE = "(Chưa chọn — nhập tay bên dưới)"


class UnitStep(Step):
    key = "unit"
    title = "Đơn vị"
    prefixes = ("regime", "header")

    profile_chosen = Signal(str)  # the profile's name
    manage_profiles = Signal()

    def __init__(self, document, guidance, required=(), profile_name: str = "", parent=None):
        super().__init__(document, guidance, required, parent)
        self.profile_name = profile_name
        form = form_layout()
        row = QHBoxLayout()
        self.profile_combo = QComboBox()
        self.profile_combo.setObjectName("profileCombo")
        self.profile_combo.setAccessibleName("Hồ sơ đơn vị")
        self.profile_combo.activated.connect(self._on_profile)
        row.addWidget(self.profile_combo, 1)
        save = QPushButton("Lưu thành hồ sơ")
        save.setObjectName("saveProfileButton")
        save.setToolTip("Ghi nhớ đơn vị này để lần sau chỉ cần chọn")
        save.clicked.connect(self.save_profile)
        row.addWidget(save)
        manage = QPushButton("Quản lý…")
        manage.setObjectName("manageProfilesButton")
        manage.clicked.connect(self.manage_profiles)
        row.addWidget(manage)
        form.addRow("Hồ sơ đơn vị:", row)

        regime = QComboBox()
        regime.setObjectName("regime")
        bind_combo(regime, document, "regime", REGIME_CHOICES)
        form.addRow("Khối văn bản:", regime)
        fields = (
            ("header.superior", "Cơ quan cấp trên:", "VD: ĐẢNG BỘ XÃ ... (để trống nếu không có)"),
            ("header.issuer", "Cơ quan ban hành:", "VD: ỦY BAN NHÂN DÂN XÃ ..."),
            ("header.symbol", "Ký hiệu:", "VD: KH-UBND hoặc KH/ĐU"),
            ("header.number", "Số:", "Để trống nếu văn thư sẽ cấp số"),
            ("header.place", "Địa danh:", "VD: tên xã, phường"),
        )
        for path, label, hint in fields:
            w = line_edit(path, hint)
            w.setAccessibleName(label.rstrip(":"))
            bind_line_edit(w, document, path)
            form.addRow(label, w)
        date_row = QHBoxLayout()
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("header.date")
        self.date_edit.setAccessibleName("Ngày ban hành")
        bind_date_edit(self.date_edit, document, "header.date")
        date_row.addWidget(self.date_edit, 1)
        undated = QPushButton("Chưa ghi ngày")
        undated.setObjectName("clearDateButton")
        undated.clicked.connect(lambda: clear_date(self.date_edit))
        date_row.addWidget(undated)
        form.addRow("Ngày ban hành:", date_row)
        self.body.addLayout(form)
        self.unit_completers = attach_to_unit_step(self, document)  # today's xã, phường as you type
        self.body.addStretch(1)
        self.reload_profiles()

    # ---- profiles ----------------------------------------------------------------
    def reload_profiles(self):
        self.profiles = storage.load_profiles()
        self.profile_combo.clear()
        self.profile_combo.addItem(NO_PROFILE, "")
        for p in self.profiles:
            self.profile_combo.addItem(p.label, p.name)
        index = self.profile_combo.findData(self.profile_name)
        self.profile_combo.setCurrentIndex(max(index, 0))

    def _on_profile(self, index: int):
        name = self.profile_combo.itemData(index) or ""
        profile = storage.find_profile(self.profiles, name)
        if profile is None:
            return
        self.apply_profile(profile)

    def apply_profile(self, profile: storage.Profile):
        """Fill the header from the profile in one undo step."""
        edits = [SetValue("regime", profile.regime)]
        edits += [SetValue(f"header.{k}", getattr(profile, k))
                  for k in ("superior", "issuer", "symbol", "place")]
        self.document.apply(Batch(tuple(edits)), text="Chọn hồ sơ đơn vị")
        self.profile_name = profile.name
        self.profile_chosen.emit(profile.name)

    def save_profile(self):
        """Remember the unit as typed; the profile is named after the issuing body."""
        plan = self.document.plan
        h = plan.header
        name = self.profile_name or " ".join(h.issuer.split()) or "Đơn vị"
        old = storage.find_profile(storage.load_profiles(), name)
        from ...plan.layout import ARCHIVE_ENTRY

        archive = next((r for r in reversed(plan.recipients) if ARCHIVE_ENTRY.match(r)), "")
        profile = storage.Profile(name=name, regime=plan.regime, superior=h.superior, issuer=h.issuer,
                                  symbol=h.symbol, place=h.place, archive=archive,
                                  signers=old.signers if old else [])
        storage.upsert_profile(profile)
        self.profile_name = name
        self.reload_profiles()
        self.profile_chosen.emit(name)
