"""The site of one build, assembled in plain Python from the checked data folder: the
generated pages and their HTML, the files they need (scripts, photos, vCards, the search
page's language data, /admin/), the editors' pages from content/, the Pagefind index and
what is written after the last page (policy, security.txt, precompressed copies).

site/plugin.py only connects this to MkDocs' events: nothing here imports MkDocs, so the
site could move to another engine. An error MkDocs should report as the plugin's own is a
SiteError; the plugin turns it into MkDocs' PluginError with the same message.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Optional

from .. import safeurl, text
from ..errors import WegwijzerError
from ..records.content import DATA, IMAGE
from ..search import siteconfig
from ..search.pagelanguage import page_language
from ..search.vocabulary import build_vocabulary
from ..urls import ALL_FACES_VCARD, ASSET_PREFIX, face_url, feedback_url, record_url, vcard_url
from . import render, safe_markdown, templating
from .glossary import explaining
from .pagefind_chunks import write_chunk_table
from .pagefind_stream import PagefindStream
from .pages import QR_LIBRARY_ASSET, Page, SiteContext, build_pages
from .photos import reencode_image, resize_all
from .policy import write_policy
from .precompress import precompress
from .qrcodes import qr_svgs
from .render_frontdoor import form_action_origin, organisations
from .render_lijstje import SERVICE_WORKER
from .render_poster import public_address
from .vcard import face_vcard
from .wellknown import write_security_txt

# MkDocs' log (not an import of MkDocs): it prints these messages and counts the warnings.
log = logging.getLogger("mkdocs.plugins.wegwijzer")

ASSETS_DIR = Path(__file__).resolve().parent / "assets"
ASSETS = ("wegwijzer.css", "wegwijzer.js", "zoektaal.js", "zoeken.js", "bewaar.js", "lijstje.js", "professionals.js")
# Generated pages Pagefind indexes: records, faces and the pages residents search for by what
# they say (life events, the front door, complaints, spreekuren). Lists are not indexed.
SEARCHABLE_KINDS = ("voorziening", "gezicht", "levensgebeurtenis", "zorgen", "een-loket", "klachten", "spreekuren")
PHOTO_CACHE = Path(".wegwijzer", "cache", "photos")  # next to mkdocs.yml, git-ignored
QR_CACHE = Path(".wegwijzer", "cache", "qr")  # the posters' and postcards' QR codes (qrcodes.py), next to mkdocs.yml
# The browser's QR library for the printed lijstje, from npm (vendor/package.json, installed by `npm ci`).
QR_LIBRARY = Path("lean-qr", "index.mjs")
QR_LIBRARY_LICENSE = Path("lean-qr", "LICENSE")
# Written by `wegwijzer index` in the folder it runs from; relative paths are read from
# the build's working folder (tests point this elsewhere).
SITE_CONFIG_FILE = siteconfig.DEFAULT_PATH
# Addresses in mkdocs.yml that the theme prints as links (the logo's link, the source link).
LINKED_SETTINGS = ("site_url", "repo_url", "extra.homepage")
ACCESSIBILITY_PAGE = "toegankelijkheid.md"  # generated unless the project keeps its own in content/
# What becomes of a file in content/ (Site.content_file); an image is published as new bytes instead.
LEAVE_OUT, AS_IT_IS = "leave out", "as it is"


class SiteError(WegwijzerError):
    """An error MkDocs reports as the plugin's own (site/plugin.py raises it as a PluginError)."""


def checked(result):
    """The check's warnings to the log; a SiteError when the data cannot make a site."""
    for d in result.collector.warnings:
        log.info(d.format())
    if not result.ok or result.dataset.gemeente is None:
        raise SiteError("De gegevens bevatten fouten; er is niets gebouwd.\n"
                        + "\n".join(d.format() for d in result.collector.sorted() if d.severity == "error"))
    return result


def refuse_script_addresses(settings: dict):
    """A link in mkdocs.yml must be a web address: MkDocs accepts 'javascript://x/%0aalert(1)' as a URL.
    ``settings``: {setting: value} for LINKED_SETTINGS."""
    for setting, value in settings.items():
        if value and safeurl.scheme(str(value)) not in (*safeurl.WEB_SCHEMES, ""):
            raise SiteError(f"{setting} in mkdocs.yml moet een webadres zijn dat met https:// of http:// begint, "
                            f"niet {text.quoted(str(value))}.")


def asset_urls() -> dict:
    """Our scripts and style sheet under names that carry a hash of their content, so a web
    server may let browsers keep them for a year (deploy/nginx: `immutable`)."""
    urls = {}
    for name in ASSETS:
        digest = hashlib.sha256((ASSETS_DIR / name).read_bytes()).hexdigest()[:10]
        stem, _, suffix = name.rpartition(".")
        urls[name] = f"{ASSET_PREFIX}{stem}.{digest}.{suffix}"
    return urls


def browser_libraries(folder: Path, assets: dict) -> dict:
    """{site path: source file} of lean-qr in ``folder`` (content-hashed, like our scripts) and its
    licence; adds the library's address to ``assets``. Without it the lijstje prints addresses, not
    QR codes."""
    library = folder / QR_LIBRARY
    if not library.is_file():
        log.warning("De QR-bibliotheek (lean-qr) staat niet in %s: het geprinte lijstje krijgt webadressen in "
                    "plaats van QR-codes. Voer uit: (cd vendor && npm ci --ignore-scripts).", folder)
        return {}
    digest = hashlib.sha256(library.read_bytes()).hexdigest()[:10]
    # Named .js: web servers (Debian's nginx among them) know that type; .mjs they would send as
    # application/octet-stream, which a browser refuses to run as a module.
    url = f"{ASSET_PREFIX}lean-qr.{digest}.js"
    assets[QR_LIBRARY_ASSET] = url
    return {url: library, f"{ASSET_PREFIX}lean-qr.LICENSE.txt": folder / QR_LIBRARY_LICENSE}


def search_config(configured: dict) -> dict:
    """#zoek-config for the search page; search/siteconfig.py decides (env, mkdocs.yml, file)."""
    try:
        found = siteconfig.page_search_config(path=SITE_CONFIG_FILE, configured=configured)
    except WegwijzerError as err:
        raise SiteError(f"Zoeken met Meilisearch: {err.message}") from err
    if found:
        log.info("Zoekpagina: Meilisearch op %s (index %s), met Pagefind als terugval.",
                 found["url"], found["index"])
    elif os.environ.get("MEILI_URL"):
        log.warning("MEILI_URL is gezet, maar er is geen zoeksleutel (MEILI_SEARCH_KEY of .wegwijzer/meili.json): "
                    "de zoekpagina gebruikt alleen de ingebouwde zoekfunctie.")
    return found


def qr_codes(dataset, site_url: str, cache_dir: Path) -> dict:
    """{public address: QR SVG} for every record page's poster and every postcard's feedback page;
    none without site_url (no public address)."""
    if not site_url:
        log.info("Geen site_url in mkdocs.yml: de posters en postkaarten krijgen geen QR-code, alleen het webadres.")
        return {}
    pages = [record_url(v) for v in dataset.voorzieningen]
    if dataset.gemeente is not None:  # the postcards (site/pages.py makes them only then)
        pages += [feedback_url(org.slug) for org in organisations(dataset)]
    return qr_svgs([public_address(site_url, url) for url in pages], cache_dir=cache_dir)


_IGNORED_SECTION = re.compile(r"<section\b[^>]*\bdata-pagefind-ignore\b[^>]*>.*?</section>", re.DOTALL)


def _drop_unless_nested(match) -> str:
    return match.group(0) if "<section" in match.group(0)[8:] else ""


def searchable_part(body: str) -> str:
    """What Pagefind gets of a page: it skips the ignored sections anyway; not sending them saves
    it a quarter of its parsing (it is the last step of a large build)."""
    return _IGNORED_SECTION.sub(_drop_unless_nested, body)


class Site:
    """The site of one build (one MkDocs run, or one rebuild of the preview).

    ``folder``: the folder of mkdocs.yml (the caches and vendor_dir are relative to it);
    ``data_root``, ``docs_dir``: the data folder and the content folder; ``search``, ``admin``,
    ``vendor_dir``: the plugin's settings in mkdocs.yml; ``template_dirs``: the project's own
    template folders (its theme.custom_dir), searched before ours (templating.py).
    """

    index = None  # pagefind_stream.PagefindStream from start_index() until finish()

    def __init__(self, result, *, folder: Path, data_root: Path, docs_dir: Path, site_url: str,
                 search: dict, admin: dict, vendor_dir: str, template_dirs: tuple = ()):
        dataset, terms, articles = result.dataset, list(result.terms), list(result.articles)
        self.folder, self.data_root, self.docs_dir, self.admin = folder, data_root, docs_dir, admin
        self.assets = asset_urls()
        self.vendor_files = browser_libraries(folder / vendor_dir, self.assets)
        # Resized photos are kept on disk by content (git-ignored): later builds and every
        # `serve` rebuild reuse them (0.2 ms a photo instead of a new resize).
        jobs = [(face.id, face.foto, face.id) for face in dataset.gezichten if face.foto]
        photos = resize_all(jobs, cache_dir=folder / PHOTO_CACHE)
        # The built-in search's vocabulary and woordenboek (loaded by the search page only
        # when a query needs them) and its language data: filler words, synonyms, crisis signals.
        page = page_language(result, build_vocabulary(dataset, articles))
        self.search_files = page.files
        templates = templating.environment(template_dirs, terms)  # the project's overrides, then ours
        self._templates_token: Optional[templating.BuildToken] = templating.use(templates)
        self.ctx = SiteContext(dataset, articles, terms, photos, date.today(), search_config(search),
                               site_url, self.assets, life_events=list(result.life_events),
                               worried=result.worried, search_language=page.language, templates=templates)
        self.ctx.qr = qr_codes(dataset, site_url, folder / QR_CACHE)
        self.pages = build_pages(self.ctx)
        self.by_src = {p.src_uri: p for p in self.pages}
        self.articles = {a.src_uri: a for a in articles}
        self.content_files = {f.src_uri: f for f in result.content_files}

    # --- files ------------------------------------------------------------------

    def content_file(self, src_uri: str):
        """What becomes of a file in content/: LEAVE_OUT, AS_IT_IS, or the bytes to publish instead.

        Only what the check accepted is published (records/content.py): its pages, and its images
        re-encoded without metadata. Data files (the glossary, the route pages) are read by the
        check, never published; anything else never reaches the site."""
        accepted = self.content_files.get(src_uri)
        if accepted is None or accepted.kind == DATA:
            return LEAVE_OUT
        if src_uri in self.by_src:  # the check refuses this; never overwrite a generated page
            raise SiteError(f"content/{src_uri} staat op een adres dat de site zelf maakt.")
        if accepted.kind == IMAGE:
            return reencode_image(accepted.path)
        return AS_IT_IS

    def add_accessibility_page(self) -> str:
        """The generated accessibility page, for a project without its own; returns its source name."""
        self.by_src[ACCESSIBILITY_PAGE] = Page("toegankelijkheid/", "Toegankelijkheid", "toegankelijkheid",
                                               lambda: render.accessibility_page(self.ctx), in_nav=True)
        return ACCESSIBILITY_PAGE

    def generated_files(self) -> list:
        """(site path, content, source file) for every file the site adds: one of content and
        source is None. Generated pages have empty content (their HTML is made by page_html)."""
        files: list[tuple[str, Optional[str], Optional[Path]]] = [(page.src_uri, "", None) for page in self.pages]
        files += [(self.assets[name], None, ASSETS_DIR / name) for name in ASSETS]
        files += [(url, None, source) for url, source in self.vendor_files.items()]
        # The lijstje's service worker: at the site root, so its scope is the whole site, and under a
        # name that never changes (browsers look for a new version at the same address).
        files.append((SERVICE_WORKER, None, ASSETS_DIR / SERVICE_WORKER))
        files += [("zoeken/" + name, content, None) for name, content in self.search_files.items()]
        files += self._face_files()
        if self.admin:
            files += self._admin_files()
        return files

    def _admin_files(self) -> list:
        """/admin/: the web editor, its bundle from admin/node_modules and config.yml from the schema."""
        from .webeditor import admin_files

        try:
            gemeente = self.ctx.dataset.gemeente
            assert gemeente is not None, "a site is only assembled from a checked dataset with a gemeente"
            wanted = admin_files(self.admin, self.folder, self.data_root, gemeente.kernen,
                                 self.ctx.site_url, self.docs_dir)
        except WegwijzerError as err:
            raise SiteError(err.message) from err
        return [(uri, None, source) if isinstance(source, Path) else (uri, source, None)
                for uri, source in wanted.items()]

    def _face_files(self) -> list:
        files, cards = [], []
        site_url = self.ctx.site_url
        for face in self.ctx.dataset.gezichten:
            ps = self.ctx.photos.get(face.id)
            if ps:
                files += [("fotos/" + name, data, None) for name, data in ps.files.items()]
            jpeg = ps.files[ps.jpeg[min(ps.jpeg)]] if ps else None
            url = (site_url.rstrip("/") + "/" + face_url(face)) if site_url else None
            card = face_vcard(face, url=url, photo_jpeg=jpeg)
            cards.append(card)
            files.append((vcard_url(face), card, None))
        files.append((ALL_FACES_VCARD, "".join(cards), None))
        return files

    # --- pages ------------------------------------------------------------------

    def page_html(self, src_uri: str, page_url: str):
        """A generated page's HTML (sent to the search index if residents search for it), made just
        before it is written; None for an editor's page."""
        generated = self.by_src.get(src_uri)
        if generated is None:
            return None
        body = generated.html(self.ctx.annotator)
        if generated.kind in SEARCHABLE_KINDS:
            self._send_to_index(page_url, body)
        return body

    def editor_page(self, src_uri: str, file_url: str, page_url: str, title: str, markdown: str) -> str:
        """The HTML of an editor's page from content/: rendered safely, an article as an article."""
        markdown = unicodedata.normalize("NFC", markdown)  # as the check read it (records/yamlsafe.py)
        article = self.articles.get(src_uri)
        with explaining(self.ctx.annotator):  # the templates explain the jargon
            if article is not None:
                body = render.article_page(article, file_url, safe_markdown.render(article.body, shift_headings=1))
            else:
                body = render.content_page(title, safe_markdown.render(markdown, shift_headings=0))
        if article is not None:
            self._send_to_index(page_url, body)
        return body

    # --- search index and what comes after the last page ---------------------------

    def start_index(self, pagefind: bool):
        """Pagefind gets only the searchable part of each record, face and article page, as
        each is rendered (a fraction of the HTML of the full site, and no staging files)."""
        self.close_index()
        if pagefind:
            try:
                self.index = PagefindStream("nl")
            except WegwijzerError as err:
                raise SiteError(err.message) from err

    def _send_to_index(self, url: str, body: str):
        if self.index is not None:
            self.index.add(url, searchable_part(body))

    def finish(self, site_dir: Path, precompressed: bool):
        """After the last page: the search index, the policy, security.txt and, if ``precompressed``,
        gzip and brotli copies of every file."""
        try:
            if self.index is not None:
                try:
                    self.index.write(site_dir / "pagefind")
                    # Which words share an index chunk: the search page keeps a question within a few.
                    write_chunk_table(site_dir / "pagefind", site_dir / "zoeken")
                finally:
                    self.close_index()
            write_policy(site_dir, self.ctx.search_config, form_action_origin(self.ctx.dataset.gemeente))
            write_security_txt(site_dir, self.ctx.dataset.gemeente, self.ctx.site_url)
            if precompressed:
                done = precompress(site_dir)  # last: every file is written now
                log.info("Gecomprimeerd voor de webserver: %d bestanden (%.1f MB -> gzip %.1f MB, brotli %.1f MB).",
                         done.files, done.original / 1e6, done.gzip / 1e6, done.brotli / 1e6)
        except WegwijzerError as err:
            raise SiteError(err.message) from err

    def close_index(self):
        index, self.index = self.index, None
        if index is not None:
            index.close()

    def release_templates(self):
        """Every page is made: this build's templates stop being the active ones."""
        token, self._templates_token = self._templates_token, None
        if token is not None:
            templating.release(token)
