"""Route pages editors keep in content/: life events and "Zorgen om een ander".

A life event (content/levensloop/<slug>.yaml: "Je krijgt een kind", "Je gaat scheiden") and
the page for people worried about someone else (content/zorgen-om-een-ander.yaml) have the
same form: a title, a short introduction in plain Dutch, themes, target groups and the
steps a resident takes, in order, each a record or an article chosen by its id. The checker
reads them like records (safe YAML loader, typed schema) and checks every reference, with
file, line and field: an article that does not exist is an error (it is in the same
folder); a record that is not in the data folder is a warning and its step is left out, so
the content folder can be built with another municipality's data.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from .articles import Article
from .dataset import check_reference
from .diagnostics import Collector, display_path
from .files import real_folder
from .model import Dataset, Declared
from .placeholders import warn_in_yaml
from .readability import readability_problems
from .schema.framework import Context, build_model, convert_fields, did_you_mean
from .schema.tables import LIFE_EVENT_FIELDS
from .yamlsafe import Mapping, Node, Scalar, Sequence, YamlProblem, read_mapping

LIFE_EVENTS_DIR = "levensloop"  # content/levensloop/<slug>.yaml
WORRIED_FILE = "zorgen-om-een-ander.yaml"  # content/zorgen-om-een-ander.yaml
SLUG = re.compile(r"^[a-z0-9-]{1,80}$")


@dataclass(frozen=True)
class Step(Declared):
    """One step of a route page: a record or an article, with why it is there."""

    voorziening: Optional[str] = None
    artikel: Optional[str] = None
    uitleg: Optional[str] = None


@dataclass(frozen=True)
class RoutePage(Declared):
    slug: str
    titel: str
    intro: str
    stappen: tuple[Step, ...]  # in the editor's order
    themas: tuple[str, ...] = ()
    doelgroepen: tuple[str, ...] = ()
    let_op: Optional[str] = None
    volgorde: Optional[int] = None
    path: Optional[Path] = None
    worried: bool = False  # the "Zorgen om een ander" page rather than a life event

    @property
    def url(self) -> str:
        return "zorgen-om-een-ander/" if self.worried else f"{LIFE_EVENTS_DIR}/{self.slug}/"


def load_route_pages(content_dir: Path, dataset: Dataset, articles: Iterable[Article], collector: Collector,
                     cwd: Optional[Path] = None,
                     only: Optional[set[str]] = None) -> tuple[list[RoutePage], Optional[RoutePage]]:
    """(life events sorted by volgorde then title, the "Zorgen om een ander" page or None).
    ``only``: the content files the check accepted (records/content.py), so a file refused
    there (a folder, a link out of the folder) is not reported twice."""
    folder = Path(content_dir)
    root = real_folder(folder) if folder.is_dir() else None
    checker = _References(dataset, articles)
    events: list[RoutePage] = []
    if (folder / LIFE_EVENTS_DIR).is_dir():
        for path in sorted((folder / LIFE_EVENTS_DIR).iterdir()):
            if path.name.startswith(".") or path.suffix not in (".yaml", ".yml"):
                continue
            if only is not None and f"{LIFE_EVENTS_DIR}/{path.name}" not in only:
                continue
            shown = display_path(path, cwd or Path.cwd())
            if path.suffix == ".yml" or not SLUG.match(path.stem) or not path.is_file():
                collector.error(shown, 1, "", "Noem het bestand <naam>.yaml, met alleen kleine letters, cijfers en "
                                              "streepjes: de naam wordt het adres van de pagina.")
                continue
            page = _load(path, root, shown, collector, checker, worried=False)
            if page:
                events.append(page)
    events.sort(key=lambda e: (e.volgorde is None, e.volgorde or 0, e.titel.lower()))
    worried = None
    path = folder / WORRIED_FILE
    if (only is None or WORRIED_FILE in only) and os.path.lexists(path):
        worried = _load(path, root, display_path(path, cwd or Path.cwd()), collector, checker, worried=True)
    return events, worried


def _load(path: Path, root: Optional[Path], shown: str, collector: Collector, checker: _References,
          worried: bool) -> Optional[RoutePage]:
    try:
        mapping = read_mapping(path, root)
    except YamlProblem as problem:
        collector.error(shown, problem.line, "", problem.message)
        return None
    except OSError as err:
        collector.error(shown, 1, "", f"Het bestand kan niet worden gelezen: {err.strerror}.")
        return None
    warn_in_yaml(mapping, collector, shown)
    ctx = Context(collector, shown)
    values, ok = convert_fields(mapping, LIFE_EVENT_FIELDS, ctx)
    if values.get("stappen") == ():
        ctx.error(mapping.get("stappen") or mapping, "stappen",
                  "Noem minstens één stap: een voorziening of een artikel.")
        ok = False
    ok = checker.check(mapping, ctx) and ok
    if not ok:
        return None
    problems = readability_problems(values["intro"])
    if problems:
        ctx.warning(mapping.get("intro") or mapping, "intro",
                    "De inleiding is moeilijk te lezen: " + "; ".join(problems)
                    + ". Schrijf korte zinnen met gewone woorden.")
    steps = tuple(build_model(Step, step) for step in values.pop("stappen"))
    if not any(checker.shown(step) for step in steps):
        ctx.warning(mapping.get("stappen") or mapping, "stappen",
                    "Geen van de stappen staat op de site, dus deze pagina ook niet. Kies voorzieningen en "
                    "artikelen die er zijn.")
        return None
    return build_model(RoutePage, values, slug=path.stem, path=path, worried=worried, stappen=steps)


class _References:
    """Every step names exactly one record or article that exists."""

    def __init__(self, dataset: Dataset, articles: Iterable[Article]):
        self.ids = dataset.record_ids or frozenset(v.id for v in dataset.voorzieningen)
        self.unpublished = {v.id for v in dataset.unpublished}
        self.articles = tuple(sorted(a.slug for a in articles))
        self.published = {v.id for v in dataset.voorzieningen}

    def shown(self, step: Step) -> bool:
        """Whether a checked step has something to show on the site."""
        return step.voorziening in self.published if step.voorziening else step.artikel in self.articles

    def check(self, mapping: Mapping, ctx: Context) -> bool:
        steps = mapping.get("stappen")
        ok = True
        for item in steps.items if isinstance(steps, Sequence) else []:
            if not isinstance(item, Mapping):
                continue  # reported by the schema
            record, article = _text(item.get("voorziening")), _text(item.get("artikel"))
            if bool(record) == bool(article):
                ctx.error(item, "stappen", "Noem in elke stap één voorziening óf één artikel: 'voorziening: <id>' "
                                           "of 'artikel: <naam>'.")
                ok = False
            elif record:
                # Records live in the data folder, which may be another municipality's: a step
                # whose record is not there is left out (a warning), not a reason to stop the build.
                check_reference(ctx, item.get("voorziening") or item, "stappen.voorziening", record, self.ids,
                                self.unpublished, missing_is_error=False)
            elif article and article not in self.articles:
                ctx.error(item.get("artikel") or item, "stappen.artikel",
                          f"Er is geen artikel '{article}' (een bestand artikelen/{article}.md)."
                          + did_you_mean(article, self.articles))
                ok = False
        return ok


def _text(node: Optional[Node]) -> str:
    return node.value.strip() if isinstance(node, Scalar) else ""
