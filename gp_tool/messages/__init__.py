"""SM2013 messages: the sykmelding as NAV receives it (HelseOpplysningerArbeidsuforhet 2013-10-01 in MsgHead 1.2).

* :mod:`gp_tool.messages.model` — the message as data (:class:`SykmeldingMessage`), built from a case and
  turned back into earlier sick notes; no XML here.
* :mod:`gp_tool.messages.sm2013` — writing and reading the XML (lxml), validated against NAV's schemas
  shipped in ``gp_tool/resources/xsd/``; DTDs and entities are refused, nothing is fetched.
* :mod:`gp_tool.messages.commands` — ``gp-tool export`` and ``gp-tool import``.

No Qt, no reportlab; sits between the rules and the documents (the NAV note may read from it).
"""
