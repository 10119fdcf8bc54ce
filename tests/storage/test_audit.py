"""Self-audit counts over stored cases: graded leave, 8-week exceptions, referrals, lengths."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from gp_tool.domain.casefile import dump_case
from gp_tool.storage.audit import AuditReport, ChapterRow, audit_documents, audit_store
from gp_tool.storage.store import CaseStore
from tests.storage.conftest import make_case, note, period

D = dt.date
FULL, GRADED = "AKTIVITET_IKKE_MULIG", "GRADERT"


def cases() -> dict[str, str]:
    """Six cases starting 2026-09-01 (8-week point 2026-10-26), as case-file texts."""
    built = {
        # 100 % across the 8-week point with a medical reason: an exception (medical). 61 days.
        "A": make_case(
            periods=[
                period(FULL, D(2026, 9, 1), D(2026, 10, 31), medical_reasons=["TILSTAND_HINDRER_AKTIVITET"])
            ]
        ),
        # graded two weeks, ICD-10 code. 14 days.
        "B": make_case(
            periods=[period(GRADED, D(2026, 9, 1), D(2026, 9, 14), grade=50)],
            main_diagnosis={"system": "ICD-10", "code": "M545"},
        ),
        # 100 % in two notes; the one across the point gives a work-related reason. 71 days.
        "C": make_case(
            earlier=[note([period(FULL, D(2026, 9, 1), D(2026, 10, 20))])],
            periods=[period(FULL, D(2026, 10, 21), D(2026, 11, 10))],
            work_related_reasons=["MANGLENDE_TILRETTELEGGING"],
        ),
        # 100 % for a month, then graded across the point: reached, not 100 %. 91 days.
        "D": make_case(
            earlier=[note([period(FULL, D(2026, 9, 1), D(2026, 9, 30))])],
            periods=[period(GRADED, D(2026, 10, 1), D(2026, 11, 30), grade=40)],
        ),
        # 100 % ending on the 8-week point itself, no reason given. 56 days.
        "E": make_case(periods=[period(FULL, D(2026, 9, 1), D(2026, 10, 26))]),
        # 100 % ending the day before the point (with a reason): not reached. 55 days.
        "F": make_case(periods=[period(FULL, D(2026, 9, 1), D(2026, 10, 25), medical_reasons=["ANNET"])]),
    }
    return {key: dump_case(case) for key, case in built.items()}


EXPECTED = AuditReport(
    cases=6,
    archived=1,
    unreadable=0,
    sick_notes=8,
    graded_notes=2,
    leave_days=61 + 14 + 71 + 91 + 56 + 55,
    graded_days=14 + 61,
    reached_week_8=4,
    full_leave_at_week_8=3,
    exceptions_week_8=2,
    exceptions_medical=1,
    exceptions_work_related=1,
    referrals=(),
    lengths=(14, 55, 56, 61, 71, 91),
    length_buckets=(
        ("up to 2 weeks", 1),
        ("2 to 4 weeks", 0),
        ("4 to 8 weeks", 2),
        ("8 to 17 weeks", 3),
        ("17 to 26 weeks", 0),
        ("26 to 52 weeks", 0),
        ("52 weeks or more", 0),
    ),
    chapters=(ChapterRow("ICPC-2", "L", 5, 61.0), ChapterRow("ICD-10", "M", 1, 14.0)),
    guidance_without_figure=6,
)


def test_counts_over_documents() -> None:
    texts = cases()
    report = audit_documents((key == "D", text) for key, text in texts.items())
    assert report == EXPECTED
    assert report.median_length == 58.5
    assert report.referrals_total == 0


def test_the_same_counts_over_a_store() -> None:
    store = CaseStore.in_memory()
    try:
        from gp_tool.domain.casefile import parse_case

        ids = {key: store.save(parse_case(text)).case_id for key, text in cases().items()}
        store.archive(ids["D"])
        assert audit_store(store) == EXPECTED
    finally:
        store.close()


def test_an_unreadable_document_is_counted_apart_and_left_out() -> None:
    texts = [(False, cases()["B"]), (False, "{not json"), (True, '{"format": "gp-tool/case", "version": 9}')]
    report = audit_documents(texts)
    assert (report.cases, report.archived, report.unreadable, report.sick_notes, report.lengths) == (
        3,
        1,
        2,
        1,
        (14,),
    )


def test_referrals_are_counted_by_option_done_and_planned_only() -> None:
    doc = json.loads(cases()["A"])
    doc["referrals"] = [
        {"option": "ips", "status": "DONE", "date": "2026-10-01"},
        {"option": "fysioterapi", "status": "PLANNED"},
        {"option": "bedriftshelsetjeneste", "status": "DONE"},
        {"option": "psykolog", "status": "DECLINED"},
        {"option": "frisklivssentral", "status": "NOT_RELEVANT"},
    ]
    other = json.loads(cases()["B"])
    other["referrals"] = [
        {"option": "ips", "status": "PLANNED"},
        {"option": "local:kommunepsykolog", "status": "DONE"},
    ]
    report = audit_documents([(False, json.dumps(doc)), (False, json.dumps(other))])
    assert report.referrals == (
        ("ips", 2),
        ("bedriftshelsetjeneste", 1),
        ("fysioterapi", 1),
        ("local:kommunepsykolog", 1),
    )
    assert report.referrals_total == 5
    assert report.referrals_declined == 1
    assert report.cases == 2
    assert report.unreadable == 0


def _p03_case(full_days: int, *, reasons: list[str] | None = None) -> str:
    """A P03 case (guidance: full sick leave beyond 14 days discouraged) with ``full_days`` of 100 %."""
    doc = json.loads(
        dump_case(
            make_case(
                periods=[period(FULL, D(2026, 9, 1), D(2026, 9, 1) + dt.timedelta(days=full_days - 1))],
                main_diagnosis={"system": "ICPC-2", "code": "P03"},
            )
        )
    )
    if reasons is not None:
        doc["plan"] = {"guidance_deviation": reasons}
    return json.dumps(doc)


def test_length_is_compared_with_the_guidance_figure_at_before_and_after_it() -> None:
    report = audit_documents(
        [
            (False, _p03_case(13)),
            (False, _p03_case(14)),
            (False, _p03_case(15)),
            (False, _p03_case(15, reasons=["WAITING_FOR_TREATMENT"])),
            (False, _p03_case(30, reasons=[])),
            (False, cases()["A"]),  # L03: guidance without a figure
        ]
    )
    assert (
        report.guidance_within,
        report.guidance_beyond,
        report.guidance_beyond_with_reason,
        report.guidance_without_figure,
        report.guidance_compared,
    ) == (2, 3, 1, 1, 5)


def test_graded_days_do_not_count_against_the_full_leave_guidance() -> None:
    doc = json.loads(_p03_case(10))
    doc["sick_note"]["periods"].append(
        {"kind": GRADED, "from": "2026-09-11", "to": "2026-10-31", "grade": 50}
    )
    report = audit_documents([(False, json.dumps(doc))])
    assert (report.guidance_within, report.guidance_beyond) == (1, 0)


def test_an_empty_store_gives_an_empty_report() -> None:
    report = audit_documents([])
    assert report == AuditReport(length_buckets=tuple((label, 0) for label, _ in EXPECTED.length_buckets))
    assert report.median_length is None


@pytest.mark.parametrize(
    ("last_day", "bucket"),
    [
        (D(2026, 9, 14), "up to 2 weeks"),  # 14 days
        (D(2026, 9, 15), "2 to 4 weeks"),  # 15 days
        (D(2026, 10, 26), "4 to 8 weeks"),  # 56 days
        (D(2026, 10, 27), "8 to 17 weeks"),  # 57 days
        (D(2026, 12, 29), "17 to 26 weeks"),  # 120 days
        (D(2027, 8, 31), "52 weeks or more"),  # 365 days
    ],
)
def test_length_bands_at_their_boundaries(last_day: dt.date, bucket: str) -> None:
    text = dump_case(make_case(periods=[period(GRADED, D(2026, 9, 1), last_day, grade=50)]))
    report = audit_documents([(False, text)])
    assert [label for label, n in report.length_buckets if n] == [bucket]
