#!/usr/bin/env bash
# Run the whole test suite, installing what it needs: the venv, Debian's chromium
# (Playwright cannot download browsers here), Debian's nginx with its brotli module (the
# deploy recipe is tested with the real server), poppler-utils (the printed PDF is read back),
# FreeDict's English-Dutch dictionary (the search reads it at build time) and axe-core from npm.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
[ -x /usr/bin/pdftotext ] || missing+=(poppler-utils)  # the printed gezichtenkaart's pages and text
# FreeDict's English-Dutch dictionary: the search's English words beyond the woordenboek (search/freedict.py)
[ -f /usr/share/dictd/freedict-eng-nld.index ] || missing+=(dict-freedict-eng-nld)
if [ "${#missing[@]}" -gt 0 ]; then
  as_root=()
  [ "$(id -u)" = 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update
  # Only the tests start nginx (on 127.0.0.1, a port of their own): Debian's policy-rc.d
  # hook keeps the package from starting a system service on port 80 while it installs.
  own_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | "${as_root[@]}" tee /usr/sbin/policy-rc.d >/dev/null
    "${as_root[@]}" chmod +x /usr/sbin/policy-rc.d
    own_policy=1
  fi
  status=0
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" || status=$?
  [ -z "$own_policy" ] || "${as_root[@]}" rm -f /usr/sbin/policy-rc.d
  [ "$status" = 0 ] || exit "$status"
fi
if [ -f tests/package.json ]; then
  (cd tests && npm ci --silent --no-audit --no-fund)
fi
# The lint gate (settings in pyproject.toml): any finding fails the run before the tests.
echo "ruff: $(.venv/bin/python -m ruff --version)"
.venv/bin/python -m ruff check .
# The type check (settings in pyproject.toml: all of src/wegwijzer, records/ and search/ strictly).
echo "mypy: $(.venv/bin/python -m mypy --version)"
.venv/bin/python -m mypy
bash scripts/meili-line.sh
exec .venv/bin/python -m pytest "$@"
