"""Translation plumbing: one gettext/Babel system for the UI, the PDFs and the command line.

Lower layers (domain, rules) only mark texts with :func:`N_`; translation happens at the edge.
"""

from gp_tool.i18n.catalog import LANGUAGES, Translator, translator
from gp_tool.i18n.markers import N_

__all__ = ["LANGUAGES", "N_", "Translator", "translator"]
