"""Arbeidsfokus: work-focused sick-leave decision support for Norwegian GPs.

This module holds the version and nothing else, so that importing it is free.
"""

__version__ = "0.1.0"
