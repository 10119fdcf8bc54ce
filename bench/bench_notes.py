"""Benchmark: both notes of a case vs a bare reportlab script writing two similar documents.

Issue 4 asks that both notes for a case take at most 2× the time of a bare reportlab script producing
two similar documents, measured side by side. In one process, alternating, N rounds each of:

  (a) **bare reportlab**: two A4 documents with ``SimpleDocTemplate`` and the same embedded DejaVu
      Sans fonts, each with the same number of paragraphs, bullet items and table rows as the matching
      note, and a drawing with the same number of bars, ticks and labels as the note's timeline; no
      header, footer, translation or privacy check;
  (b) **both notes**: ``build_nav_note`` + ``build_employer_note`` + ``check_employer_text`` (the
      privacy firewall) + ``render_nav_pdf`` + ``render_employer_pdf``;
  (c) **write_notes**: everything ``gp-tool notes`` does (five files written to a temporary folder),
      for information.

Fonts are registered and code lists loaded before timing (once-per-process costs, paid by both).
Prints medians and the ratio (b)/(a). Usage: ``python bench/bench_notes.py [--runs 30] [--demo NAME]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle  # noqa: E402

from gp_tool.documents import (  # noqa: E402
    NoteContext,
    TimelineMark,
    build_employer_note,
    build_nav_note,
    check_employer_text,
    render_employer_pdf,
    render_nav_pdf,
    write_notes,
)
from gp_tool.documents.context import case_start_of  # noqa: E402
from gp_tool.documents.fonts import BOLD, REGULAR, register_fonts  # noqa: E402
from gp_tool.documents.outline import (  # noqa: E402
    Bullets,
    Facts,
    Heading,
    Outline,
    Para,
    TimelineBlock,
    employer_outline,
    nav_outline,
)
from gp_tool.documents.outline import Table as OutlineTable  # noqa: E402
from gp_tool.domain.case import Case  # noqa: E402
from gp_tool.storage.demo import load_demo  # noqa: E402

TODAY = dt.date(2026, 11, 20)
MARKS = {"ARBEIDSGIVERPERIODE_SLUTT": 15, "OPPFOLGINGSPLAN": 27, "DIALOGMOTE_1": 48, "AKTIVITETSKRAV": 55}


def context_for(case: Case) -> NoteContext:
    start = case_start_of(case)
    assert start is not None
    marks = tuple(TimelineMark(k, k.title(), start + dt.timedelta(days=v)) for k, v in MARKS.items())
    return NoteContext(today=TODAY, lang="nb", case_start=start, max_date=None, marks=marks)


# ------------------------------------------------------------------------------------------ the baseline


class BareDrawing(Flowable):
    """A drawing with the same number of bars, ticks and labels as a note's timeline."""

    def __init__(self, bars: int, ticks: int, width: float) -> None:
        super().__init__()
        self.bars, self.ticks, self.width, self.height = bars, ticks, width, 86

    def wrap(self, _aw: float, _ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.line(0, 20, self.width, 20)
        step = self.width / max(1, self.bars)
        for i in range(self.bars):
            c.setFillColor(colors.HexColor("#1f4e79"))
            c.rect(i * step, 24, step - 1, 15, stroke=0, fill=1)
            c.setFillColor(colors.white)
            c.setFont(REGULAR, 6.8)
            c.drawCentredString(i * step + step / 2, 28, "100 %")
        for i in range(self.ticks):
            x = self.width * (i + 1) / (self.ticks + 1)
            c.setFillColor(colors.black)
            c.line(x, 17, x, 42)
            c.setFont(REGULAR, 6.4)
            c.drawString(x, 45 + 9 * (i % 3), "Milepæl 01.01.2026")
        c.setFont(BOLD, 6.8)
        c.drawString(self.width / 2, 3, "I dag 20.11.2026")


def shape(outline: Outline) -> dict[str, int]:
    """How many of each block a note has: the baseline writes the same amount."""
    counts = {"paragraphs": 0, "headings": 0, "bullets": 0, "rows": 0, "bars": 0, "ticks": 0, "chars": 0}
    for block in outline.blocks:
        if isinstance(block, Heading):
            counts["headings"] += 1
        elif isinstance(block, Para):
            counts["paragraphs"] += 1
            counts["chars"] += len(block.text)
        elif isinstance(block, Bullets):
            counts["bullets"] += len(block.items)
            counts["chars"] += sum(len(i) for i in block.items)
        elif isinstance(block, Facts | OutlineTable):
            counts["rows"] += len(block.rows)
        elif isinstance(block, TimelineBlock):
            counts["bars"] += len(block.model.bars)
            counts["ticks"] += len(block.model.ticks)
    return counts


def bare_document(counts: dict[str, int]) -> bytes:
    base = ParagraphStyle("b", fontName=REGULAR, fontSize=9.8, leading=13.2)
    head = ParagraphStyle("h", parent=base, fontName=BOLD, fontSize=11.5, leading=15)
    text = "Kan gjøre lette oppgaver og trenger korte pauser i arbeidsdagen. " * 3
    story: list[Flowable] = [Paragraph("Notat", ParagraphStyle("t", parent=head, fontSize=17, leading=21))]
    story.append(BareDrawing(counts["bars"], counts["ticks"], A4[0] - 40 * mm))
    rows = [
        [Paragraph("Felt", base), Paragraph("Verdi 01.01.2026", base)] for _ in range(max(1, counts["rows"]))
    ]
    table = Table(rows, colWidths=[48 * mm, A4[0] - 88 * mm])
    table.setStyle(
        TableStyle(
            [("FONT", (0, 0), (-1, -1), REGULAR, 9), ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.grey)]
        )
    )
    story.append(table)
    for i in range(counts["headings"]):
        story.append(Paragraph(f"Overskrift {i}", head))
    for _ in range(counts["paragraphs"]):
        story.append(Paragraph(text, base))
    for _ in range(counts["bullets"]):
        story.append(Paragraph(text[:90], base, bulletText="•"))
    story.append(Spacer(1, 4))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1, initialFontName=REGULAR).build(story)
    return buf.getvalue()


# ------------------------------------------------------------------------------------------ timing


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--demo", default="uke8-rygg")
    args = parser.parse_args(argv)

    register_fonts()
    case = load_demo(args.demo, TODAY)
    ctx = context_for(case)
    nav_shape = shape(nav_outline(build_nav_note(case, ctx), ctx))
    employer_shape = shape(employer_outline(build_employer_note(case, ctx), ctx))

    def bare() -> None:
        bare_document(nav_shape)
        bare_document(employer_shape)

    def notes() -> None:
        nav = build_nav_note(case, ctx)
        employer = build_employer_note(case, ctx)
        assert not check_employer_text(employer, case)
        render_nav_pdf(nav, ctx)
        render_employer_pdf(employer, ctx)

    tmp = Path(tempfile.mkdtemp(prefix="bench-notes-"))

    def write() -> None:
        write_notes(case, ctx, tmp)

    jobs: dict[str, Callable[[], None]] = {
        "(a) bare reportlab, two documents": bare,
        "(b) both notes (models + firewall + 2 PDFs)": notes,
        "(c) write_notes (5 files)": write,
    }
    for job in jobs.values():  # warm-up: code lists, word lists, caches
        job()
        job()
    samples: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(args.runs):
        for name, job in jobs.items():
            start = time.perf_counter()
            job()
            samples[name].append(time.perf_counter() - start)

    print(f"demo case {args.demo}, {args.runs} rounds, medians (Python {sys.version.split()[0]})")
    print(f"NAV note shape {nav_shape}; employer note shape {employer_shape}")
    print("| run | median ms | min ms |")
    print("|---|---|---|")
    for name, values in samples.items():
        print(f"| {name} | {median_ms(values):.1f} | {min(values) * 1000:.1f} |")
    ratio = median_ms(samples["(b) both notes (models + firewall + 2 PDFs)"]) / median_ms(
        samples["(a) bare reportlab, two documents"]
    )
    print(f"ratio (b)/(a) = {ratio:.2f} (target <= 2.0)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
