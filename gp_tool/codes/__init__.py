"""Diagnosis code lists (ICPC-2, ICPC-2B, ICD-10) and NAV's small sykmelding code lists.

Importing this package reads no data: each list is loaded on first use (see :class:`CodeLists`).
"""

from gp_tool.codes.lists import (
    CodeEntry,
    CodeLists,
    CodeSystem,
    IcpcComponent,
    SearchHit,
    code_lists,
    icpc2_component,
    kodeverk,
    questions,
    resource_dir,
)

__all__ = [
    "CodeEntry",
    "CodeLists",
    "CodeSystem",
    "IcpcComponent",
    "SearchHit",
    "code_lists",
    "icpc2_component",
    "kodeverk",
    "questions",
    "resource_dir",
]
