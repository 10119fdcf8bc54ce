"""Composition root: the only module that wires every package together.

It parses the command line (``gp_tool.cli``), then starts the desktop app or the headless self-test
(``gp_tool.ui``, imported only here and only when needed, so ``gp-tool schema`` never loads Qt),
or runs a command-line tool.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from gp_tool import cli

_measurement_run = False
"""Set by :func:`main` for ``gui --exit-when-ready``: the run opened nothing for writing."""


def entry() -> NoReturn:
    """The process entry point (``gp-tool`` and ``python -m gp_tool``): :func:`main`, then exit.

    After ``--exit-when-ready`` the process ends at once, without tearing the window down: that run
    only shows the case (no case store, no drafts, no rules are started, contracts §1), so there is
    nothing to close, and interpreter shutdown with a full Qt window alive costs tens of ms that are
    not start-up (bench/bench_startup.py measures the whole process).
    """
    code = main()
    if _measurement_run:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        parsed = cli.parse(args)
        if isinstance(parsed, int):
            return parsed
        if parsed.command == "gui":
            from gp_tool.ui import GuiOptions, run_gui

            a = parsed.args
            global _measurement_run  # noqa: PLW0603 (one flag for entry(), set once per process)
            _measurement_run = bool(a.exit_when_ready) and argv is None
            options = GuiOptions(
                language=parsed.language,
                demo=a.demo,
                case_file=a.case,
                exit_when_ready=a.exit_when_ready,
                today=a.today,
                ends_process=_measurement_run,
                course=getattr(a, "course", None),
                course_case=(parsed.course_name, parsed.course) if parsed.course is not None else None,
            )
            return run_gui(options)
        if parsed.command == "self-test":
            import tempfile  # only the self-test needs it; not loaded on a normal start

            from gp_tool.ui import self_test

            with tempfile.TemporaryDirectory(prefix="gp-tool-self-test-") as workdir:
                return self_test(Path(workdir))
        return cli.run(parsed)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `gp-tool check --json | head`: the reader left; stay quiet like other tools
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:  # a bug: one line, no traceback, a distinct exit code
        print(f"gp-tool: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return cli.EXIT_INTERNAL
