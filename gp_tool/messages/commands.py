"""``gp-tool export`` and ``gp-tool import``: the SM2013 message out of a case, and earlier messages into one.

Exit codes (contracts §1): 0 done; 1 ``export`` of a case with a BLOCK finding (nothing written);
2 bad input (the case, a message, a path), each problem on its own line naming the file, line and element.
Nothing is written unless everything was read. The case file is read and written by the functions the
command line passes in (``gp_tool.storage.files``), so this package stays below storage and documents.
"""

from __future__ import annotations

import datetime as dt
import sys
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final, TextIO

from gp_tool import __version__
from gp_tool.domain.case import Case, EarlierSickNote, Period, PeriodKind
from gp_tool.domain.problems import Problem, ProblemError
from gp_tool.fileio import atomic_write_bytes
from gp_tool.i18n.catalog import Translator
from gp_tool.i18n.markers import N_
from gp_tool.messages.model import SykmeldingMessage, earlier_note, message_from_case
from gp_tool.messages.sm2013 import MessageError, read_messages, to_xml

__all__ = ["export_message", "import_messages"]

EXIT_OK: Final = 0
EXIT_BLOCKED: Final = 1
EXIT_BAD_INPUT: Final = 2


def _problems(problems: Sequence[Problem], tr: Translator, err: TextIO) -> int:
    for problem in problems:
        print(problem.render(tr.gettext), file=err)
    return EXIT_BAD_INPUT


def export_message(
    case: Case, *, out: Path, today: dt.date, msg_id: str | None, tr: Translator, err: TextIO = sys.stderr
) -> int:
    """Write the case's new sick note as one MsgHead/SM2013 message to ``out`` (validated first)."""
    from gp_tool.rules import evaluate

    if msg_id is not None:
        try:
            msg_id = str(uuid.UUID(msg_id))
        except ValueError:
            return _problems(
                [Problem("--msg-id", "not_a_uuid", N_("not a UUID: “{value}”"), {"value": msg_id})], tr, err
            )
    if out.is_dir():
        return _problems(
            [Problem("--out", "is_a_folder", N_("{path} is a folder, not a file"), {"path": out})], tr, err
        )
    evaluation = evaluate(case, today)
    if evaluation.blocked:
        print(
            tr.gettext(
                "The sick note has a Stop finding: no message was written. Run gp-tool check for what to change."
            ),
            file=err,
        )
        return EXIT_BLOCKED
    try:
        message = message_from_case(case, today, msg_id or str(uuid.uuid4()), __version__)
    except ProblemError as exc:
        return _problems(exc.problems, tr, err)
    try:
        data = to_xml(message)
    except MessageError as exc:  # pragma: no cover - a case the model accepts always gives a valid message
        return _problems([Problem(exc.element, "schema", exc.message, exc.params)], tr, err)
    try:
        atomic_write_bytes(out, data)
    except OSError as exc:
        return _problems(
            [
                Problem(
                    "--out",
                    "os_error",
                    N_("{path} cannot be written ({reason})"),
                    {"path": out, "reason": exc.strerror},
                )
            ],
            tr,
            err,
        )
    print(
        tr.format(
            N_("{path}: the sykmelding as a message to NAV (SM2013, MsgId {msg_id})"),
            path=out,
            msg_id=message.msg_id,
        )
    )
    return EXIT_OK


def _same_periods(a: Sequence[Period], b: Sequence[Period]) -> bool:
    return [(p.kind, p.from_, p.to, p.grade) for p in a] == [(p.kind, p.from_, p.to, p.grade) for p in b]


def _duplicate(note: EarlierSickNote, known: Sequence[EarlierSickNote], current: Sequence[Period]) -> bool:
    if _same_periods(note.periods, current):
        return True
    return any(
        (note.message_id and note.message_id == k.message_id) or _same_periods(note.periods, k.periods)
        for k in known
    )


def _span(message: SykmeldingMessage) -> tuple[dt.date, dt.date]:
    return min(p.from_ for p in message.periods), max(p.to for p in message.periods)


def _continuation(latest: SykmeldingMessage, today: dt.date) -> dict[str, object]:
    """The new sick note proposed as the continuation of the latest message, for the GP to change."""
    last = max(latest.periods, key=lambda p: p.to)
    start = last.to + dt.timedelta(days=1)
    end = start + (last.to - last.from_)
    period: dict[str, object] = {"kind": last.kind.value, "from": start.isoformat(), "to": end.isoformat()}
    if last.kind is PeriodKind.GRADERT and last.grade is not None:
        period["grade"] = last.grade
    if last.kind is PeriodKind.BEHANDLINGSDAGER and last.treatment_days is not None:
        period["treatment_days"] = last.treatment_days
    if last.kind is PeriodKind.AVVENTENDE:
        period["advice_to_employer"] = last.advice_to_employer or ""
    note: dict[str, object] = {"signed": today.isoformat(), "periods": [period]}
    note["main_diagnosis"] = latest.main_diagnosis.model_dump(mode="json") if latest.main_diagnosis else None
    if latest.secondary_diagnoses:
        note["secondary_diagnoses"] = [d.model_dump(mode="json") for d in latest.secondary_diagnoses]
    if latest.other_absence_reason is not None:
        note["other_absence_reason"] = latest.other_absence_reason
    return note


def _new_case(messages: Sequence[SykmeldingMessage], today: dt.date) -> Case:
    from gp_tool.rules.absence import case_start

    ordered = sorted(messages, key=_span)
    latest = ordered[-1]
    sender = latest.sender
    sykmelder = {
        "name": sender.name,
        "hpr": sender.hpr,
        "national_id": sender.national_id,
        "practice": sender.practice,
        "practice_org_number": sender.org_number,
        "phone": sender.phone,
    }
    work: dict[str, object] = {"employer": latest.employer, "occupation": latest.occupation}
    if latest.position_percent is not None:
        work["position_percent"] = latest.position_percent
    if latest.employers != ("ONE" if latest.employer else "NONE"):
        work["employers"] = latest.employers
    notes: list[EarlierSickNote] = []
    for message in ordered:
        note = earlier_note(message)
        if not _duplicate(note, notes, []):
            notes.append(note)
    doc = {
        "format": "gp-tool/case",
        "version": 1,
        "patient": {"name": latest.patient_name, "national_id": latest.national_id},
        "sykmelder": {k: v for k, v in sykmelder.items() if v},
        "work": work,
        "earlier_sick_notes": [n.model_dump(mode="json", by_alias=True, exclude_unset=True) for n in notes],
        "sick_note": _continuation(latest, today),
    }
    case = Case.model_validate(doc, strict=False)
    # NAV's 16-day chaining over the notes read; the sender's SyketilfelleStartDato when it knew of earlier days.
    doc["case_start"] = min(case_start(case), latest.case_start).isoformat()
    return Case.model_validate(doc, strict=False)


def import_messages(
    files: Sequence[Path],
    *,
    out: Path | None,
    into: Path | None,
    today: dt.date,
    tr: Translator,
    read_case_file: Callable[[Path], Case],
    write_case_file: Callable[[Path, Case], None],
    err: TextIO = sys.stderr,
) -> int:
    """Read every file, then build a new case (``out``) or add to one (``into``); nothing written on a problem."""
    read: list[tuple[Path, SykmeldingMessage]] = []
    problems: list[str] = []
    notices: list[str] = []
    for path in files:
        try:
            data = path.read_bytes()
        except OSError as exc:
            problems.append(f"{path}: " + tr.format(N_("cannot be read ({reason})"), reason=exc.strerror))
            continue
        try:
            result = read_messages(data)
        except MessageError as exc:
            problems.append(f"{path}:{exc.line}: {exc.element}: " + tr.format(exc.message, **exc.params))
            continue
        if result.default_namespace:
            notices.append(
                f"{path}: "
                + tr.gettext(
                    "the felleskomponent1 elements (Id, TypeId, …) were written in the default namespace; "
                    "read as NAV's schema intends"
                )
            )
        read.extend((path, m) for m in result.messages)
    target: Case | None = None
    if into is not None and not problems:
        try:
            target = read_case_file(into)
        except ProblemError as exc:
            problems.extend(f"{into}: " + p.render(tr.gettext) for p in exc.problems)
    if not problems and read:
        patient = (
            target.patient.national_id
            if target is not None and target.patient.national_id
            else read[0][1].national_id
        )
        for path, message in read:
            if message.national_id != patient:
                problems.append(
                    f"{path}: Pasient: "
                    + tr.format(
                        N_("a sick note of another patient ({other}, not {patient}): nothing was changed"),
                        other=message.national_id,
                        patient=patient,
                    )
                )
    if out is not None and out.exists() and not problems:
        problems.append(
            "--out: " + tr.format(N_("{path} exists; choose a new file, or add to it with --into"), path=out)
        )
    if problems:
        for line in problems:
            print(line, file=err)
        return EXIT_BAD_INPUT
    for line in notices:
        print(line, file=err)
    messages = [m for _, m in read]
    try:
        if out is not None:
            case = _new_case(messages, today)
            write_case_file(out, case)
            destination = out
        else:
            assert target is not None
            assert into is not None
            known = list(target.earlier_sick_notes)
            added = 0
            for message in sorted(messages, key=_span):
                note = earlier_note(message)
                if _duplicate(note, known, target.sick_note.periods):
                    continue
                known.append(note)
                added += 1
            doc = target.to_json_dict()
            doc["earlier_sick_notes"] = [
                n.model_dump(mode="json", by_alias=True, exclude_unset=True)
                for n in sorted(known, key=lambda n: min((p.from_ for p in n.periods), default=n.signed))
            ]
            case = Case.model_validate(doc, strict=False)
            if added:
                write_case_file(into, case)
            destination = into
    except ProblemError as exc:
        return _problems(exc.problems, tr, err)
    print(
        tr.format(
            N_("{path}: earlier sick notes in the case: {count}"),
            path=destination,
            count=len(case.earlier_sick_notes),
        )
    )
    return EXIT_OK
