#!/usr/bin/env bash
# Set up a fresh machine: the Debian libraries Qt needs (as root), a venv, the pip packages.
# Usage: scripts/setup.sh [--test]   (--test adds pytest and, under CI=true, LibreOffice and Xvfb)
set -euo pipefail
cd "$(dirname "$0")/.."
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

qt_libs="libegl1 libgl1 libfontconfig1 libfreetype6 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libdbus-1-3 libglib2.0-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 fonts-liberation"
check_libs="xvfb libreoffice-writer-nogui poppler-utils"
apt_want="$qt_libs"
if [ $want_test = 1 ] && [ "${CI:-}" = "true" ]; then apt_want="$apt_want $check_libs"; fi

if command -v dpkg-query >/dev/null 2>&1; then
  missing=$(for p in $apt_want; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || echo "$p"; done | xargs)
  if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "Cài thư viện hệ thống: $missing"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >/dev/null
      apt-get install -y -qq --no-install-recommends $missing >/dev/null
    else
      echo "Cần cài các gói hệ thống sau (với quyền root): sudo apt-get install $missing" >&2
    fi
  fi
fi

py=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$py" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
if [ $want_test = 1 ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
else
  .venv/bin/python -m pip install -q -e .
fi
