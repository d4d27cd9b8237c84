"""The built site works fully under the strict Content-Security-Policy the build writes.

Every page type is served with the policy from the site's .deploy/csp.txt, and Chromium
counts `securitypolicyviolation` events while the page does what a resident does there:
search and filter, "open now", the print button, vCard downloads, and the Meilisearch
path. The Meilisearch server here is a STUB OF THE RESPONSE SHAPE of Meilisearch's
documented search route (hits, _formatted, facetDistribution, estimatedTotalHits) on
127.0.0.1: it is not Meilisearch and proves nothing about one.
"""

from __future__ import annotations

import http.server
import json
import threading

import pytest

from browser import LIJSTJE_KEY, LIJSTJE_LOADED
from builders import build, small_dataset
from servers import serve_with_headers

pytestmark = pytest.mark.browser

# form-action: the site's own forms, and mailto: for the feedback form of data without a form address.
STRICT = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
          "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self' mailto:; frame-ancestors 'none'")
COUNT_VIOLATIONS = """
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', e => window.__violations.push(
    e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '')));
  window.print = () => { window.__printed = true; };  // headless Chromium has no print dialog
"""


def policy_of(site) -> str:
    return (site / ".deploy" / "csp.txt").read_text(encoding="utf-8").strip()


def test_the_build_writes_the_strict_policy_for_deployers(demo_site_dir):
    assert policy_of(demo_site_dir) == STRICT
    nginx = (demo_site_dir / ".deploy" / "nginx-csp.conf").read_text(encoding="utf-8")
    assert f'add_header Content-Security-Policy "{STRICT}" always;' in nginx


def test_no_page_has_an_inline_script_or_style(demo_site_dir):
    import re
    inline = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>|<style\b|\sstyle=|\son[a-z]+=")
    offenders = [str(p.relative_to(demo_site_dir)) for p in demo_site_dir.rglob("*.html")
                 if inline.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def _first(site, pattern: str, containing: str = "") -> str:
    """The address of the first page matching ``pattern`` (sorted) whose HTML holds ``containing``."""
    for path in sorted(site.glob(pattern)):
        if containing in path.read_text(encoding="utf-8"):
            return str(path.parent.relative_to(site)) + "/"
    raise AssertionError(f"no page {pattern} with {containing!r}")


def _wait(page, expression: str, timeout: float = 10.0):
    """Poll ``expression`` until it is true. Playwright's wait_for_function evaluates its
    predicate with eval(), which the policy (rightly) refuses; page.evaluate is not affected."""
    import time

    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"timed out waiting for: {expression}"
        page.wait_for_timeout(50)


def _open_now(page):
    page.wait_for_selector(".ww-open-now:not([hidden])")
    assert page.inner_text(".ww-open-now") in ("Nu open", "Nu gesloten")


def _print_and_vcards(page):
    button = page.locator("[data-ww-print]")
    button.wait_for(state="visible")
    button.click()
    assert page.evaluate("window.__printed") is True
    with page.expect_download() as download:
        page.locator("a[href$='alle-gezichten.vcf']").click()
    assert download.value.suggested_filename == "alle-gezichten.vcf"


def _face_vcard(page):
    with page.expect_download() as download:
        page.locator("a[href$='.vcf']").first.click()
    assert download.value.suggested_filename.endswith(".vcf")


def _search_and_filter(page):
    _wait(page, "document.getElementById('zoek-status').textContent.includes('resultat')")
    before = page.inner_text("#zoek-status")
    if not page.locator("#zoek-filters").evaluate("el => el.open"):
        page.click("#zoek-filters summary")
    value = page.locator("#f-route option").nth(1).get_attribute("value")
    page.select_option("#f-route", value)
    _wait(page, f"location.search.includes('route={value}')")
    _wait(page, "document.getElementById('zoek-status').textContent.includes('resultat')")
    _wait(page, "[...document.querySelectorAll('#f-thema option')].some(o => /\\(\\d+\\)/.test(o.text))")
    page.fill("#zoek-q", "hulp")
    page.press("#zoek-q", "Enter")
    _wait(page, "location.search.includes('q=hulp')")
    _wait(page, "document.getElementById('zoek-status').textContent.includes('resultat')")
    assert page.locator("#zoek-resultaten li").count() >= 1, before


def _print(page):
    button = page.locator("[data-ww-print]")
    button.wait_for(state="visible")
    button.click()
    assert page.evaluate("window.__printed") is True


def _toggle_whole_municipality(page):
    details = page.locator("details.ww-whole__list")
    was_open = details.evaluate("d => d.open")  # open on a wide screen (wegwijzer.js), closed on a phone
    page.locator("details.ww-whole__list summary").click()
    assert details.evaluate("d => d.open") is not was_open


def _feedback_by_email(page):
    page.locator(".ww-question--gehoord input").first.check()
    page.get_by_role("button", name="Verstuur").click(no_wait_after=True)
    page.locator(".ww-feedback__mail").wait_for(state="visible")


def _misspelled(page):
    """zoektaal.js loads the vocabulary (a file of the site) and offers "Bedoelde je: …?"."""
    _wait(page, "!document.getElementById('zoek-suggestie').hidden")
    assert page.inner_text("#zoek-suggestie").startswith("Bedoelde je")


def _dead_end(page):
    _wait(page, "!document.getElementById('zoek-hulp').hidden")


def _bewaar_and_poster(page):
    page.click(".ww-actions [data-ww-bewaar]")
    _wait(page, "document.querySelector('[data-ww-lijstje-aantal]').textContent === '1'")
    page.click("[data-ww-poster]")
    assert page.evaluate("window.__printed") is True


def _filter_professionals(page):
    assert page.input_value("#pro-kern") == "heukelrade"
    page.select_option("#pro-thema", "geld")
    _wait(page, "location.search === '?kern=heukelrade&thema=geld'")


def _lijstje(page):
    saved = [{"k": "v", "id": "basis-ggz", "u": "laten-doen/basis-ggz/", "n": "x"},
             {"k": "g", "id": "bram-hendriks", "u": "gezichtenkaart/bram-hendriks/", "n": "x"}]
    page.evaluate(f"localStorage.setItem({json.dumps(LIJSTJE_KEY)}, {json.dumps(json.dumps(saved))})")
    page.reload()
    _wait(page, f"({LIJSTJE_LOADED})(2)")
    _wait(page, "document.querySelectorAll('#lijstje-items svg.ww-qr').length === 2")  # lean-qr, imported
    page.click("#lijstje-print")
    assert page.evaluate("window.__printed") is True
    page.click("#lijstje-deel")
    _wait(page, "document.getElementById('lijstje-link-veld').value.includes('#lijst=l.basis-ggz,g.bram-hendriks')")
    page.locator("#lijstje-items [data-move=down]").first.click()


def _not_found(page):
    assert page.inner_text("h1") == "Deze pagina bestaat niet"


def _page_types(site):
    return {
        "home": ("", None),
        "route": ("samen-doen/", None),
        "list, page 2": (_first(site, "*/*/pagina/2/index.html"), None),
        "theme": ("thema/geld/", None),
        "target group": (_first(site, "doelgroep/*/index.html"), None),
        "kern": (_first(site, "kern/*/index.html", "ww-whole__list"), _toggle_whole_municipality),
        "voorziening with opening hours": (_first(site, "*-doen/*/index.html", "data-hours"), _open_now),
        "voorziening: Bewaar and poster": ("laten-doen/basis-ggz/", _bewaar_and_poster),
        "voor professionals, filtered": ("voor-professionals/?kern=heukelrade", _filter_professionals),
        "lijstje: print, share, order": ("lijstje/", _lijstje),
        "gezichtenkaart": ("gezichtenkaart/", _print_and_vcards),
        "face": (_first(site, "gezichtenkaart/*/index.html"), _face_vcard),
        "search (Pagefind)": ("zoeken/?q=schulden", _search_and_filter),
        "search, misspelled": ("zoeken/?q=mantelzrog", _misspelled),
        "search, nothing found": ("zoeken/?q=xylofoon", _dead_end),
        "articles": ("artikelen/", None),
        "article": (_first(site, "artikelen/*/index.html"), None),
        "glossary": ("begrippen/", None),
        "accessibility": ("toegankelijkheid/", None),
        "spreekuren": ("spreekuren/", _print),
        "whole municipality": ("hele-gemeente/", None),
        "life events": ("levensloop/", None),
        "life event": (_first(site, "levensloop/*/index.html"), None),
        "zorgen om een ander": ("zorgen-om-een-ander/", None),
        "one front door": ("een-loket/", None),
        "complaints and objections": ("klachten/", None),
        "postcards": ("postkaart/", _print),
        "feedback": (_first(site, "hoe-ging-het/*/index.html"), _feedback_by_email),
        "404": ("bestaat/niet/", _not_found),
    }


def _violations(chromium, base, path, action=None, **context_options):
    context = chromium.new_context(accept_downloads=True, **context_options)
    context.add_init_script(COUNT_VIOLATIONS)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    response = page.goto(base + path, wait_until="networkidle")
    if action:
        action(page)
    page.wait_for_timeout(100)
    found = page.evaluate("window.__violations")
    status = response.status
    context.close()
    return status, found, errors


def test_every_page_type_works_under_the_policy(chromium, demo_site_dir):
    base, server = serve_with_headers(demo_site_dir, {"Content-Security-Policy": policy_of(demo_site_dir)})
    counts = {}
    try:
        for name, (path, action) in _page_types(demo_site_dir).items():
            status, found, errors = _violations(chromium, base, path, action)
            assert status == (404 if name == "404" else 200), name
            assert errors == [], (name, errors)
            counts[name] = found
    finally:
        server.shutdown()
    print("CSP violations per page type:", {name: len(found) for name, found in counts.items()})
    assert {name: found for name, found in counts.items() if found} == {}


def test_the_checks_see_a_broken_page(chromium, demo_site_dir):
    """Controls, so zero above means zero: a policy that refuses our style sheets is counted
    as violations, and one without 'wasm-unsafe-eval' (which Chromium reports as a page
    error, not as an event) breaks Pagefind's search."""
    no_styles, first = serve_with_headers(demo_site_dir, {"Content-Security-Policy": STRICT.replace(
        "style-src 'self'", "style-src 'none'")})
    no_wasm, second = serve_with_headers(demo_site_dir, {"Content-Security-Policy": STRICT.replace(
        " 'wasm-unsafe-eval'", "")})
    try:
        _, found, _errors = _violations(chromium, no_styles, "")
        _, _found, errors = _violations(chromium, no_wasm, "zoeken/?q=schulden")
    finally:
        first.shutdown()
        second.shutdown()
    assert [v for v in found if v.startswith("style-src")]
    assert [e for e in errors if "WebAssembly" in e or "WASM" in e]


# --- the Meilisearch path -------------------------------------------------------------


class MeiliShapeStub(http.server.BaseHTTPRequestHandler):
    """A STUB OF THE RESPONSE SHAPE of POST /indexes/<uid>/search, not Meilisearch: it
    answers every search with the same two hits, as Meilisearch's documentation shows them."""

    def log_message(self, *args):
        pass

    def _cors(self):  # Meilisearch allows cross-origin requests by default
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Headers", "Authorization, Content-Type")
        self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")

    def do_OPTIONS(self):
        self.send_response(204)
        self._cors()
        self.end_headers()

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
        self.server.seen.append(body)
        pre, post = body.get("highlightPreTag", ""), body.get("highlightPostTag", "")
        hits = [{"id": "voorziening-hoeskamer", "url": "samen-doen/hoeskamer/", "soort": "voorziening",
                 "naam": "Hoeskamer Amstenrade", "samenvatting": "Een huiskamer in het dorp.",
                 "toegang": "vrij", "status": "actief", "telefoon": ["045 123 45 67"], "_geoDistance": 1200,
                 "_formatted": {"naam": f"{pre}Hoeskamer{post} Amstenrade",
                                "samenvatting": "Een huiskamer in het dorp."}},
                {"id": "gezicht-anne-voorbeeld", "url": "gezichtenkaart/anne-voorbeeld/", "soort": "gezicht",
                 "naam": "Anne Voorbeeld", "samenvatting": "Ouderenadviseur", "trefwoorden": ["Vervoer"],
                 "_formatted": {"naam": "Anne Voorbeeld", "samenvatting": "Ouderenadviseur"}}]
        payload = json.dumps({"hits": hits, "query": body.get("q", ""), "processingTimeMs": 1,
                              "limit": body.get("limit", 10), "offset": 0, "estimatedTotalHits": 2,
                              "facetDistribution": {"soort": {"voorziening": 1, "gezicht": 1},
                                                    "route": {"samen": 1}, "themas": {"ontmoeten": 1},
                                                    "doelgroepen": {}, "kernen": {"amstenrade": 1},
                                                    "toegang": {"vrij": 1}}}).encode()
        self.send_response(200)
        self._cors()
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def test_the_meilisearch_path_works_under_the_policy_with_its_origin(chromium, tmp_path):
    stub = http.server.ThreadingHTTPServer(("127.0.0.1", 0), MeiliShapeStub)
    stub.seen = []
    threading.Thread(target=stub.serve_forever, daemon=True).start()
    meili = f"http://127.0.0.1:{stub.server_port}"
    site = tmp_path / "site"
    result = build(small_dataset(tmp_path / "voorzieningen"), site,
                   env={"MEILI_URL": meili, "MEILI_SEARCH_KEY": "zoek-" + "ab12" * 10})
    assert result.ok, result.output
    policy = policy_of(site)
    assert policy == STRICT.replace("connect-src 'self'", f"connect-src 'self' {meili}")

    def search_near_me(page):
        _wait(page, "document.getElementById('zoek-status').textContent.includes('resultat')")
        assert "eenvoudige zoekfunctie" not in page.inner_text("#zoek-status")  # no fallback
        assert page.inner_text("#zoek-resultaten li >> nth=0").startswith("Hoeskamer Amstenrade")
        page.click("button.ww-near")
        _wait(page, "document.querySelector('button.ww-near').getAttribute('aria-pressed') === 'true'")
        page.wait_for_selector(".ww-card__distance")

    base, server = serve_with_headers(site, {"Content-Security-Policy": policy})
    without_origin, other = serve_with_headers(site, {"Content-Security-Policy": STRICT})
    try:
        _, found, errors = _violations(chromium, base, "zoeken/?q=koffie", search_near_me, permissions=["geolocation"],
                                       geolocation={"latitude": 50.93, "longitude": 5.86})
        assert found == [] and errors == []
        assert any("sort" in body for body in stub.seen)  # the near-me search reached the stub
        # Control: without the origin in connect-src the request is refused, counted, and
        # the page falls back to Pagefind.
        _, refused, _errors = _violations(chromium, without_origin, "zoeken/?q=koffie")
        assert [v for v in refused if v.startswith("connect-src")]
    finally:
        server.shutdown()
        other.shutdown()
        stub.shutdown()
