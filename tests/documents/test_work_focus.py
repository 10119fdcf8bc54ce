"""The work-focused parts in the notes (issues 6 and 10): function, screening, plan, guidance deviation,
referrals, the 8-week point and the patient's own part — in the NAV note (PDF and on-screen outline),
the journal text and case-export.json; and only the two function lists for the employer.

Exact texts in nb, nn and en; PDFs are read back with pypdf.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from gp_tool.documents import (
    build_employer_note,
    build_nav_note,
    case_export,
    check_employer_text,
    field_label,
    journal_text,
    render_employer_pdf,
    render_nav_pdf,
    write_notes,
)
from gp_tool.documents.models import FunctionLine, ReferralLine, referral_name
from gp_tool.documents.outline import Heading, Para, employer_outline, nav_outline, outline_text
from gp_tool.documents.write import EMPLOYER_NOTE, JOURNAL, NAV_NOTE
from gp_tool.domain.assessment import (
    Demand,
    DeviationReason,
    FunctionAssessment,
    FunctionDomain,
    Instrument,
    Limitation,
    Plan,
    ReferralRecord,
    ReferralStatus,
    ScreeningResult,
)
from gp_tool.domain.case import Case, Diagnosis, DiagnosisSystem, Period, PeriodKind
from gp_tool.rules.referrals import option
from tests.documents.helpers import context, pdf_text, simple_case, work_case

D = dt.date
NAV_ONLY = "NAV-ONLY"
PATIENT_OWN = "PATIENT-OWN"


def nav_text(case: Case, lang: str) -> str:
    ctx = context(case, lang)
    return outline_text(nav_outline(build_nav_note(case, ctx), ctx))


def section(text: str, start: str, end: str) -> list[str]:
    """The outline lines from the line ``start`` up to (not including) the line ``end``."""
    lines = text.splitlines()
    first = lines.index(start)
    return lines[first : lines.index(end, first)]


# ------------------------------------------------------------------------------------------ the model


def test_nav_note_holds_every_work_focused_part() -> None:
    case = work_case()
    note = build_nav_note(case, context(case))
    assert note.function is not None
    assert note.function.assessed_on == D(2026, 11, 18)
    # assessed domains in FunctionDomain order; an empty entry is left out; the gap from rules.function
    assert note.function.domains == (
        FunctionLine(
            FunctionDomain.LIFTING_CARRYING, Limitation.MARKED, Demand.HIGH, "GAP", "NAV-ONLY løfter 5 kg"
        ),
        FunctionLine(FunctionDomain.SITTING, Limitation.NONE, Demand.LOW, None, ""),
    )
    assert [x.domain for x in note.function.gaps] == [FunctionDomain.LIFTING_CARRYING]
    assert note.function.possible_tasks == ("Lette oppgaver i verkstedet", "")
    # the newest form per instrument (the older ÖMPSQ-SF form and its comment are not shown)
    assert [(s.score.instrument.value, s.score.total, s.comment) for s in note.screening] == [
        ("OMPSQ_SF", 65, "NAV-ONLY fits the picture"),
        ("WAS", None, ""),
    ]
    assert note.plan is not None
    assert note.plan.measures_from_nav == "NAV-ONLY measures from NAV"
    assert note.deviation is not None
    assert note.deviation.reasons == (DeviationReason.WORK_LOAD, DeviationReason.WAITING_FOR_TREATMENT)
    assert note.deviation.guidance is not None
    assert (note.deviation.guidance.key, note.deviation.full_leave_days) == ("L03", 14)
    assert [(r.record.option, r.option is not None) for r in note.referrals] == [
        ("fysioterapi", True),
        ("local:ryggskolen-sentrum", False),
        ("ukjent-tilbud", False),
    ]
    assert note.activity_requirement == case.activity_requirement
    assert note.patient_part == case.patient_part


def test_referral_names_from_the_catalogue_local_services_and_unknown_ids() -> None:
    assert referral_name("fysioterapi", option("fysioterapi"), "nb") == "Fysioterapi"
    assert referral_name("fysioterapi", option("fysioterapi"), "en") == "Physiotherapy"
    assert referral_name("local:ryggskolen-sentrum", None, "nb") == "ryggskolen-sentrum"
    assert referral_name("local:", None, "nb") == "local:"
    assert referral_name("ukjent-tilbud", None, "en") == "ukjent-tilbud"
    # a practice's local service by the name in its settings
    assert referral_name("local:ryggskolen-sentrum", None, "nb", "Ryggskolen Sentrum") == "Ryggskolen Sentrum"


def test_a_local_service_is_printed_by_its_name_from_the_settings() -> None:
    case = work_case().model_copy(
        update={"referrals": [ReferralRecord(option="local:ryggskolen-sentrum", status=ReferralStatus.DONE)]}
    )
    plain = nav_text(case, "nb")
    assert "ryggskolen-sentrum" in plain
    ctx = dataclasses.replace(
        context(case, "nb"), local_services=(("local:ryggskolen-sentrum", "Ryggskolen Sentrum"),)
    )
    named = outline_text(nav_outline(build_nav_note(case, ctx), ctx))
    assert "Ryggskolen Sentrum" in named
    assert "ryggskolen-sentrum" not in named


def test_no_deviation_section_without_reasons_or_text() -> None:
    case = work_case()
    assert case.plan is not None
    plain = case.model_copy(
        update={
            "plan": case.plan.model_copy(update={"guidance_deviation": [], "guidance_deviation_text": " "})
        }
    )
    assert build_nav_note(plain, context(plain)).deviation is None
    only_text = case.model_copy(update={"plan": case.plan.model_copy(update={"guidance_deviation": []})})
    deviation = build_nav_note(only_text, context(only_text)).deviation
    assert deviation is not None
    assert (deviation.reasons, deviation.text) == ((), "NAV-ONLY deviation")


# ------------------------------------------------------------------------------------------ NAV note


def test_nav_outline_in_english() -> None:
    text = nav_text(work_case(), "en")
    assert section(
        text, "The 8-week point (activity requirement)", "Function and the demands of the job"
    ) == [
        "The 8-week point (activity requirement)",
        "Follow-up plan received from the employer: yes",
        "Dialogue meeting 1 held: no",
        "The GP was invited to dialogue meeting 1: not known",
        "Option chosen: Exception: medical reasons clearly prevent activity",
        "To be reassessed: 10/12/2026",
        "The GP asks NAV for a dialogue meeting: yes",
        "The GP will take part in the dialogue meeting: no",
        "Why work-related activity is not possible now",
        "NAV-ONLY why impossible",
        "What would make activity possible",
        "NAV-ONLY what would change it",
    ]
    assert section(text, "Function and the demands of the job", "Screening") == [
        "Function and the demands of the job",
        "Assessed 18/11/2026.",
        "Function | Limitation now | The job asks | Match with the job | Note",
        "Lifting and carrying | Marked limitation | High demand | Demand above capacity | NAV-ONLY løfter 5 kg",
        "Sitting | No limitation | Low demand | – | –",
        "The job asks more than the patient can give now: Lifting and carrying.",
        "What the patient can do at work now",
        "Lette oppgaver i verkstedet",
        "Adjustments at work that would help",
        "Unngå løft over 10 kg",
    ]
    assert section(text, "Screening", "Plan") == [
        "Screening",
        "Instrument | Date | Score | Band | Risk signal | GP agrees | Comment",
        "ÖMPSQ-SF | 18/11/2026 | 65/100 | Raised risk | yes | yes | NAV-ONLY fits the picture",
        "WAS | 18/11/2026 | not scored (1 item blank) | – | – | not known | –",
        "A score is a signal for the conversation, not a decision.",
    ]
    assert section(text, "Plan", "Full sick leave beyond the diagnosis guidance") == [
        "Plan",
        "Prognosis: Good: return to work expected",
        "Expected back at work: 04/12/2026",
        "Reassessment: 01/12/2026",
        "Treatment",
        "NAV-ONLY treatment",
        "Measures at work alongside treatment",
        "NAV-ONLY work measures",
        "Measures asked of NAV",
        "NAV-ONLY measures from NAV",
    ]
    assert section(text, "Full sick leave beyond the diagnosis guidance", "Referrals and support") == [
        "Full sick leave beyond the diagnosis guidance",
        "Diagnosis guidance: L03 Low back symptoms/complaints",
        "Full sick leave in this absence: 14 days",
        "The demands of the job are high for this condition",
        "Waiting for assessment or treatment",
        "NAV-ONLY deviation",
    ]
    assert section(text, "Referrals and support", "In the patient's own words") == [
        "Referrals and support",
        "Option | Status | Date | Note",
        "Physiotherapy | done | 02/11/2026 | NAV-ONLY 2x/uke",
        "ryggskolen-sentrum | declined by the patient | – | –",
        "ukjent-tilbud | not relevant | 03/11/2026 | –",
    ]
    assert section(
        text, "In the patient's own words", "Message to the employer (the employer sees this)"
    ) == [
        "In the patient's own words",
        "Written by the patient on 17/11/2026; included with the patient's consent.",
        "Tasks I can do",
        "PATIENT-OWN tasks",
        "What would help me",
        "PATIENT-OWN help",
        "What I worry about",
        "PATIENT-OWN worries",
    ]


def test_nav_outline_in_bokmal_and_nynorsk() -> None:
    nb = nav_text(work_case(), "nb")
    assert section(nb, "Kartlegging", "Plan")[1:4] == [
        "Skjema | Dato | Skår | Nivå | Risikosignal | Legen er enig | Kommentar",
        "ÖMPSQ-SF | 18.11.2026 | 65/100 | Økt risiko | ja | ja | NAV-ONLY fits the picture",
        "WAS | 18.11.2026 | ikke skåret (1 spørsmål står tomt) | – | – | ukjent | –",
    ]
    assert (
        "Løfte og bære | Betydelig begrenset | Høyt krav | Krav over kapasitet | NAV-ONLY løfter 5 kg" in nb
    )
    assert "Valgt løsning: Unntak: medisinske grunner er klart til hinder for aktivitet" in nb
    assert "Fysioterapi | gjort | 02.11.2026 | NAV-ONLY 2x/uke" in nb
    assert "100 % sykmelding i dette fraværet: 14 dager" in nb
    assert "Med pasientens egne ord" in nb
    nn = nav_text(work_case(), "nn")
    assert section(nn, "8 veker (aktivitetskravet)", "Funksjon og krava i jobben")[1:4] == [
        "Oppfølgingsplan motteken frå arbeidsgjevar: ja",
        "Dialogmøte 1 halde: nei",
        "Legen vart invitert til dialogmøte 1: ukjent",
    ]
    assert "Kvifor arbeidsrelatert aktivitet ikkje er mogleg no" in nn
    assert "Jobben krev meir enn pasienten kan gje no: Løfte og bere." in nn
    assert "ryggskolen-sentrum | pasienten takka nei | – | –" in nn
    assert "Skrive av pasienten 17.11.2026; teke med etter samtykke frå pasienten." in nn


def test_nav_pdf_carries_the_sections() -> None:
    case = work_case()
    ctx = context(case, "en")
    text = pdf_text(render_nav_pdf(build_nav_note(case, ctx), ctx))
    for expected in (
        "Lifting and carrying Marked limitation High demand Demand above capacity NAV-ONLY løfter 5 kg",
        "ÖMPSQ-SF 18/11/2026 65/100 Raised risk yes yes NAV-ONLY fits the picture",
        "Prognosis Good: return to work expected Expected back at work 04/12/2026",
        "Diagnosis guidance L03 Low back symptoms/complaints Full sick leave in this absence 14 days",
        "Physiotherapy done 02/11/2026 NAV-ONLY 2x/uke",
        "Option chosen Exception: medical reasons clearly prevent activity",
        "What I worry about PATIENT-OWN worries",
    ):
        assert expected in text


def test_guidance_with_a_figure_is_compared_with_the_absence() -> None:
    base = work_case()
    case = base.model_copy(
        update={
            "sick_note": base.sick_note.model_copy(
                update={"main_diagnosis": Diagnosis(system=DiagnosisSystem.ICPC2, code="P03")}
            )
        }
    )
    text = nav_text(case, "en")
    assert section(text, "Full sick leave beyond the diagnosis guidance", "Referrals and support")[1:4] == [
        "Diagnosis guidance: P03 Feeling depressed",
        "Full sick leave in the guidance: up to 14 days",
        "Full sick leave in this absence: 14 days",
    ]


def test_sections_without_content_are_left_out() -> None:
    case = simple_case().model_copy(
        update={"function": FunctionAssessment(), "plan": Plan(), "referrals": [], "screening": []}
    )
    text = nav_text(case, "en")
    for heading in ("Function and the demands of the job", "Screening", "Plan", "Referrals and support"):
        assert heading not in text.splitlines()


# ------------------------------------------------------------------------------------------ the patient's part


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_the_patient_part_reaches_nav_only_with_consent(lang: str) -> None:
    without = work_case(consent=False)
    ctx = context(without, lang)
    note = build_nav_note(without, ctx)
    assert note.patient_part is None
    outline = nav_outline(note, ctx)
    assert "patient_part" not in [b.key for b in outline.blocks if isinstance(b, Heading)]
    assert not any(isinstance(b, Para) and (b.field or "").startswith("patient_part") for b in outline.blocks)
    for text in (outline_text(outline), pdf_text(render_nav_pdf(note, ctx))):
        assert PATIENT_OWN not in text
        assert "own words" not in text
        assert "egne ord" not in text
        assert "orda til pasienten" not in text
    assert case_export(without, ctx)["arbeidsfokus"]["patient_part"] is None

    with_consent = work_case(consent=True)
    ctx = context(with_consent, lang)
    note = build_nav_note(with_consent, ctx)
    assert note.patient_part == with_consent.patient_part
    for text in (outline_text(nav_outline(note, ctx)), pdf_text(render_nav_pdf(note, ctx))):
        for words in ("PATIENT-OWN tasks", "PATIENT-OWN help", "PATIENT-OWN worries"):
            assert words in text
    assert case_export(with_consent, ctx)["arbeidsfokus"]["patient_part"]["worries"] == "PATIENT-OWN worries"


def test_the_journal_keeps_the_patient_part_with_or_without_consent() -> None:
    for consent, answer in ((False, "no"), (True, "yes")):
        case = work_case(consent=consent)
        ctx = context(case, "en")
        text = journal_text(case, build_nav_note(case, ctx), ctx)
        assert (
            "The patient's own part (17/11/2026): Tasks I can do: PATIENT-OWN tasks. What would help me: "
            f"PATIENT-OWN help. What I worry about: PATIENT-OWN worries. May go to NAV: {answer}.\n"
        ) in text


# ------------------------------------------------------------------------------------------ employer note


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_employer_note_shows_only_the_two_function_lists(lang: str) -> None:
    case = work_case()
    ctx = context(case, lang)
    note = build_employer_note(case, ctx)
    assert (note.possible_tasks, note.adjustments) == (
        ("Lette oppgaver i verkstedet", ""),
        ("Unngå løft over 10 kg",),
    )
    assert check_employer_text(note, case) == ()
    outline = employer_outline(note, ctx)
    paras = [(b.field, b.text) for b in outline.blocks if isinstance(b, Para) and b.field]
    assert ("function.possible_tasks[0]", "Lette oppgaver i verkstedet") in paras
    assert ("function.adjustments[0]", "Unngå løft over 10 kg") in paras
    assert not any(f == "function.possible_tasks[1]" for f, _t in paras)  # the blank item is skipped
    for text in (outline_text(outline), pdf_text(render_employer_pdf(note, ctx))):
        assert "Lette oppgaver i verkstedet" in text
        assert "Unngå løft over 10 kg" in text
        assert NAV_ONLY not in text
        assert PATIENT_OWN not in text
        for never in (
            "ÖMPSQ",
            "WAS",
            "Fysioterapi",
            "Physiotherapy",
            "L03",
            "ryggskolen",
            "prognos",
            "Prognos",
        ):
            assert never not in text


def test_employer_headings_for_the_two_lists() -> None:
    case = work_case()
    text = outline_text(employer_outline(build_employer_note(case, context(case, "nb")), context(case, "nb")))
    lines = text.splitlines()
    at = lines.index("Hva arbeidstakeren kan gjøre")
    assert lines[at : at + 4] == [
        "Hva arbeidstakeren kan gjøre",
        "Lette oppgaver i verkstedet",
        "Forslag til tilrettelegging",
        "Unngå løft over 10 kg",
    ]


@pytest.mark.parametrize(
    ("name", "items", "field", "label", "words"),
    [
        (
            "possible_tasks",
            ["Lette oppgaver", "Kortere dager pga depresjon"],
            "function.possible_tasks[1]",
            "Mulig oppgave 2",
            ("depresjon",),
        ),
        (
            "adjustments",
            ["Unngå løft over 10 kg etter L03"],
            "function.adjustments[0]",
            "Forslag til tilrettelegging 1",
            ("L03",),
        ),
        (
            "adjustments",
            ["Skjermet plass mens Cipralex trappes opp"],
            "function.adjustments[0]",
            "Forslag til tilrettelegging 1",
            ("Cipralex",),
        ),
    ],
)
def test_a_leak_in_the_function_lists_blocks_the_employer_note(
    tmp_path: Path, name: str, items: list[str], field: str, label: str, words: tuple[str, ...]
) -> None:
    base = work_case()
    assert base.function is not None
    case = base.model_copy(update={"function": base.function.model_copy(update={name: items})})
    ctx = context(case, "nb")
    leaks = check_employer_text(build_employer_note(case, ctx), case)
    assert [(x.field, x.words) for x in leaks] == [(field, words)]
    assert field_label(field, "nb") == label
    result = write_notes(case, ctx, tmp_path)
    assert result.blocked
    assert not (tmp_path / EMPLOYER_NOTE).exists()
    assert (tmp_path / NAV_NOTE).exists()
    assert f"Melding til arbeidsgiver er ikke laget: mulige helseopplysninger i {label}." in (
        tmp_path / JOURNAL
    ).read_text(encoding="utf-8")


def test_field_labels_of_the_function_lists() -> None:
    assert field_label("function.possible_tasks[0]", "en") == "Possible task 1"
    assert field_label("function.possible_tasks[2]", "nn") == "Mogleg oppgåve 3"
    assert field_label("function.adjustments[1]", "en") == "Suggested adjustment 2"


# ------------------------------------------------------------------------------------------ journal


def test_journal_lines_in_english() -> None:
    case = work_case()
    ctx = context(case, "en")
    lines = journal_text(case, build_nav_note(case, ctx), ctx).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Activity requirement at 8 weeks:"))
    assert lines[start:] == [
        "Activity requirement at 8 weeks: Follow-up plan received from the employer: yes; Dialogue meeting 1 "
        "held: no; The GP was invited to dialogue meeting 1: not known; Option chosen: Exception: medical "
        "reasons clearly prevent activity; To be reassessed: 10/12/2026; The GP asks NAV for a dialogue "
        "meeting: yes; The GP will take part in the dialogue meeting: no",
        "Why work-related activity is not possible now: NAV-ONLY why impossible",
        "What would make activity possible: NAV-ONLY what would change it",
        "Function (18/11/2026): Lifting and carrying: Marked limitation / High demand – Demand above capacity "
        "(NAV-ONLY løfter 5 kg); Sitting: No limitation / Low demand",
        "What the patient can do at work now: Lette oppgaver i verkstedet",
        "Adjustments at work that would help: Unngå løft over 10 kg",
        "Screening: 18/11/2026 ÖMPSQ-SF: 65 of 100 (raised risk). Signal: at or above the cut-off of 50. "
        "The GP agrees with the signal. Comment: NAV-ONLY fits the picture; 18/11/2026 WAS: not scored "
        "(1 item blank)",
        "Prognosis: Good: return to work expected, back at work 04/12/2026, reassessment 01/12/2026",
        "Treatment: NAV-ONLY treatment",
        "Measures at work alongside treatment: NAV-ONLY work measures",
        "Measures asked of NAV: NAV-ONLY measures from NAV",
        "Full sick leave beyond the diagnosis guidance: The demands of the job are high for this condition; "
        "Waiting for assessment or treatment; NAV-ONLY deviation; Diagnosis guidance: L03 Low back "
        "symptoms/complaints; Full sick leave in this absence: 14 days",
        "Referrals and support: Physiotherapy: done 02/11/2026 (NAV-ONLY 2x/uke); ryggskolen-sentrum: "
        "declined by the patient; ukjent-tilbud: not relevant 03/11/2026",
        "The patient's own part (17/11/2026): Tasks I can do: PATIENT-OWN tasks. What would help me: "
        "PATIENT-OWN help. What I worry about: PATIENT-OWN worries. May go to NAV: yes.",
    ]


def test_journal_in_nynorsk_uses_nynorsk() -> None:
    case = work_case(consent=False)
    ctx = context(case, "nn")
    text = journal_text(case, build_nav_note(case, ctx), ctx)
    assert "Kvifor arbeidsrelatert aktivitet ikkje er mogleg no: NAV-ONLY why impossible\n" in text
    assert "Tilvisingar og støtte: Fysioterapi: gjort 02.11.2026 (NAV-ONLY 2x/uke)" in text
    assert "Kan sendast til NAV: nei.\n" in text


# ------------------------------------------------------------------------------------------ export


def test_case_export_maps_the_plan_to_navs_names_and_adds_the_tool_parts() -> None:
    case = work_case()
    data = case_export(case, context(case, "en"))
    assert json.loads(json.dumps(data)) == data
    note = data["sykmelding"]
    assert note["tiltakNAV"] == "NAV-ONLY measures from NAV"
    assert note["prognose"] == {
        "arbeidsforEtterPeriode": None,
        "hensynArbeidsplassen": None,
        "erIArbeid": {
            "egetArbeidPaSikt": None,
            "annetArbeidPaSikt": None,
            "arbeidFOM": "2026-12-04",
            "vurderingsdato": "2026-12-01",
        },
        "erIkkeIArbeid": None,
    }
    focus = data["arbeidsfokus"]
    assert focus["function"]["gaps"] == [{"domain": "LIFTING_CARRYING", "level": "GAP"}]
    assert focus["function"]["adjustments"] == ["Unngå løft over 10 kg"]
    assert [(s["instrument"], s["score"], s["comment"]) for s in focus["screening"]] == [
        ("OMPSQ_SF", 65, "NAV-ONLY fits the picture"),
        ("WAS", None, None),
    ]
    assert focus["referrals"][0] == {
        "option": "fysioterapi",
        "status": "DONE",
        "date": "2026-11-02",
        "note": "NAV-ONLY 2x/uke",
        "name": "Physiotherapy",
    }
    assert focus["plan"]["guidance_deviation"] == ["WORK_LOAD", "WAITING_FOR_TREATMENT"]
    assert focus["guidance"]["key"] == "L03"
    assert (focus["guidance"]["fullLeaveDays"], focus["guidance"]["fullLeaveDaysInCase"]) == (None, 14)
    assert focus["activity_requirement"]["option"] == "EXCEPTION_MEDICAL"
    assert focus["patient_part"]["consent_to_nav"] is True


def test_case_export_without_an_employer_and_without_the_parts() -> None:
    case = work_case()
    jobless = case.model_copy(update={"work": case.work.model_copy(update={"employer": ""})})
    prognose = case_export(jobless, context(jobless))["sykmelding"]["prognose"]
    assert prognose["erIArbeid"] is None
    assert prognose["erIkkeIArbeid"] == {
        "arbeidsforPaSikt": None,
        "arbeidsforFOM": "2026-12-04",
        "vurderingsdato": "2026-12-01",
    }
    plain = simple_case()
    data = case_export(plain, context(plain))
    assert (data["sykmelding"]["tiltakNAV"], data["sykmelding"]["prognose"]) == (None, None)
    assert data["arbeidsfokus"] == {
        "function": None,
        "screening": [],
        "referrals": [],
        "plan": None,
        "guidance": None,
        "activity_requirement": None,
        "patient_part": None,
    }


def test_referral_line_name_follows_the_language() -> None:
    case = work_case()
    note = build_nav_note(case, context(case))
    first: ReferralLine = note.referrals[0]
    assert (first.name("nb"), first.name("en"), first.record.status) == (
        "Fysioterapi",
        "Physiotherapy",
        ReferralStatus.DONE,
    )
    assert dataclasses.is_dataclass(first)


def test_graded_case_without_exception_texts_shows_no_empty_quotes() -> None:
    base = work_case()
    assert base.activity_requirement is not None
    case = base.model_copy(
        update={
            "activity_requirement": base.activity_requirement.model_copy(
                update={"why_activity_impossible": "", "what_would_change_it": "", "option": None}
            ),
            "sick_note": base.sick_note.model_copy(
                update={
                    "periods": [
                        Period(kind=PeriodKind.GRADERT, from_=D(2026, 11, 20), to=D(2026, 12, 3), grade=50)
                    ]
                }
            ),
        }
    )
    lines = section(
        nav_text(case, "en"), "The 8-week point (activity requirement)", "Function and the demands of the job"
    )
    assert lines == [
        "The 8-week point (activity requirement)",
        "Follow-up plan received from the employer: yes",
        "Dialogue meeting 1 held: no",
        "The GP was invited to dialogue meeting 1: not known",
        "To be reassessed: 10/12/2026",
        "The GP asks NAV for a dialogue meeting: yes",
        "The GP will take part in the dialogue meeting: no",
    ]


def test_a_prorated_phq9_score_says_so_and_an_unscored_form_has_no_signal() -> None:
    case = simple_case().model_copy(
        update={
            "screening": [
                ScreeningResult(instrument=Instrument.PHQ9, date=D(2026, 11, 19), answers=[2] * 8 + [None]),
                ScreeningResult(instrument=Instrument.GAD7, date=D(2026, 11, 19), answers=[1] * 6 + [None]),
            ]
        }
    )
    assert section(
        nav_text(case, "en"), "Screening", "A score is a signal for the conversation, not a decision."
    ) == [
        "Screening",
        "Instrument | Date | Score | Band | Risk signal | GP agrees | Comment",
        "PHQ-9 | 19/11/2026 | 18/27 (1 blank item counted at the mean) | Moderately severe | yes | not known | –",
        "GAD-7 | 19/11/2026 | not scored (1 item blank) | – | – | not known | –",
    ]


def test_deviation_without_guidance_for_the_diagnosis_shows_reasons_and_text_only() -> None:
    base = work_case()
    case = base.model_copy(update={"sick_note": base.sick_note.model_copy(update={"main_diagnosis": None})})
    note = build_nav_note(case, context(case))
    assert note.deviation is not None
    assert (note.deviation.guidance, note.deviation.full_leave_days) == (None, None)
    assert section(
        nav_text(case, "en"), "Full sick leave beyond the diagnosis guidance", "Referrals and support"
    ) == [
        "Full sick leave beyond the diagnosis guidance",
        "The demands of the job are high for this condition",
        "Waiting for assessment or treatment",
        "NAV-ONLY deviation",
    ]
    assert case_export(case, context(case))["arbeidsfokus"]["guidance"] is None
