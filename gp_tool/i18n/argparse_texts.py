"""The standard library's argparse messages, translated through our catalogues.

argparse looks its messages up with the module-level names ``argparse._`` and ``argparse.ngettext``.
:func:`translated_argparse` points them at a :class:`Translator` while a command line is parsed, so
usage errors appear in nb, nn or en like every other message. The msgids below are argparse's own
(Python 3.11–3.13), listed here with ``N_`` so that Babel extracts them into our catalogues.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator

from gp_tool.i18n.catalog import Translator
from gp_tool.i18n.markers import N_

__all__ = ["ARGPARSE_MESSAGES", "translated_argparse"]

ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("ignored explicit argument %r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
)


@contextlib.contextmanager
def translated_argparse(tr: Translator) -> Iterator[None]:
    """Within the block, argparse's own messages come from ``tr``."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = tr.gettext  # type: ignore[attr-defined]
    argparse.ngettext = tr.ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
