"""Translation catalogues: ``update`` (extract + merge), ``check`` (CI gate), ``compile`` (.mo).

Usage: python scripts/i18n.py update|check|compile
       python scripts/i18n.py fill FILE.json   (update, then set translations from
       {"msgid": {"nb": "...", "nn": "...", "en": "..."}}; plural forms as lists)

``update`` and ``fill`` hold a lock on the catalogues, so parallel runs do not overwrite each other.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from gp_tool.i18n.maintenance import check, compile_all, fill, update

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
    if command in {"update", "fill"}:
        with (TRANSLATIONS / ".lock").open("w") as lock:
            if sys.platform != "win32":
                import fcntl  # noqa: PLC0415 - POSIX only; Windows runs unlocked

                fcntl.flock(lock, fcntl.LOCK_EX)
            for path in update(PACKAGE, TRANSLATIONS):
                print(f"updated {path.relative_to(ROOT)}")
            if command == "fill":
                entries = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
                for msgid in fill(TRANSLATIONS, entries):
                    print(f"not in the catalogues (is the text marked?): {msgid!r}")
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
