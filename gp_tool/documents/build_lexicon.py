"""Regenerate ``gp_tool/resources/firewall/derived.json`` from the code lists.

Run ``python -m gp_tool.documents.build_lexicon`` after the code lists or ``generic_words.txt``
change; ``tests/documents/test_lexicon.py`` fails while the file is stale.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from gp_tool.documents.lexicon import DERIVED_FILE, build_derived, dump_derived, resource_dir

__all__ = ["main"]


def main(argv: Sequence[str] = ()) -> int:
    """Write ``derived.json`` (into the source tree, or to the path given)."""
    target = Path(argv[0]) if argv else Path(str(resource_dir())) / DERIVED_FILE
    target.write_text(dump_derived(build_derived()), encoding="utf-8")
    sys.stdout.write(f"wrote {target}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
