#!/usr/bin/env bash
# Build the one-folder bundle dist/kehoach_desktop/ (program: dist/kehoach_desktop/kehoach_desktop).
# Usage: packaging/build.sh [DIST_FOLDER [WORK_FOLDER]]   (defaults: dist, build/pyinstaller)
# PyInstaller is a build-time tool (the "build" extra of pyproject.toml): installed into .venv here,
# never shipped to users.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
work=${2:-build/pyinstaller}
# The app's packages (only when missing: a test run that builds the bundle has them already).
.venv/bin/python -c "import PySide6, docx, openpyxl, defusedxml, platformdirs, kehoach_desktop" 2>/dev/null \
  || bash scripts/setup.sh
if ! .venv/bin/python -c "import PyInstaller" 2>/dev/null; then
  echo "Cài PyInstaller (công cụ đóng gói) vào .venv ..."
  .venv/bin/python -m pip install -q -e ".[build]" || { echo "Không cài được PyInstaller." >&2; exit 3; }
fi
.venv/bin/python -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$dist" --workpath "$work" packaging/kehoach.spec
echo "Đã đóng gói: $dist/kehoach_desktop ($(du -sh "$dist/kehoach_desktop" | cut -f1))"
