#!/bin/sh
# Desktop launcher for Arbeidsfokus (installed as <app folder>/arbeidsfokus by install.sh).
# The menu entry starts it without arguments; a file manager's "Open" passes one case file.
here=$(dirname "$(readlink -f "$0")")
if [ $# -gt 0 ]; then
  exec "$here/gp-tool" gui --case "$1"
fi
exec "$here/gp-tool" gui
