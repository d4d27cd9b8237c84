"""The search page configured for Meilisearch: fallback to Pagefind, requests, safe mapping.

No Meilisearch server runs here. The sites below are built with a Meilisearch URL that
  - refuses connections (a closed port),
  - HANGS: a local handler that reads the request and never answers,
  - answers HTTP 500,
and the page must still show results, via Pagefind, with a short note.

`canned_meili_response` is NOT a Meilisearch server and proves nothing about one: it is
a fixed answer in the documented shape of Meilisearch's search route (hits, _formatted,
_geoDistance, facetDistribution, estimatedTotalHits), used only to test how our page
maps and escapes such an answer. Searching a real server is tests/test_meili_live.py.
"""

from __future__ import annotations

import http.server
import json
import re
import socket
import threading
from urllib.parse import urlsplit

import pytest

from builders import build, small_dataset
from servers import serve
from wegwijzer.search.fields import RETRIEVED

pytestmark = pytest.mark.browser

SEARCH_KEY = "zoek-sleutel-" + "5e7a" * 8
FALLBACK_NOTE = "Zoeken gaat even via de eenvoudige zoekfunctie."
PWN = "<img src=x onerror=window.__pwned=1>"


def canned_meili_response(body: dict) -> dict:
    """A recorded/documented Meilisearch search answer (not a server, not a search).

    Meilisearch puts the request's highlightPreTag/highlightPostTag around matches in
    `_formatted`; the canned text does the same with the tags the page sent, and
    carries an injection string and a literal <mark> that must both stay text.
    """
    pre, post = body.get("highlightPreTag", ""), body.get("highlightPostTag", "")
    hits = [
        {"id": "voorziening-schuldhulp", "url": "laten-doen/schuldhulp/", "soort": "voorziening",
         "naam": f"Schuldhulp {PWN}", "samenvatting": "Hulp als je schulden hebt <mark>nep</mark>.",
         "toegang": "verwijzing", "status": "actief", "telefoon": ["045 123 45 67", "0451234567"],
         "_geo": {"lat": 50.93, "lng": 5.86}, "_geoDistance": 2345,
         "_formatted": {"naam": f"{pre}Schuldhulp{post} {PWN}",
                        "samenvatting": f"Hulp als je {pre}schulden{post} hebt <mark>nep</mark>."}},
        {"id": "gezicht-anne-voorbeeld", "url": "gezichtenkaart/anne-voorbeeld/", "soort": "gezicht",
         "record_id": "anne-voorbeeld", "naam": "Anne Voorbeeld",
         "samenvatting": "Ouderenadviseur bij Stichting Welzijn Beekdaelen", "trefwoorden": ["Eenzaamheid"],
         "status": "actief", "telefoon": ["06 12345678", "0612345678"],
         "_formatted": {"naam": "Anne Voorbeeld", "samenvatting": "Ouderenadviseur bij Stichting Welzijn"}},
        {"id": "voorziening-elders", "url": "https://evil.example/phish", "soort": "voorziening",
         "naam": "Elders", "samenvatting": "", "_formatted": {"naam": "Elders", "samenvatting": ""}},
    ]
    return {"hits": hits, "query": body.get("q", ""), "processingTimeMs": 1, "limit": body.get("limit", 10),
            "offset": 0, "estimatedTotalHits": 3,
            "facetDistribution": {"soort": {"voorziening": 2, "gezicht": 1}, "route": {"laten": 1},
                                  "themas": {"geld": 1}, "doelgroepen": {"volwassenen": 1},
                                  "kernen": {"amstenrade": 2, "hulsberg": 1}, "toegang": {"verwijzing": 1}},
            "facetStats": {}}


class StubHandler(http.server.BaseHTTPRequestHandler):
    """Answers as server.mode says: 'hang' (never), '500', or 'canned'. Records every request."""

    def log_message(self, *args):
        pass

    def _cors(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Headers", "Authorization, Content-Type")
        self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")

    def _hang(self):
        self.server.release.wait(20)  # hold the connection open, answer nothing
        self.close_connection = True

    def _trickle(self):
        """Headers and the start of a body, then nothing: the body never ends."""
        self.send_response(200)
        self._cors()
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.write(b'{"hits": [')
        self.wfile.flush()
        self._hang()

    def do_OPTIONS(self):
        if self.server.mode == "hang":
            return self._hang()
        self.send_response(204)
        self._cors()
        self.end_headers()

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        self.server.seen.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": body})
        if self.server.mode == "hang":
            return self._hang()
        if self.server.mode == "trickle":
            return self._trickle()
        if self.server.mode == "500":
            data, code = {"message": "internal", "code": "internal", "type": "internal"}, 500
        elif self.path == "/multi-search":  # the documented shape: one answer per query
            data, code = {"results": [canned_meili_response(q) for q in body.get("queries", [])]}, 200
        elif self.server.mode == "503-with-hits":  # an error status whatever the body looks like
            data, code = canned_meili_response(body), 503
        elif self.server.mode == "empty":  # the documented shape of an answer without hits
            data, code = dict(canned_meili_response(body), hits=[], estimatedTotalHits=0), 200
        else:
            data, code = canned_meili_response(body), 200
        payload = json.dumps(data).encode()
        self.send_response(code)
        self._cors()
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


@pytest.fixture(scope="module")
def stub():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), StubHandler)
    server.daemon_threads = True
    server.mode, server.seen, server.release = "canned", [], threading.Event()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.release.set()
    server.shutdown()


@pytest.fixture(scope="module")
def refusing_port():
    """A port that refuses connections: bound (so no other program can take it) but not listening."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        yield s.getsockname()[1]


def built_site(tmp_path_factory, meili_url: str):
    tmp = tmp_path_factory.mktemp("meili-site")
    env = {"MEILI_URL": meili_url, "MEILI_SEARCH_KEY": SEARCH_KEY}
    result = build(small_dataset(tmp / "voorzieningen"), tmp / "site", env=env)
    assert result.ok, result.output
    url, server = serve(tmp / "site")
    return url, server, tmp / "site"


@pytest.fixture(scope="module")
def refused_site(tmp_path_factory, refusing_port):
    """A site whose Meilisearch URL refuses connections: (base URL, Meilisearch URL)."""
    meili = f"http://127.0.0.1:{refusing_port}"
    url, server, _ = built_site(tmp_path_factory, meili)
    yield url, meili
    server.shutdown()


@pytest.fixture(scope="module")
def stub_site(tmp_path_factory, stub):
    """A site whose Meilisearch URL is the local stub handler: (base URL, stub server, site dir)."""
    url, server, site = built_site(tmp_path_factory, f"http://127.0.0.1:{stub.server_port}")
    yield url, stub, site
    server.shutdown()


@pytest.fixture
def stub_mode(stub):
    def set_mode(mode):
        stub.mode = mode
        stub.seen.clear()
    yield set_mode
    stub.mode = "canned"


def wait_for_results(page, timeout=10000):
    page.wait_for_function("document.getElementById('zoek-status').textContent.includes('resultat')",
                           timeout=timeout)


def record_requests(page):
    seen = []
    page.on("request", lambda r: seen.append(r.url))
    return seen


def foreign(requests, *allowed_origins):
    own = {urlsplit(o).netloc for o in allowed_origins}
    return [u for u in requests if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).netloc not in own]


# --- the build -------------------------------------------------------------------------


def test_built_page_carries_the_config_and_a_preconnect(stub_site):
    _, stub, site = stub_site
    page = (site / "zoeken" / "index.html").read_text(encoding="utf-8")
    meili = f"http://127.0.0.1:{stub.server_port}"
    config = page.split('<script type="application/json" id="zoek-config">')[1].split("</script>")[0]
    assert json.loads(config) == {"backend": "meilisearch", "url": meili, "index": "wegwijzer", "key": SEARCH_KEY,
                                  "velden": list(RETRIEVED)}
    assert f'<link rel="preconnect" href="{meili}" crossorigin>' in page
    # Other pages do not mention Meilisearch at all.
    assert meili not in (site / "index.html").read_text(encoding="utf-8")


def test_without_config_the_page_stays_pagefind_only(demo_site):
    import urllib.request
    page = urllib.request.urlopen(demo_site + "zoeken/").read().decode()
    assert '<script type="application/json" id="zoek-config">{}</script>' in page
    assert "preconnect" not in page


# --- fallback ----------------------------------------------------------------------------


def test_refused_connection_falls_back_to_pagefind(phone, refused_site):
    site, meili = refused_site
    requests = record_requests(phone)
    phone.goto(site + "zoeken/?q=schulden")
    wait_for_results(phone, timeout=5000)
    assert FALLBACK_NOTE in phone.inner_text("#zoek-status")
    assert "Schuldhulp Beekdaelen" in phone.inner_text("#zoek-resultaten")
    assert any(u.startswith(meili) for u in requests), "the page did not try Meilisearch first"
    assert any("/pagefind/" in u for u in requests)
    # Later searches go straight to Pagefind, without the note and without trying again.
    tried = len([u for u in requests if u.startswith(meili)])
    phone.fill("#zoek-q", "koffie")
    phone.press("#zoek-q", "Enter")
    phone.wait_for_function("!document.getElementById('zoek-status').textContent.includes('eenvoudige')")
    wait_for_results(phone)
    assert "Hoeskamer" in phone.inner_text("#zoek-resultaten")
    assert len([u for u in requests if u.startswith(meili)]) == tried
    assert phone.locator(".ww-near").is_hidden()


# The page's own clock is Playwright's fake one, so the time is exact whatever the machine
# is doing: the timer that ends the wait for Meilisearch fires at 1,500 ms of page time and
# not a millisecond before. The page's fetch is watched (not changed): when it is sent,
# when its headers are in, and when its abort signal fires.
MEILI_TIMEOUT_MS = 1500
WATCH_FETCH = """(() => {
  const realFetch = window.fetch;
  let sent, answered;
  window.__meiliSent = new Promise(resolve => { sent = resolve; });
  window.__meiliAnswered = new Promise(resolve => { answered = resolve; });
  window.__meiliAborted = false;
  window.fetch = function (url, init) {
    const result = realFetch.apply(this, arguments);
    if (!String(url).includes("/indexes/")) return result;
    if (init && init.signal) init.signal.addEventListener("abort", () => { window.__meiliAborted = true; });
    sent();
    return result.then(response => { answered(); return response; });
  };
})();"""


def search_with_a_stopped_clock(page, site, words):
    """Open /zoeken/ with the fake clock, stop page time and search: returns when the request is out."""
    page.clock.install()
    page.add_init_script(WATCH_FETCH)
    page.goto(site + "zoeken/", wait_until="load")
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)  # from here page time moves only by run_for
    page.fill("#zoek-q", words)
    page.press("#zoek-q", "Enter")
    page.evaluate("window.__meiliSent")  # the request is out, so its timer is running


@pytest.mark.parametrize("mode", ["hang", "trickle"], ids=["no-answer", "body-never-ends"])
def test_the_fallback_comes_at_exactly_one_and_a_half_seconds(phone, stub_site, stub_mode, mode):
    site, stub, _ = stub_site
    stub_mode(mode)
    pagefind = []
    phone.on("request", lambda r: pagefind.append(r.url) if "/pagefind/" in r.url else None)
    search_with_a_stopped_clock(phone, site, "schulden")
    if mode == "trickle":
        phone.evaluate("window.__meiliAnswered")  # headers are in; the body is being read
    phone.clock.run_for(MEILI_TIMEOUT_MS - 1)
    assert phone.evaluate("window.__meiliAborted") is False
    assert phone.inner_text("#zoek-status") == "Bezig met zoeken…"
    assert pagefind == []  # not given up yet
    phone.clock.run_for(1)
    assert phone.evaluate("window.__meiliAborted") is True  # given up at 1,500 ms exactly
    phone.clock.resume()
    phone.wait_for_function("document.getElementById('zoek-status').textContent.includes('eenvoudige')")
    assert re.fullmatch(r"\d+ resultat(en)?\. " + re.escape(FALLBACK_NOTE), phone.inner_text("#zoek-status"))
    assert "Schuldhulp Beekdaelen" in phone.inner_text("#zoek-resultaten")
    assert pagefind


def test_an_answer_just_in_time_is_used(phone, stub_site, stub_mode):
    site, stub, _ = stub_site
    stub_mode("canned")
    search_with_a_stopped_clock(phone, site, "schulden")
    phone.evaluate("window.__meiliAnswered")
    phone.wait_for_function("document.getElementById('zoek-status').textContent === '3 resultaten'")
    phone.clock.run_for(MEILI_TIMEOUT_MS * 2)  # the timer was cleared: nothing happens later
    assert phone.evaluate("window.__meiliAborted") is False
    assert phone.inner_text("#zoek-status") == "3 resultaten"


@pytest.mark.parametrize("mode", ["500", "503-with-hits"])
def test_server_error_falls_back(phone, stub_site, stub_mode, mode):
    site, stub, _ = stub_site
    stub_mode(mode)
    phone.goto(site + "zoeken/?q=schulden")
    wait_for_results(phone, timeout=5000)
    assert FALLBACK_NOTE in phone.inner_text("#zoek-status")
    assert "Schuldhulp Beekdaelen" in phone.inner_text("#zoek-resultaten")
    assert stub.seen and stub.seen[0]["auth"] == "Bearer " + SEARCH_KEY


@pytest.mark.parametrize("mode", ["hang", "500"])
def test_requests_go_only_to_the_site_and_the_configured_server(phone, stub_site, stub_mode, mode):
    site, stub, _ = stub_site
    stub_mode(mode)
    requests = record_requests(phone)
    phone.goto(site + "zoeken/?q=schulden&thema=geld")
    wait_for_results(phone, timeout=8000)
    phone.fill("#zoek-q", "koffie")
    phone.press("#zoek-q", "Enter")
    phone.wait_for_load_state("networkidle")
    meili = f"http://127.0.0.1:{stub.server_port}"
    assert any(u.startswith(meili + "/indexes/wegwijzer/search") for u in requests)
    assert foreign(requests, site, meili) == []


def test_refused_site_requests_only_its_own_origin_and_the_configured_url(phone, refused_site):
    site, meili = refused_site
    requests = record_requests(phone)
    phone.goto(site + "zoeken/?q=schulden", wait_until="networkidle")
    wait_for_results(phone)
    assert foreign(requests, site, meili) == []


# --- mapping a Meilisearch answer (canned, see the module docstring) ----------------------


def test_highlights_are_marks_and_everything_else_is_text(phone, stub_site, stub_mode):
    site, stub, _ = stub_site
    stub_mode("canned")
    requests = record_requests(phone)
    dialogs = []
    phone.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    phone.goto(site + "zoeken/?q=schulden")
    wait_for_results(phone)
    phone.wait_for_timeout(200)
    assert phone.inner_text("#zoek-status") == "3 resultaten"
    assert phone.evaluate("window.__pwned") is None and dialogs == []
    first = phone.locator("#zoek-resultaten li").first
    assert first.locator("h3 a mark").all_inner_texts() == ["Schuldhulp"]
    assert PWN in first.locator("h3").inner_text()  # shown as text
    assert first.locator("img").count() == 0
    summary = first.locator(".ww-card__summary")
    assert summary.locator("mark").all_inner_texts() == ["schulden"]
    assert "<mark>nep</mark>" in summary.inner_text()  # the record's own "<mark>" stays text
    assert first.locator(".ww-card__distance").inner_text() == "Afstand: 2,3 km"
    assert first.locator("a.ww-phone").get_attribute("href") == "tel:0451234567"
    hrefs = phone.eval_on_selector_all("#zoek-resultaten h3 a", "els => els.map(e => e.href)")
    assert hrefs[0] == site + "laten-doen/schuldhulp/"
    assert hrefs[1] == site + "gezichtenkaart/anne-voorbeeld/"  # the face's own page, as with Pagefind
    assert hrefs[2] == site  # an address off the site is not linked
    # Counts use the filter values the page, Pagefind and the index share: kern slugs, shown by name.
    assert phone.locator("#f-kern option[value='amstenrade']").text_content() == "Amstenrade (2)"
    assert phone.locator("#f-thema option[value='geld']").text_content().endswith("(1)")
    assert not [u for u in requests if "/pagefind/" in u]


def test_request_body_filters_are_mapped_and_escaped(phone, stub_site, stub_mode):
    site, stub, _ = stub_site
    stub_mode("canned")
    phone.goto(site + 'zoeken/?q=schuld&thema=geld&kern=Amstenrade&doelgroep=ouderen&toegang=a"b\\c')
    wait_for_results(phone)
    body = stub.seen[-1]["body"]
    assert stub.seen[-1]["path"] == "/indexes/wegwijzer/search"
    assert stub.seen[-1]["auth"] == "Bearer " + SEARCH_KEY
    assert body["q"] == "schuld"
    assert body["filter"] == ['themas = "geld"', 'doelgroepen = "ouderen"', 'kernen = "amstenrade"',
                              'toegang = "a\\"b\\\\c"']
    assert body["facets"] == ["soort", "route", "themas", "doelgroepen", "kernen", "toegang"]
    assert body["attributesToHighlight"] == ["naam", "samenvatting"]
    pre, post = body["highlightPreTag"], body["highlightPostTag"]
    assert len(pre) > 12 and pre != post and "<" not in pre + post
    assert "sort" not in body


def test_near_me_sorts_by_distance_only_after_a_click(chromium, stub_site, stub_mode):
    site, stub, _ = stub_site
    stub_mode("canned")
    ctx = chromium.new_context(geolocation={"latitude": 50.912345, "longitude": 5.876543},
                               permissions=["geolocation"])
    try:
        page = ctx.new_page()
        page.goto(site + "zoeken/?q=schulden")
        wait_for_results(page)
        assert "sort" not in stub.seen[-1]["body"]
        button = page.get_by_role("button", name="Bij mij in de buurt")
        assert button.get_attribute("aria-pressed") == "false"
        before = len(stub.seen)
        button.click()
        page.wait_for_function("document.querySelector('.ww-near').getAttribute('aria-pressed') === 'true'")
        wait_for_results(page)
        page.wait_for_function("document.getElementById('zoek-status').textContent === '3 resultaten'")
        assert len(stub.seen) > before
        assert stub.seen[-1]["body"]["sort"] == ["_geoPoint(50.912, 5.877):asc"]
        assert "50.91" not in page.url  # the location never goes into the address
    finally:
        ctx.close()


@pytest.mark.parametrize("mode", ["canned", "500"])
def test_axe_no_violations_on_the_configured_search_page(phone, stub_site, stub_mode, mode):
    from builders import REPO
    site, stub, _ = stub_site
    stub_mode(mode)
    phone.goto(site + "zoeken/?q=schulden")
    wait_for_results(phone, timeout=5000)
    phone.add_script_tag(path=str(REPO / "tests" / "node_modules" / "axe-core" / "axe.min.js"))
    violations = phone.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in violations]


# --- the same query handling as the built-in search ------------------------------------------


def test_meilisearch_gets_the_meaningful_words_one_query_each(phone, stub_site, stub_mode):
    site, stub, _ = stub_site
    stub_mode("canned")
    phone.goto(site + "zoeken/?q=" + "Ik heb hulp nodig bij mijn schulden")
    wait_for_results(phone)
    assert FALLBACK_NOTE not in phone.inner_text("#zoek-status")
    seen = stub.seen[-1]
    assert seen["path"] == "/multi-search"  # a sentence: one request, a query per meaningful word
    queries = seen["body"]["queries"]
    assert [q["q"] for q in queries[:-1]] == ["hulp", "nodig", "schulden"]  # stop words and filler dropped
    assert {q["matchingStrategy"] for q in queries} == {"last"}
    assert queries[-1]["q"] == "hulp nodig schulden" and queries[-1]["limit"] == 0  # the filter counts
    # One word: one search, Meilisearch's own strategy.
    phone.goto(site + "zoeken/?q=schulden")
    wait_for_results(phone)
    assert stub.seen[-1]["path"].endswith("/search") and stub.seen[-1]["body"]["matchingStrategy"] == "frequency"


def test_meilisearch_typo_gets_the_same_did_you_mean(phone, stub_site, stub_mode):
    site, stub, _ = stub_site
    stub_mode("canned")  # highlights "Schuldhulp" and "schulden", as Meilisearch's typo tolerance would
    phone.goto(site + "zoeken/?q=schuldn&thema=geld")
    wait_for_results(phone)
    assert stub.seen[-1]["body"]["q"] == "schuldn"
    assert phone.inner_text("#zoek-suggestie").startswith("Bedoelde je: schulden?")
    href = phone.locator("#zoek-suggestie a").get_attribute("href")
    assert href.endswith("?q=schulden&thema=geld")
    # A word Meilisearch found as typed: no suggestion.
    phone.goto(site + "zoeken/?q=schulden")
    wait_for_results(phone)
    assert phone.locator("#zoek-suggestie").is_hidden()


def test_meilisearch_without_hits_shows_the_same_help_and_never_a_dead_end(phone, stub_site, stub_mode):
    site, stub, _ = stub_site
    stub_mode("empty")
    phone.goto(site + "zoeken/?q=xylofoon")
    phone.wait_for_function("document.getElementById('zoek-status').textContent === 'Geen resultaten'")
    assert phone.locator("#zoek-hulp").is_visible()
    assert phone.locator("#zoek-hulp a[href='tel:14046']").count() == 1
    assert not [s for s in stub.seen if "/pagefind/" in s["path"]]
    # Stop words only: the hint, and no request to Meilisearch at all.
    stub_mode("canned")
    phone.goto(site + "zoeken/?q=wat+kan+ik")
    phone.wait_for_function("document.getElementById('zoek-status').textContent.startsWith('Typ een woord')")
    assert stub.seen == [] and phone.locator("#zoek-hulp").is_visible()
