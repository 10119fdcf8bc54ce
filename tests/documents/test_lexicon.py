"""The firewall's word lists: file syntax, matching rules, and the generated derived.json."""

from __future__ import annotations

import pytest

from gp_tool.documents.lexicon import (
    DERIVED_FILE,
    LeakKind,
    Lexicon,
    Term,
    build_derived,
    derived,
    dump_derived,
    generic_words,
    lexicon,
    normalise,
    phrase_variants,
    read_term_file,
    resource_dir,
    tokens,
)

WORD = Term("x", LeakKind.DIAGNOSIS_WORD, "general")


def hits(lex: Lexicon, text: str) -> list[str]:
    return [text[m.start : m.end] for m in lex.scan(text)]


def test_derived_json_is_current() -> None:
    """Fails when the code lists or generic_words.txt changed: run python -m gp_tool.documents.build_lexicon."""
    shipped = (resource_dir() / DERIVED_FILE).read_text(encoding="utf-8")
    assert shipped == dump_derived(build_derived())


def test_normalise_folds_case_and_accents_but_keeps_norwegian_letters() -> None:
    assert normalise("ÆØÅ Café Über Smärta Öl") == "æøå cafe uber smærta øl"
    assert list(tokens("Hiv-sykdom/aids, L03.0002")) == [
        ("hiv", 0, 3),
        ("sykdom", 4, 10),
        ("aids", 11, 15),
        ("l03", 17, 20),
        ("0002", 21, 25),
    ]


@pytest.mark.parametrize(
    ("pattern", "matches", "misses"),
    [
        ("angst", ["angst", "Angst"], ["angsten", "sosialangst"]),
        ("angst*", ["angst", "angsten", "angstlidelse"], ["sosialangst", "fangst"]),
        ("*angst", ["angst", "sosialangst"], ["angsten"]),
        ("*depresj*", ["depresjon", "fødselsdepresjonen"], ["deprimert"]),
        (
            "psykisk* lidelse*",
            ["psykisk lidelse", "psykiske lidelser"],
            ["psykisk", "lidelse", "psykisk helse"],
        ),
    ],
)
def test_pattern_syntax(pattern: str, matches: list[str], misses: list[str]) -> None:
    lex = Lexicon([(pattern, WORD)])
    for text in matches:
        assert hits(lex, text) == [text], text
    for text in misses:
        assert hits(lex, text) == [], text


def test_exceptions_win_over_patterns() -> None:
    lex = Lexicon([("*angst", WORD), ("kreft*", WORD)], exceptions=["fangst*", "*fangst", "krefter"])
    assert hits(lex, "fangst laksefangst fangsten sosialangst krefter kreften") == ["sosialangst", "kreften"]


def test_a_phrase_hit_covers_the_single_words_inside_it() -> None:
    lex = Lexicon([("psykisk* helse", WORD), ("helse", WORD)])
    assert hits(lex, "god psykisk helse, og helse") == ["psykisk helse", "helse"]


@pytest.mark.parametrize(
    "line",
    ["*", "**", "ang$t", "!"],
)
def test_bad_patterns_are_refused(line: str) -> None:
    with pytest.raises(ValueError, match="pattern"):
        Lexicon([(line, WORD)])


def test_the_term_files_parse_and_carry_categories() -> None:
    entries, exceptions = read_term_file("diagnosis_words.txt", LeakKind.DIAGNOSIS_WORD)
    categories = {term.category for _p, term in entries}
    assert categories == {
        "mental",
        "substance",
        "cancer",
        "musculoskeletal",
        "neurological",
        "somatic",
        "reproductive",
        "treatment",
    }
    assert "fangst*" in exceptions
    meds, _ = read_term_file("medications.txt", LeakKind.MEDICATION)
    assert {term.category for _p, term in meds} == {"medication"}
    assert len(meds) > 250


def test_phrase_variants_expand_slashes_and_skip_generic_ones() -> None:
    generic = generic_words()
    assert phrase_variants("Korsrygg symptomer/plager", generic) == [
        ("korsrygg", "symptomer"),
        ("korsrygg", "plager"),
    ]
    assert phrase_variants("Slapphet/tretthet", generic) == []  # functional words
    assert phrase_variants("Brudd IKA", generic) == []  # a qualifier after dropping IKA
    assert phrase_variants("Covid-19 (bekreftet)", generic) == [("covid", "19")]
    assert phrase_variants("Lammelse/svakhet", generic) == [("lammelse",)]


def test_derived_data_has_icpc2_phrases_stems_and_qualifiers() -> None:
    data = derived()
    phrases = {phrase for _code, phrase in data["icpc2_phrases"]}
    assert {"kusma", "hjertebank", "korsrygg symptomer", "migrene"} <= phrases
    assert "tretthet" not in phrases
    assert {"L03", "F32", "M54", "R99"} <= set(data["code_stems"])
    assert {"uspesifisert", "arbeid", "kne"} <= set(data["qualifiers"])
    assert not {"demens", "artritt", "osteoporose"} & set(data["qualifiers"])


def test_the_shared_lexicon_finds_each_kind() -> None:
    found = [(m.term.kind, m.term.category) for m in lexicon().scan("angst, Cipralex, kusma")]
    assert found == [
        (LeakKind.DIAGNOSIS_WORD, "mental"),
        (LeakKind.MEDICATION, "medication"),
        (LeakKind.DIAGNOSIS_TEXT, "general"),
    ]
