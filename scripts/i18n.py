"""Translation catalogues: ``update`` (extract + merge), ``check`` (CI gate), ``compile`` (.mo).

Usage: python scripts/i18n.py update|check|compile
"""

from __future__ import annotations

import sys
from pathlib import Path

from gp_tool.i18n.maintenance import check, compile_all, update

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "gp_tool"
TRANSLATIONS = PACKAGE / "translations"


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        for path in update(PACKAGE, TRANSLATIONS):
            print(f"updated {path.relative_to(ROOT)}")
        return 0
    if command == "check":
        defects = check(PACKAGE, TRANSLATIONS)
        for line in defects:
            print(line)
        print(f"catalogues: {len(defects)} defect(s)")
        return 1 if defects else 0
    if command == "compile":
        for path in compile_all(TRANSLATIONS):
            print(f"compiled {path.relative_to(ROOT)}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
