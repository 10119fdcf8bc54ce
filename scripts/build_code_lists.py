"""Build the compact diagnosis code resources shipped in ``gp_tool/resources/codes``.

Usage::

    python scripts/build_code_lists.py [SOURCE_DIR] [--out OUT_DIR]

``SOURCE_DIR`` defaults to ``../shared/data`` relative to the repository root (where CI clones the shared
data beside the repository) and ``OUT_DIR`` to ``gp_tool/resources/codes``.

Why a build step instead of shipping the source files: the source JSON repeats field names on every line
and carries fields the app can derive (``code_dotted``) or does not need (``text_full`` identical to
``text`` for most codes). Columnar JSON compressed with gzip is about a seventh of the size and parses
faster, which matters because the lists are loaded on the first keystroke of a diagnosis search.

The output is deterministic (sorted keys, fixed separators, gzip with ``mtime=0`` and no file name), so
rebuilding from the same source gives identical bytes and a test can tell whether the committed resources
are current.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import shutil
import sys
from pathlib import Path
from typing import Any, Final

REPO_ROOT: Final = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE: Final = REPO_ROOT.parent / "shared" / "data"
DEFAULT_OUT: Final = REPO_ROOT / "gp_tool" / "resources" / "codes"

#: Version of the resource layout; the loader refuses other versions instead of misreading them.
FORMAT_VERSION: Final = 1

# (source file, output file, system name as in gp_tool.domain.case.DiagnosisSystem, expected count)
DIAGNOSIS_FILES: Final = (
    ("icpc2_no.json", "icpc2.json.gz", "ICPC-2", 708),
    ("icpc2b_no.json", "icpc2b.json.gz", "ICPC-2B", 16_292),
    ("icd10_no.json", "icd10.json.gz", "ICD-10", 19_634),
)
# Small files copied byte for byte: they are a few kilobytes and readable in review as they are.
COPIED_FILES: Final = ("sykmelding_kodeverk_no.json", "utdypende_opplysninger_no.json")

_OID = re.compile(r"OID (\d+(?:\.\d+)+)")


def _dumps(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _gzip(data: bytes) -> bytes:
    """Compress deterministically: no file name and mtime 0 in the header, fixed level."""
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(data)
    return buf.getvalue()


def _check_text(value: Any, where: str) -> str:
    # The loader joins texts with newlines to normalise them in one pass, so a newline inside a text
    # would shift every later entry. The sources have none; fail loudly if a future release does.
    if not isinstance(value, str) or not value or "\n" in value or "\r" in value:
        raise ValueError(f"{where}: expected a non-empty one-line text, got {value!r}")
    return value


def compact_diagnosis_list(source: dict[str, Any], system: str, expected: int) -> dict[str, Any]:
    """Turn one source list into the columnar resource layout read by ``gp_tool.codes``.

    Columns instead of one object per code: field names are not repeated 20,000 times and parsing a few
    long string arrays is faster than parsing many small objects. ``texts_full`` holds ``null`` where the
    full text equals the short one (about a third of ICPC-2 and ICD-10 codes differ).
    """
    entries = source["codes"]
    if len(entries) != expected or source.get("count") != expected:
        raise ValueError(f"{system}: expected {expected} codes, found {len(entries)}")
    codes: list[str] = []
    texts: list[str] = []
    texts_full: list[str | None] = []
    parents: list[str] = []
    seen: set[str] = set()
    for entry in entries:
        code = entry["code"]
        if not isinstance(code, str) or code.strip() != code or not code:
            raise ValueError(f"{system}: malformed code {code!r}")
        if code.upper() in seen:
            raise ValueError(f"{system}: duplicate code {code!r} (case-insensitively)")
        seen.add(code.upper())
        text = _check_text(entry["text"], f"{system} {code} text")
        codes.append(code)
        texts.append(text)
        if system == "ICPC-2B":
            parent = entry["parent_code"]
            if code.split(".")[0] != parent:
                raise ValueError(f"{system}: {code} has parent {parent!r}, not its code prefix")
            parents.append(parent)
        else:
            full = _check_text(entry["text_full"], f"{system} {code} text_full")
            texts_full.append(None if full == text else full)
        if system == "ICD-10":
            dotted = code if len(code) <= 3 else f"{code[:3]}.{code[3:]}"
            if entry["code_dotted"] != dotted:
                raise ValueError(f"{system}: {code} dotted form {entry['code_dotted']!r} is not derivable")
    oid = _OID.search(source["system"])
    out: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "system": system,
        "oid": oid.group(1) if oid else None,
        "source": source["source"],
        "retrieved": source["retrieved"],
        "count": len(codes),
        "codes": codes,
        "texts": texts,
    }
    if system == "ICPC-2B":
        out["parents"] = parents
    else:
        out["texts_full"] = texts_full
    return out


def _readme_section(readme: str, heading: str) -> str:
    """A ``## heading`` section of the data README, verbatim, so the licence notes are not paraphrased."""
    match = re.search(rf"^## {re.escape(heading)}.*?$(.*?)(?=^## |\Z)", readme, re.M | re.S)
    if match is None:
        raise ValueError(f"data README has no section {heading!r}")
    return match.group(1).strip()


def sources_markdown(readme: str, headers: list[tuple[str, dict[str, Any]]]) -> str:
    """SOURCES.md: provenance per file from the data headers, plus the README's source and licence notes."""
    lines = [
        "# Sources of the code lists in this folder",
        "",
        "Generated by `scripts/build_code_lists.py` from the project's shared data folder; do not edit by",
        "hand. The sections after the table are copied verbatim from that folder's README.",
        "",
        "| resource | from | source (repository, path, commit) | retrieved | licence as stated |",
        "| --- | --- | --- | --- | --- |",
    ]
    for resource, header in headers:
        cells = [
            f"`{resource}`",
            f"`{header['_file']}`",
            str(header.get("source", header.get("description", ""))),
            str(header["retrieved"]),
            str(header["licence"]),
        ]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    lines += [
        "",
        "## Ownership of the diagnosis lists",
        "",
        "The code lists are Helsedirektoratet's Norwegian editions of international classifications: ICPC-2",
        "is owned by WONCA (World Organization of Family Doctors), with the Norwegian licence held by",
        "Helsedirektoratet (formerly Direktoratet for e-helse); ICD-10 is the WHO classification in",
        "Helsedirektoratet's Norwegian edition. NAV's MIT licences cover NAV's repositories, not these",
        "texts. Check Helsedirektoratet's terms (KoTe, ehelse.no) before redistributing the lists in a",
        "product.",
        "",
        "## Sources (from the data README)",
        "",
        _readme_section(readme, "Sources"),
        "",
        "## Licence / terms (from the data README)",
        "",
        _readme_section(readme, "Licence / terms"),
        "",
    ]
    return "\n".join(lines)


def build(source_dir: Path, out_dir: Path) -> list[Path]:
    """Write all resources into ``out_dir`` and return the written paths, sorted."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    headers: list[tuple[str, dict[str, Any]]] = []
    for src_name, out_name, system, expected in DIAGNOSIS_FILES:
        source = json.loads((source_dir / src_name).read_text(encoding="utf-8"))
        compact = compact_diagnosis_list(source, system, expected)
        target = out_dir / out_name
        target.write_bytes(_gzip(_dumps(compact)))
        written.append(target)
        headers.append((out_name, {**source, "_file": src_name, "codes": None}))
    for name in COPIED_FILES:
        source = json.loads((source_dir / name).read_text(encoding="utf-8"))
        target = out_dir / name
        shutil.copyfile(source_dir / name, target)
        written.append(target)
        headers.append((name, {**source, "_file": name}))
    readme = (source_dir / "README.md").read_text(encoding="utf-8")
    sources = out_dir / "SOURCES.md"
    sources.write_text(sources_markdown(readme, headers), encoding="utf-8", newline="\n")
    written.append(sources)
    return sorted(written)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE, help="shared data folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="resource folder to write")
    args = parser.parse_args(argv)
    if not (args.source / "README.md").is_file():
        print(f"source folder not found: {args.source}", file=sys.stderr)
        return 2
    total = 0
    for path in build(args.source, args.out):
        size = path.stat().st_size
        total += size
        print(f"{size:>9,} bytes  {path.name}")
    print(f"{total:>9,} bytes  total")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
