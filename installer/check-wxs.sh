#!/usr/bin/env bash
# Check the Windows installer definition on Linux: compile installer/windows/gp-tool.wxs with Debian's wixl
# (msitools; WiX v3 subset) against a payload shaped like the Windows one-folder app, then read the MSI back
# (installer/msi_check.py: per-user, Start-menu shortcut, case-file association, every file present).
#
# The payload is dist/gp-tool/_internal when a Linux build exists (the real file list, hard-linked), else a
# small tree; Arbeidsfokus.exe and gp-tool.exe are placeholders (the real ones come from a Windows build).
# Installs wixl and msitools with apt-get when they are missing (as root). Output: build/wix-check/.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
PY=.venv/bin/python
[ -x "$PY" ] || PY=python3

if ! command -v wixl >/dev/null 2>&1 || ! command -v msiinfo >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || { echo "check-wxs: install wixl and msitools (apt-get install wixl msitools)" >&2; exit 1; }
  echo "check-wxs: installing wixl and msitools"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wixl msitools >/dev/null ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wixl msitools >/dev/null; }
fi

out=build/wix-check
payload=$out/payload/gp-tool
rm -rf "$out"
mkdir -p "$payload"
if [ -d dist/gp-tool/_internal ]; then
  cp -rlL dist/gp-tool/_internal "$payload/"        # the real file list; links resolved (an MSI holds no symlinks)
  source_note="dist/gp-tool/_internal"
else
  mkdir -p "$payload/_internal/gp_tool/resources/icons" "$payload/_internal/PySide6/Qt/plugins/platforms"
  cp gp_tool/resources/icons/arbeidsfokus.ico "$payload/_internal/gp_tool/resources/icons/"
  printf 'placeholder\n' >"$payload/_internal/PySide6/Qt/plugins/platforms/qwindows.dll"
  printf 'placeholder\n' >"$payload/_internal/python311.dll"
  source_note="a placeholder tree"
fi
printf 'placeholder for the windowed exe\n' >"$payload/Arbeidsfokus.exe"
printf 'placeholder for the console exe\n' >"$payload/gp-tool.exe"

$PY installer/wxs_harvest.py "$payload" --out "$out"
version=$($PY -c 'import sys; sys.path.insert(0, "."); from installer import bundle; print(bundle.version())')
msi=$out/Arbeidsfokus-$version-x64.msi
# wixl warns about attributes it does not implement; they matter only to the real WiX build on Windows.
set +e
wixl -a x64 -I "$out" -o "$msi" installer/windows/gp-tool.wxs "$out/files.wxs" 2>&1 |
  grep -v -E "has no property named '(InstallPrivileges|CompressionLevel)'|^$"
rc=${PIPESTATUS[0]}
set -e
[ "$rc" -eq 0 ] || { echo "check-wxs: wixl failed (exit code $rc)" >&2; exit 1; }
$PY installer/msi_check.py "$msi" "$out/files.wxs"
echo "check-wxs: $msi from $source_note, $(($(stat -c %s "$msi") / 1000000)) MB, $((SECONDS - started))s"
