"""Cases without name and fødselsnummer: initials and birth year only (the privacy option, issue 7).

With the option "store cases without name and fødselsnummer" on, the case store keeps an anonymised
copy of the case instead of the case itself, so that the stored document, the searchable columns and
the version history hold neither the patient's name nor the national id. What is kept and what is
lost, exactly:

* ``patient.name`` becomes the initials: ``"Kari Nordmann"`` → ``"K.N."``;
  ``"Anne-Lise van der Berg"`` → ``"A.L.V.D.B."``.
* ``patient.national_id`` becomes empty.
* ``patient.birth_date`` becomes 1 January of the birth year (from the birth date or, when that is
  empty, from the national id). The case-file model needs a birth date when the national id is empty;
  the first possible birthday is chosen, so an age computed from the stored case is never lower than the
  true age and may be up to one year higher: age limits (67 and 70 years, domain brief §3.5) can show
  up to a year early, never late.
* The patient's national id (also written with spaces) and each part of the name (whole words, exact
  case, at least two letters, also in the genitive: ``Karis``) are replaced by the initials in every text of the case (messages,
  answers, justifications, employer and occupation), so that a name typed into a message is not kept.
  A common word that is also the patient's name (``Per``) is replaced when written with a capital,
  which may make such a sentence read oddly.
* The sykmelder (the GP's own name, HPR number and national id) is kept: it is the user's own data.
  When the sykmelder's national id equals the patient's (a self-issued sick note), it is removed too.

Everything else (dates, periods, diagnoses, answers) is kept, so the rules, the timeline and the
self-audit work on an anonymised case as on the original.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any, Final

from gp_tool.domain.case import Case
from gp_tool.domain.national_id import InvalidNationalIdError, birth_date_of

__all__ = ["anonymise_case", "birth_year", "initials", "is_anonymised"]

_NAME_PART: Final = re.compile(r"[^\s\-‐.]+")
_MIN_NAME_PART: Final = 2
_HEADER: Final = ("format", "version")


def initials(name: str) -> str:
    """``"Kari Nordmann"`` → ``"K.N."``; parts split at spaces, hyphens and dots (so initials give
    themselves back); empty for an empty name."""
    return "".join(f"{part[0].upper()}." for part in _NAME_PART.findall(name))


def birth_year(case: Case) -> int | None:
    """The patient's birth year from the birth date, or else from the national id; None if unknown."""
    if case.patient.birth_date is not None:
        return case.patient.birth_date.year
    if case.patient.national_id:
        try:
            return birth_date_of(case.patient.national_id).year
        except (InvalidNationalIdError, ValueError):
            return None
    return None


def is_anonymised(case: Case) -> bool:
    """True when the case holds no national id and its name is initials only (or empty)."""
    name = case.patient.name
    return not case.patient.national_id and (name == "" or name == initials(name))


def _redactor(case: Case, replacement: str) -> re.Pattern[str] | None:
    words: list[str] = []
    nid = case.patient.national_id
    if nid:
        # the eleven digits, also written with spaces or dots between groups
        words.append(r"\s?[.]?".join(re.escape(d) for d in nid))
    if case.patient.name == replacement:  # the name is initials already: nothing more to replace
        return re.compile("|".join(words)) if words else None
    all_parts = _NAME_PART.findall(case.patient.name)
    if len(all_parts) > 1:  # the whole name first, so that "Kari Nordmann" becomes "K.N.", not "K.N. K.N."
        words.append(r"(?<!\w)" + r"[\s\-‐.]+".join(re.escape(p) for p in all_parts) + r"(?:s|['’]s)?(?!\w)")
    parts = sorted(
        {p for p in all_parts if len(p) >= _MIN_NAME_PART},
        key=len,
        reverse=True,
    )
    # whole words, also in the genitive (Karis, Nordmanns, Per's)
    words += [rf"(?<!\w){re.escape(p)}(?:s|['’]s)?(?!\w)" for p in parts]
    if not words:
        return None
    return re.compile("|".join(words))


def _redact(node: Any, pattern: re.Pattern[str], replacement: str) -> Any:
    if isinstance(node, str):
        return pattern.sub(replacement, node)
    if isinstance(node, list):
        return [_redact(item, pattern, replacement) for item in node]
    if isinstance(node, dict):
        return {key: _redact(value, pattern, replacement) for key, value in node.items()}
    return node


def anonymise_case(case: Case) -> Case:
    """The case with initials instead of the name, no national id, and 1 January of the birth year."""
    short = initials(case.patient.name)
    year = birth_year(case)
    if year is None:  # not for a valid Case: it needs a birth date or a national id with a real date
        raise ValueError("the case has neither a birth date nor a readable national id")
    doc = case.to_json_dict()
    pattern = _redactor(case, short)
    if pattern is not None:
        # Every text except the fixed header; dates and codes never match a name or an 11-digit id.
        doc = {key: value if key in _HEADER else _redact(value, pattern, short) for key, value in doc.items()}
    doc["patient"] = {"name": short, "national_id": "", "birth_date": dt.date(year, 1, 1).isoformat()}
    sykmelder = doc.get("sykmelder")
    if (
        isinstance(sykmelder, dict)
        and case.patient.national_id
        and sykmelder.get("national_id") in (case.patient.national_id, short)
    ):
        sykmelder["national_id"] = ""
    return Case.model_validate_json(json.dumps(doc, ensure_ascii=False))
