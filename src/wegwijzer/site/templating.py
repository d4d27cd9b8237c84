"""The page markup's templates: Jinja2 with autoescaping, overridable by a municipality.

Python builds the data a page shows; the templates in ``theme/wegwijzer/`` turn it into
markup. A project replaces one of them by putting a file of the same name in its own
``theme.custom_dir`` (this repository's ``build/``): ``build/wegwijzer/poster.html``. To
change one block and keep the rest, the override extends the shipped template under the
prefix ``standaard/``::

    {% extends "standaard/wegwijzer/poster.html" %}
    {% block feiten %}...{% endblock %}

Every value is escaped (``escaping.esc``, the same bytes as before the move). Only what
``escaping.trusted`` marks is written as it is: the sanitised Markdown, the QR codes the
build draws, and markup still made in Python (tests/test_templates.py keeps that list).

A text that goes on after a line break must not start the next line with a tag: write
``Druk op <strong>Bewaar</strong>`` on one line, or the space before the tag is lost.

Markup is written in one line per element, so templates are readable and pages stay small:
a line break with the indentation after it is dropped where the line ends or the next one
starts with a tag or a Jinja block (``>``, ``<``, ``{%``, ``%}``), and becomes one space
anywhere else (text that goes on after a break).
"""

from __future__ import annotations

import re
from contextvars import ContextVar, Token
from pathlib import Path
from typing import Iterable, Optional

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, StrictUndefined

from ..records.glossary import Term
from ..search.fields import pagefind_weight
from . import glossary
from .escaping import finalize, json_script
from .glossary import Annotator

SHIPPED = Path(__file__).resolve().parent / "theme"
DEFAULTS_PREFIX = "standaard"

_BREAK = re.compile(r"[ \t]*\n[ \t]*")


def _join(match: re.Match, source: str) -> str:
    before, after = source[:match.start()], source[match.end():]
    if before.endswith((">", "%}", "#}")) or after.startswith(("<", "{%", "{#")) or not before or not after:
        return ""
    return " "


def one_line(source: str) -> str:
    """The template's markup without the line breaks and indentation written for people."""
    return _BREAK.sub(lambda m: _join(m, source), source)


class _OneLineLoader(FileSystemLoader):
    """Each template in one line, its texts put through the glossary (glossary.for_templates)."""

    def __init__(self, folders: list, annotator: Optional[Annotator]):
        super().__init__(folders)
        self.annotator = annotator

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        source = one_line(source)
        source = glossary.for_templates(environment.lexer.tokeniter(source, template), self.annotator)
        return source, filename, uptodate


def environment(project_dirs: Iterable[Path] = (), terms: Iterable[Term] = ()) -> Environment:
    """Templates from the project's folders first, then the shipped ones; ``standaard/...``
    always names a shipped one. ``terms``: the glossary, explained in the templates' fixed texts."""
    folders = [str(Path(d)) for d in project_dirs if d] + [str(SHIPPED)]
    annotator = Annotator(terms)
    loader = ChoiceLoader([_OneLineLoader(folders, annotator),
                           PrefixLoader({DEFAULTS_PREFIX: _OneLineLoader([str(SHIPPED)], annotator)})])
    env = Environment(loader=loader, autoescape=True, undefined=StrictUndefined, finalize=finalize,
                      keep_trailing_newline=False, auto_reload=False)
    env.filters["json_script"] = json_script  # data for <script type="application/json">
    env.filters[glossary.FILTER] = glossary.explain  # text with its jargon explained
    env.globals[glossary.HUSH] = glossary.hush
    env.globals[glossary.HUSH_ELEMENT] = glossary.hush_element
    env.globals["zoekgewicht"] = pagefind_weight  # a field's Pagefind weight (search/fields.py)
    return env


_SHIPPED_ENV = None
# The templates of the build that runs in this process (set by the plugin for each build and
# each preview rebuild), for markup made where no SiteContext is at hand (the Bewaar button).
_ACTIVE: ContextVar[Optional[Environment]] = ContextVar("wegwijzer_templates", default=None)
BuildToken = Token[Optional[Environment]]  # what use() returns, for release()


def shipped() -> Environment:
    """The shipped templates only (no project overrides)."""
    global _SHIPPED_ENV
    if _SHIPPED_ENV is None:
        _SHIPPED_ENV = environment()
    return _SHIPPED_ENV


def use(env: Environment) -> BuildToken:
    """Make ``env`` (the project's overrides, then ours) the templates of this build, until
    ``release`` with the token this returns."""
    return _ACTIVE.set(env)


def release(token: BuildToken) -> None:
    """The build is over: back to the templates before it (so one project's overrides never
    reach the next build in the same process, such as a test run)."""
    try:
        _ACTIVE.reset(token)
    except (ValueError, RuntimeError):  # set in another context, or released already
        _ACTIVE.set(None)


def active() -> Environment:
    """The templates of the running build, else the shipped ones."""
    return _ACTIVE.get() or shipped()


def templates_of(ctx) -> Environment:
    """The templates of a build's SiteContext, else those of the running build."""
    return getattr(ctx, "templates", None) or active()
