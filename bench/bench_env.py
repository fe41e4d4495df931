"""The environment of a benchmark's child processes: what an installed app runs with."""
from __future__ import annotations

import os
import tempfile


def installed_like_env(**extra: str) -> dict:
    """An installed app runs from compiled bytecode: let the warm-up runs write it (into a private
    folder, not the source tree). Any value of PYTHONDONTWRITEBYTECODE, even "0", would stop that
    and make every run compile the app's modules again. User data goes to a private folder."""
    env = dict(os.environ, XDG_DATA_HOME=tempfile.mkdtemp(prefix="kehoach-bench-"),
               PYTHONPYCACHEPREFIX=tempfile.mkdtemp(prefix="kehoach-bench-pyc-"), **extra)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env
