"""The glossary (content/begrippen.yaml): jargon explained wherever it appears.

The file is a list of {term, uitleg, afkorting_van?}. It is read with the same safe
YAML reader as records and reported in the same file:line: field style.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from . import schema
from .diagnostics import Collector, display_path
from .yamlsafe import Mapping, Sequence, YamlProblem, read_node

GLOSSARY_FILE = "begrippen.yaml"

FIELDS = {
    "term": schema.Field(schema.text(60), required=True),
    "uitleg": schema.Field(schema.text(400), required=True),
    "afkorting_van": schema.Field(schema.text(120)),
}


@dataclass(frozen=True)
class Term:
    term: str
    uitleg: str
    afkorting_van: Optional[str] = None

    @property
    def anchor(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.term.lower()).strip("-")

    @property
    def tooltip(self) -> str:
        if self.afkorting_van:
            return f"{self.afkorting_van}: {self.uitleg}"
        return self.uitleg


def load_glossary(path: Path, collector: Collector, cwd: Optional[Path] = None) -> list:
    """Terms from ``path``; problems go to ``collector``. A missing file is no error."""
    path = Path(path)
    if not path.is_file():
        return []
    shown = display_path(path, cwd or Path.cwd())
    try:
        root = read_node(path)
    except YamlProblem as problem:
        collector.error(shown, problem.line, "", problem.message)
        return []
    if not isinstance(root, Sequence):
        collector.error(shown, getattr(root, "line", 1), "",
                        "begrippen.yaml moet een lijst zijn: elk begrip begint met '- term: ...'.")
        return []
    ctx = schema.Context(collector, shown)
    terms, seen = [], {}
    for item in root.items:
        if not isinstance(item, Mapping):
            collector.error(shown, item.line, "",
                            "Elk begrip heeft velden: '- term: ...' en daaronder 'uitleg: ...'.")
            continue
        values, ok = schema.convert_fields(item, FIELDS, ctx)
        if not ok:
            continue
        key = values["term"].lower()
        if key in seen:
            collector.error(shown, item.line, "term",
                            f"Het begrip '{values['term']}' staat er twee keer in (ook op regel {seen[key]}). Houd er één over.")
            continue
        seen[key] = item.line
        terms.append(Term(**values))
    return sorted(terms, key=lambda t: t.term.lower())


class Annotator:
    """Wraps the first occurrence of each term in already-escaped HTML in <abbr>.

    Works on text between tags only, and never inside links, headings or abbr, so
    the markup we generated stays intact.
    """

    _SKIP = frozenset(("a", "abbr", "h1", "h2", "h3", "h4", "button", "script", "style", "title", "summary"))

    def __init__(self, terms, glossary_url: str = "begrippen/"):
        self.terms = {html.escape(t.term, quote=False).lower(): t for t in terms}
        self.glossary_url = glossary_url
        self.pattern = None
        if self.terms:
            alternatives = sorted(self.terms, key=len, reverse=True)
            # One pass: group 1 is a tag (tracked for skip elements), group 2 a term.
            self.pattern = re.compile(
                r"(<(/?)([a-zA-Z0-9]+)[^>]*>)|(?<![\w-])("
                + "|".join(re.escape(a) for a in alternatives) + r")(?![\w-])",
                re.IGNORECASE)

    def annotate(self, fragment: str) -> str:
        if not self.pattern:
            return fragment
        done = set()
        depth = [0]
        skip = self._SKIP

        def replace(m):
            if m.group(1):
                if m.group(3).lower() in skip and not m.group(1).endswith("/>"):
                    depth[0] = max(0, depth[0] + (-1 if m.group(2) else 1))
                return m.group(1)
            if depth[0]:
                return m.group(0)
            return self._wrap(m, done)

        return self.pattern.sub(replace, fragment)

    def _wrap(self, match, done):
        key = match.group(4).lower()
        term = self.terms.get(key)
        if term is None or key in done:
            return match.group(0)
        done.add(key)
        return f'<abbr title="{html.escape(term.tooltip)}">{match.group(4)}</abbr>'
