"""What does a search cost a phone, and how long until results show? (A benchmark, not a test.)

    .venv/bin/python benchmarks/bench_search_cost.py --sizes 1000 10000

For each size: a synthetic data folder (synthetic.py), `wegwijzer build`, then in Chromium
at phone size with 4x CPU throttling (Chrome DevTools Protocol, Emulation.setCPUThrottlingRate,
"mid-range phone"), for each kind of query:

- first search: a fresh tab opens /zoeken/?q=… (empty cache); kB of search data (Pagefind's
  files and the vocabulary), gzip-compressed as a web server sends it;
- later search: the same tab searches again through the form; kB and milliseconds from
  pressing Enter until the result line is filled in.

Also prints the vocabulary's size (words, kB compressed).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_relevance import DONE, build, serve  # noqa: E402
from synthetic import write_dataset  # noqa: E402

QUERIES = {  # kind -> (first query, later query); words the synthetic records use
    "word": ("koffie", "vervoer"),
    "sentence": ("ik wil graag koffie drinken met buren", "ik zoek hulp bij brieven en formulieren"),
    "misspelling": ("koffei", "formulierr"),
}


def search_kb(sent, start) -> float:
    return round(sum(size for path, size in sent[start:] if "/pagefind/" in path or path.endswith(".json")) / 1000, 1)


def measure(site: Path, throttle: float) -> dict:
    from playwright.sync_api import sync_playwright

    base, server = serve(site)
    out = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            for kind, (first, later) in QUERIES.items():
                ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
                page = ctx.new_page()
                cdp = ctx.new_cdp_session(page)
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
                start = len(server.sent)
                page.goto(base + "zoeken/?q=" + first)
                page.wait_for_function(DONE, timeout=120_000)
                page.wait_for_load_state("networkidle")
                first_kb = search_kb(server.sent, start)
                start = len(server.sent)
                page.fill("#zoek-q", later)
                page.evaluate("document.getElementById('zoek-status').textContent = ''")
                t0 = time.perf_counter()
                page.press("#zoek-q", "Enter")
                page.wait_for_function(DONE, timeout=120_000, polling="raf")
                ms = round((time.perf_counter() - t0) * 1000)
                page.wait_for_load_state("networkidle")
                out[kind] = {"first_kb": first_kb, "later_kb": search_kb(server.sent, start), "later_ms": ms,
                             "status": page.inner_text("#zoek-status")}
                ctx.close()
            browser.close()
    finally:
        server.shutdown()
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--throttle", type=float, default=4.0)
    args = parser.parse_args(argv)
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-cost-{n}-") as tmp:
            tmp = Path(tmp)
            write_dataset(tmp / "data", n, n_faces=max(20, n // 50), seed=1)
            (tmp / "out").mkdir()
            build(tmp / "data", None, tmp / "out" / "site")
            vocab = next((tmp / "out" / "site" / "zoeken").glob("woorden.*.json"))
            data = json.loads(vocab.read_text(encoding="utf-8"))
            row = {"records": n, "vocabulary_words": len(data["woorden"].split()),
                   "vocabulary_kb": round(len(gzip.compress(vocab.read_bytes(), 6)) / 1000, 1)}
            row.update(measure(tmp / "out" / "site", args.throttle))
            print(json.dumps(row, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
