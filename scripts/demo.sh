#!/usr/bin/env bash
# One command for a newcomer: install, check the demo data, build the portal and serve it.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
.venv/bin/wegwijzer check voorzieningen/
.venv/bin/wegwijzer build voorzieningen/
exec .venv/bin/wegwijzer serve voorzieningen/ "$@"
