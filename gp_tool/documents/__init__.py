"""Printed output: the notes to NAV and the employer, the patient sheet, the journal text, the export.

The only package that imports reportlab. Entry point for the command line and the window:
:func:`write_notes` (``gp-tool notes``). The pieces, for the preview and tests:

* models: :func:`build_nav_note`, :func:`build_employer_note` (``EmployerNote`` has no field that can
  hold a diagnosis; domain brief §2.3–2.4);
* privacy firewall: :func:`check_employer_text` → :class:`Leak` (field, words, kind);
  :class:`EmployerTextBlocked`;
* PDFs (A4, embedded DejaVu Sans, byte-stable): :func:`render_nav_pdf`, :func:`render_employer_pdf`,
  :func:`render_patient_sheet`;
* text: :func:`journal_text`, :func:`case_export`;
* courses (issue 9): :func:`render_handout` (the participants' one-page handout of a course case).

The renderers take the timeline and the rule findings as :class:`NoteContext`, built by
:func:`note_context` from the rules' evaluation (or :func:`basic_context` without one).
"""

from gp_tool.documents.context import NoteContext, OpenFinding, TimelineMark, basic_context, note_context
from gp_tool.documents.export import case_export
from gp_tool.documents.firewall import (
    EmployerTextBlocked,
    Leak,
    LeakKind,
    check_employer_text,
    check_text,
    field_label,
    leak_message,
    neutral_wording,
)
from gp_tool.documents.handout import render_handout, save_handout
from gp_tool.documents.journal import journal_text
from gp_tool.documents.models import EmployerNote, NavNote, build_employer_note, build_nav_note
from gp_tool.documents.render import render_employer_pdf, render_nav_pdf, render_patient_sheet
from gp_tool.documents.write import NotesResult, journal_record, write_notes

__all__ = [
    "EmployerNote",
    "EmployerTextBlocked",
    "Leak",
    "LeakKind",
    "NavNote",
    "NoteContext",
    "NotesResult",
    "OpenFinding",
    "TimelineMark",
    "basic_context",
    "build_employer_note",
    "build_nav_note",
    "case_export",
    "check_employer_text",
    "check_text",
    "field_label",
    "journal_record",
    "journal_text",
    "leak_message",
    "neutral_wording",
    "note_context",
    "render_employer_pdf",
    "render_handout",
    "render_nav_pdf",
    "render_patient_sheet",
    "save_handout",
    "write_notes",
]
