"""The glossary (content/begrippen.yaml): jargon explained wherever it appears.

The file is a list of {term, uitleg, afkorting_van?}. It is read with the same safe
YAML reader as records and reported in the same file:line: field style.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..text import slugify
from .diagnostics import Collector, display_path
from .files import real_folder
from .model import Declared
from .placeholders import warn_in_yaml
from .schema.framework import Context, Field, build_model, convert_fields, text
from .yamlsafe import Mapping, Sequence, YamlProblem, read_node

GLOSSARY_FILE = "begrippen.yaml"

FIELDS = {
    "term": Field(text(60), required=True, label="Begrip", help="Het moeilijke woord, bijvoorbeeld Wmo."),
    "uitleg": Field(text(400), required=True, label="Uitleg",
                    help="Wat het betekent, in één of twee korte zinnen met gewone woorden."),
    "afkorting_van": Field(text(120), label="Afkorting van",
                           help="Als het begrip een afkorting is: de woorden voluit."),
}


@dataclass(frozen=True)
class Term(Declared):
    term: str
    uitleg: str
    afkorting_van: Optional[str] = None

    @property
    def anchor(self) -> str:
        return slugify(self.term)

    @property
    def tooltip(self) -> str:
        if self.afkorting_van:
            return f"{self.afkorting_van}: {self.uitleg}"
        return self.uitleg


def load_glossary(path: Path, collector: Collector, cwd: Optional[Path] = None) -> list[Term]:
    """Terms from ``path``; problems go to ``collector``. A missing file is no error; a folder,
    a pipe or a link that leads out of its folder is."""
    path = Path(path)
    if not os.path.lexists(path):
        return []
    shown = display_path(path, cwd or Path.cwd())
    try:
        root = read_node(path, real_folder(path.parent))
    except YamlProblem as problem:
        collector.error(shown, problem.line, "", problem.message)
        return []
    warn_in_yaml(root, collector, shown)
    if not isinstance(root, Sequence):
        collector.error(shown, getattr(root, "line", 1), "",
                        "begrippen.yaml moet een lijst zijn: elk begrip begint met '- term: ...'.")
        return []
    ctx = Context(collector, shown)
    terms: list[Term] = []
    seen: dict[str, int] = {}  # casefolded term -> its line
    for item in root.items:
        if not isinstance(item, Mapping):
            collector.error(shown, item.line, "",
                            "Elk begrip heeft velden: '- term: ...' en daaronder 'uitleg: ...'.")
            continue
        values, ok = convert_fields(item, FIELDS, ctx)
        if not ok:
            continue
        key = values["term"].casefold()  # the text is in NFC already (yamlsafe), so 'é' typed two ways is one term
        if key in seen:
            collector.error(shown, item.line, "term",
                            f"Het begrip '{values['term']}' staat er twee keer in (ook op regel {seen[key]}). "
                            "Houd er één over.")
            continue
        seen[key] = item.line
        terms.append(build_model(Term, values))
    return sorted(terms, key=lambda t: t.term.lower())
