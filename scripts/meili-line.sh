#!/usr/bin/env bash
# One line for the test log: do the live Meilisearch tests run here, and against what?
# (tests/conftest.py starts the server itself when `meilisearch` is on the PATH.)
if [ -n "${MEILI_URL:-}" ]; then
  echo "Live Meilisearch tests: against the server at MEILI_URL."
elif command -v meilisearch >/dev/null 2>&1; then
  echo "Live Meilisearch tests: against $(meilisearch --version 2>/dev/null | head -n 1), started by the tests on 127.0.0.1 with a temporary database."
else
  echo "Live Meilisearch tests skipped: no 'meilisearch' executable on the PATH and MEILI_URL is not set."
fi
