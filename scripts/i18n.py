"""Translation catalogues: ``update`` (extract + merge), ``check`` (CI gate), ``compile`` (.mo).

Usage: python scripts/i18n.py update|check|compile
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from gp_tool.i18n.maintenance import check, compile_all, update

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "gp_tool"
TRANSLATIONS = PACKAGE / "translations"


def compile_qt() -> list[Path]:
    """Compile our catalogues for Qt's own dialog texts (``translations/qt/*.ts``) with lrelease."""
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    written = []
    for ts in sorted((TRANSLATIONS / "qt").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)
        written.append(qm)
    return written


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
        for path in [*compile_all(TRANSLATIONS), *compile_qt()]:
            print(f"compiled {path.relative_to(ROOT)}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
