"""``write_notes``: every output of the Notes step in one call, as ``gp-tool notes`` and the GUI use it.

Writes into ``out_dir`` (created owner-only if missing):

==========================  ==========================================================================
``nav-note.pdf``            the note to NAV
``employer-note.pdf``       the note to the employer, **only when the privacy firewall finds nothing**
``patient-sheet.pdf``       the plain-language sheet for the patient
``journal.txt``             the journal text for the patient record
``case-export.json``        the case in NAV's vocabulary
==========================  ==========================================================================

Everything is rendered in memory first, so an error writes nothing; then each file is written
atomically (temporary file in the same folder, 0600, fsync, rename). When the firewall blocks the
employer note, no employer file is written and an ``employer-note.pdf`` left from an earlier run is
removed, so no stale employer note can be sent by mistake; the result carries the leaks (the command
line exits 3, contracts §1).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from gp_tool.documents.context import NoteContext
from gp_tool.documents.export import case_export
from gp_tool.documents.firewall import Leak, check_employer_text, field_label, leak_message
from gp_tool.documents.journal import journal_text
from gp_tool.documents.models import build_employer_note, build_nav_note
from gp_tool.documents.outline import employer_outline
from gp_tool.documents.render import render_nav_pdf, render_outline, render_patient_sheet
from gp_tool.domain.case import Case
from gp_tool.domain.problems import Problem, ProblemError
from gp_tool.fileio import atomic_write_bytes, sync_folder
from gp_tool.i18n.catalog import translator
from gp_tool.i18n.markers import N_

__all__ = [
    "CASE_EXPORT",
    "EMPLOYER_NOTE",
    "JOURNAL",
    "NAV_NOTE",
    "PATIENT_SHEET",
    "NotesResult",
    "journal_record",
    "write_notes",
]

NAV_NOTE: Final = "nav-note.pdf"
EMPLOYER_NOTE: Final = "employer-note.pdf"
PATIENT_SHEET: Final = "patient-sheet.pdf"
JOURNAL: Final = "journal.txt"
CASE_EXPORT: Final = "case-export.json"
OUT_FIELD: Final = "--out"


@dataclass(frozen=True)
class NotesResult:
    """What :func:`write_notes` did."""

    out_dir: Path
    written: tuple[Path, ...]
    """Files written, in writing order."""
    leaks: tuple[Leak, ...]
    """Health information found in employer text; non-empty means no employer note was written."""
    removed: tuple[Path, ...] = ()
    """Stale employer notes from an earlier run, removed because this run was blocked."""

    @property
    def blocked(self) -> bool:
        return bool(self.leaks)

    def messages(self, lang: str) -> tuple[str, ...]:
        """One translated line per leak, naming the field and the words."""
        t = translator(lang)
        return tuple(leak_message(leak, t) for leak in self.leaks)


def _problem(path: Path, exc: OSError) -> ProblemError:
    if isinstance(exc, PermissionError):
        return ProblemError(
            [
                Problem(
                    OUT_FIELD,
                    "permission",
                    N_("{path} cannot be written (permission denied)"),
                    {"path": path},
                )
            ]
        )
    return ProblemError(
        [
            Problem(
                OUT_FIELD,
                "os_error",
                N_("{path} cannot be written ({reason})"),
                {"path": path, "reason": exc.strerror or str(exc)},
            )
        ]
    )


def journal_record(case: Case, ctx: NoteContext) -> str:
    """The journal text as ``journal.txt`` holds it: with a closing line when the employer note is blocked."""
    text = journal_text(case, build_nav_note(case, ctx), ctx)
    leaks = check_employer_text(build_employer_note(case, ctx), case)
    return text + _blocked_line(leaks, ctx.lang) if leaks else text


def _blocked_line(leaks: tuple[Leak, ...], lang: str) -> str:
    t = translator(lang)
    fields = ", ".join(dict.fromkeys(field_label(leak.field, t) for leak in leaks))
    line = t.gettext("Note to the employer not made: possible health information in {fields}.")
    return line.format(fields=fields) + "\n"


def write_notes(case: Case, ctx: NoteContext, out_dir: Path) -> NotesResult:
    """Render and write all outputs for ``case`` into ``out_dir`` (see the module docstring).

    Raises :class:`~gp_tool.domain.problems.ProblemError` (field ``--out``) when the folder cannot be
    created or written. A blocked employer note is not an error: see :attr:`NotesResult.leaks`.
    """
    out_dir = Path(out_dir)
    nav_note = build_nav_note(case, ctx)
    employer_note = build_employer_note(case, ctx)
    leaks = check_employer_text(employer_note, case)

    journal = journal_text(case, nav_note, ctx)
    if leaks:
        journal += _blocked_line(leaks, ctx.lang)
    outputs: list[tuple[str, bytes]] = [
        (NAV_NOTE, render_nav_pdf(nav_note, ctx)),
        (PATIENT_SHEET, render_patient_sheet(case, ctx)),
        (JOURNAL, journal.encode("utf-8")),
        (
            CASE_EXPORT,
            (
                json.dumps(case_export(case, ctx, nav_note=nav_note), ensure_ascii=False, indent=2) + "\n"
            ).encode("utf-8"),
        ),
    ]
    if not leaks:
        # the full check (with the case's own diagnoses) passed just above
        outputs.append((EMPLOYER_NOTE, render_outline(employer_outline(employer_note, ctx), ctx.today)))

    written: list[Path] = []
    removed: list[Path] = []
    try:
        if not out_dir.is_dir():
            out_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        for name, data in outputs:
            target = out_dir / name
            atomic_write_bytes(target, data, sync=False)
            written.append(target)
        stale = out_dir / EMPLOYER_NOTE
        if leaks and stale.exists():
            stale.unlink()
            removed.append(stale)
        sync_folder(out_dir)
    except OSError as exc:
        raise _problem(out_dir, exc) from None
    return NotesResult(out_dir=out_dir, written=tuple(written), leaks=leaks, removed=tuple(removed))
