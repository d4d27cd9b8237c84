"""How well does the built-in search answer residents' questions? (A benchmark, not a test.)

    .venv/bin/python benchmarks/bench_relevance.py                      # demo data, 125 questions
    .venv/bin/python benchmarks/bench_relevance.py benchmarks/relevance/maasbergen.yaml   # held out
    .venv/bin/python benchmarks/bench_relevance.py --site DIR QUESTIONS  # an already built site
    .venv/bin/python benchmarks/bench_relevance.py --as-large-site     # the chunk budget at its tightest
    PATH=/dir/with/meilisearch:$PATH .venv/bin/python benchmarks/bench_relevance.py --backend both

A question file (YAML) names its data folder (``data``, relative to the file), optionally
a synonyms file (``synonyms``; default: the project's search/synoniemen.yaml), the content
folder (``content``; default the project's content/, ``none`` for no articles) and its
questions: ``q``, ``kind``, ``answers`` (record ids, ``gezicht:<id>``, ``artikel:<slug>``)
and optional ``filters`` (the search address's route, thema, doelgroep, kern, toegang).

The site is built with `wegwijzer build` and served on 127.0.0.1; each question is opened
as /zoeken/?q=… in real Chromium (phone size), exactly as a resident's shared link, one
after another in the same tab (so Pagefind's code is cached, as on a second search).
Printed per kind of query:

- recall@5: the share of questions with a right answer among the first five results
  (as in issue 10: "a right record was among the first five");
- MRR: the mean of 1/rank of the first right answer (0 when none of the shown results);
- zero: the share of questions that got no result at all;
- kB/search: what the search itself downloaded (Pagefind's index, fragments and filter
  files, and the search vocabulary), gzip-compressed as a web server sends it; with
  Meilisearch also its answers (response bodies as sent);
- fallback (Meilisearch only): questions the page answered with Pagefind after all,
  because Meilisearch failed or took longer than 1.5 s.

``--backend meilisearch`` (or ``both``: the same questions and data, one after the other
in one run) starts a Meilisearch server from the PATH on 127.0.0.1 with a temporary
database, runs `wegwijzer index` on the question file's data, synonyms and content, and
builds the site with the search key it wrote: the page then searches Meilisearch as a
resident's phone would, with Pagefind as its fallback.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_QUESTIONS = HERE / "relevance" / "dalveld.yaml"
sys.path.insert(0, str(REPO / "tests"))  # builders.py, servers.py: the project's mkdocs.yml and a Meilisearch server
SHOWN = 10  # results the page shows at first
FALLBACK_NOTE = "Zoeken gaat even via de eenvoudige zoekfunctie."  # zoeken.js, after a Meilisearch failure
BACKENDS = ("pagefind", "meilisearch")
FILTERS = ("route", "thema", "doelgroep", "kern", "toegang")
# The crisis block stands above the first result (not below it, not hidden).
CRISIS_FIRST = """(() => { const c = document.getElementById('zoek-crisis');
  const r = document.getElementById('zoek-resultaten');
  return !!c && !c.hidden && !!(c.compareDocumentPosition(r) & Node.DOCUMENT_POSITION_FOLLOWING); })()"""
# The search is finished when the result line says so (results, none, or a hint).
DONE = ("(() => { const s = document.getElementById('zoek-status').textContent;"
        " return s && !s.startsWith('Bezig'); })()")


class CountingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site and records what each answered request cost, gzip-compressed."""

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=3600")  # as a static host would
        super().end_headers()

    def do_GET(self):
        path = self.translate_path(self.path)
        super().do_GET()
        if os.path.isfile(path):
            data = Path(path).read_bytes()
            packed = data if data[:2] == b"\x1f\x8b" else gzip.compress(data, 6)
            self.server.sent.append((urlsplit(self.path).path, min(len(packed), len(data))))


def serve(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CountingHandler,
                                                                                  directory=str(site)))
    server.sent = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/", server


def without_meili_settings() -> dict:
    return {k: v for k, v in os.environ.items() if not k.startswith("MEILI_")}


def empty_content(folder: Path) -> Path:
    """A content folder without articles or glossary."""
    content = folder / "content"
    content.mkdir(exist_ok=True)
    return content


def build(data: Path, synonyms: Path | None, site: Path, content: Path | None = REPO / "content",
          code: Path | None = None) -> None:
    """`wegwijzer build` in a fresh process, with no MEILI_* variables: Pagefind only, unless
    `wegwijzer index` wrote .wegwijzer/meili.json next to ``site`` (see index_in_meilisearch);
    ``code``: a folder with another version's ``wegwijzer`` package to build with instead."""
    env = without_meili_settings()
    if code is not None:
        env["PYTHONPATH"] = str(code)
    if content is None:  # no articles or glossary
        content = empty_content(site.parent)
    from builders import project_config  # the house style, web editor and QR library from the repository

    replacements = {"docs_dir: content": f"docs_dir: {content}"}
    if synonyms is not None:
        replacements["data_dir: voorzieningen"] = f"data_dir: {data}\n      synonyms_file: {synonyms}"
    config = project_config(site.parent, replacements)
    if synonyms is None and (REPO / "search" / "synoniemen.yaml").is_file():
        (site.parent / "search").mkdir(exist_ok=True)
        (site.parent / "search" / "synoniemen.yaml").write_bytes((REPO / "search" / "synoniemen.yaml").read_bytes())
    out = subprocess.run([sys.executable, "-m", "wegwijzer", "build", str(data), "--site-dir", str(site),
                          "--config-file", str(config)], capture_output=True, text=True, env=env, cwd=site.parent)
    if out.returncode != 0:
        raise SystemExit("build failed:\n" + out.stdout + out.stderr)


def start_meilisearch(folder: Path):
    """A Meilisearch server from the PATH on 127.0.0.1 (tests/servers.py's MeiliServer)."""
    from servers import MeiliServer, meili_binary

    if not meili_binary():
        raise SystemExit("--backend meilisearch: no `meilisearch` executable on the PATH")
    return MeiliServer(folder / "meilisearch").start()


def index_in_meilisearch(server, data: Path, synonyms: Path | None, content: Path | None, site: Path) -> None:
    """`wegwijzer index` the data, synonyms and content the site is built from; the search key
    goes to .wegwijzer/meili.json next to ``site``, where the build reads it."""
    env = dict(without_meili_settings(), MEILI_URL=server.url, MEILI_MASTER_KEY=server.master_key)
    out = subprocess.run([sys.executable, "-m", "wegwijzer", "index", str(data), "--index-uid", "relevantie",
                          "--site-config", str(site.parent / ".wegwijzer" / "meili.json"),
                          "--content", str(content or empty_content(site.parent)),
                          "--synonyms", str(synonyms or REPO / "search" / "synoniemen.yaml"), "--quiet"],
                         capture_output=True, text=True, env=env, cwd=site.parent)
    if out.returncode != 0:
        raise SystemExit("index failed:\n" + out.stdout + out.stderr)


def result_id(href: str) -> str:
    parts = [p for p in urlsplit(href).path.split("/") if p]
    if len(parts) >= 2 and parts[-2] == "gezichtenkaart":
        return "gezicht:" + parts[-1]
    if len(parts) >= 2 and parts[-2] == "artikelen":
        return "artikel:" + parts[-1]
    return parts[-1] if parts else ""


def search_address(question: dict) -> str:
    params = {"q": question["q"]}
    params.update({k: v for k, v in (question.get("filters") or {}).items() if k in FILTERS})
    return "zoeken/?" + urlencode(params)


def run_questions(base: str, server, questions: list, meili_url: str = "") -> list:
    """Each question in the page; ``meili_url``: the Meilisearch server the page searches, if any."""
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
        page = ctx.new_page()
        meili_answers = []
        if meili_url:
            page.on("requestfinished", lambda request: request.url.startswith(meili_url) and meili_answers.append(
                request.sizes()["responseBodySize"]))
        page.goto(base + "zoeken/")
        page.wait_for_function(DONE)
        for question in questions:
            before, answers_before = len(server.sent), len(meili_answers)
            page.goto(base + search_address(question))
            page.wait_for_function(DONE, timeout=30_000)
            page.wait_for_load_state("networkidle")
            hrefs = page.eval_on_selector_all("#zoek-resultaten li h3 a", "els => els.map(e => e.href)")
            found = [result_id(h) for h in hrefs[:SHOWN]]
            answers = set(question["answers"])
            rank = next((i for i, r in enumerate(found, 1) if r in answers), None)
            search_bytes = sum(size for path, size in server.sent[before:]
                               if "/pagefind/" in path or path.endswith(".json"))
            search_bytes += sum(meili_answers[answers_before:])
            status = page.inner_text("#zoek-status")
            rows.append({"q": question["q"], "kind": question["kind"], "rank": rank, "results": len(hrefs),
                         "status": status, "top": found[:5], "bytes": search_bytes,
                         "fallback": bool(meili_url) and FALLBACK_NOTE in status,
                         "answers": bool(answers), "crisis": question.get("crisis"),
                         "crisis_shown": page.is_visible("#zoek-crisis"),
                         "crisis_first": page.evaluate(CRISIS_FIRST)})
        browser.close()
    return rows


def summarise(rows: list) -> dict:
    groups = defaultdict(list)
    for row in rows:
        groups[row["kind"]].append(row)
    groups["alle"] = rows
    table = {}
    for kind, items in groups.items():
        n = len(items)
        answered = [r for r in items if r.get("answers", True)] or items  # recall: questions with a right answer
        must = [r for r in items if r.get("crisis") is True]
        must_not = [r for r in items if r.get("crisis") is False]
        table[kind] = {
            "n": n,
            "recall@5": round(sum(1 for r in answered if r["rank"] and r["rank"] <= 5) / len(answered), 3),
            "mrr": round(sum(1 / r["rank"] for r in answered if r["rank"]) / len(answered), 3),
            "zero": round(sum(1 for r in items if r["results"] == 0) / n, 3),
            "kb_per_search": round(sum(r["bytes"] for r in items) / n / 1000, 1),
            "fallback": sum(1 for r in items if r.get("fallback")),
            # the crisis block: shown above the first result for every question that must show it,
            # and for how many of those that must not
            "crisis": (round(sum(1 for r in must if r.get("crisis_first")) / len(must), 3) if must else None),
            "false_alarms": (round(sum(1 for r in must_not if r.get("crisis_shown")) / len(must_not), 3)
                             if must_not else None),
        }
    return table


def _share(value) -> str:
    return "-" if value is None else f"{value:.3f}"


def print_table(table: dict, title: str) -> None:
    print(f"\n{title}")
    print(f"{'kind':<14}{'n':>4}{'recall@5':>10}{'MRR':>7}{'zero':>7}{'kB/search':>11}{'fallback':>10}"
          f"{'crisis':>8}{'false':>7}")
    for kind, t in table.items():
        print(f"{kind:<14}{t['n']:>4}{t['recall@5']:>10.3f}{t['mrr']:>7.3f}{t['zero']:>7.3f}"
              f"{t['kb_per_search']:>11.1f}{t['fallback']:>10}{_share(t['crisis']):>8}{_share(t['false_alarms']):>7}")


def print_side_by_side(tables: dict) -> None:
    """recall@5 / MRR / zero per kind of query, one column group per backend."""
    names = list(tables)
    print("\nside by side: recall@5 / MRR / zero results (crisis block shown / false alarms)")
    print(f"{'kind':<14}{'n':>4}" + "".join(f"{name:>24}" for name in names))
    for kind, first in tables[names[0]].items():
        cells = "".join(f"{t[kind]['recall@5']:>10.3f}{t[kind]['mrr']:>7.3f}{t[kind]['zero']:>7.3f}"
                        + (f" ({_share(t[kind]['crisis'])}/{_share(t[kind]['false_alarms'])})"
                           if t[kind]["crisis"] is not None or t[kind]["false_alarms"] is not None else "")
                        for t in tables.values())
        print(f"{kind:<14}{first['n']:>4}{cells}")


def evaluate(spec: dict, questions_file: Path, backend: str, work: Path, as_large_site: bool = False,
             site: Path | None = None) -> list:
    """Every question's outcome on one backend: build (and index) the question file's data, serve
    the site on 127.0.0.1 and ask each question in Chromium."""
    meili = None
    if site is None:
        site = work / "site"
        data = (questions_file.parent / spec["data"]).resolve()
        synonyms = (questions_file.parent / spec["synonyms"]).resolve() if spec.get("synonyms") else None
        content = REPO / "content"
        if spec.get("content"):
            content = None if spec["content"] == "none" else (questions_file.parent / spec["content"]).resolve()
        if backend == "meilisearch":
            meili = start_meilisearch(work)
            index_in_meilisearch(meili, data, synonyms, content, site)
        build(data, synonyms, site, content)
        if as_large_site:  # only in a site built here
            (site / "zoeken" / "delen.json").unlink(missing_ok=True)
    base, server = serve(site)
    try:
        return run_questions(base, server, spec["questions"], meili.url if meili else "")
    finally:
        server.shutdown()
        if meili is not None:
            meili.stop()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", nargs="?", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--site", type=Path, help="an already built site of the question file's data")
    parser.add_argument("--misses", action="store_true", help="also print each question without a right answer")
    parser.add_argument("--json", type=Path, help="write every question's outcome to this file")
    parser.add_argument("--as-large-site", action="store_true",
                        help="without the index chunk table (zoeken/delen.json): each search keeps to words of two "
                             "two-letter groups, as on a site where every word is in an index chunk of its own")
    parser.add_argument("--backend", choices=(*BACKENDS, "both"), default="pagefind",
                        help="the page's search: built-in (Pagefind), Meilisearch (a server from the PATH), or both "
                             "on the same questions and data in one run")
    args = parser.parse_args(argv)
    spec = yaml.safe_load(args.questions.read_text(encoding="utf-8"))
    backends = BACKENDS if args.backend == "both" else (args.backend,)
    outcomes, tables = {}, {}
    for backend in backends:
        with tempfile.TemporaryDirectory(prefix=f"bench-relevance-{backend}-") as tmp:
            outcomes[backend] = evaluate(spec, args.questions, backend, Path(tmp), args.as_large_site, args.site)
        tables[backend] = summarise(outcomes[backend])
        print_table(tables[backend], f"{args.questions.name}, {backend}: {len(spec['questions'])} questions")
        if args.misses:
            for row in outcomes[backend]:
                if row.get("answers", True) and (not row["rank"] or row["rank"] > 5):
                    print(f"  miss [{row['kind']}] {row['q']!r}: rank {row['rank']}, {row['status']!r}, "
                          f"top {row['top']}")
                if row.get("crisis") is True and not row.get("crisis_first"):
                    print(f"  no crisis block [{row['kind']}] {row['q']!r}")
                if row.get("crisis") is False and row.get("crisis_shown"):
                    print(f"  false alarm [{row['kind']}] {row['q']!r}")
    if len(tables) > 1:
        print_side_by_side(tables)
    if args.json:
        args.json.write_text(json.dumps({backend: {"summary": tables[backend], "questions": outcomes[backend]}
                                         for backend in backends}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
