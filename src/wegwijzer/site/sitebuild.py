"""Building and previewing the site: check first, build aside, swap atomically.

The live site is only touched at the very end, by one atomic exchange of the two folders
(two renames where the system cannot exchange), so a bad record, a crashing theme or a
failing Pagefind run leaves the existing site exactly as it was.
"""

from __future__ import annotations

import fcntl
import logging
import os
import re
import secrets
import shutil
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from ..errors import UsageError, WegwijzerError

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
    with _mkdocs_errors() as reasons:
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
    with _build_folder(target) as (tmp, key):
        cfg.site_dir = str(tmp)
        plugin.preloaded = result
        try:
            with _mkdocs_errors() as reasons:
                build(cfg)
        except Exception as err:  # any failure, MkDocs or ours: leave the live site alone
            why = "; ".join(reasons) or str(err)
            raise BuildFailed(f"De site kon niet worden gebouwd: {why}\nDe bestaande site is niet veranderd.") from err
        finally:
            plugin.preloaded = None
        _swap(tmp, target, key)
    pages = sum(1 for _ in target.rglob("index.html"))
    print(f"Site gebouwd in {target} ({pages} pagina's, zoekindex in pagefind/).", file=out)
    return target


# --- the build's own folder, and what killed builds left behind ----------------------------
#
# A build works in .<site>-nieuw-<key>/ next to the site and holds an exclusive lock on
# .<site>-nieuw-<key>.lock, made before the folder, until the folder is gone. The kernel
# drops the lock when the process dies, however it dies. So a folder whose lock can be
# taken belongs to no running build and is safe to remove; a locked one is left alone.

LEFTOVER_WITHOUT_LOCK_AGE_S = 24 * 3600  # folders from versions before the lock files


def _names(target: Path, key: str) -> tuple:
    return (target.with_name(f".{target.name}-nieuw-{key}"), target.with_name(f".{target.name}-oud-{key}"),
            target.with_name(f".{target.name}-nieuw-{key}.lock"))


@contextmanager
def _build_folder(target: Path):
    """(folder, key) for one build, locked while the build runs; removed afterwards."""
    while True:
        key = f"{os.getpid()}-{secrets.token_hex(6)}"
        folder, _, lock_path = _names(target, key)
        try:
            lock = os.open(lock_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            break
        except FileExistsError:
            continue
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        folder.mkdir(mode=0o700)
        yield folder, key
    finally:
        shutil.rmtree(folder, ignore_errors=True)  # gone after a swap; a failed build's half site
        os.unlink(lock_path)
        os.close(lock)


def remove_leftovers(target: Path) -> list:
    """Remove what killed builds of ``target`` left behind; returns what was removed."""
    pattern = re.compile(rf"^\.{re.escape(target.name)}-(?:nieuw|oud)-(.+?)(?:\.lock)?$")
    keys = set()
    with os.scandir(target.parent) as entries:
        for entry in entries:
            match = pattern.match(entry.name)
            if match:
                keys.add(match.group(1))
    removed = []
    for key in sorted(keys):
        removed += _remove_if_abandoned(target, key)
    return removed


def _remove_if_abandoned(target: Path, key: str) -> list:
    folders = [p for p in _names(target, key)[:2] if p.exists()]
    lock_path = _names(target, key)[2]
    try:
        lock = os.open(lock_path, os.O_WRONLY)
    except FileNotFoundError:
        # No lock file: a folder from an older version. Only an old one is surely abandoned.
        stale = [p for p in folders if time.time() - p.stat().st_mtime > LEFTOVER_WITHOUT_LOCK_AGE_S]
        for folder in stale:
            shutil.rmtree(folder, ignore_errors=True)
        return stale
    try:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return []  # a running build holds it
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)
        lock_path.unlink(missing_ok=True)
        return folders + [lock_path]
    finally:
        os.close(lock)


def _swap(new: Path, target: Path, key: str = ""):
    new.chmod(0o755)  # the build folder is private while it is built; a web server must read it
    if target.is_dir() and _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # `new` now holds the old site
        return
    old = None
    if target.exists():
        old = _names(target, key or str(os.getpid()))[1]
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


@contextmanager
def _mkdocs_errors():
    """The messages MkDocs logs as errors: it reports a plugin's error that way and then
    raises only "Aborted with a BuildError!"."""
    reasons = []

    class Collect(logging.Handler):
        def emit(self, record):
            reasons.append(record.getMessage())

    handler = Collect(level=logging.ERROR)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield reasons
    finally:
        logger.removeHandler(handler)


def serve_site(config_file: str = "mkdocs.yml", data_dir=None, dev_addr: str = "127.0.0.1:8000", out=None):
    """The local preview (site/preview.py): rebuilds on every change and keeps the last good
    site, with a banner naming the errors, while the data is broken."""
    from .preview import serve_preview

    _require_config_file(config_file)
    if data_dir:
        os.environ[ENV_DATA_DIR] = str(Path(data_dir).resolve())
    serve_preview(config_file, dev_addr, out=out or sys.stdout)
