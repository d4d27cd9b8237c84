"""gzip and brotli copies of every compressible file, written by the build.

A web server then sends the copy the browser accepts as it is (nginx `gzip_static` and
`brotli_static`, see deploy/nginx/) instead of compressing each answer again: smaller
files than on-the-fly compression at its usual level, and no CPU per request. Pagefind's
index files and the photos are compressed already and are left alone.
"""

from __future__ import annotations

import gzip
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import brotli

from ..urls import ASSET_PREFIX

COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".vcf", ".webmanifest")
MIN_BYTES = 256  # below this, the headers cost more than compression saves
GZIP_LEVEL = 9
# Pages: brotli 6 is as fast as gzip 9 and 5 % smaller (quality 9 was 30x slower for 0.6 %).
# The scripts and style sheets our pages load, fetched on every first visit, get the best
# (11); Material's own bundle and lunr are in the site but no page loads them.
BROTLI_QUALITY = 6
BROTLI_QUALITY_ASSETS = 11
LOADED_ASSETS = (ASSET_PREFIX, "assets/stylesheets/", "pagefind/pagefind.js")
SKIP_DIRS = (".deploy",)  # what the web server includes, not what it serves
CHUNK = 64  # files per job for the worker processes


@dataclass
class Compressed:
    files: int = 0
    original: int = 0
    gzip: int = 0
    brotli: int = 0

    def add(self, other: "Compressed"):
        self.files += other.files
        self.original += other.original
        self.gzip += other.gzip
        self.brotli += other.brotli


def candidates(site_dir: Path) -> list:
    found = []
    for folder, dirs, names in os.walk(site_dir):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS]
        found += [os.path.join(folder, n) for n in names if n.endswith(COMPRESSIBLE)]
    return sorted(found)


def _compress(job) -> Compressed:
    site, paths = job
    done = Compressed()
    for path in paths:
        data = Path(path).read_bytes()
        if len(data) < MIN_BYTES:
            continue
        small_gzip = gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)
        loaded = os.path.relpath(path, site).replace(os.sep, "/").startswith(LOADED_ASSETS)
        quality = BROTLI_QUALITY_ASSETS if loaded and path.endswith((".css", ".js")) else BROTLI_QUALITY
        small_brotli = brotli.compress(data, quality=quality)
        done.files += 1
        done.original += len(data)
        if len(small_gzip) < len(data):
            _write(path + ".gz", small_gzip)
            done.gzip += len(small_gzip)
        if len(small_brotli) < len(data):
            _write(path + ".br", small_brotli)
            done.brotli += len(small_brotli)
    return done


def _write(path: str, data: bytes):
    tmp = f"{path}.{os.getpid()}.tmp"
    with open(tmp, "wb") as out:
        out.write(data)
    os.replace(tmp, path)


def precompress(site_dir: Path, workers: int = 0) -> Compressed:
    """Write <file>.gz and <file>.br next to every compressible file of the site."""
    site = str(site_dir)
    paths = candidates(Path(site_dir))
    workers = workers or min(os.cpu_count() or 1, 4)
    total = Compressed()
    if workers < 2 or len(paths) < 4 * CHUNK:
        total.add(_compress((site, paths)))
        return total
    jobs = [(site, paths[i:i + CHUNK]) for i in range(0, len(paths), CHUNK)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        for part in pool.map(_compress, jobs):
            total.add(part)
    return total
