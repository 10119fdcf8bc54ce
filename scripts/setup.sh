#!/usr/bin/env bash
# Install what Arbeidsfokus needs on a fresh Debian 12/13 or Ubuntu 22.04/24.04 machine, then a virtualenv in
# .venv with the pinned packages (requirements/constraints.txt).
#
#   bash scripts/setup.sh          what the app needs: python3, python3-venv, Qt's system libraries
#   bash scripts/setup.sh --dev    also what only the checks need (Xvfb, poppler, wixl, msitools, desktop-file-utils)
#                                  and the development tools in .venv (pytest, ruff, mypy, import-linter)
#
# Safe to run again, and offline once it has run: apt runs only when a package is missing, pip only when
# pyproject.toml or the constraints changed (a stamp of their hashes in .venv), and a .venv without a working pip
# (e.g. made before python3-venv was installed) is recreated. GP_TOOL_SETUP_APT=0 skips the system packages.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1

mode=app
for arg in "$@"; do
  case "$arg" in
    --dev) mode=dev ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "setup: unknown option $arg (use --dev or nothing)" >&2; exit 2 ;;
  esac
done

# Alternatives are written a|b: the first name the release knows is used (trixie and Ubuntu 24.04 renamed
# libglib2.0-0 to libglib2.0-0t64 in the 64-bit time transition). One already installed satisfies the entry.
APP_PACKAGES=(
  python3 python3-venv
  libegl1 libgl1 'libglib2.0-0t64|libglib2.0-0' libfontconfig1 libfreetype6 libxkbcommon0 libdbus-1-3
  fonts-dejavu-core libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-xfixes0 libxcb-xkb1 libx11-xcb1
)
DEV_PACKAGES=(
  xvfb xauth poppler-utils binutils          # the self-test on a real X server; PDFs looked at; the bundle's checks
  desktop-file-utils shared-mime-info wixl msitools  # installer checks: .desktop validation, the MSI compiled with wixl
)

# (Output into a variable, not `| grep -q`: with pipefail an early-exiting grep fails the pipe.)
installed() { local s; s=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) && [ "$s" = "install ok installed" ]; }
known() { local s; s=$(apt-cache show --no-all-versions "$1" 2>/dev/null) && [[ $s == *"Package: $1"* ]]; }

# ensure_apt ENTRY...: install what is missing; nothing (no apt at all) when everything is there.
ensure_apt() {
  local entry alt missing=() chosen
  for entry in "$@"; do
    local ok=0
    IFS='|' read -r -a alts <<<"$entry"
    for alt in "${alts[@]}"; do installed "$alt" && { ok=1; break; }; done
    [ $ok -eq 1 ] || missing+=("$entry")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup: run as root or install sudo (missing: ${missing[*]})" >&2; exit 1; }
    sudo="sudo"
  fi
  echo "setup: installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  local names=()
  for entry in "${missing[@]}"; do
    IFS='|' read -r -a alts <<<"$entry"
    chosen=""
    for alt in "${alts[@]}"; do known "$alt" && { chosen=$alt; break; }; done
    [ -n "$chosen" ] || { echo "setup: no package named ${entry//|/ or } on this release" >&2; exit 1; }
    names+=("$chosen")
  done
  $sudo apt-get install -y -qq --no-install-recommends "${names[@]}" >/dev/null
}

find_python() {
  local candidate
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      command -v "$candidate"; return 0
    fi
  done
  return 1
}

use_apt=0
if [ "${GP_TOOL_SETUP_APT:-1}" != 0 ] && command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
  use_apt=1
  if [ $mode = dev ]; then ensure_apt "${APP_PACKAGES[@]}" "${DEV_PACKAGES[@]}"; else ensure_apt "${APP_PACKAGES[@]}"; fi
elif [ "${GP_TOOL_SETUP_APT:-1}" != 0 ]; then
  echo "setup: apt-get not found; install Python >= 3.11 with venv and the Qt libraries listed in scripts/setup.sh yourself" >&2
fi

PY=$(find_python) || PY=""
if [ -z "$PY" ] && [ $use_apt -eq 1 ]; then
  ensure_apt python3.11 python3.11-venv  # Ubuntu 22.04: python3 is 3.10, python3.11 is packaged beside it
  PY=$(find_python) || PY=""
fi
[ -n "$PY" ] || { echo "setup: Python 3.11 or newer is required (found: $(python3 --version 2>&1 || echo none))" >&2; exit 1; }
if [ $use_apt -eq 1 ]; then
  pyv=$("$PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
  case "$PY" in  # a Debian/Ubuntu python: venv's pip comes from pythonX.Y-venv
    /usr/bin/*) installed "python$pyv-venv" || ensure_apt "python$pyv-venv" ;;
  esac
fi

# A .venv is healthy when its interpreter runs, is >= 3.11 and has pip. Anything else is rebuilt from scratch.
if [ -e .venv ] && ! .venv/bin/python -c 'import sys, pip; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; then
  echo "setup: .venv is broken (no working python or pip): recreating it"
  rm -rf .venv
fi
if [ ! -e .venv ]; then
  echo "setup: creating .venv with $("$PY" --version)"
  "$PY" -m venv .venv || {
    rm -rf .venv
    echo "setup: python3 -m venv failed; on Debian/Ubuntu install python3-venv, then run this again" >&2
    exit 1
  }
fi

# The stamp: hashes of what decides the installed packages, and the mode. dev includes app.
hashes() { cat pyproject.toml requirements/constraints.txt | sha256sum | cut -d' ' -f1; }
want="$(hashes) $(.venv/bin/python -c 'import sys; print(sys.version)' | head -1 | tr ' ' _)"
stamp=.venv/.gp-tool-setup
have=$(cat "$stamp" 2>/dev/null || true)
if [ "$have" != "$want dev" ] && { [ $mode = dev ] || [ "$have" != "$want app" ]; }; then
  extra=""; [ $mode = dev ] && extra="[dev]"
  echo "setup: installing Python packages into .venv ($mode)"
  rm -f "$stamp"
  # The build backend goes into .venv once (pinned), so the editable install needs no isolated build
  # environment and a later reinstall of the project itself does not fetch setuptools again.
  .venv/bin/python -m pip install -q -c requirements/constraints.txt "setuptools>=69" wheel
  .venv/bin/python -m pip install -q --no-build-isolation -c requirements/constraints.txt -e ".$extra"
  echo "$want $mode" >"$stamp"
fi

# Compiled catalogues (.mo, Qt's .qm) when a catalogue changed since the last compile.
i18n_want=$(cat gp_tool/translations/*/LC_MESSAGES/*.po gp_tool/translations/qt/*.ts 2>/dev/null | sha256sum | cut -d' ' -f1)
i18n_stamp=.venv/.gp-tool-i18n
if [ "$(cat "$i18n_stamp" 2>/dev/null || true)" != "$i18n_want" ] ||
   ! ls gp_tool/translations/*/LC_MESSAGES/messages.mo >/dev/null 2>&1; then
  .venv/bin/python scripts/i18n.py compile >/dev/null
  echo "$i18n_want" >"$i18n_stamp"
fi
echo "setup: ready (.venv, $mode)"
