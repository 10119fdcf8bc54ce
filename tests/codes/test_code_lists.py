"""Diagnosis code lists: counts, spot checks from the data README, NAV's validity rule and search."""

from __future__ import annotations

import gzip
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from gp_tool.codes import CodeEntry, CodeLists, CodeSystem, icpc2_component, kodeverk, questions

REPO = Path(__file__).resolve().parents[2]
SOURCE = REPO.parent / "shared" / "data"
RESOURCES = REPO / "gp_tool" / "resources" / "codes"

ICPC2, ICPC2B, ICD10 = CodeSystem.ICPC2, CodeSystem.ICPC2B, CodeSystem.ICD10


@pytest.fixture(scope="module")
def lists() -> CodeLists:
    return CodeLists()


def _codes(hits: list) -> list[str]:  # type: ignore[type-arg]
    return [h.entry.code for h in hits]


# ---------------------------------------------------------------------------- loading


def test_code_system_is_the_case_file_enum() -> None:
    from gp_tool.domain.case import DiagnosisSystem

    assert CodeSystem is DiagnosisSystem
    assert [s.value for s in CodeSystem] == ["ICPC-2", "ICPC-2B", "ICD-10"]


@pytest.mark.parametrize(("system", "count"), [(ICPC2, 708), (ICPC2B, 16_292), (ICD10, 19_634)])
def test_counts(lists: CodeLists, system: CodeSystem, count: int) -> None:
    assert lists.count(system) == count
    assert sum(1 for _ in lists.entries(system)) == count


def test_import_loads_nothing() -> None:
    # A fresh interpreter: in this one other tests may already have loaded the shared instance.
    code = (
        "import sys, gp_tool.codes as c; "
        "print(sorted(c.code_lists().loaded_systems()), 'PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "[] False"


def test_loading_is_lazy_per_system() -> None:
    fresh = CodeLists()
    assert fresh.loaded_systems() == frozenset()
    assert fresh.lookup(ICPC2, "L03") is not None
    assert fresh.loaded_systems() == {ICPC2}
    fresh.lookup(ICD10, "M545")
    assert fresh.loaded_systems() == {ICPC2, ICD10}


# ---------------------------------------------------------------------------- lookup


@pytest.mark.parametrize(
    ("system", "code", "text"),
    [
        (ICPC2, "L03", "Korsrygg symptomer/plager"),
        (ICPC2, "L84", "Ryggsyndrom uten smerteutstråling"),
        (ICPC2, "P76", "Depressiv lidelse"),
        (ICPC2, "P74", "Angstlidelse"),
        (ICPC2, "P02", "Psykisk ubalanse situasjonsbetinget"),
        (ICPC2, "A04", "Slapphet/tretthet"),
        (ICPC2, "K86", "Hypertensjon ukomplisert"),
        (ICD10, "F320", "Mild depressiv episode"),
        (ICD10, "M545", "Lumbago"),
        (ICD10, "M544", "Lumbago med isjialgi"),
        (ICD10, "R51", "Hodepine"),
    ],
)
def test_spot_checks(lists: CodeLists, system: CodeSystem, code: str, text: str) -> None:
    entry = lists.lookup(system, code)
    assert entry == CodeEntry(system, code, text, text, None)
    assert lists.is_valid(system, code)


def test_icd10_categories_with_subcodes_are_not_entries(lists: CodeLists) -> None:
    assert lists.lookup(ICD10, "F32") is None
    assert lists.lookup(ICD10, "M54") is None
    assert not lists.is_valid(ICD10, "F32")
    assert not lists.is_valid(ICD10, "M54")
    assert lists.is_valid(ICD10, "R51")


@pytest.mark.parametrize("typed", ["M54.5", "M545", "m54.5", "  M54.5 ", "m545"])
def test_icd10_lookup_ignores_dot_case_and_blanks(lists: CodeLists, typed: str) -> None:
    entry = lists.lookup(ICD10, typed)
    assert entry is not None
    assert entry.code == "M545"
    assert entry.display_code == "M54.5"


def test_display_code(lists: CodeLists) -> None:
    assert lists.lookup(ICD10, "R51").display_code == "R51"  # type: ignore[union-attr]
    assert lists.lookup(ICD10, "M5406").display_code == "M54.06"  # type: ignore[union-attr]
    assert lists.lookup(ICPC2, "l03").display_code == "L03"  # type: ignore[union-attr]
    # ICD-10 codes with lower-case letters are found case-insensitively but keep their spelling.
    assert lists.lookup(ICD10, "i21.0A").code == "I210a"  # type: ignore[union-attr]


def test_full_text_kept_where_it_differs(lists: CodeLists) -> None:
    entry = lists.lookup(ICPC2, "A981")
    assert entry is not None
    assert (entry.text, entry.text_full) == ("Cytologi livmorhals screening", "Livmorhalsprøve")


def test_lookup_is_per_system(lists: CodeLists) -> None:
    assert lists.lookup(ICPC2, "M545") is None
    assert lists.lookup(ICD10, "L03") is None
    assert lists.lookup(ICPC2, "L03.0002") is None
    assert lists.lookup(ICPC2B, "L03") is None


# ---------------------------------------------------------------------------- ICPC-2B and validity


def test_icpc2b_valid_with_parent(lists: CodeLists) -> None:
    entry = lists.lookup(ICPC2B, "L03.0002")
    assert entry == CodeEntry(ICPC2B, "L03.0002", "Korsryggssmerte", "Korsryggssmerte", "L03")
    assert lists.is_valid(ICPC2B, "L03.0002")
    assert lists.parent("L03.0002") == lists.lookup(ICPC2, "L03")


@pytest.mark.parametrize(
    ("system", "code"),
    [(ICPC2, "L00"), (ICPC2, "L30"), (ICPC2B, "L03.9999"), (ICD10, "M54.7"), (ICPC2, ""), (ICD10, "XYZ")],
)
def test_unknown_codes_invalid(lists: CodeLists, system: CodeSystem, code: str) -> None:
    assert not lists.is_valid(system, code)
    assert lists.lookup(system, code) is None


def test_parent_of_unknown_is_none(lists: CodeLists) -> None:
    assert lists.parent("L03.9999") is None
    assert lists.parent("L03") is None


def _write_resource(folder: Path, name: str, payload: dict) -> None:  # type: ignore[type-arg]
    data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    (folder / name).write_bytes(gzip.compress(data, mtime=0))


@pytest.fixture
def tiny(tmp_path: Path) -> CodeLists:
    """Two ICPC-2 codes and three ICPC-2B terms, one of them under a parent missing from ICPC-2."""
    _write_resource(
        tmp_path,
        "icpc2.json.gz",
        {
            "format": 1,
            "system": "ICPC-2",
            "count": 2,
            "codes": ["L03", "P76"],
            "texts": ["Korsrygg symptomer/plager", "Depressiv lidelse"],
            "texts_full": [None, None],
        },
    )
    _write_resource(
        tmp_path,
        "icpc2b.json.gz",
        {
            "format": 1,
            "system": "ICPC-2B",
            "count": 3,
            "codes": ["L03.0002", "L84.0001", "P76.0001"],
            "texts": ["Korsryggssmerte", "Ryggsyndrom uten utstråling", "Depresjon"],
            "parents": ["L03", "L84", "P76"],
        },
    )
    return CodeLists(tmp_path)


def test_icpc2b_invalid_when_parent_is_not_valid(tiny: CodeLists) -> None:
    assert tiny.count(ICPC2) == 2
    assert tiny.lookup(ICPC2B, "L84.0001") is not None  # in the ICPC-2B list ...
    assert not tiny.is_valid(ICPC2B, "L84.0001")  # ... but L84 is not a valid ICPC-2 code here
    assert tiny.parent("L84.0001") is None
    assert tiny.is_valid(ICPC2B, "L03.0002")
    assert tiny.is_valid(ICPC2B, "P76.0001")


def test_term_with_invalid_parent_is_not_offered_as_synonym(tiny: CodeLists) -> None:
    assert _codes(tiny.search("utstråling")) == []
    hits = tiny.search("utstråling", systems=(ICPC2B,))
    assert _codes(hits) == ["L84.0001"]


def test_unsupported_resource_format_is_refused(tmp_path: Path) -> None:
    _write_resource(tmp_path, "icpc2.json.gz", {"format": 99, "system": "ICPC-2", "codes": []})
    with pytest.raises(ValueError, match="unsupported code resource"):
        CodeLists(tmp_path).lookup(ICPC2, "L03")


# ---------------------------------------------------------------------------- component


@pytest.mark.parametrize(
    ("code", "component"),
    [
        ("L03", "symptom"),
        ("L84", "diagnosis"),
        ("A01", "symptom"),
        ("Z29", "symptom"),
        ("K70", "diagnosis"),
        ("P99", "diagnosis"),
        ("A30", "process"),
        ("A69", "process"),
        ("R991", "diagnosis"),
        ("A191", "symptom"),
        ("L03.0002", "symptom"),
        (" l84 ", "diagnosis"),
        ("L00", None),
        ("L3", None),
        ("3LL", None),
        ("", None),
    ],
)
def test_icpc2_component(code: str, component: str | None) -> None:
    assert icpc2_component(code) == component
    assert CodeLists.icpc2_component(code) == component


def test_component_counts_match_readme(lists: CodeLists) -> None:
    components = [icpc2_component(e.code) for e in lists.entries(ICPC2)]
    assert (components.count("symptom"), components.count("diagnosis")) == (321, 387)


# ---------------------------------------------------------------------------- search


def test_search_code_ranks_exact_code_first(lists: CodeLists) -> None:
    hits = lists.search("L03")
    assert hits[0].entry.code == "L03"
    assert hits[0].via is None
    assert hits[0].matched_text == "Korsrygg symptomer/plager"


def test_search_code_prefix_is_case_insensitive(lists: CodeLists) -> None:
    assert _codes(lists.search("l0", limit=9)) == ["L01", "L02", "L03", "L04", "L05", "L07", "L08", "L09"]


def test_search_icd10_code_with_dot(lists: CodeLists) -> None:
    hits = lists.search("M54.5", systems=(ICD10,))
    assert _codes(hits) == ["M545"]
    assert _codes(lists.search("m54", systems=(ICD10,), limit=3)) == ["M540", "M5400", "M5401"]


def test_search_finds_icpc2_through_icpc2b_synonym(lists: CodeLists) -> None:
    # "Isjias" occurs in no ICPC-2 text; it is an ICPC-2B term under L86.
    hits = lists.search("isjias")
    assert _codes(hits) == ["L86"]
    assert hits[0].via == lists.lookup(ICPC2B, "L86.0002")
    assert hits[0].matched_text == "Isjias skivedegenerasjon"
    assert hits[0].entry.text == "Ryggsyndrom med smerteutstråling"


def test_search_icpc2b_alone_returns_terms(lists: CodeLists) -> None:
    hits = lists.search("isjias", systems=(ICPC2B,))
    assert _codes(hits) == ["L86.0002", "L86.0003", "L86.0004", "L86.0005"]
    assert {h.via for h in hits} == {None}
    assert hits[3].entry == CodeEntry(ICPC2B, "L86.0005", "Isjias", "Isjias", "L86")


def test_search_without_synonyms(lists: CodeLists) -> None:
    assert lists.search("isjias", systems=(ICPC2,)) == []


def test_search_depr_finds_p76(lists: CodeLists) -> None:
    hits = lists.search("depr", limit=5)
    assert "P76" in _codes(hits)
    assert [(h.entry.code, h.score) for h in hits[:2]] == [("P03", 45), ("P76", 45)]


def test_search_substring_inside_word_ranks_below_word_start(lists: CodeLists) -> None:
    hits = lists.search("rygg", systems=(ICPC2,), limit=50)
    codes = _codes(hits)
    assert codes[0] == "L02"  # "Rygg symptomer/plager": first word
    assert "L03" in codes  # "Korsrygg ...": inside a word
    assert hits[codes.index("L03")].score < hits[codes.index("L84")].score  # L84 "Ryggsyndrom ..."


def test_search_is_case_insensitive_with_norwegian_letters(lists: CodeLists) -> None:
    upper = lists.search("UTSTRÅLING", systems=(ICPC2,))
    lower = lists.search("utstråling", systems=(ICPC2,))
    assert _codes(upper) == _codes(lower) == ["L84", "L86"]
    assert _codes(lists.search("ØRE", systems=(ICPC2,), limit=1)) == _codes(
        lists.search("øre", systems=(ICPC2,), limit=1)
    )


def test_search_multi_word_is_and(lists: CodeLists) -> None:
    both = lists.search("ryggsyndrom uten", systems=(ICPC2,))
    assert _codes(both) == ["L84"]
    assert _codes(lists.search("ryggsyndrom", systems=(ICPC2,))) == ["L84", "L86"]
    assert lists.search("ryggsyndrom hoste", systems=(ICPC2,)) == []


def test_search_mixed_code_and_word(lists: CodeLists) -> None:
    assert _codes(lists.search("L8 ryggsyndrom", systems=(ICPC2,))) == ["L84", "L86"]


def test_search_limit_respected(lists: CodeLists) -> None:
    assert len(lists.search("r", limit=7)) == 7
    assert len(lists.search("smerte", systems=(ICPC2, ICPC2B, ICD10), limit=3)) == 3
    assert lists.search("smerte", limit=0) == []


@pytest.mark.parametrize("query", ["", "   ", "\t\n"])
def test_search_empty_query(lists: CodeLists, query: str) -> None:
    assert lists.search(query) == []


def test_search_order_is_deterministic(lists: CodeLists) -> None:
    hits = lists.search("smerte", systems=(ICPC2, ICPC2B, ICD10), limit=200)
    keys = [(-h.score, h.entry.code) for h in hits]
    assert keys == sorted(keys)
    assert hits == lists.search("smerte", systems=(ICPC2, ICPC2B, ICD10), limit=200)
    assert len({(h.entry.system, h.entry.code) for h in hits}) == len(hits)


def test_search_nothing_found(lists: CodeLists) -> None:
    assert lists.search("zzqx") == []


# ---------------------------------------------------------------------------- small lists


def test_kodeverk_and_questions() -> None:
    kv = kodeverk()
    assert list(kv["lists"]) == [
        "medisinsk_arsak",
        "arbeidsrelatert_arsak",
        "annen_fravarsgrunn",
        "svar_restriksjon",
        "har_arbeidsgiver",
        "aktivitetstype",
        "diagnose_kodeverk",
    ]
    kv["lists"].clear()  # a caller's edit does not leak into the next call
    assert len(kodeverk()["lists"]) == 7
    qs = questions()
    assert len(qs["syk_inn_2026"]["questions"]) == 11
    assert sorted({q["week"] for q in qs["syk_inn_2026"]["questions"]}) == [7, 17, 39]
    assert {"legacy_spmgrupper", "syk_inn_2026"} <= set(qs)


# ---------------------------------------------------------------------------- resources


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_code_lists", REPO / "scripts" / "build_code_lists.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not (SOURCE / "README.md").is_file(), reason=f"shared source data not found at {SOURCE}")
def test_resources_are_current_and_build_is_deterministic(tmp_path: Path) -> None:
    build = _build_module().build
    first = build(SOURCE, tmp_path / "a")
    second = build(SOURCE, tmp_path / "b")
    names = [p.name for p in first]
    assert names == [p.name for p in second]
    assert names == sorted(p.name for p in RESOURCES.iterdir() if p.is_file())
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), f"{a.name} differs between two builds"
    for path in first:
        committed = RESOURCES / path.name
        if path.suffix == ".gz":
            # Compare content, not bytes: another zlib version may compress the same data differently.
            assert gzip.decompress(path.read_bytes()) == gzip.decompress(committed.read_bytes()), path.name
        else:
            assert path.read_bytes() == committed.read_bytes(), path.name


def test_resources_are_small() -> None:
    total = sum(p.stat().st_size for p in RESOURCES.iterdir() if p.is_file())
    assert total < 1_000_000


def test_sources_notes_carry_ownership_and_commits() -> None:
    text = (RESOURCES / "SOURCES.md").read_text(encoding="utf-8")
    for needle in (
        "6a51b428c370",
        "05d5dfd43778",
        "2026-11-22",
        "Wonca",
        "WONCA",
        "Helsedirektoratet",
        "MIT",
    ):
        assert needle in text, needle
