"""The self-audit page shows the counts of gp_tool.storage.audit in the active language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget

from gp_tool.domain.assessment import ReferralRecord, ReferralStatus
from gp_tool.domain.casefile import parse_case
from gp_tool.i18n.catalog import translator
from gp_tool.rules.referrals import option
from gp_tool.storage.store import CaseStore
from gp_tool.ui.audit_page import AuditPage
from gp_tool.ui.i18n import set_language
from tests.storage.conftest import make_case
from tests.storage.test_audit import cases

pytestmark = pytest.mark.gui


@pytest.fixture
def store() -> Iterator[CaseStore]:
    store = CaseStore.in_memory()
    ids = {key: store.save(parse_case(text)).case_id for key, text in cases().items()}
    store.archive(ids["D"])
    yield store
    store.close()


@pytest.fixture
def page(qtbot, qapp, store: CaseStore) -> Iterator[AuditPage]:
    set_language("en")
    widget = AuditPage(store)
    qtbot.addWidget(widget)
    widget.resize(900, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()
    yield widget
    set_language("nb")


def table(widget: QTableWidget) -> list[tuple[str, ...]]:
    return [
        tuple(widget.item(r, c).text() for c in range(widget.columnCount()))  # type: ignore[union-attr]
        for r in range(widget.rowCount())
    ]


def test_counts_are_shown_with_their_share(page: AuditPage) -> None:
    assert page.heading.text() == "Self-audit"
    assert page.summary.text() == "6 cases (1 archived)"
    assert page.graded_notes.text() == "2 of 8 (25%)"
    assert page.graded_days.text() == "75 of 348 (22%)"
    assert page.reached.text() == "4"
    assert page.full.text() == "3 of 4 (75%)"
    assert page.exceptions.text() == "2 of 3 (67%): medical reasons 1, work-related reasons 1"


def test_referrals_say_plainly_that_none_are_recorded(page: AuditPage) -> None:
    assert not page.referrals_empty.isHidden()
    assert page.referrals_empty.text() == "No referrals recorded yet."
    assert page.referrals_table.isHidden()


def test_referrals_are_named_from_the_catalogue(qtbot, qapp) -> None:
    set_language("en")
    store = CaseStore.in_memory()
    case = make_case()
    with_referrals = case.model_copy(
        update={
            "referrals": [
                ReferralRecord(option="fysioterapi", status=ReferralStatus.DONE),
                ReferralRecord(option="fysioterapi", status=ReferralStatus.PLANNED),
                ReferralRecord(option="local:kommunepsykolog", status=ReferralStatus.DONE),
                ReferralRecord(option="psykolog", status=ReferralStatus.DECLINED),
            ]
        }
    )
    store.save(with_referrals)
    widget = AuditPage(store)
    qtbot.addWidget(widget)
    try:
        widget.refresh()
        assert widget.referrals_empty.isHidden()
        name = option("fysioterapi")
        assert name is not None
        assert table(widget.referrals_table) == [
            (name.text("name", "en"), "2"),
            ("Local service: kommunepsykolog", "1"),
            ("Declined by the patient", "1"),
        ]
    finally:
        store.close()
        set_language("nb")


def test_lengths_by_band_and_chapter_and_against_the_guidance(page: AuditPage) -> None:
    assert page.median.text() == "Median length: 58.5 days"
    assert table(page.lengths_table) == [
        ("up to 2 weeks", "1"),
        ("2 to 4 weeks", "0"),
        ("4 to 8 weeks", "2"),
        ("8 to 17 weeks", "3"),
        ("17 to 26 weeks", "0"),
        ("26 to 52 weeks", "0"),
        ("52 weeks or more", "0"),
    ]
    assert table(page.chapters_table) == [("L (ICPC-2)", "5", "61 days"), ("M (ICD-10)", "1", "14 days")]
    # the six cases are L03 and M54.5 (chapter L): guidance without a number of days
    assert table(page.guidance_table) == [
        ("Within the guidance", "0"),
        ("Beyond the guidance", "0"),
        ("… of these with a structured reason", "0"),
        ("Guidance without a number of days", "6"),
    ]
    assert page.guidance.text().startswith("Only diagnoses for which the guidance gives a number of days")


def test_no_patient_is_named_anywhere_on_the_page(page: AuditPage) -> None:
    from PySide6.QtWidgets import QLabel

    texts = [label.text() for label in page.findChildren(QLabel)]
    texts += [text for t in page.findChildren(QTableWidget) for row in table(t) for text in row]
    assert not any("Nordmann" in t or "Kari" in t for t in texts)


def test_ctrl_r_counts_again(qtbot, page: AuditPage, store: CaseStore) -> None:
    store.save(make_case(name="Ny Pasient"))
    assert page.summary.text() == "6 cases (1 archived)"
    page.refresh_button.setFocus()
    qtbot.keyClick(page.refresh_button, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert page.summary.text() == "7 cases (1 archived)"


def test_an_empty_store(qtbot, qapp) -> None:
    set_language("en")
    empty = CaseStore.in_memory()
    widget = AuditPage(empty)
    qtbot.addWidget(widget)
    try:
        assert widget.summary.text() == "Press Refresh to count."
        widget.refresh()
        assert widget.summary.text() == "No cases stored yet."
        assert widget.graded_box.isHidden()
        assert widget.length_box.isHidden()
    finally:
        empty.close()


def test_texts_follow_the_language(page: AuditPage) -> None:
    nb = translator("nb")
    set_language("nb")
    assert page.heading.text() == nb.gettext("Self-audit")
    assert page.heading.text() != "Self-audit"
    expected = nb.ngettext("{n} case", "{n} cases", 6).format(n=6) + " "
    expected += nb.ngettext("({n} archived)", "({n} archived)", 1).format(n=1)
    assert page.summary.text() == expected
    assert page.graded_notes.text() == nb.gettext("{part} of {whole} ({percent})").format(
        part=2, whole=8, percent="25\xa0%"
    )
