#!/usr/bin/env bash
# Refresh constraints.txt: the exact versions scripts/setup.sh and CI install.
# pyproject.toml keeps the ranges users install from; this file pins one tested set of
# them, so a fresh clone installs the same packages on any day. Run it after changing a
# dependency or to take newer releases, then run scripts/test.sh and commit both files.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$PYTHON" -m venv "$scratch/venv"
if ! { "$scratch/venv/bin/python" -m pip install --upgrade pip \
       && "$scratch/venv/bin/python" -m pip install '.[test]'; } > "$scratch/pip.log" 2>&1; then
  cat "$scratch/pip.log" >&2
  exit 1
fi
{
  echo "# Exact versions for scripts/setup.sh and CI (refresh: bash scripts/refresh-constraints.sh)."
  echo "# Users installing Wegwijzer get the ranges in pyproject.toml instead."
  "$scratch/venv/bin/python" -m pip freeze --all --exclude-editable | grep -v -i '^wegwijzer[= @]'
} > constraints.txt
echo "constraints.txt: $(grep -vc '^#' constraints.txt) packages pinned."
