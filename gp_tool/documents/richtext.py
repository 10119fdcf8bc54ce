"""Outlines as Qt rich text (the HTML subset ``QTextDocument`` reads), for the preview and for printing.

No Qt here: the widget in ``gp_tool.ui.notes_view`` feeds this HTML to a ``QTextDocument`` and supplies
the timeline pictures (``<img src="timeline:KIND">``) by painting the same
:class:`~gp_tool.documents.timeline.TimelineModel` the PDF draws. Paragraphs quoting the GP's text
carry their case-file path; words the firewall stopped in them are marked, and the field, the reason
and neutral functional wording are shown right under the paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Final

from gp_tool.documents.firewall import Leak, field_label, leak_message, neutral_wording
from gp_tool.documents.outline import Bullets, Facts, Heading, Outline, Para, Table, TimelineBlock
from gp_tool.documents.timeline import TimelineModel
from gp_tool.i18n.catalog import Translator, translator

__all__ = ["TIMELINE_HEIGHT", "outline_html", "timeline_models", "timeline_url"]

TIMELINE_HEIGHT: Final = 96
_DANGER_BG: Final = "#fff2f7"
_DANGER_TEXT: Final = "#560000"
_MUTED: Final = "#5d6573"
_QUOTE_BG: Final = "#f3f4f6"


def timeline_url(outline: Outline, index: int = 0) -> str:
    """The image name of the ``index``-th timeline of an outline (the widget registers the picture)."""
    return f"timeline:{outline.kind}:{index}"


def timeline_models(outline: Outline) -> list[tuple[str, TimelineModel]]:
    """``(image name, model)`` of every timeline in the outline, in order."""
    found = [b.model for b in outline.blocks if isinstance(b, TimelineBlock)]
    return [(timeline_url(outline, i), m) for i, m in enumerate(found)]


def _text(text: str) -> str:
    return "<br/>".join(escape(line) for line in text.splitlines() or [""])


def _marked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with ``spans`` marked (danger colours, bold, underlined)."""
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        out.append(_text(text[pos:start]))
        out.append(
            f'<span style="background-color:{_DANGER_BG}; color:{_DANGER_TEXT}; font-weight:600; '
            f'text-decoration:underline;">{_text(text[start:end])}</span>'
        )
        pos = end
    out.append(_text(text[pos:]))
    return "".join(out)


def outline_html(
    outline: Outline,
    leaks: Sequence[Leak] = (),
    *,
    width: int = 620,
    for_print: bool = False,
    fragment: bool = False,
) -> str:
    """The outline as one HTML document; ``leaks`` are marked in the paragraphs of their fields.

    ``for_print`` adds the header lines and the footer (the page furniture of the PDF); ``fragment``
    leaves out ``<html><body>`` so several outlines can be printed as one document.
    """
    t = translator(outline.lang)
    by_field: dict[str, list[Leak]] = {}
    for leak in leaks:
        by_field.setdefault(leak.field, []).append(leak)
    shown_fields: set[str] = set()
    parts: list[str] = []
    if outline.watermark:
        parts.append(f'<p style="color:#a03e00; font-weight:600;">{escape(outline.watermark)}</p>')
    if for_print and outline.header_lines:
        parts.append(
            f'<p align="right" style="color:{_MUTED}; font-size:small;">'
            + "<br/>".join(escape(line) for line in outline.header_lines)
            + "</p>"
        )
    parts.append(f"<h2>{escape(outline.title)}</h2>")
    parts.append(f'<p style="color:{_MUTED};">{escape(outline.subtitle)}</p>')
    timeline_index = 0
    for block in outline.blocks:
        if isinstance(block, Heading):
            parts.append(f"<h3>{escape(block.text)}</h3>")
        elif isinstance(block, Para):
            parts.append(_para_html(block, by_field, shown_fields, t))
        elif isinstance(block, Facts):
            rows = "".join(
                f'<tr><td style="color:{_MUTED}; padding-right:12px;">{escape(k)}</td><td>{_text(v)}</td></tr>'
                for k, v in block.rows
            )
            parts.append(f'<table cellspacing="0" cellpadding="1">{rows}</table>')
        elif isinstance(block, Table):
            head = "".join(f'<th align="left" style="color:{_MUTED};">{escape(h)}</th>' for h in block.header)
            rows = "".join("<tr>" + "".join(f"<td>{_text(c)}</td>" for c in r) + "</tr>" for r in block.rows)
            parts.append(f'<table cellspacing="0" cellpadding="3" border="0"><tr>{head}</tr>{rows}</table>')
        elif isinstance(block, Bullets):
            parts.append("<ul>" + "".join(f"<li>{_text(i)}</li>" for i in block.items) + "</ul>")
        else:
            url = timeline_url(outline, timeline_index)
            timeline_index += 1
            parts.append(f'<p><img src="{url}" width="{width}" height="{TIMELINE_HEIGHT}"/></p>')
            for line in block.later:
                parts.append(f'<p style="color:{_MUTED}; font-size:small;">{escape(line)}</p>')
    # leaks in fields the outline does not print as a paragraph (names, the sykmelder's contact)
    for field, field_leaks in by_field.items():
        if field not in shown_fields:
            parts.append(_leak_box(field, field_leaks, t))
    if for_print:
        parts.append(f'<p style="color:{_MUTED}; font-size:small;">{escape(outline.footer)}</p>')
    body = "\n".join(parts)
    return body if fragment else "<html><body>" + body + "</body></html>"


def _para_html(block: Para, by_field: dict[str, list[Leak]], shown: set[str], t: Translator) -> str:
    style = {
        "quote": f"background-color:{_QUOTE_BG}; margin-left:6px; padding:4px;",
        "muted": f"color:{_MUTED}; font-size:small;",
        "strong": "font-weight:600;",
    }.get(block.style, "")
    field_leaks = by_field.get(block.field or "", [])
    if field_leaks and block.field is not None:
        shown.add(block.field)
        spans = [s for leak in field_leaks for s in leak.spans]
        body = _marked(block.text, spans)
        return f'<p style="{style}">{body}</p>' + _leak_box(block.field, field_leaks, t)
    return f'<p style="{style}">{_text(block.text)}</p>'


def _leak_box(field: str, leaks: Sequence[Leak], t: Translator) -> str:
    lines = [escape(leak_message(leak, t)) for leak in leaks]
    suggestions: list[str] = []
    for leak in leaks:
        for phrase in neutral_wording(leak, t):
            if phrase not in suggestions:
                suggestions.append(phrase)
    items = "".join(f"<li>{escape(s)}</li>" for s in suggestions[:4])
    heading = escape(t.gettext("Not sent to the employer: {field}").format(field=field_label(field, t)))
    offer = escape(t.gettext("Describe function instead, for example:"))
    return (
        f'<table width="100%" cellpadding="6" cellspacing="0" style="background-color:{_DANGER_BG};">'
        f'<tr><td style="color:{_DANGER_TEXT};"><b>{heading}</b><br/>{"<br/>".join(lines)}'
        f"<br/>{offer}<ul>{items}</ul></td></tr></table>"
    )
