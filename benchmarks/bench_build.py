"""How long does `wegwijzer build` take, how much memory, and what does a phone download?
(A benchmark, not a test.)

    .venv/bin/python benchmarks/bench_build.py --sizes 1000 10000

For each size: write a synthetic data folder (synthetic.py), run `wegwijzer build` in a
fresh process (check, pages, Pagefind index) and report wall time and peak memory (the
largest resident set of the build process and of its children, i.e. Pagefind), the site
size, and what Chromium downloads for the first view of a record page and for one
search, gzip-compressed as a web server would send it. As the ratio to beat it builds
the same number of ordinary Markdown pages listed in the nav with plain `mkdocs build`
(same theme, font: false, no search), under a time limit: that build is quadratic.
Targets: 10,000 records in < 45 s and < 1 GiB; record page < 100 kB; one search < 150 kB.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "tests"))

from synthetic import write_dataset  # noqa: E402

MEASURE = r"""
import glob, os, resource, sys, threading, time
from wegwijzer.site.sitebuild import build_site
import io

# Pagefind runs next to the build, so the two peaks may add up: sample their sum.
def tree_rss_kib(pid):
    total = 0
    try:
        with open(f"/proc/{pid}/status") as f:
            total = next(int(l.split()[1]) for l in f if l.startswith("VmRSS:"))
        for children in glob.glob(f"/proc/{pid}/task/*/children"):
            with open(children) as f:
                total += sum(tree_rss_kib(int(c)) for c in f.read().split())
    except (OSError, StopIteration):
        pass
    return total

peak, done = [0], threading.Event()
def sample():
    while not done.wait(0.05):
        peak[0] = max(peak[0], tree_rss_kib(os.getpid()))
threading.Thread(target=sample, daemon=True).start()
start = time.perf_counter()
try:
    build_site(sys.argv[1], sys.argv[2], sys.argv[3], out=io.StringIO())
    code = 0
except Exception as err:
    print(err, file=sys.stderr)
    code = 1
wall = time.perf_counter() - start
done.set()
me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(code, wall, me, kids, peak[0])
"""

# JavaScript conditions: the result line is filled in, and the filter counts are shown.
RESULTS_SHOWN = "document.getElementById('zoek-status').textContent.includes('resultat')"
COUNTS_SHOWN = "/\\(\\d+\\)$/.test(document.querySelector('#f-route option[value=laten]').textContent)"

BASELINE = r"""
import resource, sys, time, os
os.environ["NO_MKDOCS_2_WARNING"] = "1"
from mkdocs.config import load_config
from mkdocs.commands.build import build
start = time.perf_counter()
build(load_config(sys.argv[1]))
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def build_once(data: Path, site: Path) -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    out = subprocess.run([sys.executable, "-c", MEASURE, str(REPO / "mkdocs.yml"), str(data), str(site)],
                         capture_output=True, text=True, env=env, cwd=REPO)
    code, wall, me, kids, together = out.stdout.split()[-5:]
    if code != "0":
        raise SystemExit("build failed:\n" + out.stdout + out.stderr)
    files = [p for p in site.rglob("*") if p.is_file()]
    return {"build_s": round(float(wall), 1), "peak_mib_python": int(me) // 1024,
            "peak_mib_pagefind": int(kids) // 1024, "peak_mib_together": int(together) // 1024,
            "site_mib": round(sum(p.stat().st_size for p in files) / 2**20, 1), "site_files": len(files)}


def baseline(n: int, tmp: Path, limit: int) -> dict:
    docs = tmp / "docs"
    docs.mkdir()
    nav = []
    for i in range(n):
        (docs / f"p{i}.md").write_text(f"# Pagina {i}\n\nEen gewone pagina met wat tekst.\n")
        nav.append(f"  - 'Pagina {i}': p{i}.md")
    (tmp / "mkdocs.yml").write_text(
        "site_name: Baseline\ndocs_dir: docs\nsite_dir: site\ntheme:\n  name: material\n  font: false\n"
        "plugins: []\nnav:\n" + "\n".join(nav) + "\n")
    try:
        out = subprocess.run([sys.executable, "-c", BASELINE, str(tmp / "mkdocs.yml")], capture_output=True,
                             text=True, timeout=limit, cwd=tmp)
        wall, rss = out.stdout.split()[-2:]
        return {"build_s": round(float(wall), 1), "peak_mib": int(rss) // 1024}
    except subprocess.TimeoutExpired:
        return {"build_s": f"> {limit} (stopped)", "peak_mib": None}


def _by_kind(sizes) -> dict:
    """Pagefind's part of one search, kB per kind of file (files counted in brackets)."""
    kinds = {}
    for url, size in sizes:
        if "/pagefind/" not in url:
            continue
        name = url.split("/pagefind/", 1)[1].split("?")[0]
        kind = name.split("/")[0] if "/" in name else ("pf_meta" if name.endswith(".pf_meta") else
                                                       "wasm" if name.startswith("wasm.") else name)
        total, count = kinds.get(kind, (0, 0))
        kinds[kind] = (total + size, count + 1)
    return {k: f"{round(t / 1000, 1)} ({c})" for k, (t, c) in sorted(kinds.items())}


def transfer(site: Path, record_path: str, query: str) -> dict:
    from playwright.sync_api import sync_playwright

    from servers import serve
    base, server = serve(site)
    results = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            pages = (("record_page_first_view_kb", record_path), ("search_first_view_kb", "zoeken/?q=" + query))
            for label, path in pages:
                ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
                page = ctx.new_page()
                sizes = []  # (url, compressed bytes)

                def on_response(r, sizes=sizes):
                    try:
                        body = r.body()
                    except Exception:
                        return
                    # Pagefind's index files are gzipped already; servers send them as they are.
                    packed = body if body[:2] == b"\x1f\x8b" else gzip.compress(body, 6)
                    sizes.append((r.url, min(len(packed), len(body))))
                page.on("response", on_response)
                page.goto(base + path, wait_until="networkidle")
                if path.startswith("zoeken/"):
                    page.wait_for_function(RESULTS_SHOWN, timeout=120_000)
                    page.wait_for_load_state("networkidle")
                results[label] = round(sum(s for _, s in sizes) / 1000, 1)
                if path.startswith("zoeken/"):
                    results["search_pagefind_only_kb"] = round(sum(s for u, s in sizes if "/pagefind/" in u) / 1000, 1)
                    results["search_pagefind_files"] = _by_kind(sizes)
                    # On a phone the filter counts (Pagefind's filter index) load when the
                    # resident opens the filter panel; on a wide screen it starts open.
                    before = len(sizes)
                    page.click("#zoek-filters summary")
                    page.wait_for_function(COUNTS_SHOWN)
                    page.wait_for_load_state("networkidle")
                    results["open_filters_counts_kb"] = round(sum(s for _, s in sizes[before:]) / 1000, 1)
                    # A second query on the same page: what each further search costs.
                    before = len(sizes)
                    page.fill("#zoek-q", "vervoer")
                    page.press("#zoek-q", "Enter")
                    page.wait_for_function(RESULTS_SHOWN, timeout=120_000)
                    page.wait_for_load_state("networkidle")
                    results["next_search_kb"] = round(sum(s for _, s in sizes[before:]) / 1000, 1)
                ctx.close()
            browser.close()
    finally:
        server.shutdown()
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--baseline-limit", type=int, default=300, help="seconds before the nav baseline is stopped")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--no-transfer", action="store_true", help="skip what Chromium downloads")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="then profile one build of the largest size and print its top N entries")
    args = parser.parse_args(argv)
    rows = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-{n}-") as tmp:
            tmp = Path(tmp)
            write_dataset(tmp / "data", n, n_faces=max(20, n // 50), seed=1)
            row = {"records": n, "faces": max(20, n // 50)}
            row.update(build_once(tmp / "data", tmp / "site"))
            from wegwijzer.records.dataset import load_dataset
            from wegwijzer.urls import record_url
            dataset, _ = load_dataset(tmp / "data")
            middle = dataset.voorzieningen[len(dataset.voorzieningen) // 2]
            if not args.no_transfer:
                row.update(transfer(tmp / "site", record_url(middle), "koffie"))
            if not args.no_baseline:
                (tmp / "baseline").mkdir()
                base = baseline(n, tmp / "baseline", args.baseline_limit)
                row["nav_baseline_s"] = base["build_s"]
                row["nav_baseline_peak_mib"] = base["peak_mib"]
            rows.append(row)
            print(json.dumps(row), flush=True)
    print_growth(rows)
    if args.profile:
        profile_build(max(args.sizes), args.profile)
    return 0


def print_growth(rows: list) -> None:
    """Build time per size, and how it grows: 10x the records should take at most about 11x the time."""
    timed = [r for r in rows if "build_s" in r]
    for small, large in zip(timed, timed[1:], strict=False):
        ratio = large["build_s"] / small["build_s"]
        scale = large["records"] / small["records"]
        print(f"build {small['records']:,} records: {small['build_s']:.1f} s, {large['records']:,} records: "
              f"{large['build_s']:.1f} s, ratio {ratio:.1f} for {scale:.0f}x the records "
              f"(peak memory of build and Pagefind together: {small['peak_mib_together']} / "
              f"{large['peak_mib_together']} MiB)", flush=True)


def profile_build(n: int, top: int) -> None:
    """One build of ``n`` records under cProfile (in this process; Pagefind runs as a child): the
    functions with the most time of their own, and with the most time below them."""
    import cProfile
    import io
    import pstats

    from wegwijzer.site.sitebuild import build_site
    with tempfile.TemporaryDirectory(prefix=f"profile-{n}-") as tmp:
        tmp = Path(tmp)
        write_dataset(tmp / "data", n, n_faces=max(20, n // 50), seed=1)
        profiler = cProfile.Profile()
        profiler.enable()
        build_site(str(REPO / "mkdocs.yml"), str(tmp / "data"), str(tmp / "site"), out=io.StringIO())
        profiler.disable()
    for order in ("tottime", "cumulative"):
        print(f"--- profile of one build of {n:,} records, top {top} by {order} ---")
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).strip_dirs().sort_stats(order).print_stats(top)
        print("\n".join(line for line in text.getvalue().splitlines() if line.strip()), flush=True)


if __name__ == "__main__":
    sys.exit(main())
