"""Zelf-doen articles in content/artikelen/<slug>.md (front matter: title, samenvatting, themas)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import yaml

from .diagnostics import Collector, display_path
from .vocab import THEMAS

ARTICLES_DIR = "artikelen"
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)---[ \t]*\r?\n?", re.S)
SLUG = re.compile(r"^[a-z0-9-]{1,80}$")


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    samenvatting: str
    themas: tuple
    body: str
    path: Optional[Path] = None

    @property
    def url(self) -> str:
        return f"{ARTICLES_DIR}/{self.slug}/"

    @property
    def src_uri(self) -> str:
        return f"{ARTICLES_DIR}/{self.slug}.md"


def split_front_matter(text: str):
    """(meta dict, body, body start line). Values stay text (BaseLoader)."""
    match = _FRONT.match(text)
    if not match:
        return {}, text, 1
    meta = yaml.load(match.group(1), Loader=yaml.BaseLoader) or {}
    return meta, text[match.end():], match.group(0).count("\n") + 1


def load_articles(content_dir: Path, collector: Collector, cwd: Optional[Path] = None) -> list:
    folder = Path(content_dir) / ARTICLES_DIR
    if not folder.is_dir():
        return []
    articles = []
    for path in sorted(folder.glob("*.md")):
        shown = display_path(path, cwd or Path.cwd())
        if path.stem == "index":
            continue
        if not SLUG.match(path.stem):
            collector.error(shown, 1, "", "Gebruik in de bestandsnaam alleen kleine letters, cijfers en streepjes.")
            continue
        try:
            meta, body, _ = split_front_matter(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, yaml.YAMLError) as err:
            line = getattr(getattr(err, "problem_mark", None), "line", 0) + 2
            collector.error(shown, line, "", f"De kop tussen --- en --- is geen geldige YAML: {err}")
            continue
        if not isinstance(meta, dict):
            collector.error(shown, 2, "", "De kop tussen --- en --- moet velden bevatten, zoals 'title: ...'.")
            continue
        title = str(meta.get("title") or "").strip()
        if not title:
            collector.error(shown, 1, "title", "Het artikel heeft geen titel. Zet 'title: ...' in de kop tussen --- en ---.")
            continue
        themas = meta.get("themas") or []
        if isinstance(themas, str):
            themas = [themas]
        bad = [t for t in themas if t not in THEMAS]
        if bad:
            collector.error(shown, _line_of(path, "themas"), "themas",
                            f"Onbekend thema '{bad[0]}'. Kies uit: {', '.join(THEMAS)}.")
            continue
        samenvatting = str(meta.get("samenvatting") or "").strip()
        if not samenvatting:
            collector.warning(shown, 1, "samenvatting", "Het artikel heeft geen samenvatting. Die staat in de lijsten en zoekresultaten.")
        articles.append(Article(path.stem, title, samenvatting, tuple(themas), body, path))
    return articles


def _line_of(path: Path, key: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith(f"{key}:"):
            return number
    return 1
