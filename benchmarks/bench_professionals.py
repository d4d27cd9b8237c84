"""What does /voor-professionals/ cost a phone, and what do the posters' QR codes cost the build?
(A benchmark, not a test.)

    .venv/bin/python benchmarks/bench_professionals.py --records 10000 --faces 300

Writes a synthetic data folder (synthetic.py: every field, the referrers' fields too), then:

1. the posters' QR codes (qrcodes.py, segno) for every record page: made from nothing on every
   core, then again from the disk cache, side by side in one run;
2. builds the site (Pagefind and precompressed copies off: neither is part of this page) and lets
   Chromium at phone size (390x844, empty cache) open /voor-professionals/, unfiltered and with
   filters in the address, and /lijstje/ with four saved items; every response is counted
   gzip-compressed as a web server sends it (photos and other compressed files as they are), split
   into the page itself, scripts and style sheets, and photos; then what scrolling to the end of the
   page adds (the photos load lazily).

Target: the first view of /voor-professionals/ under 150 kB compressed at 300 faces and 10,000 records.
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
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "tests"))

from synthetic import write_dataset  # noqa: E402

TARGET_KB = 150


def qr_timings(data: Path, site_url: str, cache: Path) -> dict:
    from wegwijzer.records.dataset import load_dataset
    from wegwijzer.site.qrcodes import qr_svgs
    from wegwijzer.site.render_poster import public_address
    from wegwijzer.urls import record_url

    dataset, _ = load_dataset(data)
    addresses = [public_address(site_url, record_url(v)) for v in dataset.voorzieningen]
    start = time.perf_counter()
    made = qr_svgs(addresses, cache_dir=cache)
    cold = time.perf_counter() - start
    start = time.perf_counter()
    qr_svgs(addresses, cache_dir=cache)
    warm = time.perf_counter() - start
    sizes = sorted(len(svg) for svg in made.values())
    return {"qr_codes": len(addresses), "qr_cold_s": round(cold, 1), "qr_cached_s": round(warm, 2),
            "qr_ms_each_cold": round(cold / len(addresses) * 1000, 2),
            "qr_svg_bytes_median": sizes[len(sizes) // 2]}


def build(data: Path, folder: Path) -> tuple:
    from builders import build as build_site
    from builders import project_config

    plugin = "      data_dir: voorzieningen\n"
    config = project_config(folder, {"docs_dir: content": f"docs_dir: {REPO / 'content'}",
                                     plugin: plugin + "      pagefind: false\n      precompress: false\n"})
    site = folder / "site"
    start = time.perf_counter()
    result = build_site(data, site, config_file=config)
    if not result.ok:
        raise SystemExit(result.output)
    return site, round(time.perf_counter() - start, 1)


def _kind(url: str) -> str:
    if "/fotos/" in url:
        return "photos"
    if url.endswith((".js", ".mjs", ".css")) or "/assets/" in url:
        return "scripts_css"
    return "page"


def transfer(site: Path, paths: list, saved: list) -> dict:
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM_ARGS, saved_list_script
    from servers import serve

    base, server = serve(site)
    results = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for path in paths:
                ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                          service_workers="block")
                if path.startswith("lijstje/"):
                    ctx.add_init_script(saved_list_script(saved))
                page = ctx.new_page()
                sizes = []

                def on_response(response, sizes=sizes):
                    try:
                        body = response.body()
                    except Exception:  # noqa: BLE001 - a redirect or an aborted request has no body
                        return
                    packed = body if body[:2] == b"\x1f\x8b" or "/fotos/" in response.url else gzip.compress(body, 6)
                    sizes.append((response.url, min(len(packed), len(body)), len(body)))

                page.on("response", on_response)
                start = time.perf_counter()
                page.goto(base + path, wait_until="networkidle")
                if path.startswith("voor-professionals/"):
                    page.wait_for_function("document.getElementById('pro-status').textContent.length > 0")
                    shown = page.inner_text("#pro-status")
                else:
                    page.wait_for_function("document.querySelectorAll('#lijstje-items svg.ww-qr').length > 0")
                    shown = page.inner_text("#lijstje-status")
                ready_ms = round((time.perf_counter() - start) * 1000)
                first = list(sizes)
                row = {"status_line": shown, "ready_ms": ready_ms, "requests": len(first),
                       "first_view_kb": round(sum(s for _, s, _ in first) / 1000, 1),
                       "page_html_kb_uncompressed": round(sum(r for u, _, r in first if _kind(u) == "page") / 1000, 1)}
                for kind in ("page", "scripts_css", "photos"):
                    row[f"{kind}_kb"] = round(sum(s for u, s, _ in first if _kind(u) == kind) / 1000, 1)
                if path.startswith("voor-professionals/"):
                    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
                    page.wait_for_timeout(300)
                    for _ in range(40):  # scroll through the page so every lazy photo loads
                        page.mouse.wheel(0, 4000)
                        page.wait_for_timeout(50)
                    page.wait_for_load_state("networkidle")
                    row["scrolled_to_end_adds_kb"] = round(sum(s for _, s, _ in sizes[len(first):]) / 1000, 1)
                    row["photos_on_page"] = page.locator(".ww-face img").count()
                results[path] = row
                ctx.close()
            browser.close()
    finally:
        server.shutdown()
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10000)
    parser.add_argument("--faces", type=int, default=300)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-pro-") as tmp:
        tmp = Path(tmp)
        data = tmp / "voorzieningen"
        made = write_dataset(data, args.records, args.faces, seed=1)
        row = {"records": args.records, "faces": args.faces}
        # mkdocs.yml's site_url and the build's cache folder: the build below reuses these codes.
        row.update(qr_timings(data, "https://wegwijzer.dalveld.example/", tmp / ".wegwijzer" / "cache" / "qr"))
        print(json.dumps(row), flush=True)
        site, seconds = build(data, tmp)
        row["build_s_with_cached_qr_codes"] = seconds
        from wegwijzer.records.dataset import load_dataset
        from wegwijzer.urls import face_url, record_url

        dataset, _ = load_dataset(data)
        saved = [("v", v.id, record_url(v)) for v in dataset.voorzieningen[:3]]
        saved.append(("g", dataset.gezichten[0].id, face_url(dataset.gezichten[0])))
        paths = ["voor-professionals/", "voor-professionals/?kern=nuth&thema=geld", "lijstje/"]
        row["pages"] = transfer(site, paths, saved)
        first = row["pages"]["voor-professionals/"]["first_view_kb"]
        row["target"] = f"first view {first} kB {'<' if first < TARGET_KB else '>='} {TARGET_KB} kB"
        row["photos_in_data"] = made.photos
        print(json.dumps(row, indent=1), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
