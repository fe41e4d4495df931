#!/usr/bin/env bash
# Set up (first time) and open the app. Extra arguments go to the app (e.g. a plan file).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m kehoach_desktop "$@"
