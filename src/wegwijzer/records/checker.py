"""`wegwijzer check`: everything editors keep, checked in one report (text or JSON).

It reads the data folder, the content folder's glossary, articles and route pages
(life events, zorgen om een ander), and the
project's synonyms file, and reports every problem of all of them at once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from .diagnostics import Collector, display_path
from .model import Dataset
from .statement import STATEMENT_FILE

if TYPE_CHECKING:  # check_all imports these when it runs
    from .articles import Article
    from .content import ContentFile
    from .glossary import Term
    from .levensloop import RoutePage
    from .searchlists import SearchLists

DEFAULT_CONTENT_DIR = "content"  # articles, glossary and the accessibility page


@dataclass
class CheckResult:
    dataset: Dataset
    collector: Collector
    terms: tuple[Term, ...] = ()  # glossary
    articles: tuple[Article, ...] = ()
    life_events: tuple[RoutePage, ...] = ()  # in their order
    worried: Optional[RoutePage] = None  # for /zorgen-om-een-ander/, if the project has one
    synonyms: tuple[tuple[str, ...], ...] = ()  # the valid groups of the synonyms file, each a tuple of phrases
    content_files: tuple[ContentFile, ...] = ()  # what the build may publish from content/
    search_lists: Optional[SearchLists] = None  # crisis signals and the woordenboek

    @property
    def ok(self) -> bool:
        return not self.collector.errors

    def passes(self, strict: bool = False) -> bool:
        return self.ok and not (strict and self.collector.warnings)

    def summary(self) -> dict[str, int]:
        ds = self.dataset
        return {
            "files": ds.files_read,
            "records": len(ds.voorzieningen) + len(ds.unpublished),
            "published": len(ds.voorzieningen),
            "faces": len(ds.gezichten),
            "articles": len(self.articles),
            "errors": len(self.collector.errors),
            "warnings": len(self.collector.warnings),
        }

    def as_text(self) -> str:
        lines = [d.format() for d in self.collector.sorted()]
        s = self.summary()
        verdict = "Alles in orde." if self.ok and not s["warnings"] else (
            "Er zijn fouten: de site wordt niet gebouwd tot ze zijn opgelost." if not self.ok
            else "Geen fouten, wel waarschuwingen: de site kan worden gebouwd.")
        lines.append(
            f"{s['files']} bestanden, {s['records']} voorzieningen, {s['faces']} gezichten, "
            f"{s['errors']} fouten, {s['warnings']} waarschuwingen. {verdict}"
        )
        return "\n".join(lines)

    def as_json(self) -> str:
        payload = dict(self.summary(), diagnostics=[d.as_dict() for d in self.collector.sorted()])
        return json.dumps(payload, ensure_ascii=False, indent=2)


def check_all(data_dir: Path, content_dir: Optional[Path] = None,
              synonyms_file: Optional[Path] = None, search_dir: Optional[Path] = None) -> CheckResult:
    """Everything editors maintain, in one report: records, faces, glossary, articles, synonyms,
    and the search's crisis signals and woordenboek.

    `wegwijzer check`, `build`, `serve` and `index` all start here, so they agree on what
    is wrong. A content folder that does not exist has no articles and no glossary, and
    without ``synonyms_file`` there are no synonyms (see ``synonyms.find_synonyms_file``).
    ``search_dir`` is the project's search/ folder with its own crisis.yaml and
    woordenboek.yaml (default: the synonyms file's folder); the shipped lists always count.
    """
    from .articles import load_articles
    from .content import PAGE, scan_content
    from .dataset import load_dataset
    from .glossary import GLOSSARY_FILE, load_glossary
    from .levensloop import load_route_pages
    from .placeholders import warn_in_text_files
    from .searchlists import load_search_lists
    from .synonyms import check_synonyms

    dataset, collector = load_dataset(Path(data_dir))
    terms: list[Term] = []
    articles: list[Article] = []
    events: list[RoutePage] = []
    worried: Optional[RoutePage] = None
    files: list[ContentFile] = []
    if content_dir is not None:
        content = Path(content_dir)
        shown = lambda path: display_path(path, Path.cwd())  # noqa: E731
        files = scan_content(content, collector, shown)
        accepted = {f.src_uri for f in files}
        if GLOSSARY_FILE in accepted:
            terms = load_glossary(content / GLOSSARY_FILE, collector)
        articles = load_articles(content, collector, only=accepted)
        events, worried = load_route_pages(content, dataset, articles, collector, only=accepted)
        warn_in_text_files([(f.path, f.text) for f in files if f.kind == PAGE], collector, shown)
        # A project's content folder without its own statement gets the generated page (a
        # build always has a content folder: MkDocs' docs_dir).
        if content.is_dir() and STATEMENT_FILE not in accepted:
            warn_statement_gaps(dataset, collector)
    groups = check_synonyms(collector, synonyms_file)
    if search_dir is None and synonyms_file is not None:
        search_dir = Path(synonyms_file).parent
    lists = load_search_lists(search_dir, collector)
    return CheckResult(dataset, collector, terms=tuple(terms), articles=tuple(articles), life_events=tuple(events),
                       worried=worried, synonyms=tuple(tuple(g) for g in groups), content_files=tuple(files),
                       search_lists=lists)


def warn_statement_gaps(dataset: Dataset, collector: Collector) -> None:
    """The site makes /toegankelijkheid/ from gemeente.yaml: one warning per fact it lacks."""
    from .dataset import GEMEENTE_FILE
    from .statement import statement_gaps

    g = dataset.gemeente
    if g is None:
        return
    path = display_path(dataset.root / GEMEENTE_FILE, Path.cwd())
    for field, found in statement_gaps(g):
        parent = field.split(".")[0]
        line = dataset.gemeente_lines.get(field) or dataset.gemeente_lines.get(parent) or 1
        collector.warning(path, line, field,
                          f"De pagina Toegankelijkheid toont nu '{found}'. Vul '{field}' in gemeente.yaml in "
                          "(zie docs/dataformaat.md), of schrijf je eigen content/toegankelijkheid.md.")
