#!/usr/bin/env bash
# Install what the app needs (setup.sh: no check-only tools) and start Arbeidsfokus on a demo case (fictional
# patient). A second run installs nothing and works offline.
# Extra arguments go to the app, e.g.: bash scripts/run-demo.sh --lang nn
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/gp-tool --demo uke8-rygg "$@"
