#!/usr/bin/env bash
# Set up a virtual environment and analyse the article bundled with unspin into an HTML report.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e .

.venv/bin/unspin analyze --example --format html --output unspin-report.html --force
