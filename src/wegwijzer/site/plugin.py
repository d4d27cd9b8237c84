"""The thin MkDocs layer: connects MkDocs' events to the site assembled in plain Python.

The check, the generated pages and every file the site adds are made by site/assemble.py
(with pages.py and render.py); this file only hands them to MkDocs, sets up the theme and
turns the assembly's errors into MkDocs' PluginError. Editor text never passes through
MkDocs' Markdown or Jinja: generated pages get their pre-rendered HTML in on_page_context,
content/ pages are rendered with safe_markdown, and the templates escape every value they
print (autoescape), so a name in gemeente.yaml or mkdocs.yml is text, never markup.
"""

from __future__ import annotations

import logging
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from ..errors import WegwijzerError
from ..records.checker import check_all
from ..records.dataset import DEFAULT_DATA_DIR
from ..records.synonyms import find_synonyms_file, search_folder
from . import shell
from .assemble import (
    ACCESSIBILITY_PAGE,
    LEAVE_OUT,
    LINKED_SETTINGS,
    Site,
    SiteError,
    checked,
    refuse_script_addresses,
)
from .pages import NAV
from .sitebuild import ENV_DATA_DIR

THEME_DIR = Path(__file__).resolve().parent / "theme"


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
    _current: Optional[Site] = None  # assemble.Site of the current build

    @property
    def site(self) -> Site:
        """The current build's site: made in on_config, which MkDocs runs before any other event."""
        assert self._current is not None, "on_config makes the site first"
        return self._current

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
        with _reported():
            checked(result)
            refuse_script_addresses({setting: _setting(config, setting) for setting in LINKED_SETTINGS})
        g = result.dataset.gemeente
        # Our templates come right after a project's own overrides (theme.custom_dir, such
        # as this repository's build/), so a municipality can still replace any of them.
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        config.theme["font"] = False  # Google Fonts would be a third-party request
        config.theme["language"] = "nl"
        if config.site_name in (None, "", "Wegwijzer"):
            config.site_name = f"Wegwijzer {g.naam}"
        config.extra["wegwijzer_demo"] = bool(g.demo)
        config.extra["wegwijzer_gemeente"] = g.naam
        if not config.nav:
            config.nav = [{title: (url + "index.md") if url else "index.md"} for title, url in NAV]
            config.nav.append({"Toegankelijkheid": ACCESSIBILITY_PAGE})
        try:  # 10,000 record pages are deliberately outside the nav; don't list them all.
            config.validation.nav.omitted_files = logging.DEBUG
        except AttributeError:  # pragma: no cover
            pass
        if self._current is not None:
            self._current.close_index()  # a previous build's, should it still be open
        with _reported():
            self._current = Site(result, folder=_config_folder(config), data_root=root, docs_dir=Path(config.docs_dir),
                             site_url=config.site_url or "", search=self.config.search, admin=self.config.admin,
                             vendor_dir=self.config.vendor_dir, template_dirs=(config.theme.custom_dir,))
        assets = self.site.assets
        config.extra_css.append(assets["wegwijzer.css"])
        config.extra_javascript.append(assets["wegwijzer.js"])
        config.extra_javascript.append(assets["bewaar.js"])
        return config

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
        docs_dir = os.path.abspath(config.docs_dir)
        for f in list(files):
            if f.src_dir is None or os.path.abspath(f.src_dir) != docs_dir:
                continue  # the theme's files (Material, our theme, the project's build/)
            with _reported():
                published = self.site.content_file(f.src_uri)
            if published == LEAVE_OUT:
                files.remove(f)
            elif isinstance(published, bytes):  # an image, re-encoded without metadata
                files.remove(f)
                files.append(File.generated(config, f.src_uri, content=published))
        if files.get_file_from_path(ACCESSIBILITY_PAGE) is None:
            files.append(File.generated(config, self.site.add_accessibility_page(), content=""))
        with _reported():
            added = self.site.generated_files()
        for uri, content, source in added:
            if source is not None:
                files.append(File.generated(config, uri, abs_src_path=str(source)))
            else:
                files.append(File.generated(config, uri, content=content))
        return files

    # --- pages ------------------------------------------------------------------

    def on_page_markdown(self, markdown, page, config, files):
        generated = self.site.by_src.get(page.file.src_uri)
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
        shell.render_with(page, lambda: self.site.editor_page(page.file.src_uri, page.file.url, page.url,
                                                              page.meta.get("title", ""), markdown))
        return markdown

    def on_page_content(self, output, page, config, files):
        page.toc = []  # the table of contents is hidden on every page; lists are short anyway
        if page.file.src_uri in self.site.by_src:
            return ""  # made in on_page_context, when the page is written
        return output

    def on_page_context(self, context, page, config, nav):
        # MkDocs converts every page before it writes the first one. A generated page's
        # HTML is made here instead, just before its template, and dropped once written
        # (on_post_page): 10,000 record pages are never in memory at the same time.
        generated = self.site.page_html(page.file.src_uri, page.url)
        if generated is not None:
            page.content = generated
        # Our HTML (generated pages escape every record text, editors' Markdown is sanitised):
        # the one value the autoescaping templates print as it is.
        page.content = Markup(page.content or "")
        return context

    def on_post_page(self, output, page, config):
        if page.file.src_uri in self.site.by_src:
            page.content = ""
        return output

    # --- search index and preview ------------------------------------------------

    def on_pre_build(self, config):
        with _reported():
            self.site.start_index(self.config.pagefind)

    def on_post_build(self, config):
        try:
            with _reported():
                self.site.finish(Path(config.site_dir), precompressed=self.config.precompress and not self.serving)
        finally:
            self.site.release_templates()

    def on_build_error(self, error):
        if self._current is not None:
            self._current.close_index()
            self._current.release_templates()

    def on_serve(self, server, config, builder):
        server.watch(str(self.data_root(config)))  # known even when the data did not pass the check
        return server


@contextmanager
def _reported():
    """The assembly's SiteError as MkDocs' PluginError: MkDocs reports it as the plugin's error."""
    try:
        yield
    except SiteError as err:
        raise PluginError(err.message) from err


def _setting(config, setting: str):
    """A setting of mkdocs.yml, `extra.<name>` for one under extra:."""
    if "." not in setting:
        return config.get(setting)
    return (config.extra or {}).get(setting.split(".", 1)[1])


def _config_folder(config) -> Path:
    """The folder of mkdocs.yml: data_dir and the photo cache are relative to it."""
    return Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
