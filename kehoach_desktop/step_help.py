"""Offline help of each wizard step, per regime, read from ``resources/help`` (data, not code).

Each step has a JSON file with the part's title and, for each regime: what the part is, the
rule behind it (the article of Nghị định 30/2020/NĐ-CP or Hướng dẫn 36-HD/VPTW), a correct
example for today's two-tier structure, and the usual mistakes. ``fields.json`` holds the
placeholders of the unit's fields per regime. Pure Python, no Qt.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache

from .locations import resource_path

from .plan.text import nfc_deep

HELP_DIR = resource_path("help")
REGIMES = ("state", "party")


@dataclass(frozen=True)
class StepHelp:
    title: str = ""
    what: str = ""
    rule: str = ""
    example: str = ""
    mistakes: tuple = field(default_factory=tuple)

    def __bool__(self) -> bool:
        return bool(self.what or self.rule or self.example)


@lru_cache(maxsize=32)
def _read(name: str) -> dict:
    try:
        data = json.loads((HELP_DIR / f"{name}.json").read_text("utf-8"))
    except (OSError, ValueError):  # a missing or broken help file: the step's short guidance remains
        return {}
    return nfc_deep(data) if isinstance(data, dict) else {}


def step_help(step_key: str, regime: str) -> StepHelp:
    """The help of a step (``unit``, ``summary``, ``section``, ``recipients``, ``signature``,
    ``review``) for a regime; an empty StepHelp when there is none."""
    data = _read(step_key) if step_key.replace("-", "").isalnum() else {}
    part = data.get(regime if regime in REGIMES else "state") or {}
    if not isinstance(part, dict):
        return StepHelp()
    mistakes = part.get("mistakes") or []
    return StepHelp(title=str(data.get("title") or ""), what=str(part.get("what") or ""),
                    rule=str(part.get("rule") or ""), example=str(part.get("example") or ""),
                    mistakes=tuple(str(m) for m in mistakes if isinstance(m, str)))


def field_hint(name: str, regime: str, default: str = "") -> str:
    """The placeholder of a unit field (``header.superior``, ``archive``…) for a regime."""
    hints = _read("fields").get(name) or {}
    return str(hints.get(regime if regime in REGIMES else "state") or default) if isinstance(hints, dict) else default
