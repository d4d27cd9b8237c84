"""The build's own folder next to the site, the atomic swap that puts a new site in, and the
errors MkDocs logs while it builds: what `wegwijzer build` (site/sitebuild.py) and each
rebuild of `wegwijzer serve` (site/preview.py) share.

The live site is only touched at the very end, by one atomic exchange of the two folders
(two renames where the system cannot exchange), so a failed build leaves the existing
site exactly as it was.
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
def build_folder(target: Path):
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


def swap_in(new: Path, target: Path, key: str = ""):
    """Put the finished site in ``new`` where ``target`` is, in one step; on failure the live
    site is put back before the error is raised."""
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
def mkdocs_errors():
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
