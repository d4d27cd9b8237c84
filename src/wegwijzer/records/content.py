"""The content folder: what an editor may put there, and the only files the site publishes from it.

MkDocs would publish every file in its docs folder (content/): an .html or .js file there
would run as a script of the site itself, and a link to a file elsewhere on the build
machine would publish that file. So the check walks the folder itself and the build
publishes exactly what the check accepted:

- Markdown pages (``.md``), within a size cap, UTF-8, within the Markdown limits
  (records/markdown_limits.py), at an address the build does not make itself;
- the data files the site reads (``begrippen.yaml``, ``zorgen-om-een-ander.yaml``,
  ``levensloop/<naam>.yaml``), which are checked by their own loaders and never published;
- photos and images (JPEG, PNG, WebP), decoded in full; the build publishes them
  re-encoded, without their metadata (site/photos.py).

Everything else (scripts, HTML, SVG, PDF, ...) is an error with the file's name. Links may
point inside the content folder only, and a folder link may not lead back to a folder
that contains it. Hidden files and folders (``.git``) and ``templates/`` are skipped, as
MkDocs skips them.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Callable, Optional

from ..text import quoted
from ..urls import EDITOR_MAY_REPLACE, is_generated
from .articles import ARTICLES_DIR, FRONT_MATTER, MAX_PAGE_BYTES, split_front_matter
from .diagnostics import Collector
from .files import FileRefused, real_folder, real_path
from .glossary import GLOSSARY_FILE
from .images import IMAGE_SUFFIXES, image_problem
from .levensloop import LIFE_EVENTS_DIR, WORRIED_FILE
from .markdown_limits import markdown_problems
from .schema.framework import Context, Field, convert_fields, text
from .yamlsafe import Mapping, YamlProblem, control_character, expect_mapping, read_text

PAGE_SUFFIX = ".md"
MAX_DEPTH = 12  # folders inside content/
# MkDocs reads these as Markdown pages too; only .md is ours.
OTHER_MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext")

PAGE, IMAGE, DATA = "page", "image", "data"


@dataclass(frozen=True)
class ContentFile:
    src_uri: str  # the path inside content/, with '/' (MkDocs' src_uri)
    path: Path  # where it was found (for messages)
    kind: str  # PAGE, IMAGE or DATA
    text: str = ""  # a page's whole text, read once (for the placeholder warnings)


def is_data_file(src_uri: str) -> bool:
    """The YAML files the site reads from content/: data for generated pages, never published."""
    return (src_uri in (GLOSSARY_FILE, WORRIED_FILE)
            or (src_uri.startswith(LIFE_EVENTS_DIR + "/") and src_uri.count("/") == 1
                and src_uri.endswith((".yaml", ".yml"))))


def is_article(src_uri: str) -> bool:
    return src_uri.startswith(ARTICLES_DIR + "/") and src_uri.count("/") == 1


# The front matter of a page that is not an article: the site uses its title and nothing else.
PAGE_FIELDS = {"title": Field(text(120), label="Titel", help="De kop van de pagina.")}


def skipped(src_uri: str) -> bool:
    """Files MkDocs never publishes (hidden ones and templates/): not the editors' concern."""
    parts = PurePosixPath(src_uri).parts
    return any(part.startswith(".") for part in parts) or parts[0] == "templates"


def page_address(src_uri: str) -> str:
    """Where MkDocs writes a page (directory URLs): 'a/b.md' -> 'a/b/index.html', 'a/index.md' -> 'a/index.html'."""
    path = PurePosixPath(src_uri)
    if path.stem in ("index", "README"):
        return str(path.with_name("index.html"))
    return str(path.with_suffix("") / "index.html")


def scan_content(content_dir: Path, collector: Collector, shown: Callable[[Path], str]) -> list[ContentFile]:
    """Every file of ``content_dir`` that may be published or read, as ContentFile; every other
    file, link or page that breaks a rule is an error in ``collector``. A missing folder is empty."""
    folder = Path(content_dir)
    if not folder.is_dir():
        return []
    scan = _Scan(real_folder(folder), collector, shown)
    scan.walk(folder, "", 0)
    return scan.found


class _Scan:
    def __init__(self, root: Path, collector: Collector, shown: Callable[[Path], str]):
        self.root = root
        self.collector = collector
        self.shown = shown
        self.found: list[ContentFile] = []

    def error(self, path: Path, message: str, line: int = 1, field: str = "") -> None:
        self.collector.error(self.shown(path), line, field, message)

    def walk(self, folder: Path, prefix: str, depth: int) -> None:
        if depth > MAX_DEPTH:
            self.error(folder, f"De mappen in content/ zijn meer dan {MAX_DEPTH} lagen diep. Maak de indeling "
                               "minder diep.")
            return
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as err:
            self.error(folder, f"De map kan niet worden gelezen: {err.strerror}.")
            return
        for entry in entries:
            src_uri = prefix + entry.name
            if skipped(src_uri):
                continue
            path = folder / entry.name
            if entry.is_symlink():
                self.link(path, src_uri, depth)
            elif entry.is_dir(follow_symlinks=False):
                self.folder(path, src_uri, depth)
            elif entry.is_file(follow_symlinks=False):
                self.file(path, src_uri)
            else:
                self.error(path, f"'{entry.name}' is geen gewoon bestand (maar bijvoorbeeld een pipe of een "
                                 "apparaat). Haal het weg uit content/.")

    def link(self, path: Path, src_uri: str, depth: int) -> None:
        try:
            target = real_path(path, self.root)
        except FileRefused as refused:
            self.error(path, refused.message)
            return
        mode = os.stat(target).st_mode
        if stat.S_ISDIR(mode):
            if real_folder(path.parent).is_relative_to(target):
                self.error(path, f"'{path.name}' is een snelkoppeling naar een map waar hij zelf in staat: een kring "
                                 "zonder einde. Haal de snelkoppeling weg.")
            else:
                self.folder(path, src_uri, depth)
        elif stat.S_ISREG(mode):
            self.file(path, src_uri)
        else:
            self.error(path, f"'{path.name}' verwijst niet naar een gewoon bestand. Haal het weg uit content/.")

    def folder(self, path: Path, src_uri: str, depth: int) -> None:
        if is_data_file(src_uri) or src_uri.endswith(PAGE_SUFFIX):
            self.error(path, f"'{path.name}' is een map. Hier hoort een bestand met die naam.")
        else:
            self.walk(path, src_uri + "/", depth + 1)

    def file(self, path: Path, src_uri: str) -> None:
        suffix = PurePosixPath(src_uri).suffix.lower()
        if is_data_file(src_uri):
            self.found.append(ContentFile(src_uri, path, DATA))  # read and checked by its own loader
        elif suffix == PAGE_SUFFIX and src_uri.endswith(PAGE_SUFFIX):
            text = self.page(path, src_uri)
            if text is not None:
                self.found.append(ContentFile(src_uri, path, PAGE, text))
        elif suffix in IMAGE_SUFFIXES:
            if self.image(path, src_uri):
                self.found.append(ContentFile(src_uri, path, IMAGE))
        else:
            self.error(path, refused_file_message(path.name, suffix))

    def page(self, path: Path, src_uri: str) -> Optional[str]:
        """The page's text when it may be published, else None (with the reasons reported)."""
        if not self.address_free(path, page_address(src_uri)):
            return None
        try:
            text = read_text(path, self.root, MAX_PAGE_BYTES)
        except YamlProblem as problem:  # not UTF-8, a NUL byte, too big, not a regular file
            self.error(path, problem.message, problem.line)
            return None
        control = control_character(text)
        if control:
            self.error(path, control.message, control.line)
            return None
        body, first_line = _body(text)
        if first_line > 1 and not is_article(src_uri) and not self.front_matter(path, text):
            return None
        problems = markdown_problems(body)
        for line, message in problems:
            self.error(path, message, first_line + line - 1, "tekst")
        return None if problems else text

    def front_matter(self, path: Path, text: str) -> bool:
        """A page's front matter, read with the same safe loader as records. Only 'title' is used
        (the article fields are checked with the articles)."""
        try:
            node, _, _ = split_front_matter(text)
            meta = expect_mapping(node if node is not None else Mapping(line=1))
        except YamlProblem as problem:
            self.error(path, problem.message, problem.line)
            return False
        shown = self.shown(path)
        for key, (line, _) in meta.entries.items():
            if key not in PAGE_FIELDS:  # MkDocs' own fields (hide:, template:): ignored, so only a warning
                self.collector.warning(shown, line, key[:60], f"De site gebruikt het veld {quoted(key)} niet; alleen "
                                                              "'title'. Haal het weg.")
        known = Mapping(meta.line)
        known.entries = {k: v for k, v in meta.entries.items() if k in PAGE_FIELDS}
        _, ok = convert_fields(known, PAGE_FIELDS, Context(self.collector, shown))
        return ok

    def image(self, path: Path, src_uri: str) -> bool:
        if not self.address_free(path, src_uri):
            return False
        problem = image_problem(path, self.root)
        if problem:
            self.error(path, problem)
        return problem is None

    def address_free(self, path: Path, address: str) -> bool:
        if address in EDITOR_MAY_REPLACE or not is_generated(address):
            return True
        shown_address = address.removesuffix("index.html") or "/"
        self.error(path, f"Dit bestand komt op het adres {shown_address} van de site, maar dat adres maakt de site "
                         "zelf al. Geef het bestand een andere naam of zet het in een andere map.")
        return False


def refused_file_message(name: str, suffix: str) -> str:
    if suffix in OTHER_MARKDOWN_SUFFIXES:
        return f"'{name}' wordt niet gepubliceerd. Geef een pagina de extensie .md."
    return (f"'{name}' mag niet in content/: alleen pagina's (.md), de begrippen en routepagina's (.yaml) en foto's "
            "(.jpg, .png, .webp) komen op de site. Scripts, HTML, SVG en andere bestanden niet, omdat ze de site "
            "onveilig kunnen maken. Haal het bestand weg, of zet de tekst in een .md-pagina.")


def _body(text: str) -> tuple[str, int]:
    """(the Markdown after any front matter, the file line it starts on)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return text, 1
    return text[match.end():], match.group(0).count("\n") + 1


