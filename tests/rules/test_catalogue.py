"""Meta-tests over the declared catalogue, and the generated docs/rules.md kept current."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gp_tool.i18n.catalog import LANGUAGES, translator
from gp_tool.i18n.maintenance import placeholders
from gp_tool.rules import NOT_EVALUATED, RULES, NavOutcome, Severity, Tree
from gp_tool.rules.catalogue import catalogue_document, catalogue_json, catalogue_markdown
from gp_tool.rules.legal import LAWS

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules.md"

# Domain brief §3.2: every NAV rule, evaluated here or listed as not evaluable.
NAV_RULES_OF_THE_BRIEF = {
    "BEHANDLER_SUSPENDERT", "UGYLDIG_ORGNR_LENGDE", "PAPIRSYKMELDING", "UGYLDIG_REGELSETTVERSJON",
    "MANGLENDE_DYNAMISKE_SPOERSMAL_VERSJON2_UKE_39", "AVSENDER_FNR_ER_SAMME_SOM_PASIENT_FNR",
    "BEHANDLER_FNR_ER_SAMME_SOM_PASIENT_FNR", "PERIODER_MANGLER", "FRADATO_ETTER_TILDATO", "OVERLAPPENDE_PERIODER",
    "OPPHOLD_MELLOM_PERIODER", "IKKE_DEFINERT_PERIODE", "BEHANDLINGSDATO_ETTER_MOTTATTDATO",
    "AVVENTENDE_SYKMELDING_KOMBINERT", "MANGLENDE_INNSPILL_TIL_ARBEIDSGIVER", "AVVENTENDE_SYKMELDING_OVER_16_DAGER",
    "FOR_MANGE_BEHANDLINGSDAGER_PER_UKE", "GRADERT_SYKMELDING_OVER_99_PROSENT", "GRADERT_SYKMELDING_0_PROSENT",
    "SYKMELDING_MED_BEHANDLINGSDAGER", "BEHANDLER_IKKE_I_HPR", "BEHANDLER_IKKE_GYLDIG_I_HPR",
    "BEHANDLER_MANGLER_AUTORISASJON_I_HPR", "BEHANDLER_MT_FT_KI_OVER_12_UKER", "BEHANDLER_IKKE_LE_KI_MT_TL_FT_I_HPR",
    "FRAVAERSGRUNN_MANGLER", "UGYLDIG_KODEVERK_FOR_HOVEDDIAGNOSE", "ICPC_2_Z_DIAGNOSE", "UGYLDIG_KODEVERK_FOR_BIDIAGNOSE",
    "PASIENT_YNGRE_ENN_13", "FREMDATERT", "TILBAKEDATERT_MER_ENN_3_AR", "TOTAL_VARIGHET_OVER_ETT_AAR",
    "INNTIL_8_DAGER", "MINDRE_ENN_1_MAANED", "MINDRE_ENN_1_MAANED_MED_BEGRUNNELSE", "OVER_1_MND",
    "OVER_1_MND_MED_BEGRUNNELSE",
}  # fmt: skip


def test_every_nav_rule_of_the_brief_is_evaluated_or_explained() -> None:
    evaluated = {s.id for s in RULES if s.is_nav}
    explained = {n.rule for n in NOT_EVALUATED}
    assert evaluated | explained >= NAV_RULES_OF_THE_BRIEF
    assert not evaluated & explained
    assert evaluated - NAV_RULES_OF_THE_BRIEF == {
        "ICPC_2_A97"
    }  # [unverified] in the brief, present in regulus-regula


def test_ids_are_unique_and_stable_names() -> None:
    ids = [s.id for s in RULES]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[A-Z0-9_]+", i) for i in ids)


@pytest.mark.parametrize("spec", RULES, ids=lambda s: s.id)
def test_each_rule_is_fully_declared(spec: object) -> None:
    from gp_tool.rules.model import RuleSpec

    assert isinstance(spec, RuleSpec)
    if spec.is_nav:
        assert spec.tree is not Tree.ARBEIDSFOKUS
        assert spec.nav_juridisk
        expected = Severity.BLOCK if spec.nav_outcome is NavOutcome.INVALID else Severity.WARN
        assert spec.severity is expected
    else:
        assert spec.tree is Tree.ARBEIDSFOKUS
        assert spec.nav_juridisk is None
        assert not spec.legal.is_none
        assert spec.legal.law in LAWS
    assert spec.inputs
    assert spec.source
    assert spec.message
    assert spec.description
    for lang in LANGUAGES:
        tr = translator(lang)
        for text in (spec.message, spec.description):
            translated = tr.gettext(text)
            assert translated.strip()
            assert placeholders(translated) == placeholders(text)
            if lang != "en":
                assert translated != text, f"{spec.id}: not translated to {lang}"


def test_nav_juridisk_matches_the_legal_reference() -> None:
    names = {"INGEN": "ingen lovhenvisning (NAV: INGEN)", "FOLKETRYGDLOVEN_8_4": "ftrl § 8-4 (1)",
             "FOLKETRYGDLOVEN_8_3_1": "ftrl § 8-3 (1)", "FOLKETRYGDLOVEN_8_7": "ftrl § 8-7",
             "FOLKETRYGDLOVEN_8_7_1": "ftrl § 8-7 (1)", "FOLKETRYGDLOVEN_8_7_1_1": "ftrl § 8-7 (1) 1. pkt."}  # fmt: skip
    for spec in RULES:
        if spec.nav_juridisk is not None:
            assert spec.legal_ref == names[spec.nav_juridisk], spec.id


def test_catalogue_json_lists_every_rule() -> None:
    data = catalogue_json("nn")
    assert [r["id"] for r in data["rules"]] == [s.id for s in RULES]
    assert data["rules"][0]["message"].startswith("Du kan ikkje")
    assert data["nav_tree_order"] == [
        "VALIDERING",
        "PERIODER",
        "HPR",
        "ARBEIDSUFORHET",
        "PASIENT_UNDER_13",
        "DATO",
        "TILBAKEDATERING",
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_markdown_in_each_language(lang: str) -> None:
    text = catalogue_markdown(lang)
    assert all(f"### `{s.id}`" in text for s in RULES)
    assert text.startswith("# " + translator(lang).gettext("Rules catalogue"))


def test_docs_rules_md_is_current() -> None:
    assert DOCS.read_text(encoding="utf-8") == catalogue_document(), (
        "docs/rules.md is stale: run python scripts/rules_doc.py"
    )
