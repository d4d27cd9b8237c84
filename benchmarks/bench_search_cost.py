"""What does a search cost a phone, and how long until results show? (A benchmark, not a test.)

    .venv/bin/python benchmarks/bench_search_cost.py --sizes 1000 10000 --repeat 5 --compare REV

For each size: a synthetic data folder (synthetic.py) whose records also get words as a
real municipality's would (below), `wegwijzer build`, then in Chromium at phone size with
4x CPU throttling (Chrome DevTools Protocol, Emulation.setCPUThrottlingRate, "mid-range
phone"), for each kind of query:

- first search: a fresh tab opens /zoeken/?q=… (empty cache); kB of search data (Pagefind's
  files, the chunk table and the vocabulary files), gzip-compressed as a web server sends it;
  and milliseconds from opening the address until the result line is filled in;
- later search: the same tab searches again through the form; kB and milliseconds from
  pressing Enter until the result line is filled in.

The machine's load average is printed too: on a shared machine the times spread widely.

Each kind runs ``--repeat`` times (a fresh tab each time); the times are printed as median
and min-max, the bytes once (they do not vary). With ``--compare REV`` the same data is also
built with the code of git revision REV, and both sites are measured in turns in one run,
so the figures are side by side on the same machine at the same moment.

Words: the synthetic records repeat a few sentences, so their vocabulary stays at ~700
words at any size, far fewer than a real social map's. Each record therefore also gets a
sentence of real Dutch words (from the demo data, the held-out data and the articles) and
compounds of them, with new words coming in as Heaps' law says, V(pages) = V0 (pages /
P0)^beta, anchored on the demo data (P0 = 117 pages, V0 = 1,573 words) with ``--beta``
(default 0.6; 0.92 is what the demo and held-out data sets give together, which are too
small to tell). The vocabulary's size is printed: words, all files, the largest and the
median file (kB compressed).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from bench_relevance import DONE, build, serve  # noqa: E402
from synthetic import write_dataset  # noqa: E402

QUERIES = {  # kind -> (first query, later query); words the synthetic records use
    "word": ("koffie", "vervoer"),
    "sentence": ("ik wil graag koffie drinken met buren", "ik zoek hulp bij brieven en formulieren"),
    "long sentence": ("mijn moeder is eenzaam en wil graag koffie drinken en een praatje maken met de buren",
                      "wie helpt mijn vader met de computer en met brieven en formulieren van de gemeente"),
    "misspelling": ("koffei", "formulierr"),
}
ANCHOR_PAGES, ANCHOR_WORDS = 117, 1573  # the demo data's records and faces, and their vocabulary
REAL_TEXT = [REPO / "voorzieningen", REPO / "content", HERE / "relevance" / "maasbergen"]
WORD = re.compile(r"[a-zà-ÿ]{4,}")


def real_words() -> list:
    words = set()
    for folder in REAL_TEXT:
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".yaml", ".md"):
                words.update(WORD.findall(path.read_text(encoding="utf-8").lower()))
    return sorted(words)


def add_words(data: Path, beta: float, seed: int = 1) -> int:
    """Give each record a sentence of real words and compounds, new ones as Heaps' law says."""
    rng = random.Random(seed)
    base = real_words()
    rng.shuffle(base)
    pool = list(base)
    records = sorted(p for p in data.glob("*.yaml") if p.name != "gemeente.yaml")
    used = []
    for number, path in enumerate(records, 1):
        wanted = int(ANCHOR_WORDS * (number / ANCHOR_PAGES) ** beta)
        while len(used) < wanted:
            if not pool:  # compounds of two real words ("buurt" + "fiets"), as Dutch makes new words
                pool = [a + b for a, b in zip(rng.sample(base, len(base)), rng.sample(base, len(base)), strict=True)]
            used.append(pool.pop())
        new = used[int(ANCHOR_WORDS * ((number - 1) / ANCHOR_PAGES) ** beta):]
        sentence = " ".join(new + rng.sample(used, min(len(used), 12))).capitalize() + "."
        text = path.read_text(encoding="utf-8").replace("beschrijving: |\n", f"beschrijving: |\n  {sentence}\n", 1)
        path.write_text(text, encoding="utf-8")
    return len(used)


def search_kb(sent, start) -> float:
    return round(sum(size for path, size in sent[start:] if "/pagefind/" in path or path.endswith(".json")) / 1000, 1)


def measure_once(browser, base, server, throttle, first, later) -> dict:
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = ctx.new_page()
        ctx.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
        start = len(server.sent)
        t0 = time.perf_counter()
        page.goto(base + "zoeken/?q=" + first)
        page.wait_for_function(DONE, timeout=120_000, polling="raf")
        first_ms = round((time.perf_counter() - t0) * 1000)
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
        return {"first_kb": first_kb, "first_ms": first_ms, "later_kb": search_kb(server.sent, start), "later_ms": ms,
                "status": page.inner_text("#zoek-status")}
    finally:
        ctx.close()


def measure(sites: dict, throttle: float, repeat: int) -> dict:
    """{variant: {kind: figures}}, the variants measured in turns."""
    from playwright.sync_api import sync_playwright

    served = {name: serve(site) for name, site in sites.items()}
    runs = {name: {kind: [] for kind in QUERIES} for name in sites}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            for _ in range(repeat):
                for kind, (first, later) in QUERIES.items():
                    for name, (base, server) in served.items():
                        runs[name][kind].append(measure_once(browser, base, server, throttle, first, later))
            browser.close()
    finally:
        for _, server in served.values():
            server.shutdown()
    out = {}
    for name, kinds in runs.items():
        out[name] = {}
        for kind, rows in kinds.items():
            times = [r["later_ms"] for r in rows]
            firsts = [r["first_ms"] for r in rows]
            out[name][kind] = {"first_kb": max(r["first_kb"] for r in rows),
                               "first_ms_median": round(statistics.median(firsts)), "first_ms_min": min(firsts),
                               "first_ms_max": max(firsts),
                               "later_kb": max(r["later_kb"] for r in rows),
                               "later_ms_median": round(statistics.median(times)), "later_ms_min": min(times),
                               "later_ms_max": max(times), "later_ms": times, "status": rows[-1]["status"]}
    return out


def vocabulary_size(site: Path) -> dict:
    files = sorted((site / "zoeken").glob("woorden*.json"))
    sizes = [len(gzip.compress(f.read_bytes(), 6)) / 1000 for f in files]
    words = sum(len(json.loads(f.read_text(encoding="utf-8"))["woorden"].split()) for f in files)
    return {"words": words, "files": len(files), "kb_all": round(sum(sizes), 1), "kb_largest": round(max(sizes), 1),
            "kb_median": round(statistics.median(sizes), 1)}


def print_vocabulary_sizes(sizes: list, beta: float) -> int:
    from wegwijzer.records.dataset import load_dataset
    from wegwijzer.search.vocabulary import build_vocabulary, vocabulary_files, vocabulary_json

    for n in sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-vocabulary-{n}-") as tmp:
            write_dataset(Path(tmp) / "data", n, n_faces=max(20, n // 50), seed=1)
            add_words(Path(tmp) / "data", beta)
            vocabulary = build_vocabulary(load_dataset(Path(tmp) / "data")[0])
        packed = [len(gzip.compress(text.encode("utf-8"), 6)) / 1000 for text in vocabulary_files(vocabulary).values()]
        whole = len(gzip.compress(vocabulary_json(vocabulary).encode("utf-8"), 6)) / 1000
        print(json.dumps({"records": n, "beta": beta, "words": len(vocabulary), "one_file_kb": round(whole, 1),
                          "files": len(packed), "kb_all": round(sum(packed), 1), "kb_largest": round(max(packed), 1),
                          "kb_median": round(statistics.median(packed), 1)}), flush=True)
    return 0


def export_code(rev: str, folder: Path) -> Path:
    """The ``src`` folder of git revision ``rev``, to build with."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev, "src"], capture_output=True, check=True).stdout
    folder.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder / "src"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--throttle", type=float, default=4.0)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--beta", type=float, default=0.6, help="Heaps' law exponent for the records' words")
    parser.add_argument("--compare", metavar="REV", help="also build with the code of this git revision")
    parser.add_argument("--vocabulary-only", action="store_true",
                        help="only make the data and its vocabulary files and print their size (no site, no browser)")
    args = parser.parse_args(argv)
    if args.vocabulary_only:
        return print_vocabulary_sizes(args.sizes, args.beta)
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-cost-{n}-") as tmp:
            tmp = Path(tmp)
            write_dataset(tmp / "data", n, n_faces=max(20, n // 50), seed=1)
            add_words(tmp / "data", args.beta)
            sites = {}
            if args.compare:
                (tmp / "before").mkdir()
                build(tmp / "data", None, tmp / "before" / "site", code=export_code(args.compare, tmp / "code"))
                sites["before"] = tmp / "before" / "site"
            (tmp / "after").mkdir()
            build(tmp / "data", None, tmp / "after" / "site")
            sites["after" if args.compare else "now"] = tmp / "after" / "site"
            row = {"records": n, "beta": args.beta,
                   "vocabulary": {name: vocabulary_size(site) for name, site in sites.items()},
                   "index_chunks": {name: len(list((site / "pagefind" / "index").glob("*.pf_index")))
                                    for name, site in sites.items()}}
            load = os.getloadavg()[0]
            row.update(measure(sites, args.throttle, args.repeat))
            row["load_average"] = [round(load, 1), round(os.getloadavg()[0], 1)]  # a shared machine: before, after
            print(json.dumps(row, ensure_ascii=False), flush=True)
            print_table(row, list(sites))
    return 0


def print_table(row: dict, names: list) -> None:
    print(f"\n{row['records']} records; vocabulary " + "; ".join(
        f"{name}: {v['words']} words, {v['files']} file(s), {v['kb_all']} kB (largest {v['kb_largest']}, "
        f"median {v['kb_median']})" for name, v in row["vocabulary"].items()))
    print(f"load average {row['load_average'][0]} -> {row['load_average'][1]} (2 cores); times: median (min-max)")
    print(f"{'kind':<15}" + "".join(f"{name + ' first kB':>18}{name + ' first ms':>24}{name + ' later kB':>18}"
                                      f"{name + ' later ms':>24}" for name in names))
    for kind in QUERIES:
        cells = ""
        for name in names:
            k = row[name][kind]
            first = f"{k['first_ms_median']} ({k['first_ms_min']}-{k['first_ms_max']})"
            later = f"{k['later_ms_median']} ({k['later_ms_min']}-{k['later_ms_max']})"
            cells += f"{k['first_kb']:>18}{first:>24}{k['later_kb']:>18}{later:>24}"
        print(f"{kind:<15}{cells}")
    print(flush=True)


if __name__ == "__main__":
    sys.exit(main())
