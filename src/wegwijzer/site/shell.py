"""One theme rendering per kind of page outside the navigation, instead of 10,000.

Record, face and paginated list pages share everything Material's ``main.html`` puts
around the content except three things: the (escaped) title, the content and the
canonical address; relative links are the same for pages in the same folder (such as
all records under ``laten-doen/``). So the theme is rendered once per (folder, hidden
parts) with placeholders for those three, and each page fills in its own values. Any page whose
rendering would not split cleanly falls back to the ordinary full rendering.
"""

from __future__ import annotations

import re

import jinja2
from markupsafe import Markup, escape

TEMPLATE = "ww-shell.html"  # theme/ww-shell.html: {{ ww_shell() }}
_SLOTS = {"title": "WWSHELLTITLE7F3A", "content": "WWSHELLCONTENT7F3A", "canonical": "WWSHELLCANONICAL7F3A"}
# Material adds an <h1> with the title when the content has none: the stand-in content
# carries one exactly when the page's does (part of the key).
_SPLIT = re.compile("((?:<h1>)?(?:" + "|".join(_SLOTS.values()) + "))")
_NAME = {mark: name for name, mark in _SLOTS.items()}
_NAME["<h1>" + _SLOTS["content"]] = "content"


class _StandIn:
    """The page as the theme sees it, with placeholders for the page's own values."""

    def __init__(self, page, has_h1: bool):
        self._page = page
        self.meta = dict(page.meta, title=_SLOTS["title"])
        self.title = _SLOTS["title"]
        self.content = Markup(("<h1>" if has_h1 else "") + _SLOTS["content"])
        self.canonical_url = _SLOTS["canonical"] if page.canonical_url else None

    def __getattr__(self, name):
        return getattr(self._page, name)


def skip_markdown(page):
    """Generated pages have no Markdown: spare MkDocs building a Markdown converter per page."""
    render_with(page, lambda: "")


def render_with(page, make_html):
    """Replace MkDocs' Markdown pass for ``page`` with ``make_html()`` (our own, safe rendering)."""
    def render(config, files):
        page.content = make_html()
        page.toc = []
        page.present_anchor_ids = set()
    page.render = render


def make_renderer(env: jinja2.Environment):
    shells = {}  # key -> list of literal strings and slot names, or None (render in full)

    @jinja2.pass_context
    def ww_shell(context):
        page = context["page"]
        has_h1 = "<h1" in page.content
        folder = page.url.rstrip("/").rpartition("/")[0]
        key = (folder, page.meta.get("ww_nav_key"), tuple(page.meta.get("hide") or ()),
               page.canonical_url is None, has_h1)
        if key not in shells:
            out = env.get_template("main.html").render(dict(context.get_all(), page=_StandIn(page, has_h1)))
            parts = _SPLIT.split(out)
            marks = [_NAME[m] for m in parts[1::2]]
            clean = marks.count("content") == 1 and "title" in marks
            shells[key] = [_NAME[p] if i % 2 else p for i, p in enumerate(parts)] if clean else None
        shell = shells[key]
        if shell is None:
            return Markup(env.get_template("main.html").render(context.get_all()))
        # The same escaping the template would apply: the title and the address are text, the
        # content is the page's own (already safe) HTML.
        values = {"title": escape(page.meta["title"]), "content": page.content,
                  "canonical": escape(page.canonical_url or "")}
        return Markup("".join(values[p] if i % 2 else p for i, p in enumerate(shell)))

    return ww_shell
