"""Building and previewing the site: check first, build aside, swap atomically.

The live site is only touched at the very end, by one atomic exchange of the two folders
(two renames where the system cannot exchange, site/swap.py), so a bad record, a crashing
theme or a failing Pagefind run leaves the existing site exactly as it was.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..errors import UsageError, WegwijzerError
from .swap import build_folder, mkdocs_errors, remove_leftovers, swap_in

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class BuildFailed(WegwijzerError):
    """Nothing was built or swapped in: the live site is exactly as it was."""


ENV_DATA_DIR = "WEGWIJZER_DATA_DIR"  # the data folder for `serve`, which reloads mkdocs.yml itself


def _require_config_file(config_file: str) -> None:
    if not Path(config_file).is_file():
        raise UsageError(f"{config_file} niet gevonden. Start het commando in de map met mkdocs.yml, "
                         "of geef het bestand op met -f.")


def _load_config(config_file: str, site_dir=None, data_dir=None):
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    _require_config_file(config_file)
    overrides = {"site_dir": str(site_dir)} if site_dir else {}
    with mkdocs_errors() as reasons:
        try:
            cfg = load_config(config_file, **overrides)
        except (MkDocsException, OSError) as err:  # MkDocs logs what is wrong, then raises "Aborted ..."
            why = "; ".join(reasons) or str(err)
            raise UsageError(f"{config_file} klopt niet: {why}") from None
    plugin = cfg.plugins.get("wegwijzer")
    if plugin is None:
        raise UsageError(f"{config_file} gebruikt de wegwijzer-plugin niet (plugins: - wegwijzer).")
    if data_dir:
        plugin.config.data_dir = str(Path(data_dir).resolve())
    return cfg, plugin


def build_site(config_file: str = "mkdocs.yml", data_dir=None, site_dir=None, out=None) -> Path:
    """Check, build into a temporary folder next to the target, index, swap.

    Returns the live site's folder. Raises WegwijzerError when anything fails; the
    existing site is then exactly as it was.
    """
    from mkdocs.commands.build import build

    out = out or sys.stdout
    cfg, plugin = _load_config(config_file, site_dir, data_dir)
    # Records, glossary, articles and synonyms are checked before anything is built, in one report.
    result = plugin.check(cfg)
    print(result.as_text(), file=out)
    if not result.ok:
        raise BuildFailed("Er is niets gebouwd; de bestaande site is niet veranderd.")

    target = Path(cfg.site_dir).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target)
    # Same parent folder: the final swap stays on one file system, so it is atomic.
    with build_folder(target) as (tmp, key):
        cfg.site_dir = str(tmp)
        plugin.preloaded = result
        try:
            with mkdocs_errors() as reasons:
                build(cfg)
        except Exception as err:  # any failure, MkDocs or ours: leave the live site alone
            why = "; ".join(reasons) or str(err)
            raise BuildFailed(f"De site kon niet worden gebouwd: {why}\nDe bestaande site is niet veranderd.") from err
        finally:
            plugin.preloaded = None
        swap_in(tmp, target, key)
    pages = sum(1 for _ in target.rglob("index.html"))
    print(f"Site gebouwd in {target} ({pages} pagina's, zoekindex in pagefind/).", file=out)
    return target


def serve_site(config_file: str = "mkdocs.yml", data_dir=None, dev_addr: str = "127.0.0.1:8000", out=None):
    """The local preview (site/preview.py): rebuilds on every change and keeps the last good
    site, with a banner naming the errors, while the data is broken."""
    from .preview import serve_preview

    _require_config_file(config_file)
    if data_dir:
        os.environ[ENV_DATA_DIR] = str(Path(data_dir).resolve())
    serve_preview(config_file, dev_addr, out=out or sys.stdout)
