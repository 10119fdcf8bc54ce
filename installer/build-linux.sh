#!/usr/bin/env bash
# Build the Linux desktop bundle from a clone and check it:
#   dist/gp-tool/                                  one-folder app (PyInstaller, installer/gp-tool.spec)
#   dist/gp-tool-<version>-linux-<machine>.tar.gz  the folder + .desktop entry, icons, case-file type, install.sh
# Steps: .venv (scripts/setup.sh --dev) → PyInstaller (requirements/build.txt) → compiled catalogues →
# bundle → smoke runs of the bundle (--version, schema, translated help, self-test offscreen) → tarball →
# install.sh into a scratch HOME and uninstall. Prints the time and the sizes; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export PIP_DISABLE_PIP_VERSION_CHECK=1
started=$SECONDS
step() { printf '\n== %s (%ss)\n' "$*" "$((SECONDS - started))"; }
fail() { printf 'build-linux: %s\n' "$*" >&2; exit 1; }

step "environment"
bash scripts/setup.sh --dev  # quick when done; --dev: binutils for PyInstaller
PY=.venv/bin/python
command -v objdump >/dev/null 2>&1 || fail "objdump is missing: PyInstaller needs binutils (bash scripts/setup.sh installs it)"
$PY -m pip install -q -c requirements/constraints.txt -r requirements/build.txt
VERSION=$($PY -c 'import gp_tool; print(gp_tool.__version__)')
echo "Arbeidsfokus $VERSION, $($PY -m PyInstaller --version | sed 's/^/PyInstaller /'), $($PY --version)"

step "translation catalogues (.mo, .qm)"
$PY scripts/i18n.py compile >/dev/null

step "PyInstaller (installer/gp-tool.spec)"
rm -rf dist/gp-tool
set +e
$PY -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller installer/gp-tool.spec 2>&1 |
  grep -v -E "could not resolve 'lib(gtk|gdk)-3\.so\.0'"   # the qgtk3 theme plugin uses the system's GTK
rc=${PIPESTATUS[0]}
set -e
[ "$rc" -eq 0 ] || fail "PyInstaller failed (exit code $rc)"
[ -x dist/gp-tool/gp-tool ] || fail "PyInstaller did not produce dist/gp-tool/gp-tool"

step "smoke runs of the bundle"
export QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES='qt.qpa.*=false'
got=$(dist/gp-tool/gp-tool --version)
[ "$got" = "gp-tool $VERSION" ] || fail "--version printed '$got', expected 'gp-tool $VERSION'"
echo "ok   --version: $got"
dist/gp-tool/gp-tool schema | $PY -c 'import json, sys; json.load(sys.stdin)' || fail "schema is not JSON"
echo "ok   schema is JSON (pydantic works)"
expected=$($PY -c 'from gp_tool.i18n.catalog import translator; print(translator("nn").gettext("show this help message and exit"))')
[ "$expected" != "show this help message and exit" ] || fail "the nn catalogue has no text for argparse's help"
dist/gp-tool/gp-tool --lang nn --help | grep -q -F "$expected" ||
  fail "--lang nn --help lacks '$expected': the compiled catalogues are not in the bundle"
echo "ok   --lang nn --help is translated (compiled catalogues found)"
dist/gp-tool/gp-tool self-test || fail "the bundle's self-test failed"

step "tarball"
tarball=$($PY installer/linux.py package dist)
echo "$tarball"

step "install.sh into a scratch home, then --uninstall"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
tar -xzf "$tarball" -C "$scratch"
unpacked=$scratch/$(basename "$tarball" .tar.gz)
HOME=$scratch/home XDG_DATA_HOME=$scratch/home/.local/share bash "$unpacked/install.sh"
installed=$scratch/home/.local/share/arbeidsfokus/app
[ "$("$scratch/home/.local/bin/gp-tool" --version)" = "gp-tool $VERSION" ] || fail "the installed gp-tool does not run"
[ -f "$scratch/home/.local/share/applications/arbeidsfokus.desktop" ] || fail "no desktop entry installed"
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$scratch/home/.local/share/applications/arbeidsfokus.desktop"
  echo "ok   desktop-file-validate"
fi
HOME=$scratch/home XDG_DATA_HOME=$scratch/home/.local/share bash "$unpacked/install.sh" --uninstall
[ ! -e "$installed" ] || fail "--uninstall left $installed"

step "done"
folder_mb=$(du -sm dist/gp-tool | cut -f1)
files=$(find dist/gp-tool -type f | wc -l)
tar_bytes=$(stat -c %s "$tarball")
printf 'bundle folder  dist/gp-tool: %s MB, %s files\n' "$folder_mb" "$files"
printf 'tarball        %s: %s MB (%s bytes)\n' "$tarball" "$((tar_bytes / 1000000))" "$tar_bytes"
printf 'build time     %ss\n' "$((SECONDS - started))"
