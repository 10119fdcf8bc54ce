#!/usr/bin/env bash
# Install Arbeidsfokus for the current user, or remove it: ./install.sh [--uninstall]
#
# Installs (XDG base directories; defaults in brackets), never needing root:
#   the app              $XDG_DATA_HOME/arbeidsfokus/app          [~/.local/share/arbeidsfokus/app]
#   menu entry           $XDG_DATA_HOME/applications/arbeidsfokus.desktop
#   case-file type       $XDG_DATA_HOME/mime/packages/arbeidsfokus.xml (*.arbeidsfokus)
#   icons                $XDG_DATA_HOME/icons/hicolor/*/apps/arbeidsfokus.{png,svg}
#   command line         ~/.local/bin/gp-tool (a link; an existing file of that name is left alone)
# An update replaces the app folder whole. Case files and settings are never touched.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
appdir=$data/arbeidsfokus/app
desktop=$data/applications/arbeidsfokus.desktop
mime=$data/mime/packages/arbeidsfokus.xml
icons=$data/icons/hicolor

say() { printf 'install.sh: %s\n' "$*"; }
fail() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

refresh_caches() {
  # Each tool is optional: without it the desktop picks the change up at the next login.
  if command -v update-mime-database >/dev/null 2>&1 && [ -d "$data/mime/packages" ]; then
    update-mime-database "$data/mime" >/dev/null 2>&1 || true
  fi
  if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$data/applications" ]; then
    update-desktop-database -q "$data/applications" >/dev/null 2>&1 || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$icons/index.theme" ]; then
    gtk-update-icon-cache -q -t -f "$icons" >/dev/null 2>&1 || true
  fi
}

remove_link() {
  if [ -L "$bin/gp-tool" ] && [ "$(readlink "$bin/gp-tool")" = "$appdir/gp-tool" ]; then
    rm -f "$bin/gp-tool"
  fi
}

uninstall() {
  remove_link
  rm -f "$desktop" "$mime"
  for png in "$icons"/*/apps/arbeidsfokus.png "$icons"/scalable/apps/arbeidsfokus.svg; do
    rm -f "$png"
  done
  rm -rf "$appdir" "$data/arbeidsfokus/app.new" "$data/arbeidsfokus/app.old"
  rmdir "$data/arbeidsfokus" 2>/dev/null || true
  refresh_caches
  say "Arbeidsfokus is removed (case files and settings are kept)."
}

install() {
  [ -x "$here/gp-tool/gp-tool" ] || fail "$here/gp-tool/gp-tool is missing: unpack the whole archive first"
  case "$appdir" in
    *'"'* | *'`'* | *'$'* | *'\'* | *$'\n'*)
      fail "cannot install into $appdir: the path holds a quote, backtick, dollar or backslash" ;;
  esac

  mkdir -p "$data/arbeidsfokus"
  rm -rf "$data/arbeidsfokus/app.new" "$data/arbeidsfokus/app.old"
  cp -a "$here/gp-tool" "$data/arbeidsfokus/app.new"
  if [ -d "$appdir" ]; then mv "$appdir" "$data/arbeidsfokus/app.old"; fi
  mv "$data/arbeidsfokus/app.new" "$appdir"
  rm -rf "$data/arbeidsfokus/app.old"

  # The menu entry points at this install: @APPDIR@ becomes the folder, with % doubled for Exec.
  local exec_dir=${appdir//%/%%}
  mkdir -p "$(dirname "$desktop")"
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
      Exec=*) line=${line//@APPDIR@/$exec_dir} ;;
      *) line=${line//@APPDIR@/$appdir} ;;
    esac
    printf '%s\n' "$line"
  done <"$here/share/applications/arbeidsfokus.desktop" >"$desktop.new"
  chmod 0644 "$desktop.new"
  mv "$desktop.new" "$desktop"

  mkdir -p "$(dirname "$mime")"
  cp "$here/share/mime/packages/arbeidsfokus.xml" "$mime"
  (cd "$here/share/icons/hicolor" && find . -type f) | while IFS= read -r icon; do
    mkdir -p "$(dirname "$icons/$icon")"
    cp "$here/share/icons/hicolor/$icon" "$icons/$icon"
  done

  mkdir -p "$bin"
  if [ ! -e "$bin/gp-tool" ] || [ -L "$bin/gp-tool" ]; then
    ln -sfn "$appdir/gp-tool" "$bin/gp-tool"
  else
    say "left $bin/gp-tool alone (not a link made by this script)"
  fi
  refresh_caches
  say "installed $("$appdir/gp-tool" --version) into $appdir"
  say "start it from the application menu (Arbeidsfokus) or with $bin/gp-tool"
}

case "${1-}" in
  "") install ;;
  --uninstall) uninstall ;;
  -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) fail "unknown option ${1}; use --uninstall or --help" ;;
esac
