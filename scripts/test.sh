#!/usr/bin/env bash
# Install everything (system packages, .venv) and run every check and test. Used by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/check.sh
