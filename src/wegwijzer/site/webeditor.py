"""/admin/: the web editor (Decap CMS) that ships with the site.

Its bundle comes from the npm registry (admin/package.json and package-lock.json, installed
with `npm ci`) and is copied into the built site: nothing is loaded from a CDN. Its
configuration (config.yml) is generated from the record schema by ``editors.cms``, with
the kernen from gemeente.yaml, so the editor and `wegwijzer check` cannot drift.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Optional

import yaml

from ..editors.cms import decap_config
from ..errors import UsageError
from ..records.articles import ARTICLES_DIR
from ..records.levensloop import WORRIED_FILE

log = logging.getLogger("mkdocs.plugins.wegwijzer")

ASSETS = Path(__file__).resolve().parent / "assets" / "admin"  # index.html and our additions
PREFIX = "admin/"
DEFAULT_NODE_MODULES = "admin/node_modules"
SETTINGS = ("backend", "local_backend", "publish_mode", "data_folder", "node_modules")


# What /admin/ needs from the browser, for the web server that serves the site. Residents'
# pages keep their own strict policy; this one applies to /admin/ only. Decap CMS compiles
# its configuration checks at run time ('unsafe-eval'), styles its screens with inline
# <style> elements ('unsafe-inline'), shows photos from blob: and data: addresses, reads an
# uploaded photo back from its blob: address before sending it, and talks to the Git host's
# API (or the local proxy) with fetch. tests/test_browser_webeditor.py works within it.
ADMIN_CSP = ("default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
             "img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self' data:; "
             "connect-src 'self' blob: {api}; "
             "frame-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")


def admin_csp(api_origins: str) -> str:
    """The Content-Security-Policy for /admin/; ``api_origins``: the Git host's API (and the local proxy)."""
    return ADMIN_CSP.format(api=api_origins)


def admin_files(settings: dict, config_folder: Path, data_root: Path, kernen, site_url: str = "",
                content_root: Optional[Path] = None) -> dict:
    """{site path: bytes or source Path} for every file of /admin/."""
    unknown = sorted(set(settings) - set(SETTINGS))
    if unknown:
        raise UsageError(f"admin: onbekende instelling {', '.join(unknown)}. Bekend: {', '.join(SETTINGS)}.")
    backend = settings.get("backend")
    if not isinstance(backend, dict) or not backend.get("name"):
        raise UsageError("admin: zet 'backend' met ten minste 'name' (github, gitlab, gitea, ...); zie "
                         "docs/publishing.md, 'The web editor (/admin/): setting it up'.")
    folder = settings.get("data_folder") or _repo_path(data_root, config_folder)
    # The route pages (life events, zorgen om een ander) live in the content folder (docs_dir).
    content = _repo_relative(content_root, config_folder) if content_root else None
    articles = tuple(sorted(p.stem for p in (Path(content_root) / ARTICLES_DIR).glob("*.md") if p.stem != "index")) \
        if content_root else ()
    config = decap_config(folder, kernen, backend, settings.get("local_backend"), site_url,
                          settings.get("publish_mode"), content, articles,
                          content_root is not None and (Path(content_root) / WORRIED_FILE).is_file())
    config_yml = yaml.safe_dump(config, allow_unicode=True, sort_keys=False).encode("utf-8")
    files: dict[str, bytes | Path] = {PREFIX + "config.yml": config_yml}
    for path in sorted(ASSETS.iterdir()):
        files[PREFIX + path.name] = path
    files.update(_bundle(config_folder / settings.get("node_modules", DEFAULT_NODE_MODULES)))
    return files


def _repo_relative(folder: Path, config_folder: Path) -> Optional[str]:
    """A folder's path in the Git repository (or below mkdocs.yml's folder), or None when it is in neither."""
    folder = Path(folder).resolve()
    for parent in (folder, *folder.parents):
        if (parent / ".git").exists():
            return folder.relative_to(parent).as_posix() or "."
    relative = os.path.relpath(folder, Path(config_folder).resolve())
    return None if relative.startswith("..") else Path(relative).as_posix()


def _repo_path(data_root: Path, config_folder: Path) -> str:
    """The data folder's path in the repository, as Decap addresses files: relative to the Git
    repository that holds it, else to mkdocs.yml's folder."""
    data_root = Path(data_root).resolve()
    for folder in (data_root, *data_root.parents):
        if (folder / ".git").exists():
            return data_root.relative_to(folder).as_posix() or "."
    relative = os.path.relpath(data_root, Path(config_folder).resolve())
    if not relative.startswith(".."):
        return Path(relative).as_posix()
    # Another municipality's data built with this project's mkdocs.yml: the build goes on.
    log.warning("admin: de gegevensmap %s ligt niet in een Git-repository of in de map van mkdocs.yml; "
                "de webeditor gaat uit van '%s'. Zet 'data_folder' als dat niet klopt.", data_root, data_root.name)
    return data_root.name


def _bundle(node_modules: Path) -> dict:
    """Decap CMS's browser bundle (the main file, its chunks and WebAssembly) and js-yaml."""
    dist = node_modules / "decap-cms" / "dist"
    js_yaml = node_modules / "js-yaml" / "dist" / "js-yaml.min.js"
    if not (dist / "decap-cms.js").is_file() or not js_yaml.is_file():
        raise UsageError(f"De webeditor (Decap CMS) is niet geïnstalleerd in {node_modules}. Voer uit: "
                         "(cd admin && npm ci --ignore-scripts), of haal 'admin' weg uit mkdocs.yml.")
    files = {PREFIX + "js-yaml.min.js": js_yaml}
    for path in sorted(dist.iterdir()):
        name = path.name
        if name == "decap-cms.js" or name.endswith((".decap-cms.js", ".wasm")) or name == "decap-cms.js.LICENSE.txt":
            files[PREFIX + name] = path
    return files
