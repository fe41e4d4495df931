#!/usr/bin/env bash
# Set up a fresh machine: the Debian libraries Qt needs (as root), a venv, the pip packages.
# Usage: scripts/setup.sh [--test]   (--test adds pytest and, under CI=true, LibreOffice and Xvfb)
set -euo pipefail
cd "$(dirname "$0")/.."
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

qt_libs="libegl1 libgl1 libfontconfig1 libfreetype6 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libdbus-1-3 libglib2.0-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 fonts-liberation"
check_libs="xvfb libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils"

missing_debs() {
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || echo "$p"; done | xargs
}
apt_updated=0
install_debs() {  # install_debs "why" [--no-install-recommends] pkgs...
  local why=$1; shift
  local opts=""; [ "${1:-}" = "--no-install-recommends" ] && { opts=$1; shift; }
  local missing; missing=$(missing_debs "$@")
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Cài gói hệ thống ($why): $missing"
    export DEBIAN_FRONTEND=noninteractive
    [ $apt_updated = 1 ] || { apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null || true; apt_updated=1; }
    # Newer Debian renamed some libraries (libglib2.0-0 → libglib2.0-0t64): take what exists.
    local known="" p
    for p in $missing; do
      if apt-cache show "$p" >/dev/null 2>&1; then known="$known $p"
      elif apt-cache show "${p}t64" >/dev/null 2>&1; then known="$known ${p}t64"
      else echo "Không có gói $p trong kho của máy này; bỏ qua." >&2; fi
    done
    [ -n "$known" ] && { apt-get -o DPkg::Lock::Timeout=600 install -y -qq $opts $known >/dev/null || echo "Không cài được:$known" >&2; }
  else
    echo "Cần cài các gói hệ thống sau ($why), với quyền root: sudo apt-get install $missing" >&2
  fi
}

if command -v dpkg-query >/dev/null 2>&1; then
  install_debs "thư viện Qt" --no-install-recommends $qt_libs
  python3 -c "import venv, ensurepip" 2>/dev/null || install_debs "môi trường Python" python3-venv
  if [ $want_test = 1 ] && [ "${CI:-}" = "true" ]; then
    install_debs "kiểm thử xuất PDF và màn hình ảo" $check_libs
  fi
fi

py=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$py" -m venv .venv
fi
# Install the pip packages once per version of pyproject.toml (a stamp file says which).
extra=""; [ $want_test = 1 ] && extra="[test]"
# CI also builds the bundle and runs it (tests/packaging): PyInstaller, the "build" extra.
[ $want_test = 1 ] && [ "${CI:-}" = "true" ] && extra="[test,build]"
stamp=".venv/.installed"; [ $want_test = 1 ] && stamp=".venv/.installed-test"
want="$(cksum < pyproject.toml) $extra"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "Cài các gói Python vào .venv ..."
  if ! .venv/bin/python -m pip install -q -e ".$extra" > .venv/pip.log 2>&1; then
    cat .venv/pip.log >&2
    echo "Không cài được các gói Python (xem thông báo ở trên)." >&2
    exit 1
  fi
  echo "$want" > "$stamp"
fi
# Qt's menus and dialogs in Vietnamese: compile resources/i18n/*.ts when newer than the .qm (quiet otherwise).
.venv/bin/python tools/build_translations.py || true
