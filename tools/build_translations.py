"""Compile the app's Qt translations (resources/i18n/*.ts → .qm) with PySide6's lrelease.

Run by scripts/setup.sh, scripts/run_app.cmd and the packaging, so that a user never needs
the tool. Quiet and quick when every .qm is newer than its .ts. Exit code 0 even when lrelease
is missing (the app then speaks Qt's English in its dialogs): a translation never stops a start.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

I18N = Path(__file__).resolve().parents[1] / "resources" / "i18n"


def find_lrelease() -> str:
    """PySide6's lrelease: the package's own binary, or the pyside6-lrelease wrapper beside Python."""
    spec = importlib.util.find_spec("PySide6")
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        for name in ("lrelease", "lrelease.exe"):
            path = Path(folder) / name
            if path.is_file():
                return str(path)
    beside = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        if (beside / name).is_file():
            return str(beside / name)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease") or ""


def compile_ts(ts: Path, qm: Path, lrelease: str = "") -> bool:
    lrelease = lrelease or find_lrelease()
    if not lrelease:
        return False
    # Written beside, then renamed: a running app keeps reading the old file it has mapped.
    part = qm.with_name(qm.name + ".part")
    done = subprocess.run([lrelease, "-silent", str(ts), "-qm", str(part)], capture_output=True, text=True)
    if done.returncode != 0 or not part.is_file():
        part.unlink(missing_ok=True)
        return False
    os.replace(part, qm)
    return True


def main(argv=None) -> int:
    stale = [ts for ts in sorted(I18N.glob("*.ts"))
             if not ts.with_suffix(".qm").is_file() or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime]
    if not stale:
        return 0
    lrelease = find_lrelease()
    if not lrelease:
        print("Không có pyside6-lrelease: các hộp thoại của Qt sẽ hiện tiếng Anh.", file=sys.stderr)
        return 0
    for ts in stale:
        if compile_ts(ts, ts.with_suffix(".qm"), lrelease):
            print(f"Đã dịch {ts.name} → {ts.with_suffix('.qm').name}")
        else:
            print(f"Không dịch được {ts.name}; các hộp thoại của Qt sẽ hiện tiếng Anh.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
