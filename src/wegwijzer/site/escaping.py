"""Escaping for every text from a record that goes into a page.

Templates (templating.py) escape every value through ``finalize``: the same ``esc`` as the
markup still written in Python, so a page is byte for byte the same whichever made it. A value
is written unescaped only when ``trusted`` marked it: markup the build made itself or sanitised
(tests/test_templates.py allows its callers by name).
"""

from __future__ import annotations

import html
import json

from markupsafe import Markup


def esc(value) -> str:
    """Text for an element or a quoted attribute value: & < > " ' all escaped."""
    return html.escape(str(value), quote=True)


def trusted(markup: str) -> Markup:
    """Markup a template writes as it is. Only for HTML the build made or sanitised itself,
    never for an editor's text as typed."""
    return Markup(markup)


def finalize(value) -> Markup:
    """Every ``{{ value }}`` of a template: escaped, unless ``trusted`` marked it."""
    if type(value) is Markup:  # most values: the glossary's filter escaped them already
        return value
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    return Markup(esc(value))


def json_for_script(data) -> str:
    """JSON safe inside <script type=application/json>: no '</script>' break-out."""
    return (json.dumps(data, ensure_ascii=False)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def json_script(data) -> Markup:
    """The ``json_script`` filter of the templates: ``json_for_script`` of ``data``, written as it is."""
    return trusted(json_for_script(data))
