#!/usr/bin/env bash
# Set up a virtual environment with the test extras, make sure Chromium is there for the
# report tests, and run the whole test suite. Safe to run again: it reuses .venv.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Chromium for the HTML report tests..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: install it (Debian: apt-get install chromium) or the browser tests are skipped" >&2
  fi
fi

exec .venv/bin/python -m pytest "$@"
