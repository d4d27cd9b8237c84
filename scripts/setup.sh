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
# The web editor at /admin/ ships Decap CMS from npm (exact versions: admin/package-lock.json).
if command -v npm > /dev/null; then
  if ! (cd admin && npm ci --silent --no-audit --no-fund --ignore-scripts) > .venv/npm.log 2>&1; then
    cat .venv/npm.log >&2
    echo "Installeren van de webeditor (npm ci in admin/) is mislukt; zie hierboven." >&2
    exit 1
  fi
  # The site's own browser libraries (lean-qr for the printed lijstje; exact versions: vendor/package-lock.json).
  if ! (cd vendor && npm ci --silent --no-audit --no-fund --ignore-scripts) > .venv/npm-vendor.log 2>&1; then
    cat .venv/npm-vendor.log >&2
    echo "Installeren van de bibliotheken van de site (npm ci in vendor/) is mislukt; zie hierboven." >&2
    exit 1
  fi
else
  echo "Let op: npm ontbreekt, dus de webeditor (/admin/) kan niet worden gebouwd en het lijstje wordt zonder" \
       "QR-codes afgedrukt. Installeer Node.js en npm." >&2
fi
