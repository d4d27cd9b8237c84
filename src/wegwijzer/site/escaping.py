"""Escaping for every text from a record that goes into a page."""

from __future__ import annotations

import html
import json


def esc(value) -> str:
    """Text for an element or a quoted attribute value: & < > " ' all escaped."""
    return html.escape(str(value), quote=True)


def json_for_script(data) -> str:
    """JSON safe inside <script type=application/json>: no '</script>' break-out."""
    return (json.dumps(data, ensure_ascii=False)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
