"""``python -m gp_tool``: the same entry point as the ``gp-tool`` command."""

from gp_tool.app import entry

entry()
