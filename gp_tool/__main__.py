"""``python -m gp_tool``: the same entry point as the ``gp-tool`` command."""

import sys

from gp_tool.app import main

sys.exit(main())
