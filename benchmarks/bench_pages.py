"""What a phone downloads for the pages close to home and the front door (a benchmark, not a test).

    .venv/bin/python benchmarks/bench_pages.py                 # the demo data
    .venv/bin/python benchmarks/bench_pages.py --records 10000 # synthetic data (synthetic.py)

Builds the site once, then opens each page in Chromium at phone size (390x844, empty cache)
and prints, per page: the page's own HTML (bytes, and gzip-compressed as a web server sends
it) and the whole first view (HTML, CSS, scripts, images; compressed the same way). Pages:
a kern page, the week's spreekuren, a record with spreekuren, the life events, a life event,
Zorgen om een ander, one front door, complaints, the postcards and a feedback page.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "tests"))

from synthetic import write_dataset  # noqa: E402

PAGES = ["kern/{kern}/", "spreekuren/", "{record}", "levensloop/", "levensloop/{event}/", "zorgen-om-een-ander/",
         "een-loket/", "klachten/", "postkaart/", "hoe-ging-het/{org}/"]


def first_views(site: Path, paths: list) -> list:
    from playwright.sync_api import sync_playwright

    from servers import serve
    base, server = serve(site)
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            for path in paths:
                ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
                page = ctx.new_page()
                sizes = []

                def on_response(r, sizes=sizes):
                    try:
                        body = r.body()
                    except Exception:
                        return
                    packed = body if body[:2] == b"\x1f\x8b" else gzip.compress(body, 6)
                    sizes.append(min(len(packed), len(body)))
                page.on("response", on_response)
                page.goto(base + path, wait_until="networkidle")
                ctx.close()
                html = (site / path / "index.html").read_bytes()
                rows.append((path, len(html), len(gzip.compress(html, 6)), sum(sizes)))
            browser.close()
    finally:
        server.shutdown()
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=0, help="synthetic records instead of the demo data")
    args = parser.parse_args(argv)
    from builders import CONTENT, DEMO_DATA, build

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if args.records:
            data = tmp / "voorzieningen"
            write_dataset(data, args.records, max(1, args.records // 50), seed=7)
        else:
            data = DEMO_DATA
        start = time.perf_counter()
        result = build(data, tmp / "site")
        took = time.perf_counter() - start
        assert result.ok, result.output
        site = tmp / "site"
        kern = sorted(p.name for p in (site / "kern").iterdir())[0]
        spreekuur = next(p for p in sorted(site.glob("*-doen/*/index.html"))
                         if "ww-kind" in p.read_text(encoding="utf-8"))
        event = sorted(p.name for p in (site / "levensloop").iterdir() if p.is_dir())[0]
        org = sorted(p.name for p in (site / "hoe-ging-het").iterdir())[0]
        values = {"kern": kern, "record": str(spreekuur.parent.relative_to(site)) + "/", "event": event, "org": org}
        paths = [p.format(**values) for p in PAGES]
        print(f"data: {'demo' if not args.records else f'{args.records} synthetic records'}, content: {CONTENT.name}/; "
              f"build {took:.1f} s")
        print(f"{'page':48} {'HTML':>9} {'HTML gz':>9} {'first view (compressed)':>24}")
        for path, raw, packed, total in first_views(site, paths):
            print(f"{path:48} {raw / 1000:>7.1f}kB {packed / 1000:>7.1f}kB {total / 1000:>22.1f}kB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
