"""`wegwijzer serve`: a preview that never freezes.

MkDocs' own preview stops answering after a failed rebuild ("The server will appear stuck
until build errors are resolved") and shows the error only in the terminal. Here every
rebuild starts with the same check as `wegwijzer check`. When the data has errors the
site is not rebuilt: the last good site stays online and every page gets a banner with
the checker's messages (file, line, field, what to do). When the data is fixed, the next
rebuild replaces the site and the banner is gone. A rebuild builds into a folder next to
the served one and swaps the two, so the preview never shows half a site.
"""

from __future__ import annotations

import html
import logging
import shutil
import sys
import tempfile
from pathlib import Path
from typing import cast
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer, _serve_url

from ..errors import UsageError, WegwijzerError
from .swap import mkdocs_errors, swap_in

log = logging.getLogger("mkdocs.plugins.wegwijzer.preview")

BANNER_ID = "ww-voorbeeld-fouten"
MAX_MESSAGES = 50  # a banner, not the whole report: the terminal and `wegwijzer check` have the rest


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server with a banner on every page while the data has errors."""

    banner: bytes = b""
    out = sys.stdout

    def server_activate(self):
        super().server_activate()
        host, port = cast(tuple[str, int], self.server_address[:2])  # an AF_INET(6) address
        self.url = _serve_url(host, port, self.mount_path)  # the real port, also when asked for port 0
        print(f"Voorbeeld op {self.url} (stoppen: Ctrl+C). De site wordt opnieuw gebouwd als je een record, "
              "foto of pagina wijzigt.", file=self.out, flush=True)

    def _inject_js_into_html(self, content, epoch):
        content = super()._inject_js_into_html(content, epoch)
        return _after_body_start(content, self.banner) if self.banner else content


def _after_body_start(page: bytes, banner: bytes) -> bytes:
    start = page.find(b"<body")
    end = page.find(b">", start) + 1 if start >= 0 else 0
    return page[:end] + banner + page[end:]


def banner_html(diagnostics, why: str) -> bytes:
    """The banner: what is wrong, where, and that the page shows the last good version."""
    items = "".join(
        f"<li><code>{html.escape(d.path)}</code>, regel {d.line}"
        + (f", veld <code>{html.escape(d.field)}</code>" if d.field else "")
        + f": {html.escape(d.message)}</li>"
        for d in diagnostics[:MAX_MESSAGES])
    more = len(diagnostics) - MAX_MESSAGES
    if more > 0:
        items += f"<li>En nog {more} andere. Zie <code>wegwijzer check</code>.</li>"
    return (
        f'<section id="{BANNER_ID}" role="alert" aria-labelledby="{BANNER_ID}-kop">'
        f"<style>#{BANNER_ID}{{background:#fff3cd;color:#1a1a1a;border:3px solid #b00020;padding:1rem 1.25rem;"
        f"margin:0;font:16px/1.5 system-ui,sans-serif;position:relative;z-index:10}}"
        f"#{BANNER_ID} h2{{margin:0 0 .5rem;font-size:1.2rem;color:#b00020}}"
        f"#{BANNER_ID} code{{word-break:break-all}}</style>"
        f'<h2 id="{BANNER_ID}-kop">Let op: {html.escape(why)}</h2>'
        "<p>Je ziet nog de laatste versie die wel klopte. Los dit op en sla het bestand op; "
        "de pagina ververst dan vanzelf.</p>"
        f"<ul>{items}</ul></section>"
    ).encode("utf-8")


_NO_SITE_YET = ("<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Nog geen voorbeeld</title>"
                "</head><body><main><h1>Nog geen voorbeeld</h1><p>Er is nog geen versie van de site die klopt. "
                "Los de fouten hierboven op.</p></main></body></html>")


def serve_preview(config_file: str, dev_addr: str, out=None) -> None:
    """Serve the site at ``dev_addr`` (port 0: any free port) until Ctrl+C."""
    out = out or sys.stdout
    site_dir = Path(tempfile.mkdtemp(prefix="wegwijzer-voorbeeld-"))
    config = _config(config_file, site_dir, dev_addr)
    if config.plugins.get("wegwijzer") is None:
        shutil.rmtree(site_dir, ignore_errors=True)
        raise UsageError(f"{config_file} gebruikt de wegwijzer-plugin niet (plugins: - wegwijzer).")
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    serve_url = _serve_url(host, port, mount_path)

    def builder(config=None):
        config = config or _config(config_file, site_dir, dev_addr)
        _rebuild(config, site_dir, serve_url, server)

    server = PreviewServer(builder=builder, host=host, port=port, root=str(site_dir), mount_path=mount_path)
    server.out = out
    server.error_handler = lambda code: _error_page(site_dir, code, server.banner)
    try:
        builder(config)
        server.watch(config.docs_dir)
        server.watch(config.config_file_path)
        server.watch(str(config.plugins["wegwijzer"].data_root(config)))  # also when the first check failed
        for item in config.watch:
            server.watch(item)
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Gestopt.")
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)


def _config(config_file: str, site_dir: Path, dev_addr: str):
    from mkdocs.exceptions import ConfigurationError

    try:
        return load_config(config_file=config_file, site_dir=str(site_dir), dev_addr=dev_addr)
    except ConfigurationError as err:
        raise UsageError(f"{config_file} klopt niet: {err}") from err


def _rebuild(config, site_dir: Path, serve_url: str, server: PreviewServer) -> None:
    """Check, then build aside and swap in; on any problem keep the last good site and show why.

    Never raises: MkDocs' server would stop answering until the next good build.
    """
    plugin = config.plugins["wegwijzer"]
    try:
        result = plugin.check(config)
    except WegwijzerError as err:
        server.banner = banner_html([_Note(err.message)], "de gegevens kunnen niet worden gelezen.")
        log.error(err.message)
        return
    if not result.ok:
        errors = [d for d in result.collector.sorted() if d.severity == "error"]
        for d in errors:
            log.error(d.format())
        server.banner = banner_html(errors, f"er {'is 1 fout' if len(errors) == 1 else f'zijn {len(errors)} fouten'}"
                                            " in de gegevens.")
        return
    plugin.preloaded = result
    fresh = Path(tempfile.mkdtemp(prefix=".nieuw-", dir=site_dir.parent))
    config.site_dir = str(fresh)
    config.site_url = serve_url
    try:
        with mkdocs_errors() as reasons:
            build(config, serve_url=serve_url)
    except Exception as err:  # noqa: BLE001 - whatever broke, the last good site stays
        shutil.rmtree(fresh, ignore_errors=True)
        why = "; ".join(reasons) or str(err) or type(err).__name__
        log.error("De site kon niet worden gebouwd: %s", why)
        server.banner = banner_html([_Note(why)], "de site kon niet worden gebouwd.")
        return
    finally:
        plugin.preloaded = None
    swap_in(fresh, site_dir)
    server.banner = b""


class _Note:
    """A message without a file, shown like a diagnostic."""

    path, line, field = "-", 1, ""

    def __init__(self, message: str):
        self.message = message


def _error_page(site_dir: Path, code: int, banner: bytes):
    page = site_dir / f"{code}.html"
    content = page.read_bytes() if page.is_file() else (_NO_SITE_YET.encode() if banner else None)
    if content is not None and banner:
        content = _after_body_start(content, banner)
    return content
