"""What the wizard knows about each step before its page exists.

Pages are built the first time they are shown (start-up shows one page, not
ten), but the step list needs every step's title and completion from the
start: a StepSpec carries those, and a factory that builds the page.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ...forms import Form, Guidance, library_key_for
from ...plan.edits import EditError, get_value
from ...plan.numbering import label as number_label
from .base import is_blank, owns_prefix

SECTION_GUIDANCE = Guidance("Viết nội dung của mục: thêm mục con, đoạn văn; dùng các nút để đổi thứ tự, "
                            "thụt vào hoặc lùi ra. Số thứ tự (I., 1., a)…) tự đánh lại.")


def section_has_text(section) -> bool:
    """Some paragraph somewhere in the section (empty default subsections do not count)."""
    for item in section.content:
        if isinstance(item, str):
            if item.strip():
                return True
        elif not hasattr(item, "content"):  # a table: text in any cell
            if any(c.text.strip() for _, _, c in item.texts()):
                return True
        elif section_has_text(item):
            return True
    return False


def section_title(plan, index: int) -> str:
    """"II. NỘI DUNG": the label the page will show, then the title."""
    title = plan.sections[index].title if index < len(plan.sections) else ""
    return f"{number_label(plan.numbering, (index + 1,))} {title or '(mục chưa đặt tên)'}"


@dataclass
class StepSpec:
    key: str
    title: str
    prefixes: tuple
    required: tuple
    make: Callable  # () -> Step widget
    section_index: int | None = None
    section_required: bool = False
    widget: object = field(default=None, repr=False)

    def owns(self, where: str) -> bool:
        return owns_prefix(where, self.prefixes)

    def missing_required(self, plan) -> list[str]:
        if self.section_index is not None:
            if self.section_index >= len(plan.sections):
                return []
            section = plan.sections[self.section_index]
            missing = [f"sections[{self.section_index}].title"] if is_blank(section.title) else []
            if self.section_required and not section_has_text(section):
                missing.append(f"sections[{self.section_index}].content")
            return missing
        out = []
        for path in self.required:
            try:
                value = get_value(plan, path)
            except EditError:
                value = None
            if is_blank(value):
                out.append(path)
        return out


def build_specs(wizard, form: Form) -> list[StepSpec]:
    """One spec per step; the factories import their page's module only when called."""
    doc = wizard.document
    plan = doc.plan
    regime = plan.regime

    def unit():
        from .unit_step import UnitStep

        step = UnitStep(doc, form.step_guidance("unit", regime), form.step_required("unit"), wizard.profile_name)
        step.profile_chosen.connect(wizard._on_profile)
        step.manage_profiles.connect(wizard.manage_profiles)
        return step

    def summary():
        from .summary_step import SummaryStep

        return SummaryStep(doc, form.step_guidance("summary", regime), form.step_required("summary"),
                           form.summary_hint.get(regime, ""))

    def section(i: int, guidance: Guidance, key: str, required: bool, table: tuple = ()):
        def make():
            from .section_step import SectionStep

            step = SectionStep(doc, i, guidance, key, required=required, usual_table=table)
            step.title = section_title(doc.plan, i)
            step.add_section.connect(wizard.add_section)
            step.remove_section.connect(wizard.remove_section)
            return step
        return make

    def recipients():
        from .recipients_step import RecipientsStep

        return RecipientsStep(doc, form.step_guidance("recipients", regime), form.step_required("recipients"),
                              form.recipients.get(regime, ()), form.closing.get(regime, ""))

    def signature():
        from .signature_step import SignatureStep

        return SignatureStep(doc, form.step_guidance("signature", regime), form.step_required("signature"),
                             wizard.profile_name)

    def appendices():
        from .appendix_step import AppendixStep

        return AppendixStep(doc, form.step_guidance("appendices"))

    def review():
        from .review_step import ReviewStep

        step = ReviewStep(doc, form.step_guidance("review"))
        step.problem_activated.connect(wizard.focus_problem)
        step.save_requested.connect(wizard.save_requested)
        step.open_saved_requested.connect(wizard.open_saved_requested)
        step.set_problems(wizard.problems)
        return step

    specs = [StepSpec("unit", "Đơn vị", ("regime", "header"), form.step_required("unit"), unit),
             StepSpec("summary", "Trích yếu và căn cứ", ("summary", "preamble"),
                      form.step_required("summary"), summary)]
    for i, sec in enumerate(plan.sections):
        sf = form.section_form(sec.title)
        guidance = sf.guidance_for(regime) if sf and sf.guidance.text else SECTION_GUIDANCE
        required = bool(sf and sf.required)
        specs.append(StepSpec("section", section_title(plan, i), (f"sections[{i}]",), (),
                              section(i, guidance, library_key_for(sec.title, form), required,
                                      sf.table if sf else ()),
                              section_index=i, section_required=required))
    specs += [StepSpec("recipients", "Nơi nhận", ("closing", "recipients"), form.step_required("recipients"),
                       recipients),
              StepSpec("signature", "Chữ ký", ("signature",), form.step_required("signature"), signature),
              StepSpec("appendices", "Phụ lục", ("appendices",), (), appendices),
              StepSpec("review", "Kiểm tra và lưu", (), (), review)]
    return specs
