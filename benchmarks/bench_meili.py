"""Pagefind (built in) and Meilisearch side by side, on the same data, in one run.
(A benchmark, not a test.)

    PATH=<folder with meilisearch>:$PATH .venv/bin/python benchmarks/bench_meili.py --sizes 1000 10000

For each size it writes a synthetic data folder (synthetic.py), starts its own
Meilisearch (the `meilisearch` on PATH, 127.0.0.1, a port the server picks, a temporary
database, a random master key), runs `wegwijzer index` and builds ONE site with the
search key that command wrote. The same `/zoeken/` page then searches with each backend:
Pagefind when its `#zoek-config` is `{}`, Meilisearch with the config the build wrote
(the page file is switched between the two; nothing else changes). It measures:

- indexing: Meilisearch, the wall time of `wegwijzer index` (check, documents, upload,
  server work) and the server's peak memory while indexing; Pagefind, what it adds to
  `wegwijzer build` (the same build with `pagefind: false` as the baseline) and the CPU
  time of the Pagefind process;
- bytes a phone downloads (Chromium at 390x844, empty cache, CDP's encoded sizes:
  headers and compressed bodies as they crossed the wire; the static site is served with
  gzip as a web server would): the first view of `/zoeken/?q=koffie`, the search's own
  part of it (Pagefind's files, or Meilisearch's answers including the CORS preflight),
  and a later search on the same page;
- latency as a resident sees it: from submitting the form to the result line, measured
  in the page over a list of queries (p50 and p95; the first search separately);
- the server's memory (resident set) after indexing and while the browser searches.

Relevance (recall@5, MRR, zero-result rate per kind of query) is measured by
benchmarks/bench_relevance.py; `--relevance` runs it on both backends, on the same
questions and data (``--relevance-questions``, default the demo data's 125 questions),
through the search page in Chromium as a resident asks them.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "tests"))

from synthetic import write_dataset  # noqa: E402

QUERIES = ["koffie", "schulden", "formulier", "taalcafe", "vervoer", "mantelzorg", "hoeskamer nuth",
           "repair cafe", "boodschappen", "eenzaam", "klussen", "opvoeden", "voedselbank schinveld",
           "huur", "computer", "stress", "wandelclub", "brieven en formulieren", "ik heb schulden",
           "fietsles", "inloop hulsberg", "jongerenwerk", "buurtbus", "kledingbank", "digicafe"]
FIRST_QUERY, NEXT_QUERY = "koffie", "vervoer"
ROUNDS = 4  # each query this often: 100 searches per backend for p50/p95
RESULTS_SHOWN = "/resultat|Zoeken lukt/.test(document.getElementById('zoek-status').textContent)"
FALLBACK_NOTE = "eenvoudige zoekfunctie"

BUILD = r"""
import io, json, resource, sys, time
from wegwijzer.site.sitebuild import build_site
start = time.perf_counter()
build_site(sys.argv[1], sys.argv[2], sys.argv[3], out=io.StringIO())
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": time.perf_counter() - start, "children_cpu": kids.ru_utime + kids.ru_stime}))
"""

LATENCY = """async (queries) => {
  const form = document.getElementById('zoekformulier'), status = document.getElementById('zoek-status');
  const out = [];
  for (const q of queries) {
    const done = new Promise(resolve => {
      const seen = new MutationObserver(() => {
        if (/resultat|Zoeken lukt/.test(status.textContent)) { seen.disconnect(); resolve(status.textContent); }
      });
      seen.observe(status, {childList: true, characterData: true, subtree: true});
    });
    form.elements.q.value = q;
    const start = performance.now();
    form.requestSubmit();
    const line = await done;
    const fetched = performance.getEntriesByType('resource').filter(e => e.name.endsWith('/search')).pop();
    out.push([performance.now() - start, line, fetched && fetched.startTime >= start ? fetched.duration : null]);
    performance.clearResourceTimings();
  }
  return out;
}"""


# --- a static server that compresses like a real one -------------------------------------------


class _Gzip(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = path.read_bytes()
        packed = body if body[:2] == b"\x1f\x8b" else gzip.compress(body, 6)  # Pagefind's files are gzip already
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if packed is not body:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(packed)))
        self.end_headers()
        import io
        return io.BytesIO(packed)


def serve_gzip(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Gzip, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/", server


# --- memory and CPU of a process ----------------------------------------------------------------


def rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class PeakMemory:
    """Samples a process's resident set every 50 ms between start() and stop() (MiB)."""

    def __init__(self, pid: int):
        self.pid, self.peak, self._done = pid, 0, threading.Event()

    def __enter__(self):
        def sample():
            while not self._done.wait(0.05):
                self.peak = max(self.peak, rss_kib(self.pid))
        self._thread = threading.Thread(target=sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._done.set()
        self._thread.join()
        self.peak = max(self.peak, rss_kib(self.pid))


def mib(kib: int) -> int:
    return round(kib / 1024)


# --- indexing -----------------------------------------------------------------------------------


def meili_index(server, data: Path, work: Path) -> dict:
    from servers import MeiliTarget, index_command

    target = MeiliTarget(server.url, server.master_key, server)
    argv, env = index_command(data, target, "wegwijzer", work / ".wegwijzer" / "meili.json")
    cpu_before = cpu_s(server.process.pid)
    with PeakMemory(server.process.pid) as memory:
        start = time.perf_counter()
        done = subprocess.run(argv, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - start
    if done.returncode:
        raise SystemExit("wegwijzer index failed:\n" + done.stderr)
    return {"meili_index_s": round(wall, 1), "meili_server_cpu_s": round(cpu_s(server.process.pid) - cpu_before, 1),
            "meili_peak_mib_indexing": mib(memory.peak), "meili_mib_after_indexing": mib(rss_kib(server.process.pid)),
            "meili_db_mib": round(sum(p.stat().st_size for p in server.db.rglob("*") if p.is_file()) / 2**20, 1)}


def timed_build(data: Path, site: Path, config: Path, env: dict) -> dict:
    done = subprocess.run([sys.executable, "-c", BUILD, str(config), str(data), str(site)], cwd=REPO,
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})
    if done.returncode:
        raise SystemExit("build failed:\n" + done.stdout + done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def pagefind_index(data: Path, site: Path, work: Path, meili_env: dict, baseline: bool) -> dict:
    from builders import project_config

    with_pagefind = timed_build(data, site, REPO / "mkdocs.yml", meili_env)
    row = {"build_s": round(with_pagefind["wall"], 1),
           "pagefind_cpu_s": round(with_pagefind["children_cpu"], 1),
           "pagefind_index_mib": round(sum(p.stat().st_size for p in (site / "pagefind").rglob("*")
                                           if p.is_file()) / 2**20, 1)}
    if baseline:
        (work / "zonder").mkdir()
        config = project_config(work / "zonder", {
            "docs_dir: content": f"docs_dir: {REPO / 'content'}",
            "data_dir: voorzieningen": "data_dir: voorzieningen\n      pagefind: false"})
        without = timed_build(data, work / "zonder" / "site", config, meili_env)
        shutil.rmtree(work / "zonder" / "site")
        row["build_without_pagefind_s"] = round(without["wall"], 1)
        row["pagefind_adds_s"] = round(with_pagefind["wall"] - without["wall"], 1)
    return row


# --- the page ----------------------------------------------------------------------------------------


def set_backend(site: Path, config: dict) -> None:
    """Point /zoeken/ at a backend: its #zoek-config, as the build writes it ({} is Pagefind)."""
    from wegwijzer.site.escaping import json_for_script

    page = site / "zoeken" / "index.html"
    text = page.read_text(encoding="utf-8")
    start = text.index('id="zoek-config">') + len('id="zoek-config">')
    end = text.index("</script>", start)
    page.write_text(text[:start] + json_for_script(config) + text[end:], encoding="utf-8")


class Wire:
    """What each finished request cost on the wire: response headers plus the body as sent
    (compressed when the server compressed it), from Chromium's own accounting. The CORS
    preflight Chromium sends before the first Meilisearch search is not reported by
    Playwright; it is headers only (about 0.4 kB) and cached for a day (max-age 86400)."""

    def __init__(self, context):
        self.requests, self.sizes = [], {}
        context.on("requestfinished", lambda request: self.requests.append(request))

    def mark(self) -> int:
        return len(self.requests)

    def kb(self, since: int = 0, part=lambda url: True) -> float:
        total = 0
        for request in self.requests[since:]:
            if request.url.startswith("data:") or not part(request.url):
                continue
            if id(request) not in self.sizes:
                sizes = request.sizes()
                self.sizes[id(request)] = sizes["responseHeadersSize"] + max(sizes["responseBodySize"], 0)
            total += self.sizes[id(request)]
        return round(total / 1000, 1)


# --- a reverse proxy as the production notes recommend ---------------------------------------------------


class _Proxy(http.server.BaseHTTPRequestHandler):
    """Forwards to Meilisearch asking for an uncompressed answer, and compresses it itself
    (nginx with `proxy_set_header Accept-Encoding "";` and `gzip on;`): see docs/publishing.md."""

    protocol_version = "HTTP/1.1"
    upstream = ""
    FORWARD = ("Authorization", "Content-Type", "Origin", "Access-Control-Request-Method",
               "Access-Control-Request-Headers")

    def log_message(self, *args):
        pass

    def setup(self):
        super().setup()
        import socket  # answers go out whole, not held back for the client's delayed ACK
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _forward(self):
        import http.client
        from urllib.parse import urlsplit

        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        target = urlsplit(self.upstream)
        upstream = http.client.HTTPConnection(target.hostname, target.port, timeout=10)
        headers = {k: self.headers[k] for k in self.FORWARD if self.headers.get(k)}
        upstream.request(self.command, self.path, body=body or None, headers={**headers, "Accept-Encoding": "identity"})
        answer = upstream.getresponse()
        data = answer.read()
        upstream.close()
        if data and "gzip" in self.headers.get("Accept-Encoding", ""):
            data, encoded = gzip.compress(data, 6), True
        else:
            encoded = False
        self.send_response(answer.status)
        for name, value in answer.getheaders():
            if name.lower() not in ("content-length", "transfer-encoding", "content-encoding", "connection"):
                self.send_header(name, value)
        if encoded:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_POST = do_OPTIONS = do_GET = _forward


def start_proxy(upstream: str):
    handler = type("Proxy", (_Proxy,), {"upstream": upstream})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server


def measure_page(browser, base: str, backend: str, meili_url: str, server=None) -> dict:
    """One visit to /zoeken/ at phone size with an empty cache: bytes, then latency."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = ctx.new_page()
    wire = Wire(ctx)
    own = (lambda url: "/pagefind/" in url) if backend == "pagefind" else (lambda url: url.startswith(meili_url))
    row = {}
    try:
        start = time.perf_counter()
        page.goto(base + "zoeken/?q=" + FIRST_QUERY)
        page.wait_for_function(RESULTS_SHOWN, timeout=120_000)
        row["first_search_ms"] = round((time.perf_counter() - start) * 1000)
        page.wait_for_load_state("networkidle")
        if FALLBACK_NOTE in page.inner_text("#zoek-status"):
            raise SystemExit(f"{backend}: the page fell back to Pagefind")
        row["first_view_kb"] = wire.kb()
        row["first_search_kb"] = wire.kb(part=own)
        mark = wire.mark()
        page.fill("#zoek-q", NEXT_QUERY)
        with page.expect_request_finished(lambda r: own(r.url)):
            page.press("#zoek-q", "Enter")
        page.wait_for_function(f"document.getElementById('zoek-status').textContent.includes('resultat') && "
                               f"new URLSearchParams(location.search).get('q') === {NEXT_QUERY!r}")
        page.wait_for_load_state("networkidle")
        row["next_search_kb"] = wire.kb(mark)
        with PeakMemory(server.process.pid if server else os.getpid()) as memory:
            timings = page.evaluate(LATENCY, QUERIES * ROUNDS)
        lines = [line for _, line, _ in timings]
        fetches = sorted(f for _, _, f in timings if f is not None)
        if fetches:
            row["fetch_p50_ms"] = round(statistics.median(fetches), 1)
        if any(FALLBACK_NOTE in line for line in lines):
            raise SystemExit(f"{backend}: the page fell back to Pagefind during the latency run")
        ms = sorted(t for t, _, _ in timings)
        row["p50_ms"] = round(statistics.median(ms), 1)
        row["p95_ms"] = round(ms[int(0.95 * (len(ms) - 1))], 1)
        row["searches"] = len(ms)
        row["zero_result_searches"] = sum(line.startswith("0 resultaten") for line in lines)
        if server:
            row["meili_peak_mib_searching"] = mib(memory.peak)
        wire.kb()  # every size read while the page is open
    finally:
        ctx.close()
    return row


def meili_http_latency(config: dict) -> dict:
    """The same searches straight from Python over one kept-alive connection (no browser): with a
    compressed answer, as browsers ask for it, and uncompressed; and the server's own time."""
    import requests

    session = requests.Session()
    session.headers.update({"Authorization": f"Bearer {config['key']}"})
    body = {"limit": 10, "facets": ["soort", "route", "themas", "doelgroepen", "kernen", "toegang"],
            "attributesToRetrieve": ["url", "soort", "record_id", "naam", "samenvatting", "toegang", "status",
                                     "telefoon", "trefwoorden"],
            "attributesToHighlight": ["naam", "samenvatting"], "attributesToCrop": ["samenvatting"], "cropLength": 30}
    row = {}
    for label, encoding in (("http", "gzip, deflate"), ("http_uncompressed", "identity")):
        wall, server = [], []
        for query in QUERIES * ROUNDS:
            start = time.perf_counter()
            answer = session.post(f"{config['url']}/indexes/{config['index']}/search", json={**body, "q": query},
                                  headers={"Accept-Encoding": encoding}, timeout=10)
            wall.append((time.perf_counter() - start) * 1000)
            server.append(answer.json()["processingTimeMs"])
        wall.sort()
        row[f"{label}_p50_ms"] = round(statistics.median(wall), 1)
        row[f"{label}_p95_ms"] = round(wall[int(0.95 * (len(wall) - 1))], 1)
        row["server_processing_p50_ms"] = statistics.median(server)
    return row


# --- relevance (benchmarks/bench_relevance.py) -------------------------------------------------------------


def relevance(questions: Path) -> dict:
    """bench_relevance.py's recall@5, MRR and zero-result rate per kind of query, for both
    backends on the same questions and data, one after the other."""
    import yaml

    import bench_relevance

    spec = yaml.safe_load(questions.read_text(encoding="utf-8"))
    tables = {}
    for backend in bench_relevance.BACKENDS:
        with tempfile.TemporaryDirectory(prefix=f"bench-relevance-{backend}-") as tmp:
            tables[backend] = bench_relevance.summarise(bench_relevance.evaluate(spec, questions, backend, Path(tmp)))
    bench_relevance.print_side_by_side(tables)
    return tables


# --- the run -----------------------------------------------------------------------------------------------


def one_size(n: int, browser, baseline: bool) -> dict:
    from servers import MeiliServer

    with tempfile.TemporaryDirectory(prefix=f"bench-meili-{n}-") as tmp:
        work = Path(tmp)
        faces = max(20, n // 50)
        write_dataset(work / "data", n, faces, seed=1)
        server = MeiliServer(work / "meili").start(timeout=60)
        try:
            row = {"records": n, "faces": faces, "meili_mib_idle_empty": mib(rss_kib(server.process.pid))}
            row.update(meili_index(server, work / "data", work))
            meili_config = json.loads((work / ".wegwijzer" / "meili.json").read_text())
            env = {"MEILI_URL": meili_config["url"], "MEILI_SEARCH_KEY": meili_config["search_key"],
                   "MEILI_INDEX": meili_config["index"]}
            row.update(pagefind_index(work / "data", work / "site", work, env, baseline))
            page_config = {"backend": "meilisearch", "url": meili_config["url"], "index": meili_config["index"],
                           "key": meili_config["search_key"]}
            base, static = serve_gzip(work / "site")
            try:
                set_backend(work / "site", {})
                row["pagefind"] = measure_page(browser, base, "pagefind", server.url)
                set_backend(work / "site", page_config)
                row["meilisearch"] = measure_page(browser, base, "meilisearch", server.url, server)
                row["meilisearch"].update(meili_http_latency(page_config))
                proxy_url, proxy = start_proxy(server.url)
                try:
                    set_backend(work / "site", {**page_config, "url": proxy_url})
                    row["meilisearch_proxy"] = measure_page(browser, base, "meilisearch", proxy_url, server)
                finally:
                    proxy.shutdown()
            finally:
                static.shutdown()
        finally:
            server.stop()
    return row


def table(rows: list) -> str:
    """The side-by-side table of docs/search.md (markdown)."""
    heads = " | ".join(f"Pagefind {r['records']:,} | Meilisearch {r['records']:,}" for r in rows)
    lines = [f"| figure | {heads} |", "| --- |" + " --- | --- |" * len(rows)]

    def add(label, pf, ms):
        lines.append(f"| {label} | " + " | ".join(f"{pf(r)} | {ms(r)}" for r in rows) + " |")
    add("indexing (wall)", lambda r: f"+{r.get('pagefind_adds_s', '?')} s on the build ({r['pagefind_cpu_s']} s CPU)",
        lambda r: f"{r['meili_index_s']} s (`wegwijzer index`)")
    add("first search, search part", lambda r: f"{r['pagefind']['first_search_kb']} kB",
        lambda r: f"{r['meilisearch']['first_search_kb']} kB")
    add("first view of /zoeken/?q=…", lambda r: f"{r['pagefind']['first_view_kb']} kB",
        lambda r: f"{r['meilisearch']['first_view_kb']} kB")
    add("a later search", lambda r: f"{r['pagefind']['next_search_kb']} kB",
        lambda r: f"{r['meilisearch']['next_search_kb']} kB")
    add("first search shown", lambda r: f"{r['pagefind']['first_search_ms']} ms",
        lambda r: f"{r['meilisearch']['first_search_ms']} ms")
    add("later searches p50 / p95", lambda r: f"{r['pagefind']['p50_ms']} / {r['pagefind']['p95_ms']} ms",
        lambda r: f"{r['meilisearch']['p50_ms']} / {r['meilisearch']['p95_ms']} ms "
                  f"(its fetch: {r['meilisearch'].get('fetch_p50_ms')} ms)")
    add("later searches via a proxy that compresses, p50 / p95", lambda r: "–",
        lambda r: f"{r['meilisearch_proxy']['p50_ms']} / {r['meilisearch_proxy']['p95_ms']} ms "
                  f"(its fetch: {r['meilisearch_proxy'].get('fetch_p50_ms')} ms)")
    add("from Python, kept-alive: compressed / uncompressed p50 (server's own)", lambda r: "–",
        lambda r: f"{r['meilisearch']['http_p50_ms']} / {r['meilisearch']['http_uncompressed_p50_ms']} ms "
                  f"({r['meilisearch']['server_processing_p50_ms']} ms)")
    add("memory", lambda r: "in the browser",
        lambda r: f"{r['meili_peak_mib_indexing']} MiB peak indexing, {r['meili_mib_after_indexing']} MiB after, "
                  f"{r['meilisearch']['meili_peak_mib_searching']} MiB searching")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--no-baseline", action="store_true",
                        help="skip the build without Pagefind (then Pagefind's added build time is not known)")
    parser.add_argument("--relevance", action="store_true",
                        help="also run benchmarks/bench_relevance.py on both backends")
    parser.add_argument("--relevance-questions", type=Path, default=HERE / "relevance" / "dalveld.yaml",
                        help="its question file (it names its data)")
    args = parser.parse_args(argv)
    if not shutil.which("meilisearch"):
        print("bench_meili: no 'meilisearch' executable on PATH; nothing measured.", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM, CHROMIUM_ARGS

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for n in args.sizes:
            rows.append(one_size(n, browser, not args.no_baseline))
            print(json.dumps(rows[-1]), flush=True)
        browser.close()
    if args.relevance:  # after the browser above: bench_relevance.py runs its own
        print(json.dumps({"relevance": relevance(args.relevance_questions)}), flush=True)
    version = subprocess.run(["meilisearch", "--version"], capture_output=True, text=True).stdout.strip()
    print(f"\n{version}, {len(QUERIES) * ROUNDS} searches per backend for the latency\n")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
