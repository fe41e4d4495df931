"""Shared fixtures: corpus paths, sample plans, a private user data folder."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"


def corpus_files(pattern: str) -> list[Path]:
    return sorted(CORPUS.glob(pattern)) if CORPUS.is_dir() else []


@pytest.fixture
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("shared/corpus is not beside the project")
    return CORPUS


@pytest.fixture
def state_plan_dict(corpus_dir) -> dict:
    return json.loads((corpus_dir / "state-cam-thuy-2021.docx-expected.json").read_text("utf-8"))


@pytest.fixture
def party_plan_dict(corpus_dir) -> dict:
    return json.loads((corpus_dir / "party-ben-tre-2021.docx-expected.json").read_text("utf-8"))


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path, monkeypatch):
    """Point platformdirs (XDG on Linux) at a temporary folder: tests never touch real user data."""
    home = tmp_path / "userhome"
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state")):
        (home / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(home / sub))
    return home


def import_scorer():
    """``score(expected, actual)`` of shared/tools/score_import.py, the scorer reviewers run."""
    import importlib.util

    path = SHARED / "tools" / "score_import.py"
    if not path.exists():
        pytest.skip("shared/tools/score_import.py is not beside the project")
    spec = importlib.util.spec_from_file_location("score_import", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def need_program(*names: str) -> None:
    """Skip when a program is missing, except under CI, where it must be there."""
    missing = [n for n in names if shutil.which(n) is None]
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must have {', '.join(missing)} (scripts/setup.sh --test installs them)")
        pytest.skip(f"{', '.join(missing)} not installed")
