"""The command line of contracts §1: parse, validate input, and run the non-GUI commands.

``gp_tool.app`` (the composition root) calls :func:`parse` and then either starts the GUI /
self-test (which live in ``gp_tool.ui``) or hands the invocation to :func:`run`. Bad input never
produces a traceback: each problem is printed on its own line to stderr, naming its field, in the
chosen language, and the exit code is 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final, NoReturn, TextIO

from gp_tool import __version__
from gp_tool.clock import SystemClock
from gp_tool.domain.problems import Problem, ProblemError
from gp_tool.i18n.argparse_texts import translated_argparse
from gp_tool.i18n.catalog import DEFAULT_LANGUAGE, LANGUAGES, Translator, translator
from gp_tool.i18n.formatting import format_date, format_percent_value
from gp_tool.i18n.markers import N_
from gp_tool.storage.demo import demo_names
from gp_tool.storage.files import read_case_file

if TYPE_CHECKING:  # the rules and the case model load only for the commands that use them
    from gp_tool.consultation import Consultation, Evaluation, Timeline
    from gp_tool.domain.case import Case
    from gp_tool.domain.course import CourseCase

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_FAILURE",
    "EXIT_OK",
    "Invocation",
    "parse",
    "render_check",
    "render_timeline",
    "run",
]

EXIT_OK: Final = 0
EXIT_FAILURE: Final = 1
EXIT_BAD_INPUT: Final = 2
EXIT_BLOCKED: Final = 3  # notes: the privacy check stopped the employer note
EXIT_INTERNAL: Final = 70  # EX_SOFTWARE: a bug, not the user's input

COMMANDS: Final = (
    "gui",
    "self-test",
    "timeline",
    "check",
    "notes",
    "rules",
    "schema",
    "course",
    "export",
    "import",
)
LANG_ENV: Final = "GP_TOOL_LANG"


@dataclass(frozen=True)
class Invocation:
    """A parsed, validated command line."""

    command: str
    args: argparse.Namespace
    tr: Translator
    case: Case | None = None
    course: CourseCase | None = None
    """The course case of ``course …`` and of the gui's ``--course NAME|FILE`` (read and validated)."""
    course_name: str = ""
    """Its name: the shipped course case's name, or the file's name without ``.json``."""

    @property
    def language(self) -> str:
        return self.tr.language


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one translated line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message}\n")


def _pre_language(argv: Sequence[str]) -> str:
    """The language asked for with ``--lang`` (before full parsing, so usage errors are translated too)."""
    for i, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        if value in LANGUAGES:
            return value
    env = os.environ.get(LANG_ENV, "")
    return env if env in LANGUAGES else DEFAULT_LANGUAGE


def _date_type(tr: Translator) -> Callable[[str], dt.date]:
    def parse_date(text: str) -> dt.date:
        try:
            return dt.date.fromisoformat(text) if len(text) == 10 else _bad_date()
        except ValueError:
            return _bad_date()

    def _bad_date() -> NoReturn:
        raise argparse.ArgumentTypeError(tr.gettext("not a valid date (use YYYY-MM-DD, a day that exists)"))

    parse_date.__name__ = "date"
    return parse_date


def _build_parser(tr: Translator) -> argparse.ArgumentParser:
    _ = tr.gettext
    date = _date_type(tr)
    parser = _Parser(
        prog="gp-tool",
        description=_("Arbeidsfokus: work-focused sick-leave decision support for GPs."),
        epilog=_("Without a command, the desktop app starts."),
    )
    parser.add_argument(
        "--version", action="version", version=f"gp-tool {__version__}", help=_("show the version and exit")
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def lang_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--lang", choices=LANGUAGES, default=None, help=_("language: nb, nn or en"))

    def gui_options(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--demo",
            metavar="NAME",
            choices=demo_names(),
            help=_("open a demo case (fictional patient): {names}").format(names=", ".join(demo_names())),
        )
        p.add_argument("--case", metavar="FILE", type=Path, help=_("open a case file"))
        p.add_argument(
            "--course",
            metavar="NAME|FILE",
            nargs="?",
            const="",
            default=None,
            help=_(
                "course mode (fictional patients only, every print marked as a course): open the course "
                "case NAME or FILE, or choose one in the window"
            ),
        )
        lang_option(p)
        p.add_argument(
            "--exit-when-ready",
            action="store_true",
            help=_("quit as soon as the window is shown (for start-up measurements)"),
        )
        p.add_argument(
            "--today", metavar="DATE", type=date, help=_("the date to treat as today (YYYY-MM-DD)")
        )

    gui_options(parser)
    gui_options(sub.add_parser("gui", help=_("start the desktop app (the default)")))

    p = sub.add_parser("self-test", help=_("headless smoke test of the real app"))
    lang_option(p)

    p = sub.add_parser("timeline", help=_("the legal timeline of a continuous case"))
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--case-start", metavar="DATE", type=date, help=_("first day of the absence"))
    source.add_argument("--case", metavar="CASE.json", type=Path, help=_("a case file"))
    p.add_argument("--birth-date", metavar="DATE", type=date, help=_("the patient's birth date"))
    p.add_argument("--today", metavar="DATE", type=date, help=_("the date to treat as today (YYYY-MM-DD)"))
    p.add_argument("--json", action="store_true", help=_("machine-readable output"))
    lang_option(p)

    p = sub.add_parser("check", help=_("evaluate all rules on the case's new sick note"))
    p.add_argument("case", metavar="CASE.json", type=Path, help=_("a case file"))
    p.add_argument("--today", metavar="DATE", type=date, help=_("the date to treat as today (YYYY-MM-DD)"))
    p.add_argument("--json", action="store_true", help=_("machine-readable output"))
    lang_option(p)

    p = sub.add_parser("notes", help=_("write the notes for NAV and the employer"))
    p.add_argument("case", metavar="CASE.json", type=Path, help=_("a case file"))
    p.add_argument("--out", metavar="DIR", type=Path, required=True, help=_("folder to write into"))
    p.add_argument("--today", metavar="DATE", type=date, help=_("the date to treat as today (YYYY-MM-DD)"))
    p.add_argument(
        "--course",
        action="store_true",
        help=_("a course case (fictional patient): mark every page «COURSE – fictional patient»"),
    )
    p.add_argument(
        "--draft",
        action="store_true",
        help=_(
            "write drafts even when the case is not ready: every page marked «DRAFT – not a valid sick note»"
        ),
    )
    lang_option(p)

    p = sub.add_parser("rules", help=_("the rules catalogue"))
    p.add_argument("--format", choices=("md", "json"), default="md", help=_("output format"))
    lang_option(p)

    sub.add_parser("schema", help=_("JSON Schema of the case file"))
    _course_parser(sub, tr, lang_option)

    p = sub.add_parser("export", help=_("write the new sick note as the message NAV receives (SM2013 XML)"))
    p.add_argument("case", metavar="CASE.json", type=Path, help=_("a case file"))
    p.add_argument("--format", choices=("sm2013",), default="sm2013", help=_("message format"))
    p.add_argument("--out", metavar="FILE", type=Path, required=True, help=_("the message file to write"))
    p.add_argument("--today", metavar="DATE", type=date, help=_("the date to treat as today (YYYY-MM-DD)"))
    p.add_argument("--msg-id", metavar="UUID", help=_("the message id (default: a new one)"))
    lang_option(p)

    p = sub.add_parser("import", help=_("read sick-note messages (SM2013 XML) into a case"))
    p.add_argument("files", metavar="FILE", type=Path, nargs="+", help=_("message files"))
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", metavar="CASE.json", type=Path, help=_("a new case file to write"))
    target.add_argument("--into", metavar="CASE.json", type=Path, help=_("a case file to add them to"))
    p.add_argument("--today", metavar="DATE", type=date, help=_("the date to treat as today (YYYY-MM-DD)"))
    lang_option(p)
    return parser


def _course_parser(
    sub: argparse._SubParsersAction[_Parser],
    tr: Translator,
    lang_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """``gp-tool course list|show|export|handout`` (course cases, issue 9)."""
    _ = tr.gettext
    p = sub.add_parser("course", help=_("course cases for training (fictional patients)"))
    actions = p.add_subparsers(dest="course_command", metavar="ACTION", parser_class=_Parser, required=True)

    def source(q: argparse.ArgumentParser) -> None:
        q.add_argument(
            "source", metavar="NAME|FILE", help=_("a course case: the name of a shipped one, or a file")
        )

    q = actions.add_parser("list", help=_("the shipped course cases"))
    q.add_argument("--json", action="store_true", help=_("machine-readable output"))
    lang_option(q)

    q = actions.add_parser(
        "show",
        help=_("a course case consultation by consultation, with the rules' view of each (for trainers)"),
    )
    source(q)
    q.add_argument("--json", action="store_true", help=_("machine-readable output"))
    lang_option(q)

    q = actions.add_parser("export", help=_("write one consultation as a case file (for check and notes)"))
    source(q)
    q.add_argument(
        "--station", metavar="ID", required=True, help=_("the consultation's id (see course show)")
    )
    q.add_argument(
        "--model", action="store_true", help=_("the model answer instead of the case as participants meet it")
    )
    q.add_argument("--out", metavar="FILE", type=Path, required=True, help=_("the case file to write"))
    lang_option(q)

    q = actions.add_parser("handout", help=_("the participants' one-page handout (PDF)"))
    source(q)
    q.add_argument("--out", metavar="FILE.pdf", type=Path, required=True, help=_("the PDF file to write"))
    lang_option(q)


def _print_problems(problems: Sequence[Problem], tr: Translator, stream: TextIO) -> None:
    for problem in problems:
        print(problem.render(tr.gettext), file=stream)


def parse(argv: Sequence[str]) -> Invocation | int:
    """Parse and validate ``argv``; an ``int`` is the exit code when there is nothing more to do."""
    argv = list(argv)
    tr = translator(_pre_language(argv))
    if not argv or (argv[0] not in COMMANDS and argv[0] not in {"-h", "--help", "--version"}):
        argv = ["gui", *argv] if not argv or argv[0].startswith("-") else argv
    with translated_argparse(tr):
        parser = _build_parser(tr)
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # --help, --version, or a usage error already printed
            return int(exc.code) if isinstance(exc.code, int) else EXIT_BAD_INPUT
    if getattr(args, "lang", None):
        tr = translator(args.lang)
    command = args.command or "gui"
    case: Case | None = None
    case_path: Path | None = getattr(args, "case", None)
    if case_path is not None:
        try:
            case = read_case_file(case_path)
        except ProblemError as exc:
            _print_problems(exc.problems, tr, sys.stderr)
            return EXIT_BAD_INPUT
    if command == "gui" and args.course is not None and case_path is not None:
        _print_problems(
            [
                Problem(
                    "--case",
                    "case_in_course_mode",
                    N_("course mode opens only course cases (fictional patients); leave out --case"),
                )
            ],
            tr,
            sys.stderr,
        )
        return EXIT_BAD_INPUT
    if (command == "gui" and args.course) or command == "course":
        return _parse_course(command, args, tr)
    if command == "notes":
        out: Path = args.out
        if out.exists() and not out.is_dir():
            _print_problems(
                [Problem("--out", "not_a_folder", N_("{path} exists and is not a folder"), {"path": out})],
                tr,
                sys.stderr,
            )
            return EXIT_BAD_INPUT
    return Invocation(command, args, tr, case)


def _resolve_course(value: str, field: str) -> tuple[CourseCase, str]:
    """A shipped course case by name, or a course case file: (the course case, its name)."""
    from gp_tool.storage.courses import course_names, load_course, read_course_file

    names = course_names()
    if value in names:
        return load_course(value), value
    path = Path(value)
    if path.suffix.lower() == ".json" or "/" in value or os.sep in value or path.exists():
        return read_course_file(path), path.stem
    if not names:
        raise ProblemError(
            [
                Problem(
                    field,
                    "unknown_course",
                    N_("unknown course case “{name}”; no course cases are installed"),
                    {"name": value},
                )
            ]
        )
    raise ProblemError(
        [
            Problem(
                field,
                "unknown_course",
                N_("unknown course case “{name}”; choose one of: {names}"),
                {"name": value, "names": ", ".join(names)},
            )
        ]
    )


def _parse_course(command: str, args: argparse.Namespace, tr: Translator) -> Invocation | int:
    """Read the course case of ``--course NAME|FILE`` or ``course …`` and check the other arguments."""
    action = getattr(args, "course_command", None) if command == "course" else None
    course: CourseCase | None = None
    name = ""
    problems: list[Problem] = []
    try:
        if command == "gui":
            course, name = _resolve_course(args.course, "--course")
        elif action != "list":
            course, name = _resolve_course(args.source, "course")
    except ProblemError as exc:
        problems += exc.problems
    if course is not None and action == "export":
        ids = [station.id for station in course.stations]
        if args.station not in ids:
            problems.append(
                Problem(
                    "--station",
                    "unknown_station",
                    N_("unknown consultation “{id}”; choose one of: {ids}"),
                    {"id": args.station, "ids": ", ".join(ids)},
                )
            )
    out: Path | None = getattr(args, "out", None) if action in {"export", "handout"} else None
    if out is not None and out.is_dir():
        problems.append(Problem("--out", "is_directory", N_("{path} is a folder, not a file"), {"path": out}))
    if problems:
        _print_problems(problems, tr, sys.stderr)
        return EXIT_BAD_INPUT
    return Invocation(command, args, tr, None, course, name)


def _schema() -> int:
    from gp_tool.domain.case import Case

    schema = Case.model_json_schema(by_alias=True)
    schema["$id"] = "https://arbeidsfokus.invalid/schema/case-v1.json"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    print(json.dumps(schema, ensure_ascii=False, indent=2))
    return EXIT_OK


def _today(inv: Invocation) -> dt.date:
    """``--today`` or the real date in Norway (gp_tool.clock.SystemClock)."""
    given: dt.date | None = getattr(inv.args, "today", None)
    return given if given is not None else SystemClock().today()


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _consultation(inv: Invocation) -> Consultation | int:
    """The consultation of the case file (the rules run once), or exit 2 when it cannot be judged."""
    from gp_tool.consultation import consult

    assert inv.case is not None  # parse() read the case file or returned 2
    course = bool(getattr(inv.args, "course", False))
    consultation = consult(inv.case, _today(inv), lang=inv.language, course=course)
    if consultation.evaluation is None:
        for problem in consultation.problems:
            print(problem.render_cli(), file=sys.stderr)
        return EXIT_BAD_INPUT
    return consultation


def _check(inv: Invocation) -> int:
    """``gp-tool check``: exit 0 without a BLOCK finding, 1 with one (contracts §1)."""
    consultation = _consultation(inv)
    if isinstance(consultation, int):
        return consultation
    assert inv.case is not None
    assert consultation.evaluation is not None
    evaluation = consultation.evaluation
    if inv.args.json:
        _print_json(_check_json(evaluation, inv.case, inv.language))
    else:
        print(render_check(evaluation, inv.case, inv.tr))
    return EXIT_FAILURE if evaluation.blocked else EXIT_OK


def _check_json(evaluation: Evaluation, case: Case, lang: str) -> dict[str, object]:
    """Contracts §3 ``check --json``: the evaluation, the referral ``suggestions`` (``[{"id", "reason",
    "source"}]``) and the latest ``screening`` score per instrument."""
    from gp_tool.consultation import latest_scores, suggestions

    data: dict[str, object] = evaluation.to_json(lang)
    data["suggestions"] = [s.to_json(lang) for s in suggestions(case, evaluation.today)]
    data["screening"] = [s.to_json(lang) for s in latest_scores(case)]
    return data


def _notes(inv: Invocation) -> int:
    """``gp-tool notes``: exit 1 and nothing written when the case is not ready (without ``--draft``);
    exit 3 when the privacy check blocks the employer note (nothing written for it)."""
    from gp_tool.documents import write_notes  # reportlab only for this command
    from gp_tool.settings.local_services import names

    consultation = _consultation(inv)
    if isinstance(consultation, int):
        return consultation
    assert inv.case is not None
    stops = consultation.readiness.without_privacy()
    draft = bool(inv.args.draft) and bool(consultation.readiness.problems)
    if stops and not inv.args.draft:
        tr = inv.tr
        print(
            tr.format(
                tr.ngettext(
                    "The case is not ready: {count} problem stops the notes. Nothing was written.",
                    "The case is not ready: {count} problems stop the notes. Nothing was written.",
                    len(stops),
                ),
                count=len(stops),
            ),
            file=sys.stderr,
        )
        for problem in stops:
            print("  " + problem.render_cli(), file=sys.stderr)
        print(
            tr.gettext("Correct these and write the notes again, or write marked drafts with --draft."),
            file=sys.stderr,
        )
        return EXIT_FAILURE
    context = consultation.note_context(course=bool(inv.args.course), draft=draft, local_services=names())
    try:
        result = write_notes(inv.case, context, inv.args.out)
    except ProblemError as exc:
        _print_problems(exc.problems, inv.tr, sys.stderr)
        return EXIT_BAD_INPUT
    for line in result.messages(inv.language):
        print(line, file=sys.stderr)
    if result.blocked:
        print(
            inv.tr.gettext(
                "Nothing was written for the employer. Replace these words with what the patient can and "
                "cannot do, then write the notes again."
            ),
            file=sys.stderr,
        )
        return EXIT_BLOCKED
    return EXIT_OK


def _timeline(inv: Invocation) -> int:
    """``gp-tool timeline``: from a case file, or from a first day of absence (and a birth date)."""
    from gp_tool.consultation import timeline_from_start

    today = _today(inv)
    if inv.case is not None:
        if inv.args.birth_date is not None:
            _print_problems(
                [
                    Problem(
                        "--birth-date",
                        "birth_date_with_case",
                        N_("only with --case-start; with --case the birth date comes from the case file"),
                    )
                ],
                inv.tr,
                sys.stderr,
            )
            return EXIT_BAD_INPUT
        consultation = _consultation(inv)
        if isinstance(consultation, int):
            return consultation
        assert consultation.timeline is not None
        timeline = consultation.timeline
    else:
        timeline = timeline_from_start(inv.args.case_start, today, inv.args.birth_date)
    if inv.args.json:
        _print_json(timeline.to_json(inv.language))
    else:
        print(render_timeline(timeline, inv.tr))
    return EXIT_OK


def _rules(inv: Invocation) -> int:
    """``gp-tool rules``: the catalogue as Markdown or JSON, in the chosen language."""
    from gp_tool.consultation import catalogue_json, catalogue_markdown

    if inv.args.format == "json":
        _print_json(catalogue_json(inv.language))
    else:
        print(catalogue_markdown(inv.language))
    return EXIT_OK


# ---------------------------------------------------------------------------- human-readable output


def _day(day: dt.date, tr: Translator) -> str:
    return format_date(day, tr.language)


def _short(day: dt.date, tr: Translator) -> str:
    return format_date(day, tr.language, "short")


def _wrap(text: str, indent: str, width: int = 100) -> list[str]:
    return textwrap.wrap(text, width=width, initial_indent=indent, subsequent_indent=indent) or [indent]


def render_check(evaluation: Evaluation, case: Case, tr: Translator) -> str:
    """The findings of ``gp-tool check`` for a reader: grouped by severity, each with rule id,
    legal reference, NAV's outcome and the message; then NAV's overall outcome and the questions due."""
    from gp_tool.consultation import OUTCOME_NAMES, SEVERITY_NAMES, Severity

    _ = tr.gettext
    lang = tr.language
    lines = [
        tr.format(
            N_("Sick note signed {signed}; checked {today} (rules version {version})."),
            signed=_day(case.sick_note.signed, tr),
            today=_day(evaluation.today, tr),
            version=evaluation.rules_version,
        ),
    ]
    week_day = evaluation.timeline.week_and_day(evaluation.today)
    start_text = _day(evaluation.case_start, tr)
    if week_day is not None:
        lines.append(
            tr.format(
                N_("First day of absence: {start} (today is week {week}, day {day})."),
                start=start_text,
                week=week_day[0],
                day=week_day[1],
            )
        )
    else:
        lines.append(tr.format(N_("First day of absence: {start}."), start=start_text))
    outcome = tr.format(
        N_("NAV's receiving rules: {outcome} ({meaning})."),
        outcome=evaluation.nav_outcome.value,
        meaning=_(OUTCOME_NAMES[evaluation.nav_outcome]),
    )
    if evaluation.nav_rule is not None:
        outcome += " " + tr.format(N_("Decided by {rule}."), rule=evaluation.nav_rule)
    lines += [outcome, ""]
    if not evaluation.findings:
        lines += [_("No findings."), ""]
    for severity in Severity:
        group = evaluation.by_severity(severity)
        if not group:
            continue
        lines.append(f"{_(SEVERITY_NAMES[severity])} ({len(group)})")
        for finding in group:
            head = f"  {finding.rule} · {finding.legal.text(lang)}"
            if finding.nav_outcome is not None:
                head += f" · NAV: {finding.nav_outcome.value}"
            lines.append(head)
            lines += _wrap(finding.text(lang), "    ")
        lines.append("")
    questions = evaluation.questions
    if questions.ids:
        lines.append(
            tr.format(
                N_(
                    "NAV's questions for week {weeks} are due on this sick note: {questions} (required: {required})."
                ),
                weeks=", ".join(str(w) for w in questions.weeks),
                questions=", ".join(questions.ids),
                required=", ".join(questions.required),
            )
        )
    else:
        lines.append(_("No questions from NAV are due on this sick note."))
    lines += _render_proposals(evaluation, case, tr)
    return "\n".join(lines)


def _render_proposals(evaluation: Evaluation, case: Case, tr: Translator) -> list[str]:
    """The short text section of ``gp-tool check``: screening scores, then the referral proposals."""
    from gp_tool.consultation import ROUTE_NAMES, latest_scores, suggestions

    _ = tr.gettext
    lang = tr.language
    lines: list[str] = []
    scores = latest_scores(case)
    if scores:
        lines += ["", _("Screening (latest per instrument)")]
        for score in scores:
            total = "—" if score.total is None else f"{score.total}/{score.maximum}"
            signal = _("signal") if score.signal else _("no signal")
            lines.append(f"  {score.info.short_name} {total} · {signal} · {_day(score.date, tr)}")
    found = suggestions(case, evaluation.today)
    lines += ["", tr.format(N_("Referral and support proposals ({count})"), count=len(found))]
    if not found:
        lines.append("  " + _("No proposals for this case today."))
    for suggestion in found:
        option = suggestion.option
        lines.append(f"  {option.text('name', lang)} · {_(ROUTE_NAMES[option.route])} · {suggestion.rule}")
        lines += _wrap(suggestion.reason_text(lang), "    ")
    return lines


def render_timeline(timeline: Timeline, tr: Translator) -> str:
    """The timeline as a table: date, status, milestone, who acts, legal reference; the GP's action below."""
    from gp_tool.consultation import BASIS_NAMES, STATUS_NAMES, MaxDateBasis

    _ = tr.gettext
    lang = tr.language
    basis = _("given") if timeline.case_start_given else _("derived from the sick notes")
    lines = [
        tr.format(
            N_("Legal timeline from the first day of absence, {start} ({basis}); today is {today}."),
            start=_day(timeline.case_start, tr),
            basis=basis,
            today=_day(timeline.today, tr),
        ),
        "",
    ]
    rows = [(_("Date"), _("Status"), _("Milestone"), _("Who acts"), _("Legal reference"))]
    actions: list[str] = [""]
    for m in timeline.milestones:
        when = _short(m.date, tr) if m.end is None else f"{_short(m.date, tr)}–{_short(m.end, tr)}"
        rows.append((when, _(STATUS_NAMES[m.status]), _(m.label), _(m.actor), m.legal.text(lang)))
        actions.append(_(m.gp_action))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    indent = " " * (widths[0] + widths[1] + 4)
    for row, action in zip(rows, actions, strict=True):
        cells = [row[i].ljust(widths[i]) for i in range(4)] + [row[4]]
        lines.append("  ".join(cells).rstrip())
        if action:
            lines += _wrap("→ " + action, indent, width=max(100, len(indent) + 40))
    md = timeline.max_date
    lines += [
        "",
        tr.format(
            N_(
                "Maksdato {date}: {basis}. Weekdays paid in the known periods: {used}; left after {until}: {left}."
            ),
            date=_day(md.date, tr),
            basis=_(BASIS_NAMES[MaxDateBasis(md.basis)]),
            used=md.days_used,
            left=md.days_left,
            until=_day(md.counted_until, tr),
        ),
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------------------- course cases (issue 9)

STEP_NAMES: Final = {
    "patient": N_("Patient and work"),
    "timeline": N_("Where the case stands"),
    "function": N_("Function and screening"),
    "support": N_("Referrals and support"),
    "decision": N_("Decision"),
    "nav_questions": N_("NAV's questions"),
    "messages": N_("Messages"),
    "notes": N_("Notes"),
}
"""The consultation steps' titles (the window's, ``gp_tool.ui.steps``) for the teaching notes."""


def _course_labels(course: CourseCase, tr: Translator) -> list[str]:
    """ "Day 3", "Week 7" … for each consultation, from the case start the rules chain."""
    from gp_tool.consultation import case_start
    from gp_tool.domain.course import Version, station_label

    start = case_start(course.case_at(0, Version.START))
    labels = []
    for station in course.stations:
        msgid, params = station_label(start, station.date)
        labels.append(tr.format(msgid, **params))
    return labels


def _course(inv: Invocation) -> int:
    """``gp-tool course list|show|export|handout``."""
    action = inv.args.course_command
    if action == "list":
        return _course_list(inv)
    assert inv.course is not None  # parse() read the course case or returned 2
    if action == "show":
        data = course_sheet(inv.course, inv.course_name, inv.language)
        if inv.args.json:
            _print_json(data)
        else:
            print(render_course_sheet(data, inv.tr))
        return EXIT_OK
    if action == "export":
        return _course_export(inv, inv.course)
    return _course_handout(inv, inv.course)


def _course_list(inv: Invocation) -> int:
    from gp_tool.documents.handout import TOPIC_NAMES
    from gp_tool.storage.courses import course_names, load_course

    tr, lang = inv.tr, inv.language
    entries: list[dict[str, object]] = []
    broken = False
    for name in course_names():
        try:
            course = load_course(name)
        except ProblemError as exc:
            for problem in exc.problems:
                print(f"{name}: {problem.render(tr.gettext)}", file=sys.stderr)
            broken = True
            continue
        labels = _course_labels(course, tr)
        entries.append(
            {
                "name": name,
                "topic": course.topic.value,
                "topic_name": tr.gettext(TOPIC_NAMES[course.topic]),
                "title": course.title.get(lang),
                "stations": [
                    {"id": station.id, "date": station.date.isoformat(), "label": label}
                    for station, label in zip(course.stations, labels, strict=True)
                ],
            }
        )
    if inv.args.json:
        _print_json({"courses": entries})
    elif not entries:
        print(tr.gettext("No course cases are installed."))
    for entry in entries if not inv.args.json else []:
        stations = entry["stations"]
        assert isinstance(stations, list)
        print(f"{entry['name']}  {entry['title']}")
        print(f"    {entry['topic_name']} · {', '.join(str(s['label']) for s in stations)}")
    return EXIT_BAD_INPUT if broken else EXIT_OK


def _version_json(case: Case, evaluation: Evaluation) -> dict[str, object]:
    return {
        "periods": [
            p.model_dump(mode="json", by_alias=True, exclude_defaults=True) for p in case.sick_note.periods
        ],
        "nav_outcome": evaluation.nav_outcome.value,
        "findings": [{"rule": f.rule, "severity": str(f.severity)} for f in evaluation.findings],
        "answered": sorted(case.sick_note.answers),
    }


def _differences(start: Case, model: Case) -> list[str]:
    """Where the model answer differs from the case as met: top-level fields, one level deeper in objects."""
    a = start.model_dump(mode="json", by_alias=True)
    b = model.model_dump(mode="json", by_alias=True)
    found: list[str] = []
    for key in dict.fromkeys([*a, *b]):
        va, vb = a.get(key), b.get(key)
        if va == vb:
            continue
        if isinstance(va, dict) and isinstance(vb, dict):
            found += [f"{key}.{k}" for k in dict.fromkeys([*va, *vb]) if va.get(k) != vb.get(k)]
        else:
            found.append(key)
    return found


def course_sheet(course: CourseCase, name: str, lang: str) -> dict[str, object]:
    """The trainer's preparation sheet of ``course show`` as JSON-ready data.

    Per consultation: its label, date and situation; the case as participants meet it and the model
    answer, each with its sick note's periods, NAV's outcome and the rules' findings; maksdato and the
    days to it with the model answer; where the model answer differs; NAV's questions due; the referral proposals and the privacy check of the employer
    note for the model answer; the teaching notes and the discussion questions.
    """
    from gp_tool.consultation import RULES_VERSION, consult, suggestions
    from gp_tool.documents import leak_message
    from gp_tool.documents.handout import TOPIC_NAMES
    from gp_tool.domain.course import Version

    tr = translator(lang)
    labels = _course_labels(course, tr)
    stations: list[dict[str, object]] = []
    first_consultation = consult(course.case_at(0, Version.START), course.stations[0].date, lang=lang)
    assert first_consultation.evaluation is not None
    first = first_consultation.evaluation
    for i, (station, label) in enumerate(zip(course.stations, labels, strict=True)):
        start, model = course.case_at(i, Version.START), course.case_at(i, Version.MODEL)
        met, answer = consult(start, station.date, lang=lang), consult(model, station.date, lang=lang)
        assert met.evaluation is not None
        assert answer.evaluation is not None
        ev_start, ev_model = met.evaluation, answer.evaluation
        leaks = answer.privacy_leaks
        stations.append(
            {
                "id": station.id,
                "date": station.date.isoformat(),
                "label": label,
                "situation": station.situation.get(lang),
                "start": _version_json(start, ev_start),
                "model": _version_json(model, ev_model),
                "differences": _differences(start, model),
                "max_date": ev_model.timeline.max_date.date.isoformat(),
                "days_left": (ev_model.timeline.max_date.date - station.date).days,
                "questions_due": list(ev_model.questions_due),
                "proposals": [
                    {**s.to_json(lang), "name": s.option.text("name", lang), "rule": s.rule}
                    for s in suggestions(model, station.date)
                ],
                "employer_note_leaks": [leak_message(leak, tr) for leak in leaks],
                "notes": {step: text.get(lang) for step, text in station.notes.items()},
                "discussion": [q.get(lang) for q in station.discussion],
            }
        )
    return {
        "name": name,
        "topic": course.topic.value,
        "topic_name": tr.gettext(TOPIC_NAMES[course.topic]),
        "title": course.title.get(lang),
        "summary": course.summary.get(lang),
        "learning_goals": [g.get(lang) for g in course.learning_goals],
        "case_start": first.case_start.isoformat(),
        "max_date": first.timeline.max_date.date.isoformat(),
        "rules_version": RULES_VERSION,
        "stations": stations,
    }


def _periods_text(periods: list[dict[str, object]], tr: Translator) -> str:
    from gp_tool.documents.texts import KIND_NAMES
    from gp_tool.domain.case import PeriodKind

    parts = []
    for p in periods:
        kind = PeriodKind(str(p["kind"]))
        text = tr.gettext(KIND_NAMES[kind])
        if p.get("grade") is not None:
            text += " " + format_percent_value(int(str(p["grade"])), tr.language)
        start, end = dt.date.fromisoformat(str(p["from"])), dt.date.fromisoformat(str(p["to"]))
        parts.append(f"{text} {_short(start, tr)}–{_short(end, tr)}")
    return "; ".join(parts)


def _outcome_text(version: dict[str, object]) -> str:
    findings = version["findings"]
    assert isinstance(findings, list)
    parts = [f"NAV: {version['nav_outcome']}"]
    for severity in ("BLOCK", "WARN", "INFO"):
        rules = [str(f["rule"]) for f in findings if f["severity"] == severity]
        if rules:
            parts.append(f"{severity}: {', '.join(rules)}")
    return " · ".join(parts)


def render_course_sheet(data: dict[str, object], tr: Translator) -> str:
    """The preparation sheet of ``course show`` for a reader (see :func:`course_sheet`)."""
    _ = tr.gettext
    title = f"{data['title']} ({data['name']})" if data["name"] else str(data["title"])
    lines = [f"{title} · {data['topic_name']}", *_wrap(str(data["summary"]), "")]
    lines.append(_("Learning goals:"))
    goals = data["learning_goals"]
    assert isinstance(goals, list)
    for goal in goals:
        lines += _wrap(f"• {goal}", "  ")
    lines.append(
        tr.format(
            N_("First day of absence: {start}; maksdato {max_date} (rules version {version})."),
            start=_day(dt.date.fromisoformat(str(data["case_start"])), tr),
            max_date=_day(dt.date.fromisoformat(str(data["max_date"])), tr),
            version=data["rules_version"],
        )
    )
    stations = data["stations"]
    assert isinstance(stations, list)
    for s in stations:
        lines += ["", f"{s['label']} · {_day(dt.date.fromisoformat(s['date']), tr)} · {s['id']}"]
        lines += _wrap(tr.format(N_("Situation: {text}"), text=s["situation"]), "  ")
        for key, msgid in (("start", N_("As met: {periods}")), ("model", N_("Model answer: {periods}"))):
            lines += _wrap(tr.format(msgid, periods=_periods_text(s[key]["periods"], tr)), "  ")
            lines += _wrap(_outcome_text(s[key]), "      ")
        lines.append(
            "  "
            + tr.format(
                N_("Maksdato with the model answer: {date} ({days} days from today)"),
                date=_day(dt.date.fromisoformat(s["max_date"]), tr),
                days=s["days_left"],
            )
        )
        if s["differences"]:
            lines += _wrap(
                tr.format(N_("The model answer changes: {fields}"), fields=", ".join(s["differences"])), "  "
            )
        if s["questions_due"]:
            answered = ", ".join(s["model"]["answered"]) or "–"
            lines += _wrap(
                tr.format(
                    N_("NAV's questions due: {questions}; answered in the model answer: {answered}"),
                    questions=", ".join(s["questions_due"]),
                    answered=answered,
                ),
                "  ",
            )
        proposals = "; ".join(f"{p['name']} ({p['rule']})" for p in s["proposals"]) or "–"
        lines += _wrap(
            tr.format(N_("Proposals for the model answer: {proposals}"), proposals=proposals), "  "
        )
        if s["employer_note_leaks"]:
            lines.append("  " + _("Note to the employer (model answer): possible health information"))
            for leak in s["employer_note_leaks"]:
                lines += _wrap(leak, "    ")
        else:
            lines.append("  " + _("Note to the employer (model answer): passes the privacy check"))
        if s["notes"]:
            lines.append("  " + _("Teaching notes:"))
            for step, text in s["notes"].items():
                lines += _wrap(f"{_(STEP_NAMES[step])}: {text}", "    ")
        if s["discussion"]:
            lines.append("  " + _("For discussion:"))
            for n, question in enumerate(s["discussion"], start=1):
                lines += _wrap(f"{n}. {question}", "    ")
    return "\n".join(lines)


def _out_problem(path: Path, exc: OSError) -> Problem:
    if isinstance(exc, PermissionError):
        return Problem(
            "--out", "permission", N_("{path} cannot be written (permission denied)"), {"path": path}
        )
    return Problem(
        "--out", "os_error", N_("{path} cannot be written ({reason})"), {"path": path, "reason": exc.strerror}
    )


def _course_export(inv: Invocation, course: CourseCase) -> int:
    """``course export``: one consultation's case (as met, or ``--model``) as a contract case file."""
    from dataclasses import replace

    from gp_tool.domain.course import Version
    from gp_tool.storage.files import write_case_file

    index = next(i for i, s in enumerate(course.stations) if s.id == inv.args.station)
    version = Version.MODEL if inv.args.model else Version.START
    out: Path = inv.args.out
    try:
        write_case_file(out, course.case_at(index, version))
    except ProblemError as exc:
        _print_problems([replace(p, field="--out") for p in exc.problems], inv.tr, sys.stderr)
        return EXIT_BAD_INPUT
    label = _course_labels(course, inv.tr)[index]
    what = inv.tr.gettext("model answer") if inv.args.model else inv.tr.gettext("as participants meet it")
    print(
        inv.tr.format(
            N_("{path}: {label}, {date} ({what}); today for check and notes: --today {iso}"),
            path=out,
            label=label,
            date=_day(course.stations[index].date, inv.tr),
            what=what,
            iso=course.stations[index].date.isoformat(),
        )
    )
    return EXIT_OK


def _course_handout(inv: Invocation, course: CourseCase) -> int:
    """``course handout``: the participants' one-page PDF, written atomically and owner-only."""
    from gp_tool.documents.handout import save_handout

    out: Path = inv.args.out
    try:
        save_handout(out, course, inv.language, name=inv.course_name)
    except OSError as exc:
        _print_problems([_out_problem(out, exc)], inv.tr, sys.stderr)
        return EXIT_BAD_INPUT
    print(inv.tr.format(N_("{path}: the handout of {title}"), path=out, title=course.title.get(inv.language)))
    return EXIT_OK


def run(inv: Invocation) -> int:
    """Run a non-GUI command (``gui`` and ``self-test`` are started by ``gp_tool.app``)."""
    if inv.command == "schema":
        return _schema()
    if inv.command == "check":
        return _check(inv)
    if inv.command == "timeline":
        return _timeline(inv)
    if inv.command == "rules":
        return _rules(inv)
    if inv.command == "notes":
        return _notes(inv)
    if inv.command == "course":
        return _course(inv)
    if inv.command in {"export", "import"}:
        return _message_command(inv)
    raise ValueError(inv.command)


def _message_command(inv: Invocation) -> int:
    """``export`` and ``import`` (the code is in gp_tool.messages.commands)."""
    from gp_tool.messages.commands import export_message, import_messages
    from gp_tool.storage.files import write_case_file

    if inv.command == "export":
        assert inv.case is not None  # parse() read the case file or returned 2
        return export_message(
            inv.case, out=inv.args.out, today=_today(inv), msg_id=inv.args.msg_id, tr=inv.tr
        )
    return import_messages(
        inv.args.files,
        out=inv.args.out,
        into=inv.args.into,
        today=_today(inv),
        tr=inv.tr,
        read_case_file=read_case_file,
        write_case_file=write_case_file,
    )
