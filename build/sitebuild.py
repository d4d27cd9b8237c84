"""`wegwijzer build` and `wegwijzer serve`: check first, build aside, swap atomically.

The live site is only touched at the very end, by one atomic exchange of the two folders
(two renames where the system cannot exchange), so a bad record, a crashing theme or a
failing Pagefind run leaves the existing site exactly as it was.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from .checker import check_all

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def _load_config(config_file: str, site_dir=None, data_dir=None):
    from mkdocs.config import load_config

    if not Path(config_file).is_file():
        raise SystemExit(f"wegwijzer: {config_file} niet gevonden. Start het commando in de map met mkdocs.yml, "
                         "of geef het bestand op met -f.")
    overrides = {"site_dir": str(site_dir)} if site_dir else {}
    cfg = load_config(config_file, **overrides)
    plugin = cfg.plugins.get("wegwijzer")
    if plugin is None:
        raise SystemExit(f"wegwijzer: {config_file} gebruikt de wegwijzer-plugin niet (plugins: - wegwijzer).")
    if data_dir:
        plugin.config.data_dir = str(Path(data_dir).resolve())
    return cfg, plugin


def build_site(config_file: str = "mkdocs.yml", data_dir=None, site_dir=None, out=sys.stdout) -> int:
    """Check, build into a temporary folder next to the target, index, swap. Returns exit code."""
    from mkdocs.commands.build import build

    cfg, plugin = _load_config(config_file, site_dir, data_dir)
    root = plugin.data_root(cfg)
    # Records, glossary, articles and synonyms are checked before anything is built, in one report.
    result = check_all(root, Path(cfg.docs_dir))
    dataset, collector = result.dataset, result.collector
    print(result.as_text(), file=out)
    if not result.ok:
        print("Er is niets gebouwd; de bestaande site is niet veranderd.", file=out)
        return 1

    target = Path(cfg.site_dir).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    # Same parent folder: the final swap stays on one file system, so it is atomic.
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-nieuw-", dir=target.parent))
    cfg.site_dir = str(tmp)
    plugin.preloaded = (dataset, collector)
    try:
        build(cfg)
    except Exception as err:  # any failure, MkDocs or ours: leave the live site alone
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"De site kon niet worden gebouwd: {err}\nDe bestaande site is niet veranderd.", file=out)
        return 1
    finally:
        plugin.preloaded = None
    _swap(tmp, target)
    pages = sum(1 for _ in target.rglob("index.html"))
    print(f"Site gebouwd in {target} ({pages} pagina's, zoekindex in pagefind/).", file=out)
    return 0


def _swap(new: Path, target: Path):
    new.chmod(0o755)  # mkdtemp makes the folder private; a web server must read it
    if target.is_dir() and _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # `new` now holds the old site
        return
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-oud-{os.getpid()}")
        if old.exists():
            shutil.rmtree(old)
        os.rename(target, old)
    try:
        os.rename(new, target)
    except OSError:
        if old is not None:
            os.rename(old, target)  # put the live site back before reporting
        shutil.rmtree(new, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE): the web server never
    sees a moment without a site. False where the system or file system cannot do it."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):  # glibc < 2.28 or another C library
        return False
    at_fdcwd, rename_exchange = -100, 2
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def cmd_build(args) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    return build_site(args.config_file, args.data_dir, args.site_dir)


def cmd_serve(args) -> int:
    from mkdocs.commands.serve import serve

    if args.data_dir:
        # mkdocs serve reloads the config on each rebuild; the plugin reads this.
        os.environ["WEGWIJZER_DATA_DIR"] = str(Path(args.data_dir).resolve())
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    print(f"Voorbeeld op http://{args.dev_addr}/ (stoppen: Ctrl+C). "
          "De site wordt opnieuw gebouwd als je een record, foto of pagina wijzigt.")
    serve(config_file=args.config_file, dev_addr=args.dev_addr, livereload=True)
    return 0


def register(commands):
    build = commands.add_parser("build", help="Controleer de gegevens en bouw de website.")
    build.add_argument("data_dir", nargs="?", default=None, metavar="DATA_DIR",
                       help="map met de gegevens (standaard: data_dir uit mkdocs.yml)")
    build.add_argument("--site-dir", default=None, help="map voor de website (standaard: site_dir uit mkdocs.yml)")
    build.add_argument("-f", "--config-file", default="mkdocs.yml", help="het mkdocs.yml-bestand")
    build.set_defaults(handler=cmd_build)

    serve = commands.add_parser("serve", help="Bekijk de website op je eigen computer; ververst bij elke wijziging.")
    serve.add_argument("data_dir", nargs="?", default=None, metavar="DATA_DIR")
    serve.add_argument("-f", "--config-file", default="mkdocs.yml", help="het mkdocs.yml-bestand")
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", metavar="IP:POORT")
    serve.set_defaults(handler=cmd_serve)
