"""The law as code: pure rules of (case, today, parameters). Filled by the Rules issue.

May import gp_tool.domain, gp_tool.codes, gp_tool.clock, gp_tool.i18n.markers, pydantic and stdlib.
"""
