"""First run: a short welcome that creates the first unit profile (Trợ giúp → Thiết lập đơn vị).

Three pages: which unit (UBND or Đảng ủy of a xã, phường, or another unit), its header, its
signer. The examples follow today's two-tier local government: no huyện; a commune's party
committee is under the province's (``ĐẢNG BỘ TỈNH …``). Skipping is remembered, so the welcome
comes once; the profile is saved through ``storage`` like any other.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QFormLayout, QLabel, QLineEdit, QRadioButton,
                               QVBoxLayout, QWizard, QWizardPage)

from .. import storage
from ..plan.text import fold, nfc
from ..step_help import field_hint
from .profile_dialog import FIELDS as UNIT_FIELDS  # the same fields as Tệp → Hồ sơ đơn vị
from .widgets.unit_completer import UnitCompleter, UnitMatches
from .wizard.unit_step import REGIME_CHOICES

SETTING = "welcome"  # "done" or "skipped": the welcome is not shown again at start-up
STATE, PARTY, OTHER = "state", "party", "other"
LEVELS = ("xã", "phường", "đặc khu")
SIGNERS = {  # usual signers of a commune's plan (the wizard's Chữ ký step lets them change)
    STATE: {"authority": "TM.", "collective": "ỦY BAN NHÂN DÂN", "position": "CHỦ TỊCH"},
    PARTY: {"authority": "T/M", "collective": "BAN THƯỜNG VỤ", "position": "BÍ THƯ"},
}
SIGNER_FIELDS = (
    ("authority", "Thẩm quyền ký:", "VD: TM., KT. (nhà nước); T/M, K/T (Đảng)"),
    ("collective", "Tập thể:", "VD: ỦY BAN NHÂN DÂN hoặc BAN THƯỜNG VỤ"),
    ("position", "Chức vụ:", "VD: CHỦ TỊCH, BÍ THƯ"),
    ("name", "Họ và tên:", "VD: Nguyễn Văn An"),
)
BUTTON_TEXTS = (("BackButton", "< &Quay lại"), ("NextButton", "Tiế&p theo >"), ("FinishButton", "&Hoàn tất"),
                ("CancelButton", "Bỏ qu&a"), ("HelpButton", "Trợ &giúp"))  # Alt keys no field label uses


def should_welcome() -> bool:
    """At start-up: no profile yet, and the welcome was neither finished nor skipped."""
    return not storage.load_profiles() and storage.load_settings().get(SETTING) not in ("done", "skipped")


def province_name(text: str) -> str:
    """"Phú Thọ" → "tỉnh Phú Thọ"; "thành phố Hà Nội" and "tỉnh Lào Cai" stay as typed."""
    text = " ".join(nfc(text).split())
    if not text or fold(text).startswith(("tinh ", "thanh pho ")):
        return text
    return f"tỉnh {text}"


def suggested_unit(kind: str, level: str, commune: str, province: str) -> dict:
    """The header of a commune's UBND or Đảng ủy: ``{name, regime, superior, issuer, …}``."""
    commune = " ".join(nfc(commune).split())
    province = province_name(province)
    where = f"{level} {commune}".strip() if commune else ""
    if kind == PARTY:
        return {"name": f"Đảng ủy {where}".strip(), "regime": "party",
                "superior": f"ĐẢNG BỘ {province.upper()}" if province else "",
                "issuer": f"ĐẢNG ỦY {where.upper()}".strip(), "symbol": "KH/ĐU", "place": commune,
                "archive": "Lưu Văn phòng Đảng ủy"}
    if kind == STATE:
        return {"name": f"UBND {where}".strip(), "regime": "state", "superior": "",
                "issuer": f"ỦY BAN NHÂN DÂN {where.upper()}".strip(), "symbol": "KH-UBND",
                "place": commune, "archive": "Lưu: VT, VHXH"}
    return {"name": "", "regime": "state", "superior": "", "issuer": "", "symbol": "KH-UBND",
            "place": commune, "archive": ""}


def _form(fields, page: QWizardPage, prefix: str, hint_of=lambda hint: hint) -> tuple[QFormLayout, dict]:
    """Line edits for ``(key, label, hint)``; ``hint_of`` turns the third item into the grey example."""
    form = QFormLayout()
    inputs = {}
    for key, label, hint in fields:
        w = QLineEdit()
        w.setObjectName(f"{prefix}.{key}")
        w.setPlaceholderText(hint_of(hint))
        w.setAccessibleName(label.replace("&", "").rstrip(":"))
        inputs[key] = w
        form.addRow(label, w)
    return form, inputs


class KindPage(QWizardPage):
    """Which unit: the UBND or the Đảng ủy of a xã, phường, or another unit typed by hand."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle("Chào mừng anh/chị đến với Soạn Kế hoạch")
        self.setSubTitle("Hãy cho biết đơn vị mình soạn kế hoạch cho (chỉ làm một lần). "
                         "Có thể bấm “Bỏ qua” để nhập sau ở Tệp → Hồ sơ đơn vị.")
        layout = QVBoxLayout(self)
        intro = QLabel("Phần mềm giúp soạn Kế hoạch đúng thể thức (Nghị định 30/2020/NĐ-CP với cơ quan nhà "
                       "nước, Hướng dẫn 36-HD/VPTW với cơ quan Đảng), kiểm tra lỗi và lưu ra tệp Word. "
                       "Không cần mạng. Đơn vị chọn ở đây sẽ được điền sẵn vào mỗi kế hoạch mới.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        for kind, text in ((STATE, "Ủy ban nhân dân xã, phường (UBND)"), (PARTY, "Đảng ủy xã, phường"),
                           (OTHER, "Đơn vị khác (tự điền)")):
            button = QRadioButton(text)
            button.setObjectName(f"kind.{kind}")
            button.setProperty("kind", kind)
            self.group.addButton(button)
            layout.addWidget(button)
        self.group.buttons()[0].setChecked(True)
        form = QFormLayout()
        self.level = QComboBox()
        self.level.setObjectName("welcome.level")
        self.level.addItems(LEVELS)
        form.addRow("Cấp:", self.level)
        self.commune = QLineEdit()
        self.commune.setObjectName("welcome.commune")
        self.commune.setPlaceholderText("VD: Tân Lập")
        form.addRow("Tên xã, phường:", self.commune)
        self.province = QLineEdit()
        self.province.setObjectName("welcome.province")
        self.province.setPlaceholderText("VD: Phú Thọ, hoặc thành phố Hà Nội")
        form.addRow("Tỉnh, thành phố:", self.province)
        layout.addLayout(form)
        layout.addStretch(1)
        self.commune_completer = UnitCompleter(self.commune, "commune")  # today's xã, phường as you type
        self.commune_completer.chosen.connect(self._unit_chosen)
        self._complete = self.isComplete()
        self.commune.textChanged.connect(self._update_complete)
        self.group.buttonToggled.connect(self._update_complete)

    def _update_complete(self, *_args) -> None:
        """Tell the wizard only when Next should turn on or off: each signal re-lays its buttons,
        which would close the list of units open under the field."""
        if self.isComplete() != self._complete:
            self._complete = self.isComplete()
            self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        """A UBND or Đảng ủy needs its xã, phường (else the header reads “ỦY BAN NHÂN DÂN” alone)."""
        return self.kind() == OTHER or bool(self.commune.text().strip())

    def _unit_chosen(self, unit) -> None:
        """A unit picked from the list: its bare name, its level and its province as they are today."""
        self.commune.setText(unit.bare)
        level = unit.kind.lower()
        if level in LEVELS:
            self.level.setCurrentText(level)
        province = UnitMatches.index_of_units().province_of(unit)
        if province is not None:  # "Tỉnh Lâm Đồng" → "tỉnh Lâm Đồng", as province_name writes it
            self.province.setText(province.name[:1].lower() + province.name[1:])

    def kind(self) -> str:
        button = self.group.checkedButton()
        return button.property("kind") if button is not None else OTHER

    def suggestion(self) -> dict:
        return suggested_unit(self.kind(), self.level.currentText(), self.commune.text(), self.province.text())


class UnitPage(QWizardPage):
    """The header of the unit's plans, filled from the first page and editable."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle("Đơn vị ban hành")
        self.setSubTitle("Kiểm tra và sửa nếu cần: các dòng này in ở đầu mỗi kế hoạch. Chữ in hoa như trên "
                         "văn bản giấy.")
        layout = QVBoxLayout(self)
        form, self.inputs = _form(UNIT_FIELDS, self, "welcome", hint_of=lambda key: field_hint(key, "state"))
        self.regime = QComboBox()
        self.regime.setObjectName("welcome.regime")
        for value, label in REGIME_CHOICES:
            self.regime.addItem(label, value)
        self.regime.currentIndexChanged.connect(self._show_hints)
        form.insertRow(1, "Khối văn bản:", self.regime)
        layout.addLayout(form)
        note = QLabel("Từ 01/7/2025 không còn cấp huyện: Đảng ủy xã trực thuộc Đảng bộ tỉnh; văn bản của "
                      "UBND xã thường không ghi cơ quan cấp trên.")
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)
        self.registerField("issuer*", self.inputs["issuer"])  # Next waits for the issuing body
        self._filled_from = None

    def _show_hints(self) -> None:
        """The grey examples of the chosen regime (the profile dialog's, keyed by field)."""
        for key, _label, hint_key in UNIT_FIELDS:
            self.inputs[key].setPlaceholderText(field_hint(hint_key, self.regime.currentData()))

    def initializePage(self):
        kind_page = self.wizard().kind_page
        values = kind_page.suggestion()
        key = (kind_page.kind(), values["issuer"], values["superior"])
        if key == self._filled_from:  # back and forth: keep what the user corrected
            return
        self._filled_from = key
        for k, w in self.inputs.items():
            w.setText(values.get(k, ""))
        self.regime.setCurrentIndex(max(self.regime.findData(values["regime"]), 0))

    def cleanupPage(self):
        """Back to the first page keeps what was typed here (QWizard would blank the fields)."""

    def validatePage(self) -> bool:
        if not self.inputs["name"].text().strip():  # the profile is picked by this name later
            self.inputs["name"].setText(" ".join(self.inputs["issuer"].text().split()))
        return True


class SignerPage(QWizardPage):
    """Who usually signs: offered in every new plan of the unit."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle("Người ký")
        self.setSubTitle("Người thường ký kế hoạch của đơn vị (đổi được ở bước Chữ ký của từng kế hoạch).")
        layout = QVBoxLayout(self)
        form, self.inputs = _form(SIGNER_FIELDS, self, "signer")
        layout.addLayout(form)
        done = QLabel("Bấm “Hoàn tất” để lưu hồ sơ đơn vị. Sau này sửa ở Tệp → Hồ sơ đơn vị…; mở lại lời chào "
                      "này ở Trợ giúp → Thiết lập đơn vị ban đầu.")
        done.setWordWrap(True)
        layout.addWidget(done)
        layout.addStretch(1)
        self._filled_for = None

    def initializePage(self):
        regime = self.wizard().unit_page.regime.currentData()
        if regime == self._filled_for:
            return
        self._filled_for = regime
        for key, value in SIGNERS.get(regime, {}).items():
            self.inputs[key].setText(value)

    def cleanupPage(self):
        """Back keeps the signer typed here."""


class WelcomeWizard(QWizard):
    profile_saved = Signal(str)  # the new profile's name

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("welcomeWizard")
        self.setWindowTitle("Thiết lập đơn vị ban đầu")
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        for which, text in BUTTON_TEXTS:
            self.setButtonText(getattr(QWizard.WizardButton, which), text)
        self.kind_page, self.unit_page, self.signer_page = KindPage(), UnitPage(), SignerPage()
        for page in (self.kind_page, self.unit_page, self.signer_page):
            self.addPage(page)
        self.resize(680, 520)

    def profile(self) -> storage.Profile:
        values = {k: nfc(w.text().strip()) for k, w in self.unit_page.inputs.items()}
        signer = {k: nfc(w.text().strip()) for k, w in self.signer_page.inputs.items()}
        signers = [dict(signer, deputy="")] if signer["name"] or signer["position"] else []
        old = storage.find_profile(storage.load_profiles(), values["name"])
        if old is not None:  # reopened later for the same unit: keep the signers it remembers
            signers += [s for s in old.signers if s.get("name") != signer["name"]]
        return storage.Profile(regime=self.unit_page.regime.currentData(), signers=signers, **values)

    def accept(self):
        profile = self.profile()
        storage.upsert_profile(profile)
        storage.update_settings(**{SETTING: "done", "last_profile": profile.name})
        super().accept()
        self.profile_saved.emit(profile.name)

    def reject(self):
        try:
            storage.update_settings(**{SETTING: "skipped"})
        except OSError:  # settings are a comfort: skipping must always work
            pass
        super().reject()


def open_welcome(window) -> WelcomeWizard:
    """Show the welcome over the main window (not blocking); a saved profile becomes the window's."""
    wizard = WelcomeWizard(window)
    wizard.profile_saved.connect(window.use_new_profile)
    wizard.open()
    return wizard
