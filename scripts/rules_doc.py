"""Write docs/rules.md, the rule catalogue NAV doctors and trainers read, from gp_tool.rules.

Usage: python scripts/rules_doc.py          (write the file)
       python scripts/rules_doc.py --check  (exit 1 if the committed file is stale)

tests/rules/test_catalogue.py fails when the file differs from the code, so CI keeps it current.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gp_tool.rules.catalogue import catalogue_document  # noqa: E402

TARGET = ROOT / "docs" / "rules.md"


def main(argv: list[str]) -> int:
    text = catalogue_document()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET.relative_to(ROOT)} is stale: run python scripts/rules_doc.py")
            return 1
        print(f"{TARGET.relative_to(ROOT)} is current")
        return 0
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
