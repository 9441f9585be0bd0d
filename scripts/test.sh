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

# Label Studio, for the round trip of tests/test_labelstudio.py: in a virtual environment of its
# own (it pins Django and much else), installed once and kept between runs.
LABEL_STUDIO_VENV="${UNSPIN_LABEL_STUDIO_VENV:-$HOME/.cache/unspin/label-studio-1.23.2}"
# (sentry-sdk 3 refuses an option Label Studio 1.23.2 passes as it starts, and its requirement has no upper bound)
LABEL_STUDIO_PACKAGES=(label-studio==1.23.2 "sentry-sdk>=2.16,<3")
if [ ! -x "$LABEL_STUDIO_VENV/bin/label-studio" ]; then
  echo "installing Label Studio 1.23.2 into $LABEL_STUDIO_VENV (once; about a minute)..."
  if ! { python3 -m venv "$LABEL_STUDIO_VENV" && "$LABEL_STUDIO_VENV/bin/python" -m pip install --quiet "${LABEL_STUDIO_PACKAGES[@]}"; }; then
    rm -rf "$LABEL_STUDIO_VENV"
    echo "Label Studio could not be installed: its round-trip test is skipped" >&2
  fi
elif ! "$LABEL_STUDIO_VENV/bin/python" -m pip install --quiet "${LABEL_STUDIO_PACKAGES[@]}"; then  # (an older install's)
  echo "Label Studio's environment could not be brought to its pins: its round-trip test may be skipped" >&2
fi

exec .venv/bin/python -m pytest "$@"
