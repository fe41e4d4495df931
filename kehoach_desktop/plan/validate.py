"""Plan → list of problems (``shared/spec/layout.md``, "What the validator checks").

Pure Python, no Qt. Every problem has a stable ``code``, a ``severity``
("error" or "warning"), the key path of the field it concerns (``where``) and
a Vietnamese ``message`` that names the problem and says what to do.

The regime's words and patterns come from ``layout.rules_for``; the checks
themselves live in ``validate_rules.py``. Problems come in the order of the
page: header, title, preamble, sections, closing, recipients, signature.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"

# Every code the validator emits and its severity (layout.md table).
SEVERITY = {
    "missing-number": ERROR,
    "bad-number": ERROR,
    "bad-symbol": ERROR,
    "missing-date": ERROR,
    "bad-date": ERROR,
    "missing-issuer": ERROR,
    "missing-summary": ERROR,
    "missing-recipients": ERROR,
    "missing-archive": ERROR,
    "archive-not-last": WARNING,
    "archive-form": WARNING,
    "duplicate-recipient": WARNING,
    "missing-signer": ERROR,
    "bad-authority": ERROR,
    "missing-collective": ERROR,
    "signer-name-case": WARNING,
    "missing-preamble": WARNING,
    "title-numbered": WARNING,
    "empty-section": WARNING,
    "missing-end-mark": WARNING,
    "stale-year": WARNING,  # rollover.stale_year_problems: last year's year left behind
    "unfilled-placeholder": ERROR,  # blanks.check_unfinished: a library "{noi_dung}" printed as is
    "blank-to-fill": WARNING,
    "year-date-mismatch": WARNING,  # rollover.year_date_problems: plan year and issue date disagree
    "district-body": WARNING,  # units.check: a district-level body in a plan dated from 1/7/2025
    "old-unit": WARNING,  # units.check: an old commune or province as issuer, place or recipient
}


@dataclass(frozen=True)
class Problem:
    code: str
    severity: str  # "error" | "warning"
    where: str  # key path: "header.number", "recipients[3]", "sections[1].content[2]"
    message: str  # Vietnamese, for the user

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def problem(code: str, where: str, message: str) -> Problem:
    """A problem whose severity is the one the table gives its code."""
    return Problem(code, SEVERITY[code], where, message)


def validate(plan) -> list[Problem]:
    """All problems of a plan, in the order of the page. Never raises on a Plan."""
    from . import validate_rules as r
    from .layout import rules_for

    rules = rules_for(r.text_of(getattr(plan, "regime", "")))
    problems: list[Problem] = []
    for check in r.CHECKS:
        problems.extend(check(plan, rules))
    return problems


def has_errors(problems) -> bool:
    return any(p.severity == ERROR for p in problems)
