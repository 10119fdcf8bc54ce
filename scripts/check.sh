#!/usr/bin/env bash
# The one check for developers and CI: lint, types, architecture, catalogues, tests, smoke runs.
# Expects .venv from scripts/setup.sh. Exits non-zero on the first failing gate.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES='qt.qpa.*=false'
V=.venv/bin

step() { printf '\n== %s\n' "$*"; }

step "ruff (lint and format)"
$V/ruff check .
$V/ruff format --check .

step "mypy (strict for domain, rules, i18n, codes, storage)"
$V/mypy

step "import-linter (layers: no Qt below ui, no reportlab outside documents, nothing imports ui)"
$V/lint-imports

step "translation catalogues (complete, no fuzzy entries, placeholders match, template current)"
$V/python scripts/i18n.py check
$V/python scripts/i18n.py compile >/dev/null

step "pytest"
set +e
$V/python -m pytest -q -p no:cacheprovider
rc=$?
set -e
if [ $rc -eq 5 ]; then echo "pytest collected no tests: that is a failure"; exit 1; fi
[ $rc -eq 0 ] || exit $rc

step "self-test (offscreen)"
$V/gp-tool self-test

if command -v xvfb-run >/dev/null 2>&1; then
  step "self-test on a real X server (Xvfb, xcb)"
  xvfb-run -a -s '-screen 0 1280x1024x24' env QT_QPA_PLATFORM=xcb $V/gp-tool self-test
fi
echo
echo "All checks passed."
