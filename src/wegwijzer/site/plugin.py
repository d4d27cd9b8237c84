"""The thin MkDocs layer: check the data folder, add generated pages, inject their HTML.

All logic lives in pages.py/render.py; this file only connects it to MkDocs' events.
Editor text never passes through MkDocs' Markdown or Jinja: generated pages get their
pre-rendered HTML in on_page_context, content/ pages are rendered with safe_markdown, and
the templates escape every value they print (autoescape), so a name in gemeente.yaml or
mkdocs.yml is text, never markup.
"""

from __future__ import annotations

import hashlib
import html
import logging
import os
import re
import unicodedata
from datetime import date
from pathlib import Path

from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from .. import safeurl, text
from ..errors import WegwijzerError
from ..records.checker import check_all
from ..records.content import DATA, IMAGE
from ..records.dataset import DEFAULT_DATA_DIR
from ..records.synonyms import find_synonyms_file, search_folder
from ..search import siteconfig
from ..search.pagelanguage import page_language
from ..search.vocabulary import build_vocabulary
from ..urls import ALL_FACES_VCARD, ASSET_PREFIX, face_url, vcard_url
from . import render, safe_markdown, shell, templating
from .pagefind_chunks import write_chunk_table
from .pagefind_stream import PagefindStream
from .pages import NAV, QR_LIBRARY_ASSET, Page, SiteContext, build_pages
from .photos import reencode_image, resize_all
from .policy import write_policy
from .precompress import precompress
from .qrcodes import qr_svgs
from .render_frontdoor import form_action_origin, organisations
from .render_lijstje import SERVICE_WORKER
from .render_poster import public_address
from .sitebuild import ENV_DATA_DIR
from .vcard import face_vcard
from .wellknown import write_security_txt

log = logging.getLogger("mkdocs.plugins.wegwijzer")

PACKAGE_DIR = Path(__file__).resolve().parent
THEME_DIR = PACKAGE_DIR / "theme"
ASSETS_DIR = PACKAGE_DIR / "assets"
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


class WegwijzerConfig(Config):
    data_dir = c.Type(str, default=DEFAULT_DATA_DIR)
    # Relative to mkdocs.yml; without it the project's search/synoniemen.yaml, if any.
    synonyms_file = c.Optional(c.Type(str))
    pagefind = c.Type(bool, default=True)
    # gzip and brotli copies of pages, scripts and style sheets for the web server (deploy/nginx).
    precompress = c.Type(bool, default=True)
    # Meilisearch for the search page: meili_url, meili_search_key, meili_index (see docs/search.md).
    search = c.Type(dict, default={})
    # The web editor at /admin/ (Decap CMS): backend, local_backend, publish_mode, ... (see docs/publishing.md).
    # Off when empty.
    admin = c.Type(dict, default={})
    # The site's browser libraries from npm (vendor/package.json): lean-qr for the lijstje's QR codes.
    vendor_dir = c.Type(str, default="vendor/node_modules")


class WegwijzerPlugin(BasePlugin[WegwijzerConfig]):
    # `wegwijzer build` has already checked the data: it hands its CheckResult over here.
    preloaded = None
    serving = False  # the local preview: no precompressed copies (nobody serves them)

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"

    def data_root(self, config) -> Path:
        wanted = os.environ.get(ENV_DATA_DIR) or self.config.data_dir
        return (_config_folder(config) / wanted).resolve()

    def synonyms_path(self, config):
        return find_synonyms_file(_config_folder(config), self.config.synonyms_file)

    def check(self, config):
        """The same check as `wegwijzer check`, for this configuration's folders."""
        synonyms = self.synonyms_path(config)
        return check_all(self.data_root(config), Path(config.docs_dir), synonyms,
                         search_folder(_config_folder(config), synonyms))

    # --- configuration and data -------------------------------------------------

    def on_config(self, config):
        root = self.data_root(config)
        try:
            result = self.preloaded if self.preloaded is not None else self.check(config)
        except WegwijzerError as err:
            raise PluginError(err.message) from err
        for d in result.collector.warnings:
            log.info(d.format())
        if not result.ok or result.dataset.gemeente is None:
            raise PluginError("De gegevens bevatten fouten; er is niets gebouwd.\n"
                              + "\n".join(d.format() for d in result.collector.sorted() if d.severity == "error"))
        self.root = root
        dataset, terms, articles = result.dataset, list(result.terms), list(result.articles)
        g = dataset.gemeente

        _refuse_script_addresses(config)
        # Our templates come right after a project's own overrides (theme.custom_dir, such
        # as this repository's build/), so a municipality can still replace any of them.
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        config.theme["font"] = False  # Google Fonts would be a third-party request
        config.theme["language"] = "nl"
        if config.site_name in (None, "", "Wegwijzer"):
            config.site_name = f"Wegwijzer {g.naam}"
        config.extra["wegwijzer_demo"] = bool(g.demo)
        config.extra["wegwijzer_gemeente"] = g.naam
        self.assets = asset_urls()
        config.extra_css.append(self.assets["wegwijzer.css"])
        config.extra_javascript.append(self.assets["wegwijzer.js"])
        config.extra_javascript.append(self.assets["bewaar.js"])
        self.vendor_files = self.browser_libraries(config)
        if not config.nav:
            config.nav = [{title: (url + "index.md") if url else "index.md"} for title, url in NAV]
            config.nav.append({"Toegankelijkheid": "toegankelijkheid.md"})
        try:  # 10,000 record pages are deliberately outside the nav; don't list them all.
            config.validation.nav.omitted_files = logging.DEBUG
        except AttributeError:  # pragma: no cover
            pass

        # Resized photos are kept on disk by content (git-ignored): later builds and every
        # `serve` rebuild reuse them (0.2 ms a photo instead of a new resize).
        jobs = [(face.id, face.foto, face.id) for face in dataset.gezichten if face.foto]
        photos = resize_all(jobs, cache_dir=_config_folder(config) / PHOTO_CACHE)
        # The built-in search's vocabulary and woordenboek (loaded by the search page only
        # when a query needs them) and its language data: filler words, synonyms, crisis signals.
        page = page_language(result, build_vocabulary(dataset, articles))
        self.search_files = page.files
        language = page.language
        templates = templating.environment([config.theme.custom_dir])  # the project's overrides, then ours
        self.ctx = SiteContext(dataset, articles, terms, photos, date.today(), self.search_config(),
                               config.site_url or "", self.assets, life_events=list(result.life_events),
                               worried=result.worried, search_language=language,
                               templates=templates)
        templating.use(templates)
        self.ctx.qr = qr_codes(dataset, config.site_url or "", _config_folder(config) / QR_CACHE)
        self.pages = build_pages(self.ctx)
        self.by_src = {p.src_uri: p for p in self.pages}
        self.articles = {a.src_uri: a for a in articles}
        self.content_files = {f.src_uri: f for f in result.content_files}
        return config

    def browser_libraries(self, config) -> dict:
        """{site path: source file} of lean-qr (content-hashed, like our scripts) and its licence;
        adds the library's address to self.assets. Without it the lijstje prints addresses, not QR codes."""
        folder = _config_folder(config) / self.config.vendor_dir
        library = folder / QR_LIBRARY
        if not library.is_file():
            log.warning("De QR-bibliotheek (lean-qr) staat niet in %s: het geprinte lijstje krijgt webadressen in "
                        "plaats van QR-codes. Voer uit: (cd vendor && npm ci --ignore-scripts).", folder)
            return {}
        digest = hashlib.sha256(library.read_bytes()).hexdigest()[:10]
        # Named .js: web servers (Debian's nginx among them) know that type; .mjs they would send as
        # application/octet-stream, which a browser refuses to run as a module.
        url = f"{ASSET_PREFIX}lean-qr.{digest}.js"
        self.assets[QR_LIBRARY_ASSET] = url
        return {url: library, f"{ASSET_PREFIX}lean-qr.LICENSE.txt": folder / QR_LIBRARY_LICENSE}

    def search_config(self) -> dict:
        """#zoek-config for the search page; search/siteconfig.py decides (env, mkdocs.yml, file)."""
        try:
            found = siteconfig.page_search_config(path=SITE_CONFIG_FILE, configured=self.config.search)
        except WegwijzerError as err:
            raise PluginError(f"Zoeken met Meilisearch: {err.message}") from err
        if found:
            log.info("Zoekpagina: Meilisearch op %s (index %s), met Pagefind als terugval.",
                     found["url"], found["index"])
        elif os.environ.get("MEILI_URL"):
            log.warning("MEILI_URL is gezet, maar er is geen zoeksleutel (MEILI_SEARCH_KEY of .wegwijzer/meili.json): "
                        "de zoekpagina gebruikt alleen de ingebouwde zoekfunctie.")
        return found

    def on_env(self, env, config, files):
        # Every value a template prints is escaped unless it is marked safe (markupsafe.Markup):
        # the site name from gemeente.yaml or mkdocs.yml, page titles, anything in config.extra.
        # Only page contents are marked safe (on_page_context), and they are ours: generated pages
        # escape every record text, editors' Markdown goes through safe_markdown.
        env.autoescape = True
        cache = {}

        def ww_cache(key, caller):
            """Render the call block once per key (see theme/partials/nav.html)."""
            if key not in cache:
                cache[key] = caller()
            return cache[key]

        env.globals["ww_cache"] = ww_cache
        env.globals["ww_shell"] = shell.make_renderer(env)
        return env

    # --- files ------------------------------------------------------------------

    def on_files(self, files, config):
        # From content/ only what the check accepted is published (records/content.py): its pages,
        # and its images re-encoded without metadata. Data files (the glossary, the route pages)
        # are read by the check, never published; anything else never reaches the site.
        docs_dir = os.path.abspath(config.docs_dir)
        for f in list(files):
            if f.src_dir is None or os.path.abspath(f.src_dir) != docs_dir:
                continue  # the theme's files (Material, our theme, the project's build/)
            accepted = self.content_files.get(f.src_uri)
            if accepted is None or accepted.kind == DATA:
                files.remove(f)
            elif f.src_uri in self.by_src:  # the check refuses this; never overwrite a generated page
                raise PluginError(f"content/{f.src_uri} staat op een adres dat de site zelf maakt.")
            elif accepted.kind == IMAGE:
                files.remove(f)
                files.append(File.generated(config, f.src_uri, content=reencode_image(accepted.path)))
        if files.get_file_from_path("toegankelijkheid.md") is None:
            page = Page("toegankelijkheid/", "Toegankelijkheid", "toegankelijkheid",
                        lambda: render.accessibility_page(self.ctx), in_nav=True)
            self.by_src["toegankelijkheid.md"] = page
            files.append(File.generated(config, "toegankelijkheid.md", content=""))
        for page in self.pages:
            files.append(File.generated(config, page.src_uri, content=""))
        for name in ASSETS:
            files.append(File.generated(config, self.assets[name], abs_src_path=str(ASSETS_DIR / name)))
        for url, source in self.vendor_files.items():
            files.append(File.generated(config, url, abs_src_path=str(source)))
        # The lijstje's service worker: at the site root, so its scope is the whole site, and under a
        # name that never changes (browsers look for a new version at the same address).
        files.append(File.generated(config, SERVICE_WORKER, abs_src_path=str(ASSETS_DIR / SERVICE_WORKER)))
        for name, content in self.search_files.items():
            files.append(File.generated(config, "zoeken/" + name, content=content))
        self._add_face_files(files, config)
        if self.config.admin:
            self._add_admin_files(files, config)
        return files

    def _add_admin_files(self, files, config):
        """/admin/: the web editor, its bundle from admin/node_modules and config.yml from the schema."""
        from .webeditor import admin_files

        gemeente = self.ctx.dataset.gemeente
        assert gemeente is not None  # on_config stops a build without one
        try:
            wanted = admin_files(self.config.admin, _config_folder(config), self.root, gemeente.kernen,
                                 config.site_url or "", Path(config.docs_dir))
        except WegwijzerError as err:
            raise PluginError(err.message) from err
        for uri, source in wanted.items():
            if isinstance(source, Path):
                files.append(File.generated(config, uri, abs_src_path=str(source)))
            else:
                files.append(File.generated(config, uri, content=source))

    def _add_face_files(self, files, config):
        cards = []
        site_url = config.site_url or ""
        for face in self.ctx.dataset.gezichten:
            ps = self.ctx.photos.get(face.id)
            if ps:
                for name, data in ps.files.items():
                    files.append(File.generated(config, "fotos/" + name, content=data))
            jpeg = ps.files[ps.jpeg[min(ps.jpeg)]] if ps else None
            url = (site_url.rstrip("/") + "/" + face_url(face)) if site_url else None
            card = face_vcard(face, url=url, photo_jpeg=jpeg)
            cards.append(card)
            files.append(File.generated(config, vcard_url(face), content=card))
        files.append(File.generated(config, ALL_FACES_VCARD, content="".join(cards)))

    # --- pages ------------------------------------------------------------------

    def on_page_markdown(self, markdown, page, config, files):
        generated = self.by_src.get(page.file.src_uri)
        if generated is not None:
            page.meta = {"title": generated.title, "hide": list(generated.hide)}
            if not generated.in_nav:
                page.meta["ww_nav_key"] = f"nav-{generated.url.count('/')}"
                page.meta["template"] = shell.TEMPLATE
            shell.skip_markdown(page)
            return ""
        # An editor's page: keep only the front matter we understand (no `template:` pointing at
        # another template), and render it ourselves: MkDocs' own Markdown pass would parse raw
        # HTML (and stop on text like '<![>'), only for us to throw its result away.
        title = str(page.meta.get("title") or page.title or "")
        page.meta = {"title": title, "hide": ["toc"]}
        shell.render_with(page, lambda: self._editor_page(page, markdown))
        return markdown

    def _editor_page(self, page, markdown: str) -> str:
        markdown = unicodedata.normalize("NFC", markdown)  # as the check read it (records/yamlsafe.py)
        body = safe_markdown.render(markdown, shift_headings=0)
        article = self.articles.get(page.file.src_uri)
        if article is not None:
            body = render.article_page(article, page.file.url, safe_markdown.render(article.body, shift_headings=1))
        elif "<h1" not in body:
            body = f"<h1>{html.escape(page.meta.get('title', ''))}</h1>" + body
        body = self.ctx.annotator.annotate(body)
        if article is not None:
            self._send_to_index(page.url, body)
        return body

    def on_page_content(self, output, page, config, files):
        page.toc = []  # the table of contents is hidden on every page; lists are short anyway
        if page.file.src_uri in self.by_src:
            return ""  # made in on_page_context, when the page is written
        return output

    def on_page_context(self, context, page, config, nav):
        # MkDocs converts every page before it writes the first one. A generated page's
        # HTML is made here instead, just before its template, and dropped once written
        # (on_post_page): 10,000 record pages are never in memory at the same time.
        generated = self.by_src.get(page.file.src_uri)
        if generated is not None:
            page.content = generated.html(self.ctx.annotator)
            if generated.kind in SEARCHABLE_KINDS:
                self._send_to_index(page.url, page.content)
        # Our HTML (generated pages escape every record text, editors' Markdown is sanitised):
        # the one value the autoescaping templates print as it is.
        page.content = Markup(page.content or "")
        return context

    def on_post_page(self, output, page, config):
        if page.file.src_uri in self.by_src:
            page.content = ""
        return output

    # --- search index and preview ------------------------------------------------

    index = None  # pagefind_stream.PagefindStream during a build

    def on_pre_build(self, config):
        # Pagefind gets only the searchable part of each record, face and article page, as
        # each is rendered (a fraction of the HTML of the full site, and no staging files).
        self._close_index()
        if self.config.pagefind:
            try:
                self.index = PagefindStream("nl")
            except WegwijzerError as err:
                raise PluginError(err.message) from err

    def _send_to_index(self, url: str, body: str):
        if self.index is not None:
            # Pagefind skips these sections anyway; not sending them saves it a quarter
            # of its parsing (it is the last step of a large build).
            self.index.add(url, _IGNORED_SECTION.sub(_drop_unless_nested, body))

    def on_post_build(self, config):
        site_dir = Path(config.site_dir)
        try:
            if self.index is not None:
                try:
                    self.index.write(site_dir / "pagefind")
                    # Which words share an index chunk: the search page keeps a question within a few.
                    write_chunk_table(site_dir / "pagefind", site_dir / "zoeken")
                finally:
                    self._close_index()
            write_policy(site_dir, self.ctx.search_config, form_action_origin(self.ctx.dataset.gemeente))
            write_security_txt(site_dir, self.ctx.dataset.gemeente, self.ctx.site_url)
            if self.config.precompress and not self.serving:
                done = precompress(site_dir)  # last: every file is written now
                log.info("Gecomprimeerd voor de webserver: %d bestanden (%.1f MB -> gzip %.1f MB, brotli %.1f MB).",
                         done.files, done.original / 1e6, done.gzip / 1e6, done.brotli / 1e6)
        except WegwijzerError as err:
            raise PluginError(err.message) from err

    def on_build_error(self, error):
        self._close_index()

    def _close_index(self):
        index, self.index = self.index, None
        if index is not None:
            index.close()

    def on_serve(self, server, config, builder):
        server.watch(str(self.data_root(config)))  # known even when the data did not pass the check
        return server


# Addresses in mkdocs.yml that the theme prints as links (the logo's link, the source link).
_LINKED_SETTINGS = ("site_url", "repo_url", "extra.homepage")


def _refuse_script_addresses(config):
    """A link in mkdocs.yml must be a web address: MkDocs accepts 'javascript://x/%0aalert(1)' as a URL."""
    for setting in _LINKED_SETTINGS:
        value = config.get(setting) if "." not in setting else (config.extra or {}).get(setting.split(".", 1)[1])
        if value and safeurl.scheme(str(value)) not in (*safeurl.WEB_SCHEMES, ""):
            raise PluginError(f"{setting} in mkdocs.yml moet een webadres zijn dat met https:// of http:// begint, "
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


def qr_codes(dataset, site_url: str, cache_dir: Path) -> dict:
    """{public address: QR SVG} for every record page's poster and every postcard's feedback page;
    none without site_url (no public address)."""
    if not site_url:
        log.info("Geen site_url in mkdocs.yml: de posters en postkaarten krijgen geen QR-code, alleen het webadres.")
        return {}
    from ..urls import feedback_url, record_url

    pages = [record_url(v) for v in dataset.voorzieningen]
    if dataset.gemeente is not None:  # the postcards (site/pages.py makes them only then)
        pages += [feedback_url(org.slug) for org in organisations(dataset)]
    return qr_svgs([public_address(site_url, url) for url in pages], cache_dir=cache_dir)


def _config_folder(config) -> Path:
    """The folder of mkdocs.yml: data_dir and the photo cache are relative to it."""
    return Path(config.config_file_path).parent if config.config_file_path else Path.cwd()


_IGNORED_SECTION = re.compile(r"<section\b[^>]*\bdata-pagefind-ignore\b[^>]*>.*?</section>", re.DOTALL)


def _drop_unless_nested(match) -> str:
    return match.group(0) if "<section" in match.group(0)[8:] else ""
