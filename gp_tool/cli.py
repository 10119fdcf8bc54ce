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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final, NoReturn, TextIO

from gp_tool import __version__
from gp_tool.domain.case import Case
from gp_tool.domain.problems import Problem, ProblemError
from gp_tool.i18n.argparse_texts import translated_argparse
from gp_tool.i18n.catalog import DEFAULT_LANGUAGE, LANGUAGES, Translator, translator
from gp_tool.i18n.markers import N_
from gp_tool.storage.demo import demo_names
from gp_tool.storage.files import read_case_file

__all__ = ["EXIT_BAD_INPUT", "EXIT_OK", "Invocation", "parse", "run"]

EXIT_OK: Final = 0
EXIT_FAILURE: Final = 1
EXIT_BAD_INPUT: Final = 2
EXIT_INTERNAL: Final = 70  # EX_SOFTWARE: a bug, not the user's input

COMMANDS: Final = ("gui", "self-test", "timeline", "check", "notes", "rules", "schema")
LANG_ENV: Final = "GP_TOOL_LANG"


@dataclass(frozen=True)
class Invocation:
    """A parsed, validated command line."""

    command: str
    args: argparse.Namespace
    tr: Translator
    case: Case | None = None

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
    lang_option(p)

    p = sub.add_parser("rules", help=_("the rules catalogue"))
    p.add_argument("--format", choices=("md", "json"), default="md", help=_("output format"))
    lang_option(p)

    sub.add_parser("schema", help=_("JSON Schema of the case file"))
    return parser


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


def _not_available(inv: Invocation) -> int:
    print(
        inv.tr.format(
            N_("gp-tool {command}: not available yet in this version ({version})"),
            command=inv.command,
            version=__version__,
        ),
        file=sys.stderr,
    )
    return EXIT_BAD_INPUT


def _schema() -> int:
    schema = Case.model_json_schema(by_alias=True)
    schema["$id"] = "https://arbeidsfokus.invalid/schema/case-v1.json"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    print(json.dumps(schema, ensure_ascii=False, indent=2))
    return EXIT_OK


def run(inv: Invocation) -> int:
    """Run a non-GUI command (``gui`` and ``self-test`` are started by ``gp_tool.app``)."""
    if inv.command == "schema":
        return _schema()
    if inv.command in {"timeline", "check", "notes", "rules"}:
        return _not_available(inv)
    raise ValueError(inv.command)
