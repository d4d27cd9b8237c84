#!/usr/bin/env bash
# Run the whole test suite, installing what it needs: the venv, Debian's chromium
# (Playwright cannot download browsers here) and axe-core from npm.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update && apt-get install -y chromium
  else
    sudo apt-get update && sudo apt-get install -y chromium
  fi
fi
if [ -f tests/package.json ]; then
  (cd tests && npm ci --silent --no-audit --no-fund)
fi
# The lint gate (settings in pyproject.toml): any finding fails the run before the tests.
echo "ruff: $(.venv/bin/python -m ruff --version)"
.venv/bin/python -m ruff check .
exec .venv/bin/python -m pytest "$@"
