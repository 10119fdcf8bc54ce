#!/usr/bin/env bash
# Install everything the checks need (setup.sh --dev: system packages, .venv) and run every check and test.
# Used by CI (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev
bash scripts/check.sh
