#!/usr/bin/env bash
# Create .venv and install Wegwijzer with its test tools. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "Installeren in .venv ..."
  "$PYTHON" -m venv .venv
fi
# constraints.txt pins the exact versions CI tested (pyproject.toml keeps the ranges).
# pip's output goes to a log; it is shown only when something fails.
log=.venv/install.log
if ! { .venv/bin/python -m pip install --upgrade pip -c constraints.txt \
       && .venv/bin/python -m pip install -e '.[test]' -c constraints.txt; } > "$log" 2>&1; then
  cat "$log" >&2
  echo "Installeren is mislukt; zie hierboven (ook in $log)." >&2
  exit 1
fi
