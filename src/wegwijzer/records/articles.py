"""Zelf-doen articles in content/artikelen/<slug>.md (front matter: title, samenvatting, themas)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .diagnostics import Collector, display_path
from .files import real_folder
from .schema.framework import Context, Field, choice, convert_fields, list_of, text
from .vocab import THEMAS
from .yamlsafe import Mapping, Node, YamlProblem, expect_mapping, parse_text, read_text

ARTICLES_DIR = "artikelen"
MAX_PAGE_BYTES = 256 * 1024  # an article is 2-5 kB; this keeps any page's build within seconds
# Front matter between '---' and '---' (or '...', which MkDocs accepts too), at the very start.
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
SLUG = re.compile(r"^[a-z0-9-]{1,80}$")


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    samenvatting: str
    themas: tuple[str, ...]
    body: str
    path: Optional[Path] = None

    @property
    def url(self) -> str:
        return f"{ARTICLES_DIR}/{self.slug}/"

    @property
    def src_uri(self) -> str:
        return f"{ARTICLES_DIR}/{self.slug}.md"


# Front matter is editor input like any record: the same safe loader and typed schema.
FIELDS = {
    "title": Field(text(120), required=True,
                          required_message="Het artikel heeft geen titel. "
                                           "Zet 'title: ...' in de kop tussen --- en ---.",
                   label="Titel", help="De kop van het artikel."),
    "samenvatting": Field(text(200), label="Samenvatting",
                          help="Eén of twee korte zinnen over het artikel, voor lijsten en zoeken."),
    "themas": Field(list_of(choice(THEMAS, "thema")), label="Thema's",
                    help="Bij welke thema's hoort het artikel?"),
}


def split_front_matter(text: str) -> tuple[Optional[Node], str, int]:
    """(front matter node or None, body, body start line)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text, 1
    node = parse_text(match.group(1), first_line=2) if match.group(1).strip() else Mapping(line=2)
    return node, text[match.end():], match.group(0).count("\n") + 1


def load_articles(content_dir: Path, collector: Collector, cwd: Optional[Path] = None,
                  only: Optional[set[str]] = None) -> list[Article]:
    """The articles in content/artikelen/. ``only``: the content files the check accepted
    (records/content.py), so a file refused there is not reported twice."""
    folder = Path(content_dir) / ARTICLES_DIR
    if not folder.is_dir():
        return []
    root = real_folder(content_dir)
    articles = []
    for path in sorted(folder.glob("*.md")):
        shown = display_path(path, cwd or Path.cwd())
        if path.stem == "index" or (only is not None and f"{ARTICLES_DIR}/{path.name}" not in only):
            continue
        if not SLUG.match(path.stem):
            collector.error(shown, 1, "", "Gebruik in de bestandsnaam alleen kleine letters, cijfers en streepjes.")
            continue
        try:
            node, body, _ = split_front_matter(read_text(path, root, MAX_PAGE_BYTES))
            meta = expect_mapping(node if node is not None else Mapping(line=1))
        except YamlProblem as problem:
            collector.error(shown, problem.line, "", problem.message)
            continue
        values, ok = convert_fields(meta, FIELDS, Context(collector, shown))
        if not ok:
            continue
        if not values.get("samenvatting"):
            collector.warning(shown, meta.line, "samenvatting",
                              "Het artikel heeft geen samenvatting. Die staat in de lijsten en zoekresultaten.")
        articles.append(Article(path.stem, values["title"], values.get("samenvatting", ""),
                                tuple(values.get("themas", ())), body, path))
    return articles
