"""Plan kinds as data: ``forms/*.json``, one file per kind the wizard offers.

Pure Python, no Qt. A form gives a kind's regimes, its top-level sections with
default subsections, the guidance of each step, the usual closing sentence,
recipients and signature per regime. Adding a kind is adding a file; a file
that cannot be read is reported by name and the others still load.
"""
from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from .locations import forms_dir
from .plan.model import DEFAULT_NUMBERING, REGIMES, Header, Plan, Section, Signature
from .plan.text import fold, nfc, nfc_deep

FORMS_DIR = forms_dir()  # the source tree's forms/, or the bundle's

# Wizard steps that are not sections, in order.
STEP_KEYS = ("unit", "summary", "recipients", "signature", "review")

# Guidance used when a form does not give its own (Vietnamese, shown to the user).
DEFAULT_GUIDANCE = {
    "unit": ("Chọn đơn vị ban hành (lưu một lần, dùng lại lần sau). Số kế hoạch có thể để trống: "
             "văn thư sẽ cấp số khi phát hành.",
             "Cơ quan ban hành: ỦY BAN NHÂN DÂN XÃ ... (cơ quan cấp trên để trống); Ký hiệu: KH-UBND. "
             "Đảng ủy xã: ĐẢNG BỘ TỈNH ... / ĐẢNG ỦY XÃ ...; Ký hiệu: KH/ĐU"),
    "summary": ("Trích yếu nói ngắn gọn kế hoạch về việc gì. Các đoạn “Thực hiện…”, “Căn cứ…” nêu "
                "văn bản làm căn cứ, mỗi văn bản một đoạn.",
                "Thực hiện Kế hoạch số .../KH-UBND ngày .../.../2026 của Ủy ban nhân dân tỉnh về ..."),
    "recipients": ("Nơi nhận: mỗi dòng một cơ quan, đơn vị, cá nhân. Dòng “Lưu” luôn để cuối cùng. "
                   "Đoạn kết là câu đứng trước Nơi nhận.",
                   "Thường trực Đảng ủy xã (để báo cáo)"),
    "signature": ("Thẩm quyền ký: TM. (thay mặt tập thể), KT. (ký thay người đứng đầu)… với cơ quan nhà nước; "
                  "T/M, K/T… với cơ quan Đảng. Ghi chức vụ và họ tên người ký.",
                  "TM. ỦY BAN NHÂN DÂN — CHỦ TỊCH — Nguyễn Văn A"),
    "appendices": ("Phụ lục in sau chữ ký, mỗi phụ lục sang trang mới, có dòng “(Kèm theo Kế hoạch số …)”. "
                   "Thường là bảng phân công nhiệm vụ, lịch trình hoặc dự trù kinh phí; bảng rộng thì chọn "
                   "in trang ngang. Không có phụ lục thì bỏ qua bước này.",
                   "PHỤ LỤC I — Phân công nhiệm vụ thực hiện Kế hoạch"),
    "review": ("Danh sách dưới đây là những chỗ còn thiếu hoặc chưa đúng thể thức. Bấm vào một dòng để "
               "đến đúng chỗ cần sửa, rồi lưu tệp DOCX.", ""),
}
# Party bodies cite and sign differently (HD36): their examples where the defaults above are a UBND's.
DEFAULT_PARTY_EXAMPLES = {
    "unit": "Đảng ủy xã: cơ quan cấp trên ĐẢNG BỘ TỈNH ..., cơ quan ban hành ĐẢNG ỦY XÃ ...; Ký hiệu: KH/ĐU. "
            "Chi bộ: ĐẢNG BỘ XÃ ... / CHI BỘ THÔN ...; Ký hiệu: KH/CB",
    "summary": "Thực hiện Kế hoạch số ...-KH/TU ngày .../.../2026 của Ban Thường vụ Tỉnh ủy về ..., "
               "Ban Thường vụ Đảng ủy xã xây dựng Kế hoạch ... như sau:",
    "recipients": "Ban Thường vụ Tỉnh ủy (để báo cáo)",
    "signature": "T/M BAN THƯỜNG VỤ — BÍ THƯ — Nguyễn Văn A",
}
DEFAULT_REQUIRED = {
    "unit": ("header.issuer", "header.symbol", "header.date"),
    "summary": ("summary",),
    "recipients": ("recipients",),
    "signature": ("signature.position", "signature.name"),
}
DEFAULT_SYMBOL = {"state": "KH-UBND", "party": "KH/ĐU"}


class FormError(ValueError):
    """A form file that cannot be used; ``str()`` is Vietnamese and names the file."""


@dataclass(frozen=True)
class Guidance:
    text: str = ""
    example: str = ""


@dataclass(frozen=True)
class SectionForm:
    title: str
    library: str = ""
    required: bool = False
    guidance: Guidance = Guidance()
    subsections: tuple = ()  # of SectionForm
    regimes: tuple = REGIMES
    examples: dict = field(default_factory=dict)  # regime -> example, when they differ
    table: tuple = ()  # the usual table of this part: its header row ("TT", "Nội dung công việc", …)

    def guidance_for(self, regime: str) -> Guidance:
        example = self.examples.get(regime)
        return Guidance(self.guidance.text, example) if example else self.guidance


@dataclass(frozen=True)
class Form:
    id: str
    name: str
    description: str = ""
    order: int = 50
    regimes: tuple = REGIMES
    numbering: tuple = tuple(DEFAULT_NUMBERING)
    summary_hint: dict = field(default_factory=dict)  # regime -> str
    guidance: dict = field(default_factory=dict)  # step key -> Guidance
    step_examples: dict = field(default_factory=dict)  # step key -> {regime: example}, when they differ
    required: dict = field(default_factory=dict)  # step key -> tuple of key paths
    sections: tuple = ()  # of SectionForm
    closing: dict = field(default_factory=dict)  # regime -> str
    recipients: dict = field(default_factory=dict)  # regime -> tuple[str]
    signature: dict = field(default_factory=dict)  # regime -> dict
    source: str = ""  # file name, for messages

    def sections_for(self, regime: str) -> tuple:
        return tuple(s for s in self.sections if regime in s.regimes)

    def step_guidance(self, key: str, regime: str = "") -> Guidance:
        """The step's text and example; ``regime`` picks the example written for that regime."""
        guidance = self.guidance.get(key)
        examples = self.step_examples.get(key, {}) if guidance else \
            {"party": DEFAULT_PARTY_EXAMPLES[key]} if key in DEFAULT_PARTY_EXAMPLES else {}
        guidance = guidance or Guidance(*DEFAULT_GUIDANCE.get(key, ("", "")))
        return Guidance(guidance.text, examples[regime]) if regime in examples else guidance

    def step_required(self, key: str) -> tuple:
        return self.required.get(key, DEFAULT_REQUIRED.get(key, ()))

    def section_form(self, title: str) -> SectionForm | None:
        """The form's section whose title matches ``title`` (accents, case, final dot ignored)."""
        key = fold(title).strip(" .:")
        return next((s for s in self.sections if fold(s.title).strip(" .:") == key), None)


# ---- reading -----------------------------------------------------------------
def _text(data: dict, key: str, where: str, *, required: bool = False) -> str:
    value = data.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise FormError(f"mục “{where}{key}” phải là chữ" + (" và không được để trống" if required else ""))
    return nfc(value)


def _regimes(value, where: str) -> tuple:
    if value is None:
        return REGIMES
    if not isinstance(value, list) or not value or any(r not in REGIMES for r in value):
        raise FormError(f"mục “{where}regimes” phải là danh sách gồm “state” và/hoặc “party”")
    return tuple(value)


def _per_regime(value, where: str, convert) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict) or any(k not in REGIMES for k in value):
        raise FormError(f"mục “{where}” phải ghi riêng cho “state” và “party”")
    return {k: convert(v) for k, v in value.items()}


def _guidance(value, where: str) -> Guidance:
    if isinstance(value, str):
        return Guidance(nfc(value))
    if not isinstance(value, dict):
        raise FormError(f"mục “{where}” phải là chữ hoặc nhóm “text”, “example”")
    example = _step_examples(value, where)  # one example, or one per regime
    return Guidance(_text(value, "text", where + "."),
                    example.get("state") or next(iter(example.values()), "") if example else
                    _text(value, "example", where + "."))


def _step_examples(value, where: str) -> dict:
    """``{regime: example}`` when a step's ``example`` is written per regime, else ``{}``."""
    example = value.get("example") if isinstance(value, dict) else None
    return _per_regime(example, where + ".example", nfc) if isinstance(example, dict) else {}


def _section(data, where: str, regimes: tuple) -> SectionForm:
    if not isinstance(data, dict):
        raise FormError(f"mục “{where}” phải là một nhóm khóa")
    subs = data.get("subsections") or []
    if not isinstance(subs, list):
        raise FormError(f"mục “{where}.subsections” phải là danh sách")
    example = data.get("example", "")
    examples = _per_regime(example, where + ".example", str) if isinstance(example, dict) else {}
    text = _text(data, "guidance", where + ".")
    guidance = Guidance(text, examples.get("state") or next(iter(examples.values()), "")) if examples else \
        Guidance(text, _text(data, "example", where + "."))
    return SectionForm(
        title=_text(data, "title", where + ".", required=True),
        library=_text(data, "library", where + "."),
        required=bool(data.get("required", False)),
        guidance=guidance,
        subsections=tuple(_section(s, f"{where}.subsections[{i}]", regimes) for i, s in enumerate(subs)),
        regimes=_regimes(data.get("regimes"), where + ".") if "regimes" in data else regimes,
        examples=examples,
        table=_table_header(data.get("table"), where),
    )


def _table_header(value, where: str) -> tuple:
    """``"table": ["TT", "Nội dung công việc", …]`` (or ``{"header": [...]}``): the usual table's columns."""
    if isinstance(value, dict):
        value = value.get("header")
    if value is None:
        return ()
    if not isinstance(value, list) or not value or not all(isinstance(x, str) and x.strip() for x in value):
        raise FormError(f"mục “{where}.table” phải là danh sách tên cột")
    return tuple(value)


def form_from_dict(data, source: str = "") -> Form:
    if not isinstance(data, dict):
        raise FormError("nội dung phải là một đối tượng JSON")
    data = nfc_deep(data)
    regimes = _regimes(data.get("regimes"), "")
    sections = data.get("sections") or []
    if not isinstance(sections, list):
        raise FormError("mục “sections” phải là danh sách")
    guidance = data.get("guidance") or {}
    required = data.get("required") or {}
    if not isinstance(guidance, dict) or not isinstance(required, dict):
        raise FormError("mục “guidance” và “required” phải là nhóm khóa theo bước")

    def recipients(v):
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise FormError("mục “recipients” phải là danh sách chữ cho mỗi khối")
        return tuple(v)

    def signature(v):
        if not isinstance(v, dict):
            raise FormError("mục “signature” phải là nhóm khóa cho mỗi khối")
        return {k: str(v.get(k) or "") for k in ("authority", "collective", "position")}

    order = data.get("order", 50)
    return Form(
        id=_text(data, "id", "", required=True),
        name=_text(data, "name", "", required=True),
        description=_text(data, "description", ""),
        order=order if isinstance(order, int) else 50,
        regimes=regimes,
        numbering=tuple(data.get("numbering") or DEFAULT_NUMBERING),
        summary_hint=_per_regime(data.get("summary"), "summary", str),
        guidance={k: _guidance(v, f"guidance.{k}") for k, v in guidance.items()},
        step_examples={k: _step_examples(v, f"guidance.{k}") for k, v in guidance.items()},
        required={k: tuple(v) for k, v in required.items() if isinstance(v, list)},
        sections=tuple(_section(s, f"sections[{i}]", regimes) for i, s in enumerate(sections)),
        closing=_per_regime(data.get("closing"), "closing", str),
        recipients=_per_regime(data.get("recipients"), "recipients", recipients),
        signature=_per_regime(data.get("signature"), "signature", signature),
        source=source,
    )


def load_form(path: Path) -> Form:
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise FormError(f"Không đọc được tệp mẫu “{Path(path).name}” ({exc.__class__.__name__}).") from None
    except ValueError as exc:
        raise FormError(f"Tệp mẫu “{Path(path).name}” không phải JSON hợp lệ ({exc}).") from None
    try:
        return form_from_dict(data, Path(path).name)
    except FormError as exc:
        raise FormError(f"Tệp mẫu “{Path(path).name}” sai: {exc}.") from None


def load_forms(folder: Path | str | None = None) -> tuple[list[Form], list[str]]:
    """All forms of a folder, sorted for display, and one Vietnamese message per bad file."""
    folder = Path(folder) if folder is not None else FORMS_DIR
    forms: list[Form] = []
    errors: list[str] = []
    seen: set = set()
    for path in sorted(folder.glob("*.json")):
        try:
            form = load_form(path)
        except FormError as exc:
            errors.append(str(exc))
            continue
        if form.id in seen:
            errors.append(f"Tệp mẫu “{path.name}” trùng mã “{form.id}” với một mẫu khác: bỏ qua.")
            continue
        seen.add(form.id)
        forms.append(form)
    forms.sort(key=lambda f: (f.order, f.name))
    return forms, errors


def find_form(forms: list[Form], form_id: str) -> Form | None:
    return next((f for f in forms if f.id == form_id), None)


def best_form(forms: list[Form], plan) -> Form | None:
    """For a plan of unknown kind (imported): the form of its regime whose sections it shares most."""
    def score(form: Form) -> int:
        return sum(form.section_form(s.title) is not None for s in plan.sections)
    candidates = [f for f in forms if plan.regime in f.regimes and score(f) > 0]
    return max(candidates, key=score, default=None)


# ---- a new plan ----------------------------------------------------------------
def _section_from_form(sf: SectionForm) -> Section:
    return Section(title=sf.title, content=[_section_from_form(s) for s in sf.subsections])


def _profile_value(profile, key: str, default=""):
    if profile is None:
        return default
    if isinstance(profile, dict):
        return profile.get(key) or default
    return getattr(profile, key, None) or default


def new_plan_from_form(form: Form, regime: str, profile=None, *, today: _dt.date | None = None) -> Plan:
    """A fresh draft of ``form`` for ``regime``: headings, usual closing, recipients and signer.

    ``profile`` (a ``storage.Profile`` or a dict) fills the header, the archive entry and the
    signer it remembers; the number stays blank for the văn thư, the date is today.
    """
    if regime not in REGIMES:
        regime = form.regimes[0]
    today = today or _dt.date.today()
    header = Header(
        superior=_profile_value(profile, "superior"),
        issuer=_profile_value(profile, "issuer"),
        number="",
        symbol=_profile_value(profile, "symbol") or DEFAULT_SYMBOL[regime],
        place=_profile_value(profile, "place"),
        date=today.isoformat(),
    )
    recipients = list(form.recipients.get(regime, ()))
    archive = _profile_value(profile, "archive")
    if archive:
        from .plan.layout import ARCHIVE_ENTRY

        recipients = [r for r in recipients if not ARCHIVE_ENTRY.match(r)] + [nfc(archive)]
    sig = dict(form.signature.get(regime, {}))
    signers = _profile_value(profile, "signers", [])
    if signers:  # the signer last used for this unit: most plans are signed by the same person
        sig.update({k: v for k, v in signers[0].items() if k in ("authority", "collective", "position", "name")})
    closing = form.closing.get(regime, "")
    return Plan(
        regime=regime,
        kind=form.id,
        numbering=list(form.numbering),
        header=header,
        summary="",
        preamble=[],
        sections=[_section_from_form(s) for s in form.sections_for(regime)],
        closing=[closing] if closing else [],
        recipients=recipients,
        signature=Signature(**{k: nfc(sig.get(k, "")) for k in ("authority", "collective", "position", "name")}),
    )


# Library key of a section whose title the form does not know (imported plans).
_TITLE_KEYS = (
    ("to chuc thuc hien", "to-chuc-thuc-hien"), ("kinh phi", "kinh-phi"), ("muc dich", "muc-dich"),
    ("noi dung", "noi-dung"), ("yeu cau", "yeu-cau"), ("hinh thuc", "hinh-thuc"),
    ("thoi gian", "thoi-gian"), ("nhiem vu", "nhiem-vu"), ("giai phap", "giai-phap"),
    ("kiem tra", "kiem-tra"), ("bao cao", "che-do-bao-cao"), ("muc tieu", "muc-dich"),
)


def library_key_for(title: str, form: Form | None = None) -> str:
    """The library section key for a section title: from the form, else guessed from the words."""
    if form is not None:
        sf = form.section_form(title)
        if sf is not None and sf.library:
            return sf.library
    folded = fold(title)
    return next((key for words, key in _TITLE_KEYS if words in folded), "noi-dung")
